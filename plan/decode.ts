import { SecretValue, UNKNOWN } from "./resources";

// The wire signatures of the Pulumi RPC property format, exported by the SDK's rpc module.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const rpc = require("@pulumi/pulumi/runtime/rpc") as Record<string, string>;
const SIG_KEY = rpc["specialSigKey"]!;
const SECRET = rpc["specialSecretSig"]!;
const RESOURCE = rpc["specialResourceSig"]!;
const ASSET = rpc["specialAssetSig"]!;
const ARCHIVE = rpc["specialArchiveSig"]!;
const OUTPUT_VALUE = rpc["specialOutputValueSig"]!;
const UNKNOWN_VALUE = rpc["unknownValue"]!;

/**
 * Turns a serialized property tree (`Struct.toJavaScript()`) into plain data for the plan: secrets
 * become SecretValue, resource references their URN, assets a short description. Unlike the SDK's
 * own deserializer it never constructs live Resource objects.
 */
export function decodeProperty(v: unknown): unknown {
    if (v === UNKNOWN_VALUE) return UNKNOWN;
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
            return { archive: o["path"] ?? o["uri"] ?? Object.keys((o["assets"] as object) ?? {}) };
        case OUTPUT_VALUE: {
            const inner = "value" in o ? decodeProperty(o["value"]) : UNKNOWN;
            return o["secret"] ? new SecretValue(inner) : inner;
        }
        default:
            return Object.fromEntries(Object.entries(o).map(([k, e]) => [k, decodeProperty(e)]));
    }
}

export function decodeStruct(struct: { toJavaScript(): Record<string, unknown> } | undefined): Record<string, unknown> {
    if (!struct) return {};
    return decodeProperty(struct.toJavaScript()) as Record<string, unknown>;
}

/** Plain value for a consumer that must not see secrets: SecretValue becomes its placeholder text. */
export function unwrapForPolicy(v: unknown, secretText: string): unknown {
    if (v instanceof SecretValue) return secretText;
    if (Array.isArray(v)) return v.map((e) => unwrapForPolicy(e, secretText));
    if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, unwrapForPolicy(e, secretText)]));
    }
    return v;
}
