import { Cursor } from "./cursor";
import { Agree, Parsed } from "./schema/nodes";
import { COST_RATES, SCHEDULE } from "./schema/operations";
import { readObject } from "./schema/read";
import { ChannelConfig, CostRates, ScheduleConfig } from "./types";

export function readSchedule(c: Cursor): ScheduleConfig | undefined {
    return readObject(c, SCHEDULE);
}

/** The window a channel actually runs: event start minus lead, event end plus tail. */
export function runWindow(e: { start: string; end: string }, s: ScheduleConfig): { startMs: number; stopMs: number } {
    return { startMs: Date.parse(e.start) - s.leadMinutes * 60_000, stopMs: Date.parse(e.end) + s.tailMinutes * 60_000 };
}

/**
 * Windows that do not overlap on paper can overlap once the channel starts early and stops late;
 * the scheduler would then stop a channel in the middle of the next game.
 */
export function windowsWithMargins(channelsCursor: Cursor, channels: ChannelConfig[], s: ScheduleConfig): void {
    channels.forEach((ch, ci) => {
        const sorted = ch.events.map((e, i) => ({ e, i, ...runWindow(e, s) })).sort((a, b) => a.startMs - b.startMs);
        for (let k = 1; k < sorted.length; k++) {
            const prev = sorted[k - 1]!;
            const cur = sorted[k]!;
            if (cur.startMs < prev.stopMs && Date.parse(cur.e.start) >= Date.parse(prev.e.end)) {
                channelsCursor
                    .index(ci)
                    .at("events")
                    .index(cur.i)
                    .at("start")
                    .fail(
                        `starting ${s.leadMinutes} min early, ${JSON.stringify(cur.e.name)} would start before ${JSON.stringify(prev.e.name)} stops ${s.tailMinutes} min after its end; move the event or shorten schedule.leadMinutes / tailMinutes`,
                    );
            }
        }
    });
}

export function readCostRates(c: Cursor): CostRates | undefined {
    return c.present ? readObject(c, COST_RATES) : undefined;
}

const _schedule: Agree<Parsed<typeof SCHEDULE.fields>, ScheduleConfig> = true;
const _costRates: Agree<Parsed<typeof COST_RATES.fields>, CostRates> = true;
void [_schedule, _costRates];
