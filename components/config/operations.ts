import { Cursor } from "./cursor";

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
    if (c.present && !c.object(["hold"])) return undefined;
    const h = c.at("hold");
    if (h.present && !h.object(["maxOverrunMinutes", "recheckMinutes", "whileInputLive"])) return undefined;
    // Two hours past end + tail covers multiple overtimes and a rain delay at the finish; beyond
    // that an operator stops the channel by hand.
    const maxOverrunMinutes = h.at("maxOverrunMinutes").int({ min: 5, max: 720, default: 120, unit: "minutes" });
    // Five minutes: a released hold stops the channel within five minutes, in few state transitions.
    const recheckMinutes = h.at("recheckMinutes").int({ min: 1, max: 60, default: 5, unit: "minutes" });
    const whileInputLive = h.at("whileInputLive").bool({ default: false });
    if (maxOverrunMinutes === undefined || recheckMinutes === undefined) return undefined;
    if (maxOverrunMinutes % recheckMinutes !== 0) {
        h.at("maxOverrunMinutes").fail(`${maxOverrunMinutes} is not a multiple of recheckMinutes (${recheckMinutes}); the runner waits in whole re-checks, so use e.g. ${Math.ceil(maxOverrunMinutes / recheckMinutes) * recheckMinutes}`);
        return undefined;
    }
    return { hold: { maxOverrunMinutes, recheckMinutes, whileInputLive } };
}

/** How many waits the runner may take before it stops a channel that is still held. */
export function maxHoldChecks(h: HoldConfig): number {
    return h.maxOverrunMinutes / h.recheckMinutes;
}
