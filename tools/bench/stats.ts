/** Small statistics for the benchmark: medians and a least-squares line. */

export function median(values: number[]): number {
    if (values.length === 0) return NaN;
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LinearFit {
    slope: number;
    intercept: number;
    /** Coefficient of determination: 1 is a perfect line. */
    r2: number;
}

/** Ordinary least squares of y on x (at least two distinct x). */
export function linearFit(points: { x: number; y: number }[]): LinearFit {
    const n = points.length;
    const mx = points.reduce((a, p) => a + p.x, 0) / n;
    const my = points.reduce((a, p) => a + p.y, 0) / n;
    const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
    const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
    if (sxx === 0) throw new Error("a linear fit needs at least two different x values");
    const slope = sxy / sxx;
    const intercept = my - slope * mx;
    const ssTot = points.reduce((a, p) => a + (p.y - my) ** 2, 0);
    const ssRes = points.reduce((a, p) => a + (p.y - (intercept + slope * p.x)) ** 2, 0);
    return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

/**
 * A fixed integer loop, timed: this machine's speed at the moment. Shared 2-core VMs vary by a
 * third from minute to minute; the benchmark prints this next to its figures so a slow phase shows.
 */
export function cpuCalibrationMs(): number {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 300_000_000; i++) x = (x + (i % 7)) | 0;
    if (x === 42) process.stdout.write("");
    return performance.now() - start;
}
