/**
 * Strict instants for command lines and config: ISO-8601 date and time with an explicit zone
 * (`Z` or `+hh:mm`), on a day that exists. `Date.parse` takes far more (`1`, "the game on 12",
 * February 30, and a zone-less time read in the machine's local zone), which made "now" depend
 * on how a string happened to parse and on the runner's TZ.
 */
const ISO_ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

export const INSTANT_HINT = "an ISO-8601 time with its zone, e.g. 2026-09-01T00:00:00Z or 2026-09-01T20:00:00-04:00";

function daysIn(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds since the epoch, or undefined when the text is not such an instant. */
export function parseInstant(text: string): number | undefined {
    const m = ISO_ZONED.exec(text);
    if (!m) return undefined;
    const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
    const second = Number(m[6] ?? 0);
    const ms = Number((m[7] ?? "0").padEnd(3, "0"));
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
    let offset = 0;
    if (m[8] !== "Z") {
        const [oh, om] = [Number(m[10]), Number(m[11])];
        if (oh > 23 || om > 59) return undefined;
        offset = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
    }
    return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}
