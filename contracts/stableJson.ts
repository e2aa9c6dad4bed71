/**
 * Key-order-independent JSON: a channel read back from the API compares equal to the request that
 * made it, and settings compare across regions regardless of key order.
 */
export function stableJson(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
    if (v !== null && typeof v === "object") {
        const entries = Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(",")}}`;
    }
    return JSON.stringify(v) ?? "null";
}

/** The same value with object keys in sorted order at every depth (for printing stably). */
export function sortedKeys(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(sortedKeys);
    if (v !== null && typeof v === "object") {
        return Object.fromEntries(
            Object.keys(v as Record<string, unknown>)
                .sort()
                .map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]),
        );
    }
    return v;
}
