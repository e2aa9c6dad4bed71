import { activeWindow, OnAirWindow } from "../../components/operations/onAirWindows";

/** Where `--as-of` falls against the game windows a change touches. */
export interface Exposure {
    kind: "on-air" | "within-margin" | "clear";
    /** The window it lands in (or that starts within the margin). */
    window?: OnAirWindow;
}

/**
 * A channel's exposure at `nowMs`: inside one of its windows (lead and tail included), or within
 * `marginMs` before one starts (a deploy started now may still run then; contracts/deployFreeze.ts's deploy
 * margin), else clear. Without a channel (a region's or the delivery's resources), every channel's
 * windows count: they serve them all.
 */
export function exposureOf(windows: readonly OnAirWindow[], channelId: string | undefined, nowMs: number, marginMs: number): Exposure {
    const mine = channelId === undefined ? [...windows] : windows.filter((w) => w.channelId === channelId);
    const active = activeWindow(mine, nowMs);
    if (active) return { kind: "on-air", window: active };
    const soon = mine.filter((w) => w.startMs > nowMs && w.startMs - marginMs <= nowMs).sort((a, b) => a.startMs - b.startMs)[0];
    return soon ? { kind: "within-margin", window: soon } : { kind: "clear" };
}
