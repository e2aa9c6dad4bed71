import { Cursor } from "./cursor";
import { runWindow } from "./schedule";
import { ChannelConfig, EventWindow, FrameRate, ScheduleConfig } from "./types";

/**
 * With epoch locking, MediaLive jam-syncs every 29.97 / 59.94 fps encode to the wall clock once a
 * day at EpochLockingSettings.JamSyncTime ("The default is midnight UTC ... The jam sync applies
 * only to encodes with frame rate of 29.97 or 59.94 FPS ... HH:MM:SS in UTC. Always set the MM:SS
 * portion to 00:00", MediaLive API reference). Midnight UTC is inside US evening games, so OnAir
 * picks the whole hour farthest from every window the channel runs (event plus schedule margins).
 */
export const JAM_SYNC_RATES: readonly FrameRate[] = ["29.97", "59.94"];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * For each UTC hour 0-23: how far (ms) the daily jam sync at that hour stays from the nearest run
 * window, or 0 when it falls inside one. Infinity when the channel has no windows.
 */
export function jamSyncClearance(events: EventWindow[], schedule: ScheduleConfig): number[] {
    const windows = events.map((e) => runWindow(e, schedule));
    return Array.from({ length: 24 }, (_, h) => {
        let clearance = Infinity;
        for (const w of windows) {
            for (let d = Math.floor(w.startMs / DAY) - 1; d <= Math.floor(w.stopMs / DAY) + 1; d++) {
                const t = d * DAY + h * HOUR;
                if (t >= w.startMs && t <= w.stopMs) return 0;
                clearance = Math.min(clearance, Math.abs(t - w.startMs), Math.abs(t - w.stopMs));
            }
        }
        return clearance;
    });
}

/** The clear hour farthest from every window (the earliest on a tie), or undefined when none is clear. */
export function jamSyncHour(events: EventWindow[], schedule: ScheduleConfig): number | undefined {
    const clearance = jamSyncClearance(events, schedule);
    let best: number | undefined;
    clearance.forEach((c, h) => {
        if (c > 0 && (best === undefined || c > clearance[best]!)) best = h;
    });
    return best;
}

export function jamSyncTime(hour: number): string {
    return `${String(hour).padStart(2, "0")}:00:00`;
}

/**
 * Sets each 29.97 / 59.94 fps channel's jam-sync hour: the one the config names (checked against
 * the windows) or the computed one; an error naming the key when no hour is clear.
 */
export function assignJamSync(channelsCursor: Cursor, channels: ChannelConfig[], schedule: ScheduleConfig): void {
    channels.forEach((ch, i) => {
        const c = channelsCursor.index(i);
        if (!JAM_SYNC_RATES.includes(ch.frameRate)) {
            if (ch.jamSyncHourUtc !== undefined)
                c.at("jamSyncHourUtc").fail(`applies at 29.97 and 59.94 fps only (MediaLive jam-syncs no other rate); remove it for ${ch.frameRate} fps`);
            delete ch.jamSyncHourUtc;
            return;
        }
        const margins = `${schedule.leadMinutes} min before and ${schedule.tailMinutes} min after each event`;
        if (ch.jamSyncHourUtc !== undefined) {
            if (jamSyncClearance(ch.events, schedule)[ch.jamSyncHourUtc] === 0) {
                const free = jamSyncHour(ch.events, schedule);
                c.at("jamSyncHourUtc").fail(
                    `${ch.jamSyncHourUtc}:00 UTC falls inside an event window (${margins}); MediaLive's daily jam sync would shift timecode on air. ${free !== undefined ? `Use ${free} (the clear hour farthest from the games) or remove the key` : "No hour is clear"}`,
                );
            }
            return;
        }
        const hour = jamSyncHour(ch.events, schedule);
        if (hour === undefined) {
            c.at("events").fail(
                `leave no whole UTC hour clear for MediaLive's daily jam sync (EpochLockingSettings.JamSyncTime, 29.97/59.94 fps; windows counted ${margins}); move an event or shorten schedule.leadMinutes / tailMinutes`,
            );
            return;
        }
        ch.jamSyncHourUtc = hour;
    });
}
