import { INSTANT_HINT, parseInstant } from "./instant";

/**
 * "Now" for a program run: the clock, or ONAIR_NOW (set by `npm run plan -- --as-of`), so a plan
 * can show what an update on another day would schedule.
 */
export function planningNow(env: NodeJS.ProcessEnv = process.env): number {
    const text = env["ONAIR_NOW"];
    if (!text) return Date.now();
    const ms = parseInstant(text);
    if (ms === undefined) throw new Error(`ONAIR_NOW=${text} is not a time; use ${INSTANT_HINT}`);
    return ms;
}
