import type { ScheduleAction } from "@aws-sdk/client-medialive";
import { stableJson } from "../../../contracts/stableJson";
import { canonical, project } from "./drift";

/**
 * What one BatchUpdateSchedule must change so the channel's schedule holds the actions the program
 * asks for, decided from the schedule as MediaLive describes it and the clock. Pure: the provider
 * calls it at diff, create, update and delete time.
 *
 * MediaLive's rules (User Guide):
 *  - "The action must have a UTC start time that is at least 15 seconds in the future (and no more
 *    than 14 days in the future)"; "The action that you delete must have a UTC start time ... that
 *    is at least 15 seconds in the future (In other words, it must not be already received in the
 *    channel)" ("Submitting a batch update schedule command");
 *  - an action cannot be modified, only deleted and created again ("Modifying actions in the
 *    schedule");
 *  - a batch passes or fails as a whole, and its deletes run before its creates ("How a batch
 *    request works");
 *  - the console asks for a fixed switch "at least 30 seconds in the future" ("Fields for an input
 *    switch"), which OnAir keeps as its own margin for the call to reach MediaLive.
 */
export const MEDIALIVE_MIN_LEAD_MS = 15_000;
export const NO_TOUCH_MS = 30_000;
export const MEDIALIVE_MAX_AHEAD_MS = 14 * 24 * 3_600_000;
/** An hour inside MediaLive's 14 days: our clock and MediaLive's may differ, and the call takes time. */
export const HORIZON_MS = MEDIALIVE_MAX_AHEAD_MS - 3_600_000;

export interface SchedulePlan {
    creates: ScheduleAction[];
    /** Names of future actions to delete (removed from the config, or changed). */
    deletes: string[];
    /** Actions that differ from the config or are no longer in it, but are past or about to run: left as they are. */
    kept: string[];
    /** Actions more than HORIZON_MS ahead: a later `pulumi up` creates them. */
    deferred: string[];
    /** Actions whose time came before they could be created (since `missedSince`): nobody switched. */
    missed: string[];
}

export interface PlanOptions {
    /** Count a desired action that was never scheduled as missed only if it falls after this instant. */
    missedSince?: number;
    /** Names already in the schedule at some point (they ran and MediaLive cleaned them up). */
    known?: readonly string[];
}

/** The start of a fixed-time action; undefined for immediate and follow actions (no time to plan with). */
export function startMs(a: ScheduleAction): number | undefined {
    const t = a.ScheduleActionStartSettings?.FixedModeScheduleActionStartSettings?.Time;
    const ms = t === undefined ? NaN : Date.parse(t);
    return Number.isNaN(ms) ? undefined : ms;
}

/** The action as compared: no empty members, the start time as an instant (MediaLive may format it its own way). */
function comparable(a: unknown): string {
    const c = canonical(a) as ScheduleAction;
    const t = startMs(c);
    if (t !== undefined)
        c.ScheduleActionStartSettings = { ...c.ScheduleActionStartSettings, FixedModeScheduleActionStartSettings: { Time: new Date(t).toISOString() } };
    return stableJson(c);
}

/** Does the described action do what the desired one asks, on the keys the program sets? */
export function sameAction(described: ScheduleAction, desired: ScheduleAction): boolean {
    return comparable(project(described, desired)) === comparable(desired);
}

export function planSchedule(current: readonly ScheduleAction[], desired: readonly ScheduleAction[], nowMs: number, opts: PlanOptions = {}): SchedulePlan {
    const plan: SchedulePlan = { creates: [], deletes: [], kept: [], deferred: [], missed: [] };
    const want = new Map(desired.map((a) => [a.ActionName!, a]));
    const have = new Map(current.map((a) => [a.ActionName!, a]));
    const touchable = (a: ScheduleAction) => {
        const t = startMs(a);
        return t !== undefined && t >= nowMs + NO_TOUCH_MS;
    };
    for (const [name, c] of have) {
        const w = want.get(name);
        if (w && sameAction(c, w)) continue;
        // Past, running or about to run (or not fixed-time): MediaLive refuses the delete, and the
        // switch has happened or is happening. Never deleted, never re-created.
        if (!touchable(c)) plan.kept.push(name);
        else plan.deletes.push(name);
    }
    const known = new Set(opts.known ?? []);
    for (const [name, w] of want) {
        const c = have.get(name);
        if (c && (sameAction(c, w) || !plan.deletes.includes(name))) continue;
        const t = startMs(w);
        if (t === undefined) throw new Error(`schedule action ${name} has no fixed start time; OnAir plans fixed-time actions only`);
        if (t < nowMs + NO_TOUCH_MS) {
            // Here `c` exists only when it is being deleted (changed): its replacement comes too late.
            if (c || (!known.has(name) && t >= (opts.missedSince ?? nowMs))) plan.missed.push(name);
            continue;
        }
        if (t > nowMs + HORIZON_MS) {
            plan.deferred.push(name);
            continue;
        }
        plan.creates.push(w);
    }
    return plan;
}

export function hasWork(p: SchedulePlan): boolean {
    return p.creates.length > 0 || p.deletes.length > 0;
}
