/**
 * Reading resource properties that arrive in two spellings: Pulumi's camelCase (`channelClass`) and
 * the AWS API's PascalCase (`ChannelClass`, used by the OnAir MediaLive dynamic resource). Lookups
 * ignore the case of the first letter so one rule reads both.
 */
export type Props = Record<string, unknown>;

export function field(obj: unknown, key: string): unknown {
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return undefined;
    const o = obj as Props;
    if (key in o) return o[key];
    const alt = key[0] === key[0]!.toUpperCase() ? key[0]!.toLowerCase() + key.slice(1) : key[0]!.toUpperCase() + key.slice(1);
    return o[alt];
}

/** Walks a path of keys; undefined as soon as a step is missing. */
export function dig(obj: unknown, ...path: string[]): unknown {
    let cur = obj;
    for (const key of path) {
        cur = field(cur, key);
        if (cur === undefined) return undefined;
    }
    return cur;
}

export function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
    return typeof v === "string" ? v : undefined;
}

export function num(v: unknown): number | undefined {
    return typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : undefined;
}

/** Policy documents arrive as objects or JSON strings depending on the provider. */
export function jsonObject(v: unknown): Props | undefined {
    if (typeof v === "string") {
        try {
            const parsed = JSON.parse(v);
            return parsed && typeof parsed === "object" ? (parsed as Props) : undefined;
        } catch {
            return undefined;
        }
    }
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Props) : undefined;
}
