import { Cursor } from "./cursor";
import { Agree, Parsed } from "./schema/nodes";
import { OPERATIONS } from "./schema/operations";
import { readObject } from "./schema/read";

/**
 * Game-day operations (`onair:season.operations`). The hold keeps a channel on air past its
 * scheduled stop while an operator says the game is not over (overtime, a delayed finish).
 */
export interface HoldConfig {
    /** The longest a hold (or a live input) may keep a channel past its scheduled stop. */
    maxOverrunMinutes: number;
    /** How often the runner re-reads the hold while it waits. */
    recheckMinutes: number;
    /**
     * Also keep running, without a hold, while the channel's input is live (its input-live alarm
     * is OK). Off by default: venues often keep sending after the game, which would run every
     * channel to the maximum overrun.
     */
    whileInputLive: boolean;
}

export interface OperationsConfig {
    hold: HoldConfig;
}

export function readOperations(c: Cursor): OperationsConfig | undefined {
    const ops = readObject(c, OPERATIONS);
    if (!ops) return undefined;
    const { maxOverrunMinutes, recheckMinutes } = ops.hold;
    if (maxOverrunMinutes % recheckMinutes !== 0) {
        c.at("hold")
            .at("maxOverrunMinutes")
            .fail(
                `${maxOverrunMinutes} is not a multiple of recheckMinutes (${recheckMinutes}); the runner waits in whole re-checks, so use e.g. ${Math.ceil(maxOverrunMinutes / recheckMinutes) * recheckMinutes}`,
            );
        return undefined;
    }
    return ops;
}

const _operations: Agree<Parsed<typeof OPERATIONS.fields>, OperationsConfig> = true;
void _operations;

/** How many waits the runner may take before it stops a channel that is still held. */
export function maxHoldChecks(h: HoldConfig): number {
    return h.maxOverrunMinutes / h.recheckMinutes;
}
