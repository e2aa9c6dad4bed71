import { runWindow } from "../config/schedule";
import { ChannelConfig, SeasonConfig } from "../config/types";
import { AUDIO_ENCODES, LADDERS } from "../media/encoding/ladders";

export interface ChannelCost {
    /** Hours the channel runs over the season (event windows plus lead and tail). */
    hours: number;
    /** hours x pipelines x regions */
    pipelineHours: number;
    flowHours: number;
    /** Upper bound of what MediaPackage ingests (ladder peak bitrates, both pipelines, every region). */
    ingestGb: number;
    cost?: number;
}

export interface SeasonCost {
    currency?: string;
    channels: Record<string, ChannelCost>;
    totals: { hours: number; pipelineHours: number; flowHours: number; ingestGb: number; cost?: number };
    note: string;
}

function round(n: number, digits = 2): number {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}

/** Peak bits per second MediaLive sends to MediaPackage for one pipeline of a channel. */
export function ladderBitrate(ch: ChannelConfig): number {
    return LADDERS[ch.ladder].reduce((n, r) => n + r.maxBitrate, 0) + ch.audio.reduce((n, a) => n + AUDIO_ENCODES[a.layout].bitrate, 0);
}

/**
 * What the season costs to encode, contribute and package: channel-hours (windows plus lead and
 * tail) x pipelines x regions, priced with the stack's own planning rates. CloudFront egress is left
 * out: it depends on the audience, not on the stack.
 */
export function seasonCost(season: SeasonConfig): SeasonCost {
    const regions = season.regions.length;
    const rates = season.costRates;
    const channels: Record<string, ChannelCost> = {};
    for (const ch of season.channels) {
        const hours = ch.events.reduce((n, e) => {
            const w = runWindow(e, season.schedule);
            return n + (w.stopMs - w.startMs) / 3_600_000;
        }, 0);
        const pipelines = ch.singlePipeline ? 1 : 2;
        const pipelineHours = hours * pipelines * regions;
        const flowHours = ch.contribution.via === "mediaconnect" ? pipelineHours : 0;
        const ingestGb = ((ladderBitrate(ch) / 8) * 3600 * pipelineHours) / 1e9;
        const c: ChannelCost = { hours: round(hours), pipelineHours: round(pipelineHours), flowHours: round(flowHours), ingestGb: round(ingestGb, 1) };
        if (rates) {
            c.cost = round(
                pipelineHours * rates.medialivePipelineHour[ch.ladder] + flowHours * rates.mediaconnectFlowHour + ingestGb * rates.mediapackageIngestPerGb,
            );
        }
        channels[ch.id] = c;
    }
    const all = Object.values(channels);
    const sum = (k: keyof ChannelCost) =>
        round(
            all.reduce((n, c) => n + (c[k] ?? 0), 0),
            k === "ingestGb" ? 1 : 2,
        );
    return {
        ...(rates ? { currency: rates.currency } : {}),
        channels,
        totals: {
            hours: sum("hours"),
            pipelineHours: sum("pipelineHours"),
            flowHours: sum("flowHours"),
            ingestGb: sum("ingestGb"),
            ...(rates ? { cost: sum("cost") } : {}),
        },
        note: rates
            ? `Encoding, contribution and packaging at the stack's planning rates (onair:season.costRates); CloudFront delivery not included.`
            : `Set onair:season.costRates to price these hours; CloudFront delivery is not included.`,
    };
}
