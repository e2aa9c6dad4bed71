import { stableJson } from "../../../contracts/stableJson";

/**
 * Comparing what the program asked for with what MediaLive describes. DescribeChannel answers with
 * server defaults and members the request never set (the model's DescribeChannelResponse carries
 * PipelineDetails, EgressEndpoints, Maintenance, ... and EncoderSettings with every defaulted
 * member), so a raw comparison would report drift on every channel after each refresh.
 */

/**
 * The engine's placeholder for a value not known at preview (`unknownValue` in
 * @pulumi/pulumi/runtime/rpc.js): the dynamic-provider host hands it to diff in place of the value.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (isObject(v)) return Object.values(v).some(containsUnknown);
    return false;
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * `described` cut down to the keys `template` (what the program set) has, at every depth. List
 * elements pair by position; elements beyond the template's are kept whole (something was added).
 * A key the template has but the description lacks stays absent, so it shows as a change.
 */
export function project(described: unknown, template: unknown): unknown {
    if (Array.isArray(template)) {
        if (!Array.isArray(described)) return described;
        return described.map((d, i) => (i < template.length ? project(d, template[i]) : d));
    }
    if (isObject(template)) {
        if (!isObject(described)) return described;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(template)) {
            if (described[k] !== undefined && described[k] !== null) out[k] = project(described[k], template[k]);
        }
        return out;
    }
    return described;
}

/**
 * The value as compared: no undefined or null members and no empty lists, which MediaLive treats as
 * "not set" (DescribeChannel answers `captionDescriptions: []` for a channel created without any).
 * Empty objects stay: `{ EmbeddedDestinationSettings: {} }` selects a union member.
 */
export function canonical(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(canonical);
    if (isObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            if (x === undefined || x === null || (Array.isArray(x) && x.length === 0)) continue;
            out[k] = canonical(x);
        }
        return out;
    }
    return v;
}

export function sameValue(a: unknown, b: unknown): boolean {
    return stableJson(canonical(a)) === stableJson(canonical(b));
}

export type DiffKind = "add" | "delete" | "update";

/** Paths (`EncoderSettings.VideoDescriptions[0].Sharpness`) where the canonical values differ. */
export function changedPaths(a: unknown, b: unknown, path = "", out: Record<string, DiffKind> = {}, limit = 50): Record<string, DiffKind> {
    if (Object.keys(out).length >= limit) return out;
    const ca = path === "" ? canonical(a) : a;
    const cb = path === "" ? canonical(b) : b;
    if (stableJson(ca) === stableJson(cb)) return out;
    if (ca === undefined) {
        out[path] = "add";
    } else if (cb === undefined) {
        out[path] = "delete";
    } else if (Array.isArray(ca) && Array.isArray(cb)) {
        for (let i = 0; i < Math.max(ca.length, cb.length); i++) changedPaths(ca[i], cb[i], `${path}[${i}]`, out, limit);
    } else if (isObject(ca) && isObject(cb)) {
        for (const k of [...new Set([...Object.keys(ca), ...Object.keys(cb)])].sort()) {
            changedPaths(ca[k], cb[k], path ? `${path}.${k}` : k, out, limit);
        }
    } else {
        out[path] = "update";
    }
    return out;
}

/**
 * The value as the engine's host can encode it: `Struct.fromJavaScript` rejects `undefined`
 * ("Unexpected struct type"), so undefined members are dropped at every depth.
 */
export function wireSafe<T>(v: T): T {
    if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(wireSafe) as unknown as T;
    if (isObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = wireSafe(x);
        return out as T;
    }
    return v;
}
