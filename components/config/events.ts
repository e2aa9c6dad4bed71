import { Cursor } from "./cursor";
import { CHANNEL, EVENT, ISO_UTC } from "./schema/channel";
import { keysOf, readNode } from "./schema/read";
import { EventWindow } from "./types";
/** A broadcast window longer than this is almost certainly a typo in the date. */
export const MAX_EVENT_HOURS = 24;

export function readEvents(c: Cursor): EventWindow[] {
    const events = c.list(readEvent, CHANNEL.fields.events);
    const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.start) - Date.parse(b.e.start));
    for (let k = 1; k < sorted.length; k++) {
        const prev = sorted[k - 1]!;
        const cur = sorted[k]!;
        if (Date.parse(cur.e.start) < Date.parse(prev.e.end)) {
            c.index(cur.i)
                .at("start")
                .fail(
                    `windows ${JSON.stringify(prev.e.name)} and ${JSON.stringify(cur.e.name)} overlap (${prev.e.end} is after ${cur.e.start}); one channel runs one event at a time`,
                );
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
    if (!c.object(keysOf(EVENT.fields))) return undefined;
    const name = readNode(c.at("name"), EVENT.fields.name);
    const start = realDate(c.at("start"), readNode(c.at("start"), EVENT.fields.start));
    const end = realDate(c.at("end"), readNode(c.at("end"), EVENT.fields.end));
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

/** The pattern admits February 30; a real day is a cross-check on the parsed text. */
function realDate(c: Cursor, text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    if (Number.isNaN(Date.parse(text)) || new Date(text).toISOString().slice(0, 10) !== text.slice(0, 10)) {
        return c.fail(`${JSON.stringify(text)} is not a real date; use ${ISO_UTC.hint}`);
    }
    return text;
}
