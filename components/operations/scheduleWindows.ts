import { runWindow } from "../config/schedule";
import { scheduleName } from "../naming";
import { SeasonConfig } from "../config/types";

export interface ScheduledAction {
    channelId: string;
    event: string;
    action: "start" | "stop";
    /** UTC instant, as `yyyy-mm-ddThh:mm:ss` for an EventBridge Scheduler at() expression. */
    at: string;
}

/** Scheduler needs a little time between creating a one-time schedule and firing it. */
export const MIN_LEAD_MS = 5 * 60_000;

function atExpression(ms: number): string {
    return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 19);
}

/**
 * Start and stop times for every event still ahead of `now`: a window already under way gets only
 * its stop, a finished one nothing (one-time schedules cannot fire in the past).
 */
export function scheduledActions(season: Pick<SeasonConfig, "channels" | "schedule">, nowMs: number): ScheduledAction[] {
    const out: ScheduledAction[] = [];
    for (const ch of season.channels) {
        for (const e of ch.events) {
            const w = runWindow(e, season.schedule);
            if (w.startMs > nowMs + MIN_LEAD_MS) out.push({ channelId: ch.id, event: e.name, action: "start", at: atExpression(w.startMs) });
            if (w.stopMs > nowMs + MIN_LEAD_MS) out.push({ channelId: ch.id, event: e.name, action: "stop", at: atExpression(w.stopMs) });
        }
    }
    return out;
}

/** Schedule names: see components/naming.ts (unambiguous parts, a hash when cut). */
export { scheduleName };
