import { Cursor } from "./cursor";
import { ChannelConfig, CostRates, ScheduleConfig } from "./types";

export function readSchedule(c: Cursor): ScheduleConfig | undefined {
    if (c.present && !c.object(["leadMinutes", "tailMinutes"])) return undefined;
    // An hour covers a MediaLive start (a few minutes) and the line-up checks with the venue.
    const leadMinutes = c.at("leadMinutes").int({ min: 5, max: 360, default: 60, unit: "minutes" });
    const tailMinutes = c.at("tailMinutes").int({ min: 0, max: 360, default: 30, unit: "minutes" });
    if (leadMinutes === undefined || tailMinutes === undefined) return undefined;
    return { leadMinutes, tailMinutes };
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
                channelsCursor.index(ci).at("events").index(cur.i).at("start").fail(
                    `starting ${s.leadMinutes} min early, ${JSON.stringify(cur.e.name)} would start before ${JSON.stringify(prev.e.name)} stops ${s.tailMinutes} min after its end; move the event or shorten schedule.leadMinutes / tailMinutes`,
                );
            }
        }
    });
}

export function readCostRates(c: Cursor): CostRates | undefined {
    if (!c.present) return undefined;
    if (!c.object(["currency", "medialivePipelineHour", "mediaconnectFlowHour", "mediapackageIngestPerGb"])) return undefined;
    const currency = c.at("currency").string({ default: "USD", pattern: /^[A-Z]{3}$/, patternHint: "an ISO 4217 code such as USD" });
    const rate = (x: Cursor) => x.number({ min: 0, max: 10000, what: "a rate" });
    const ml = c.at("medialivePipelineHour");
    if (!ml.object(["uhd", "hd"])) return undefined;
    const uhd = rate(ml.at("uhd"));
    const hd = rate(ml.at("hd"));
    const flow = rate(c.at("mediaconnectFlowHour"));
    const ingest = rate(c.at("mediapackageIngestPerGb"));
    if (currency === undefined || uhd === undefined || hd === undefined || flow === undefined || ingest === undefined) return undefined;
    return { currency, medialivePipelineHour: { uhd, hd }, mediaconnectFlowHour: flow, mediapackageIngestPerGb: ingest };
}
