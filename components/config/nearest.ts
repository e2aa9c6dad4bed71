/**
 * The known key a misspelt one most likely meant, for "did you mean" in errors: a case-insensitive
 * edit distance of at most 2 (a transposed pair counts once), or a key that contains the other
 * (`rebuffering` for `rebufferingPercent`). Undefined when nothing is that close.
 */
export function nearest(key: string, known: Iterable<string>): string | undefined {
    const k = key.toLowerCase();
    let best: { name: string; d: number } | undefined;
    for (const name of known) {
        const n = name.toLowerCase();
        const d = editDistance(k, n);
        const contains = k.length >= 4 && n.length >= 4 && (n.includes(k) || k.includes(n));
        if ((d <= 2 || contains) && (!best || d < best.d)) best = { name, d };
    }
    return best?.name;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
            d[i]![j] = v;
        }
    }
    return d[a.length]![b.length]!;
}
