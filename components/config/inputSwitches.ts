import { Cursor } from "./cursor";
import { CONTRIBUTION_ATTACHMENT, ExtraInputConfig } from "./inputs";
import { runWindow } from "./schedule";
import { CHANNEL, INPUT_SWITCH } from "./schema/channel";
import { keysOf, readNode } from "./schema/read";
import { EventWindow, ScheduleConfig } from "./types";

/**
 * Input switches at times relative to each game (`channels[].inputSwitches`): e.g. the studio from
 * the channel's start, the venue at kick-off. Each becomes one fixed-time MediaLive input switch
 * per event and region (components/operations/inputSchedule.ts).
 */
export interface InputSwitchConfig {
    /** The attachment to switch to: `contribution` (the venue) or an extra input's name. */
    input: string;
    /** What the minutes count from: the event's start or its end. */
    from: "start" | "end";
    minutes: number;
}

/** A switch placed on one event: its instant and where it came from. */
export interface PlacedSwitch {
    event: string;
    input: string;
    from: "start" | "end";
    minutes: number;
    atMs: number;
    /** Index in channels[].inputSwitches. */
    index: number;
}

export function readInputSwitches(c: Cursor, extraInputs: ExtraInputConfig[], declaredNames: string[]): InputSwitchConfig[] {
    const names = [CONTRIBUTION_ATTACHMENT, ...declaredNames];
    const switches = c.list((s) => readSwitch(s, names, extraInputs), CHANNEL.fields.inputSwitches);
    if (switches.length > 0 && declaredNames.length === 0) {
        c.fail(`switches between inputs, but the channel has only its venue feed; add the studio or backup feed under extraInputs`);
    }
    return switches;
}

function readSwitch(c: Cursor, names: string[], extraInputs: ExtraInputConfig[]): InputSwitchConfig | undefined {
    if (!c.object(keysOf(INPUT_SWITCH.fields))) return undefined;
    const input = c.at("input").string({ patternHint: `one of ${names.join(", ")}` });
    if (input !== undefined && !names.includes(input)) {
        c.at("input").fail(
            `${JSON.stringify(input)} is not an input of this channel; use ${names.join(", ")} (contribution is the venue feed, the others are channels[].extraInputs names)`,
        );
    }
    const backup = extraInputs.find((x) => x.name === input && x.role === "backup");
    // "You can switch between the inputs in the failover pair only if the Input preference is set
    // to EQUAL_INPUT_PREFERENCE" (User Guide, "Switching within the input failover pair").
    if (backup && backup.failover?.preference !== "equal") {
        c.at("input").fail(
            `names the backup of the venue feed; MediaLive switches within a failover pair only with failover.preference: equal, and otherwise fails over to the backup by itself, so switch to contribution`,
        );
    }
    const fromStart = c.at("minutesFromStart");
    const fromEnd = c.at("minutesFromEnd");
    if (fromStart.present === fromEnd.present) {
        c.fail(
            `needs exactly one of minutesFromStart or minutesFromEnd (e.g. minutesFromStart: -60 for the pregame from an hour before kick-off, minutesFromStart: 0 for kick-off)`,
        );
        return undefined;
    }
    const minutes = fromStart.present ? readNode(fromStart, INPUT_SWITCH.fields.minutesFromStart) : readNode(fromEnd, INPUT_SWITCH.fields.minutesFromEnd);
    if (input === undefined || minutes === undefined || !names.includes(input)) return undefined;
    return { input, from: fromStart.present ? "start" : "end", minutes };
}

export function switchInstant(e: EventWindow, s: InputSwitchConfig): number {
    return Date.parse(s.from === "start" ? e.start : e.end) + s.minutes * 60_000;
}

/** Every configured switch on every event, in time order within each event. */
export function placeSwitches(events: EventWindow[], switches: InputSwitchConfig[]): PlacedSwitch[] {
    return events.flatMap((e) =>
        switches
            .map((s, index) => ({ event: e.name, input: s.input, from: s.from, minutes: s.minutes, atMs: switchInstant(e, s), index }))
            .sort((a, b) => a.atMs - b.atMs || a.index - b.index),
    );
}

/**
 * Switches must fall inside the channel's run window (event start - leadMinutes to end +
 * tailMinutes): MediaLive performs schedule actions only in a running channel, and a switch the
 * channel is not running for would silently do nothing. At its start the channel takes the
 * switch that is due (User Guide, "Starting and restarting a channel that has multiple inputs":
 * "an input switch ... with a start time that is now or with a start time that is overdue"), so a
 * switch at the very start of the window sets the first input. Two switches at one instant have
 * no order; two in a row to one input are a typo.
 */
export function checkSwitchWindows(
    channelsCursor: Cursor,
    channels: { events: EventWindow[]; inputSwitches: InputSwitchConfig[] }[],
    schedule: ScheduleConfig,
): void {
    channels.forEach((ch, ci) => {
        if (ch.inputSwitches.length === 0) return;
        const at = (i: number) => channelsCursor.index(ci).at("inputSwitches").index(i);
        const key = (s: InputSwitchConfig) => (s.from === "start" ? "minutesFromStart" : "minutesFromEnd");
        const reported = new Set<string>();
        const report = (i: number, k: string, message: string) => {
            if (reported.has(`${i}/${k}`)) return;
            reported.add(`${i}/${k}`);
            at(i).at(k).fail(message);
        };
        for (const e of ch.events) {
            const w = runWindow(e, schedule);
            const placed = placeSwitches([e], ch.inputSwitches);
            for (const p of placed) {
                const s = ch.inputSwitches[p.index]!;
                if (p.atMs < w.startMs) {
                    report(
                        p.index,
                        key(s),
                        `puts the switch to ${s.input} at ${iso(p.atMs)}, before the channel starts for ${JSON.stringify(e.name)} (${iso(w.startMs)}, schedule.leadMinutes ${schedule.leadMinutes} before the start); a switch outside the game's window never runs, so use ${s.from === "start" ? `minutesFromStart: -${schedule.leadMinutes}` : "a later time"} or later`,
                    );
                } else if (p.atMs >= w.stopMs) {
                    report(
                        p.index,
                        key(s),
                        `puts the switch to ${s.input} at ${iso(p.atMs)}, when the channel has stopped after ${JSON.stringify(e.name)} (${iso(w.stopMs)}, schedule.tailMinutes ${schedule.tailMinutes} after the end); a switch outside the game's window never runs, so switch before the stop`,
                    );
                }
            }
            for (let k = 1; k < placed.length; k++) {
                const prev = placed[k - 1]!;
                const cur = placed[k]!;
                if (cur.atMs === prev.atMs) {
                    report(
                        cur.index,
                        "input",
                        `switches at ${iso(cur.atMs)} for ${JSON.stringify(e.name)}, the same instant as inputSwitches[${prev.index}]; two switches at one time have no order, so move one`,
                    );
                } else if (cur.input === prev.input) {
                    report(
                        cur.index,
                        "input",
                        `switches to ${cur.input} again right after inputSwitches[${prev.index}] did (${JSON.stringify(e.name)}); remove one of the two, or switch to another input in between`,
                    );
                }
            }
        }
    });
}

function iso(ms: number): string {
    return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}
