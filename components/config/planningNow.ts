/**
 * "Now" for a program run: the clock, or ONAIR_NOW (set by `npm run plan -- --as-of`), so a plan
 * can show what an update on another day would schedule.
 */
export function planningNow(env: NodeJS.ProcessEnv = process.env): number {
    const text = env["ONAIR_NOW"];
    if (!text) return Date.now();
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new Error(`ONAIR_NOW=${text} is not a date; use an ISO-8601 time such as 2026-09-01T00:00:00Z`);
    return ms;
}
