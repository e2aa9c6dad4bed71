import { DAY_MS, HOUR_MS, isoSeconds, nextWindow, OnAirWindow, quietHour } from "../../components/operations/onAirWindows";
import { AutomationConfig, ManagedStack } from "./config";

export interface DriftPlan {
    cron: string;
    /** Why the drift check runs when it does, for the stack outputs and the runbook. */
    reason: string;
}

export interface StackSchedules {
    /** Production: a daily drift check. Reported only: remediation would be a `pulumi up` outside the gate. */
    drift?: DriftPlan;
    refreshCron?: string;
    /**
     * Production: when the season's opening `pulumi up` is due. The deploy workflow runs it (with
     * both packs, the freeze check and the prod reviewers); Deployments never schedules an update.
     */
    openingUpdate?: string;
    /** Rehearsals: when Pulumi Deployments destroys the stack. */
    destroyAt?: string;
    /** A rehearsal past its TTL: Deployments destroyed and deleted it, and nothing here manages it any more. */
    destroyed?: boolean;
    /** Things the operator must do by hand (printed as warnings, listed in outputs). */
    notes: string[];
}

function daily(hour: number): string {
    return `0 ${hour} * * *`;
}

/** A rehearsal whose TTL has fired: Pulumi Cloud deleted the stack with its settings and schedules. */
export function isDestroyed(stack: ManagedStack, nowMs: number): boolean {
    return stack.role === "rehearsal" && Date.parse(stack.destroyAt!) <= nowMs;
}

/**
 * The hour, `daysBefore` days ahead of the season's first window, at which its opening update is due
 * (rounded down to the hour). Undefined for a season without windows.
 */
export function openingUpdateAt(windows: OnAirWindow[], daysBefore: number): number | undefined {
    const first = windows[0];
    return first ? Math.floor((first.startMs - daysBefore * DAY_MS) / HOUR_MS) * HOUR_MS : undefined;
}

/**
 * The Pulumi Deployments schedules of one media stack. Every recurring job runs at an hour clear of
 * every game window (with lead and tail): a refresh holds the stack lock, and an operator must be
 * able to run `pulumi up` during a game without queueing behind a scheduled job. None of them
 * changes the cloud: production is changed only by the deploy workflow.
 */
export function stackSchedules(stack: ManagedStack, windows: OnAirWindow[], config: AutomationConfig, nowMs: number): StackSchedules {
    const notes: string[] = [];
    if (stack.role === "review-template") return { notes };
    if (stack.role === "rehearsal") {
        if (isDestroyed(stack, nowMs)) {
            notes.push(
                `rehearsal stack ${stack.name} reached its TTL at ${stack.destroyAt}: Deployments destroyed and deleted it, so this stack no longer manages it; remove it from onair-automation:automation.stacks (if the TTL deployment failed in Pulumi Cloud, run \`pulumi destroy --stack ${stack.name}\` by hand)`,
            );
            return { destroyed: true, notes };
        }
        return { destroyAt: stack.destroyAt!, notes };
    }

    const s = config.schedule;
    const driftHour = quietHour(windows, s.driftHourUtc);
    const drift: DriftPlan =
        driftHour === undefined
            ? {
                  cron: daily(s.driftHourUtc),
                  reason: `every hour of the day falls inside some game window: checked at ${s.driftHourUtc}:00 UTC, skipped by the freeze when a game is on; reported, never remediated`,
              }
            : {
                  cron: daily(driftHour),
                  reason: `checked at ${driftHour}:00 UTC, an hour clear of every game window; reported, never remediated (fixes go through the deploy workflow)`,
              };
    const refreshHour = quietHour(windows, s.refreshHourUtc);
    if (refreshHour === undefined) notes.push(`no hour of the day is clear of game windows; the nightly refresh of ${stack.name} is left out`);

    const at = openingUpdateAt(windows, s.openingUpdateDaysBefore);
    // A season under way needs no opening update.
    const openingUpdate = at !== undefined && at > nowMs ? isoSeconds(at) : undefined;
    const upcoming = nextWindow(windows, nowMs);
    if (!upcoming) notes.push(`${stack.name} has no game window ahead; close the season (docs/runbook.md) when it is over`);
    return {
        drift,
        ...(refreshHour !== undefined ? { refreshCron: daily(refreshHour) } : {}),
        ...(openingUpdate ? { openingUpdate } : {}),
        notes,
    };
}
