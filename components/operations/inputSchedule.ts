import type { ScheduleAction } from "@aws-sdk/client-medialive";
import { PlacedSwitch, placeSwitches } from "../config/inputSwitches";
import { ChannelConfig } from "../config/types";
import { PART_SEPARATOR } from "../naming";

/**
 * The MediaLive schedule actions of a channel's configured input switches: one fixed-time input
 * switch per switch and event, the same names and times in every region, so both regions' channels
 * change input at the same instant (their outputs stay interchangeable for the origin failover).
 */

/** Actions OnAir owns in a channel's schedule; manual switches (the runner's `manual.`) are never touched. */
export const OWNED_PREFIX = `onair${PART_SEPARATOR}`;

/**
 * `onair.<event>.<start|end><+|-minutes>.<input>`, e.g. `onair.2026-12-05-final.start-60.studio`:
 * derived from the config alone, so a re-run finds its own actions. Unique in the channel's
 * schedule, as ScheduleAction.ActionName must be: event names are unique per channel, and two
 * switches of one event at one instant are refused by the config.
 */
export function switchActionName(p: Pick<PlacedSwitch, "event" | "from" | "minutes" | "input">): string {
    const offset = `${p.from}${p.minutes < 0 ? "-" : "+"}${Math.abs(p.minutes)}`;
    return [`${OWNED_PREFIX}${p.event}`, offset, p.input].join(PART_SEPARATOR);
}

/** Every switch of the season for this channel, API shape; the provider decides which are due to create. */
export function switchActions(ch: ChannelConfig): ScheduleAction[] {
    return placeSwitches(ch.events, ch.inputSwitches).map((p) => ({
        ActionName: switchActionName(p),
        // FixedModeScheduleActionStartSettings.Time: "UTC format: yyyy-mm-ddThh:mm:ss.nnnZ".
        ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: new Date(p.atMs).toISOString() } },
        ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: p.input } },
    }));
}

export interface UpcomingSwitch {
    event: string;
    input: string;
    at: string;
    action: string;
}

/** The channel's switches still ahead of `nowMs`, for the stack output and the runbook. */
export function upcomingSwitches(ch: ChannelConfig, nowMs: number): UpcomingSwitch[] {
    return placeSwitches(ch.events, ch.inputSwitches)
        .filter((p) => p.atMs > nowMs)
        .map((p) => ({ event: p.event, input: p.input, at: new Date(p.atMs).toISOString().replace(/\.000Z$/, "Z"), action: switchActionName(p) }));
}
