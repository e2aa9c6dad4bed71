import { defaultRateLimits, minimumRateLimits, RateLimits, viewerRequestsPerWindow } from "../delivery/audience";
import { consumerSizing } from "../observability/qoe/sizing";
import { largestSamplingRate, sizeRealtimeStream, StreamSizing } from "../observability/realtimeSizing";
import { Cursor } from "./cursor";
import { QoeConfig } from "./qoe";
import { WafSettings } from "./security";
import { AudienceConfig, ChannelConfig, ObservabilityConfig, RealtimeStreamMode, SecurityConfig } from "./types";

/** The shortest segment of the season: its viewers make the most requests per second. */
export function shortestSegmentSeconds(channels: ChannelConfig[]): number {
    return Math.min(...channels.map((c) => c.segment.lengthSeconds));
}

const WHY: Record<keyof RateLimits, (audience: AudienceConfig, segment: number) => string> = {
    perIpRequestsPer5Min: (a, s) =>
        `${a.viewersPerIp} viewers behind one address (delivery.audience.viewersPerIp) make ${a.viewersPerIp * viewerRequestsPerWindow(s)} requests per 5 minutes at ${s}-second segments`,
    perTokenRequestsPer5Min: (_a, s) =>
        `one viewer makes ${viewerRequestsPerWindow(s)} requests per 5 minutes at ${s}-second segments, and twice that while filling its buffer`,
    perPlaylistRequestsPer5Min: (_a, s) =>
        `a player reloads each playlist ${Math.ceil(300 / s)} times per 5 minutes at ${s}-second segments, and twice that after a stall`,
};

/**
 * The WAF limits in force: each one the stack set, else sized from the audience and the shortest
 * segment. A limit below what the declared crowd or one viewer needs is refused: it would block
 * paying viewers at the biggest game.
 */
export function resolveRateLimits(waf: Cursor, settings: WafSettings, audience: AudienceConfig, channels: ChannelConfig[]): SecurityConfig["waf"] {
    const segment = shortestSegmentSeconds(channels);
    const defaults = defaultRateLimits(audience.viewersPerIp, segment);
    const minimum = minimumRateLimits(audience.viewersPerIp, segment);
    const out = { ...settings } as SecurityConfig["waf"];
    for (const key of Object.keys(defaults) as (keyof RateLimits)[]) {
        const given = settings[key];
        if (given === undefined) {
            out[key] = defaults[key];
            continue;
        }
        if (given < minimum[key]) {
            waf.at(key).fail(
                `${given} would block viewers: ${WHY[key](audience, segment)}; use at least ${minimum[key]} or leave it out (default ${defaults[key]})`,
            );
        }
        out[key] = given;
    }
    return out;
}

export type RealtimeLogSettings = Omit<ObservabilityConfig["realtimeLogs"], "samplingRate"> & { samplingRate?: number };

/**
 * The real-time log sampling in force: the stack's rate when the stream can take it at the peak
 * audience, else an error naming the rate that fits; left out, the highest rate that fits.
 */
export function resolveSampling(rt: Cursor, settings: RealtimeLogSettings, audience: AudienceConfig, channels: ChannelConfig[]): number | undefined {
    const demand = { peakViewers: audience.peakViewers, shortestSegmentSeconds: shortestSegmentSeconds(channels) };
    const mode: RealtimeStreamMode = settings.streamMode;
    const best = largestSamplingRate(demand, mode, settings.maxShards);
    const fix =
        mode === "provisioned"
            ? `raise observability.realtimeLogs.maxShards (and the account's shard quota) or use streamMode: on-demand-advantage`
            : mode === "on-demand"
              ? `use streamMode: provisioned (sized from the audience) or on-demand-advantage`
              : `split the audience over more streams`;
    if (settings.samplingRate === undefined) {
        if (best === 0) {
            const one = sizeRealtimeStream({ ...demand, samplingRate: 1 }, mode, settings.maxShards);
            return rt.fail(`cannot log even 1% of requests at ${audience.peakViewers} peak viewers: ${one.explanation}; ${fix}`) ?? undefined;
        }
        return best;
    }
    const sizing = sizeRealtimeStream({ ...demand, samplingRate: settings.samplingRate }, mode, settings.maxShards);
    if (!sizing.fits) {
        rt.at("samplingRate").fail(
            `${settings.samplingRate}% would throttle the stream at ${audience.peakViewers} peak viewers (CloudFront drops log lines it cannot write): ${sizing.explanation}; use at most ${best}% (or leave samplingRate out), or ${fix}`,
        );
    }
    return settings.samplingRate;
}

/**
 * The real-time log stream's capacity for the season: the one model the stream is created from and
 * the QoE consumer is sized from (ADR 017, ADR 014).
 */
export function streamSizingFor(audience: AudienceConfig, channels: ChannelConfig[], rt: ObservabilityConfig["realtimeLogs"]): StreamSizing {
    return sizeRealtimeStream(
        { peakViewers: audience.peakViewers, shortestSegmentSeconds: shortestSegmentSeconds(channels), samplingRate: rt.samplingRate },
        rt.streamMode,
        rt.maxShards,
    );
}

/**
 * The QoE consumer's peak concurrency must fit the account's Lambda concurrency in us-east-1: past
 * it Lambda throttles the stream's batches, the shards fall behind and, past five minutes, the
 * figures are dropped (qoe/sizing.ts).
 */
export function checkConsumerConcurrency(qoe: Cursor, settings: QoeConfig, stream: StreamSizing): void {
    const c = consumerSizing(stream);
    if (c.concurrentExecutions <= settings.accountLambdaConcurrency) return;
    // Fewer records mean fewer shards; a provisioned stream left to pick its sampling picks it from maxShards.
    const fewer =
        stream.mode === "provisioned"
            ? "observability.realtimeLogs.samplingRate (or maxShards when samplingRate is left out)"
            : "observability.realtimeLogs.samplingRate";
    const key = qoe.at("accountLambdaConcurrency");
    key.fail(
        `${settings.accountLambdaConcurrency}${key.present ? "" : " (the default)"} is less than the ${c.concurrentExecutions} concurrent executions the QoE consumer needs at the peak with ${stream.samplingRate}% sampling (${c.explanation}); ` +
            `raise the account's Lambda "Concurrent executions" quota in us-east-1 (Service Quotas, L-B99A9384; 1,000 by default) and set qoe.accountLambdaConcurrency to it, or lower ${fewer}`,
    );
}
