import { isUnknown, SecretValue, UnknownValue } from "./capturedPlan";

import { wireSignatures } from "./sdkInternals";

// The wire signatures of the Pulumi RPC property format, exported by the SDK's rpc module.
const {
    sigKey: SIG_KEY,
    secret: SECRET,
    resource: RESOURCE,
    asset: ASSET,
    archive: ARCHIVE,
    outputValue: OUTPUT_VALUE,
    unknown: UNKNOWN_VALUE,
} = wireSignatures();

/**
 * Turns a serialized property tree (`Struct.toJavaScript()`) into plain data for the plan: secrets
 * become SecretValue, resource references their URN, assets a short description. Unlike the SDK's
 * own deserializer it never constructs live Resource objects.
 */
export function decodeProperty(v: unknown): unknown {
    if (v === UNKNOWN_VALUE) return UnknownValue.instance;
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(decodeProperty);
    const o = v as Record<string, unknown>;
    switch (o[SIG_KEY]) {
        case SECRET:
            return new SecretValue(decodeProperty(o["value"]));
        case RESOURCE:
            return o["urn"];
        case ASSET:
            return { asset: o["path"] ?? o["uri"] ?? `text (${String(o["text"] ?? "").length} bytes)` };
        case ARCHIVE:
            return { archive: o["path"] ?? o["uri"] ?? Object.keys((o["assets"] as object) ?? {}).sort() };
        case OUTPUT_VALUE: {
            const inner = "value" in o ? decodeProperty(o["value"]) : UnknownValue.instance;
            return o["secret"] ? new SecretValue(inner) : inner;
        }
        default:
            return Object.fromEntries(Object.entries(o).map(([k, e]) => [k, decodeProperty(e)]));
    }
}

/**
 * Plain value for a consumer that must not see secrets: SecretValue becomes its placeholder text,
 * UnknownValue the wire sentinel the policy SDK recognises as unknown (what the engine sends an
 * analyzer during preview). Subtrees without either are returned as they are (consumers only read
 * them), so a large plan is not copied once per policy run.
 */
export function unwrapForPolicy(v: unknown, secretText: string): unknown {
    if (v instanceof SecretValue) return secretText;
    if (isUnknown(v)) return UNKNOWN_VALUE;
    if (Array.isArray(v)) {
        let out: unknown[] | undefined;
        for (let i = 0; i < v.length; i++) {
            const e = unwrapForPolicy(v[i], secretText);
            if (e !== v[i]) (out ??= v.slice())[i] = e;
        }
        return out ?? v;
    }
    if (v !== null && typeof v === "object") {
        let out: Record<string, unknown> | undefined;
        for (const k of Object.keys(v)) {
            const before = (v as Record<string, unknown>)[k];
            const e = unwrapForPolicy(before, secretText);
            if (e !== before) (out ??= { ...(v as Record<string, unknown>) })[k] = e;
        }
        return out ?? v;
    }
    return v;
}
