/**
 * Key-order-independent JSON: a channel read back from the API compares equal to the request that
 * made it, and settings compare across regions regardless of key order.
 */
export function stableJson(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
    if (v !== null && typeof v === "object") {
        const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(",")}}`;
    }
    return JSON.stringify(v) ?? "null";
}
