import { Cursor } from "./cursor";
import { EventWindow } from "./types";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;
const ISO_HINT = "an ISO-8601 UTC time such as 2026-09-06T17:00:00Z";
/** A broadcast window longer than this is almost certainly a typo in the date. */
export const MAX_EVENT_HOURS = 24;

export function readEvents(c: Cursor): EventWindow[] {
    const events = c.list(readEvent, { optional: true, max: 500, what: "event windows" });
    const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.start) - Date.parse(b.e.start));
    for (let k = 1; k < sorted.length; k++) {
        const prev = sorted[k - 1]!;
        const cur = sorted[k]!;
        if (Date.parse(cur.e.start) < Date.parse(prev.e.end)) {
            c.index(cur.i).at("start").fail(`windows ${JSON.stringify(prev.e.name)} and ${JSON.stringify(cur.e.name)} overlap (${prev.e.end} is after ${cur.e.start}); one channel runs one event at a time`);
        }
    }
    const names = new Set<string>();
    for (const e of events) {
        if (names.has(e.name)) c.fail(`lists the event name ${JSON.stringify(e.name)} twice; names must be unique`);
        names.add(e.name);
    }
    return events;
}

function readEvent(c: Cursor): EventWindow | undefined {
    if (!c.object(["name", "start", "end"])) return undefined;
    const name = c.at("name").string({ pattern: /^[a-z0-9][a-z0-9-]{0,62}$/, patternHint: "a lowercase slug such as 2026-week-01" });
    const start = readInstant(c.at("start"));
    const end = readInstant(c.at("end"));
    if (name === undefined || start === undefined || end === undefined) return undefined;
    const hours = (Date.parse(end) - Date.parse(start)) / 3_600_000;
    if (hours <= 0) {
        c.at("end").fail(`${end} is not after start ${start}; an event window must end after it starts`);
        return undefined;
    }
    if (hours > MAX_EVENT_HOURS) {
        c.at("end").fail(`makes the window ${hours.toFixed(1)} hours long; use at most ${MAX_EVENT_HOURS} hours (split multi-day events)`);
        return undefined;
    }
    return { name, start, end };
}

function readInstant(c: Cursor): string | undefined {
    const text = c.string({ pattern: ISO_UTC, patternHint: ISO_HINT });
    if (text === undefined) return undefined;
    if (Number.isNaN(Date.parse(text)) || new Date(text).toISOString().slice(0, 10) !== text.slice(0, 10)) {
        return c.fail(`${JSON.stringify(text)} is not a real date; use ${ISO_HINT}`);
    }
    return text;
}
