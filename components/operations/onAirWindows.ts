import { runWindow } from "../config/schedule";
import { SeasonConfig } from "../config/types";

/** When a channel of the season is on air or about to be: its event window plus lead and tail. */
export interface OnAirWindow {
    channelId: string;
    event: string;
    startMs: number;
    stopMs: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** An instant as ISO-8601 UTC to the second, e.g. 2026-11-28T19:30:00Z. */
export function isoSeconds(ms: number): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function onAirWindows(season: SeasonConfig): OnAirWindow[] {
    return season.channels
        .flatMap((ch) => ch.events.map((e) => ({ channelId: ch.id, event: e.name, ...runWindow(e, season.schedule) })))
        .sort((a, b) => a.startMs - b.startMs);
}

/** The window under way at `nowMs`, if any (the one ending last when several overlap). */
export function activeWindow(windows: OnAirWindow[], nowMs: number): OnAirWindow | undefined {
    return windows.filter((w) => w.startMs <= nowMs && nowMs < w.stopMs).sort((a, b) => b.stopMs - a.stopMs)[0];
}

export function nextWindow(windows: OnAirWindow[], nowMs: number): OnAirWindow | undefined {
    return windows.find((w) => w.startMs > nowMs);
}

/** Hours to try, nearest to the preferred one first: 14, 15, 13, 16, 12, ... */
export function hoursByPreference(preferred: number): number[] {
    const out = [preferred];
    for (let d = 1; d < 12; d++) out.push((preferred + d) % 24, (preferred - d + 24) % 24);
    out.push((preferred + 12) % 24);
    return out;
}

/** Does a daily job at `hour`:00 UTC, running `minutes`, ever overlap a window? */
export function hourConflicts(windows: OnAirWindow[], hour: number, minutes = 60): OnAirWindow | undefined {
    for (const w of windows) {
        for (let day = Math.floor(w.startMs / DAY_MS) - 1; day <= Math.floor(w.stopMs / DAY_MS); day++) {
            const start = day * DAY_MS + hour * HOUR_MS;
            if (start < w.stopMs && start + minutes * 60_000 > w.startMs) return w;
        }
    }
    return undefined;
}

/**
 * The UTC hour, nearest to the preferred one, at which a daily job never runs inside a game window
 * (with its lead and tail). Undefined when every hour of the day collides with some game.
 */
export function quietHour(windows: OnAirWindow[], preferred: number, minutes = 60): number | undefined {
    return hoursByPreference(preferred).find((h) => hourConflicts(windows, h, minutes) === undefined);
}
