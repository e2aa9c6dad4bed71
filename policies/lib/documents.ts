import { field } from "./props";
import { isUnknown, maybe, Maybe, Unknown } from "./unknown";

/** IAM-style policy documents (IAM, MediaPackage, S3), as objects or JSON strings. */

/** The statements of a document, always as a list. A document that is unknown as a whole throws (cannot decide). */
export function statements(doc: unknown): Record<string, unknown>[] {
    const d = typeof doc === "string" ? safeJson(doc) : doc;
    const s = field(d, "Statement");
    return (Array.isArray(s) ? s : s ? [s] : []) as Record<string, unknown>[];
}

/**
 * The values of a statement element (`Action`, `Resource`, a condition's values): a string or a
 * list of strings. Elements computed by other resources are Unknown during preview.
 */
export function values(read: () => unknown): Maybe<string>[] {
    const v = maybe(read);
    if (isUnknown(v)) return [v];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return [String(v)];
    const out: Maybe<string>[] = [];
    for (let i = 0; i < v.length; i++) {
        const e = maybe(() => v[i] as unknown);
        out.push(isUnknown(e) ? e : String(e));
    }
    return out;
}

/** Known string values only (for messages and exact matches). */
export function known(vs: Maybe<string>[]): string[] {
    return vs.filter((v): v is string => typeof v === "string");
}

/** Three-valued: true, false, or Unknown when only unknown values could make it true. */
export function anyOf(vs: Maybe<string>[], test: (v: string) => boolean): boolean | Unknown {
    if (known(vs).some(test)) return true;
    return vs.find(isUnknown) ?? false;
}

function safeJson(s: string): unknown {
    try {
        return JSON.parse(s);
    } catch {
        return undefined;
    }
}
