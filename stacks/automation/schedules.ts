import { DAY_MS, HOUR_MS, isoSeconds, nextWindow, OnAirWindow, quietHour } from "../../components/operations/onAirWindows";
import { AutomationConfig, ManagedStack } from "./config";

export interface DriftPlan {
    cron: string;
    autoRemediate: boolean;
    /** Why the drift schedule is what it is, for the stack outputs and the runbook. */
    reason: string;
}

export interface StackSchedules {
    drift?: DriftPlan;
    refreshCron?: string;
    /** One-time `pulumi up` before the season's first window, when that is still ahead. */
    openingUpdate?: string;
    /** Rehearsals: when Pulumi Deployments destroys the stack. */
    destroyAt?: string;
    /** Things the operator must do by hand (printed as warnings, listed in outputs). */
    notes: string[];
}

function daily(hour: number): string {
    return `0 ${hour} * * *`;
}

/**
 * The Pulumi Deployments schedules of one media stack. Every recurring job runs at an hour clear of
 * every game window (with lead and tail): an update or refresh holds the stack lock, and an
 * operator must be able to run `pulumi up` during a game without queueing behind a scheduled job.
 */
export function stackSchedules(stack: ManagedStack, windows: OnAirWindow[], config: AutomationConfig, nowMs: number): StackSchedules {
    const notes: string[] = [];
    if (stack.role === "review-template") return { notes };
    if (stack.role === "rehearsal") {
        const at = Date.parse(stack.destroyAt!);
        if (at <= nowMs) {
            notes.push(`rehearsal stack ${stack.name} was due for destruction at ${stack.destroyAt}; run \`pulumi destroy --stack ${stack.name}\` and remove it from onair-automation:automation.stacks`);
            return { notes };
        }
        return { destroyAt: stack.destroyAt!, notes };
    }

    const s = config.schedule;
    const driftHour = quietHour(windows, s.driftHourUtc);
    const drift: DriftPlan = driftHour === undefined
        ? { cron: daily(s.driftHourUtc), autoRemediate: false, reason: `every hour of the day falls inside some game window, so drift is only reported, never remediated` }
        : { cron: daily(driftHour), autoRemediate: s.driftAutoRemediate, reason: s.driftAutoRemediate ? `remediates at ${driftHour}:00 UTC, an hour clear of every game window` : "drift is reported only (schedule.driftAutoRemediate is false)" };
    const refreshHour = quietHour(windows, s.refreshHourUtc);
    if (refreshHour === undefined) notes.push(`no hour of the day is clear of game windows; the nightly refresh of ${stack.name} is left out`);

    const first = windows[0];
    let openingUpdate: string | undefined;
    if (first) {
        const at = Math.floor((first.startMs - s.openingUpdateDaysBefore * DAY_MS) / HOUR_MS) * HOUR_MS;
        // Deployments cannot schedule in the past; a season under way needs no opening update.
        if (at > nowMs) openingUpdate = isoSeconds(at);
    }
    const upcoming = nextWindow(windows, nowMs);
    if (!upcoming) notes.push(`${stack.name} has no game window ahead; close the season (docs/runbook.md) when it is over`);
    return {
        drift,
        ...(refreshHour !== undefined ? { refreshCron: daily(refreshHour) } : {}),
        ...(openingUpdate ? { openingUpdate } : {}),
        notes,
    };
}
