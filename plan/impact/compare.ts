import { isUnknown, SecretValue } from "../../contracts/capturedPlan";

/** One property that differs between the deployed resource and the plan. */
export interface PropertyChange {
    /** Dotted path in the program's (SDK) names, list elements as `[i]`: `source.ingestPort`, `hlsManifests[0].manifestName`. */
    path: string;
    kind: "add" | "delete" | "update";
    /** A secret on either side: the change is shown without its value. */
    secret?: boolean;
    /** Known only after the update (the value comes from a resource being created or replaced). */
    unknown?: boolean;
    /** Short printable values (secrets never; long values are cut); absent for objects and lists. */
    before?: string;
    after?: string;
}

export interface CompareOptions {
    /**
     * Keys only the deployed side has are not changes: the provider's Check fills defaults and
     * auto-names into the recorded inputs, which the offline plan (no provider) never sees.
     * "top" ignores them at the top level only (aws-native records nested inputs as given).
     */
    ignoreDeployedOnly: "everywhere" | "top" | "never";
}

const MAX_SHOWN = 80;

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof SecretValue) && !isUnknown(v);
}

/** A scalar for the report: strings quoted, long values cut; objects, lists and secrets are not shown. */
export function shown(v: unknown): string | undefined {
    if (v instanceof SecretValue || isUnknown(v) || (typeof v === "object" && v !== null)) return undefined;
    const text = typeof v === "string" ? JSON.stringify(v) : String(v);
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}

function join(path: string, key: string): string {
    return path ? `${path}.${key}` : key;
}

/**
 * Every property that differs, deepest first differing node. Two secrets are never compared (the
 * export holds ciphertext and the offline plan's secrets are stand-ins); a value that is secret on
 * one side only is a change shown as "(secret)". A list that changed length is one change of the
 * list, not one per shifted element.
 */
export function diffValues(olds: unknown, news: unknown, opts: CompareOptions, path = ""): PropertyChange[] {
    if (isUnknown(news)) return [{ path, kind: "update", unknown: true }];
    const oldSecret = olds instanceof SecretValue;
    const newSecret = news instanceof SecretValue;
    if (oldSecret && newSecret) return [];
    if (oldSecret || newSecret) return [{ path, kind: "update", secret: true }];
    if (isPlainObject(olds) && isPlainObject(news)) {
        const out: PropertyChange[] = [];
        const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
        for (const k of [...keys].sort()) {
            const p = join(path, k);
            if (!(k in news) || news[k] === undefined) {
                const ignore = opts.ignoreDeployedOnly === "everywhere" || (opts.ignoreDeployedOnly === "top" && path === "");
                if (!ignore && olds[k] !== undefined && olds[k] !== null)
                    out.push({ path: p, kind: "delete", ...(olds[k] instanceof SecretValue ? { secret: true } : withShown("before", olds[k])) });
                continue;
            }
            if (!(k in olds) || olds[k] === undefined || olds[k] === null) {
                if (news[k] === null) continue;
                out.push({
                    path: p,
                    kind: "add",
                    ...(news[k] instanceof SecretValue ? { secret: true } : isUnknown(news[k]) ? { unknown: true } : withShown("after", news[k])),
                });
                continue;
            }
            out.push(...diffValues(olds[k], news[k], opts, p));
        }
        return out;
    }
    if (Array.isArray(olds) && Array.isArray(news)) {
        if (olds.length !== news.length) return [{ path, kind: "update", before: `${olds.length} items`, after: `${news.length} items` }];
        return olds.flatMap((o, i) => diffValues(o, news[i], opts, `${path}[${i}]`));
    }
    if (olds === news || (Number.isNaN(olds) && Number.isNaN(news))) return [];
    return [{ path, kind: "update", ...withShown("before", olds), ...withShown("after", news) }];
}

function withShown(side: "before" | "after", v: unknown): Partial<PropertyChange> {
    const s = shown(v);
    return s === undefined ? {} : { [side]: s };
}

/** The first segment of a change's path: the top-level property. */
export function topLevel(path: string): string {
    return /^[^.[]*/.exec(path)![0];
}

/** A path's segments: `a.b[2].c` -> ["a", "b", 2, "c"]. */
export function segments(path: string): (string | number)[] {
    const out: (string | number)[] = [];
    for (const part of path.split(".")) {
        const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
        if (!m) {
            out.push(part);
            continue;
        }
        if (m[1]) out.push(m[1]);
        for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
    }
    return out;
}
