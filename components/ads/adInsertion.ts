import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { runWindow } from "../config/schedule";
import { SeasonConfig } from "../config/types";
import { PART_SEPARATOR, prefetchScheduleName, viewerPathPrefix } from "../naming";
import { onAirWindows } from "../operations/onAirWindows";
import { MIN_LEAD_MS } from "../operations/scheduleWindows";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { mintToken } = require("../delivery/vending/token") as typeof import("../delivery/vending/token");

export interface AdInsertionArgs {
    season: SeasonConfig;
    /** The distribution's own hostname: MediaTailor fetches origin manifests through CloudFront. */
    distributionDomain: pulumi.Input<string>;
    /** The viewers' hostname, for the segment URLs MediaTailor writes into manifests. */
    playbackHost: pulumi.Input<string>;
    /** MediaTailor's origin tokens by channel id (secrets), from adOriginTokens(). */
    originTokens: Record<string, pulumi.Output<string>>;
    nowMs: number;
}

export interface AdChannel {
    configurationName: string;
    /** Path prefixes of the personalised manifests, e.g. /v1/master/<hash>/<config>/. */
    hlsPathPrefix: pulumi.Output<string>;
    dashPathPrefix: pulumi.Output<string>;
    /** Prefetch windows still ahead, as created by this update. */
    prefetch: { name: string; start: string; end: string }[];
}

export function playbackConfigurationName(season: string, channelId: string): string {
    return `onair-${season}-${channelId}`;
}

/** Season bounds (first start, last end) in seconds, for the origin token's fixed lifetime. */
export function seasonSpan(season: SeasonConfig): { startSec: number; endSec: number } {
    const all = onAirWindows(season);
    const start = all.length ? Math.min(...all.map((w) => w.startMs)) : 0;
    const end = all.length ? Math.max(...all.map((w) => w.stopMs)) : 0;
    return { startSec: Math.floor(start / 1000), endSec: Math.ceil(end / 1000) };
}

/**
 * MediaTailor's own token for the channel's origin manifests: path-bound to one channel, valid for
 * the season (a day either side), revocable as jti `mediatailor-<channel>`. Its claims are fixed,
 * so the token (and the playback configuration) do not change from one `pulumi up` to the next.
 */
export function originToken(season: SeasonConfig, channelId: string, signer: { kid: string; key: string }): string {
    const span = seasonSpan(season);
    const from = span.startSec - 86_400;
    return mintToken(signer, {
        prefix: `${viewerPathPrefix(season.name, channelId)}/`,
        now: from,
        ttlSeconds: span.endSec + 86_400 - from,
        jti: `mediatailor-${channelId}`,
    }).token;
}

/** The origin token of every ad channel, as secrets: the Web ACL and MediaTailor both need them. */
export function adOriginTokens(season: SeasonConfig, signer: { kid: string; key: pulumi.Output<string> }): Record<string, pulumi.Output<string>> {
    return Object.fromEntries(season.channels.filter((c) => c.ads).map((c) => [
        c.id,
        pulumi.secret(signer.key.apply((key) => originToken(season, c.id, { kid: signer.kid, key }))),
    ]));
}

/** The HMAC part of a JWT: secret, unique per token, short enough for a WAF string match. */
export function tokenSignature(token: pulumi.Output<string>): pulumi.Output<string> {
    return token.apply((t) => t.split(".")[2] ?? "");
}

function pathOf(url: string): string {
    return new URL(url).pathname;
}

/**
 * Server-side ad insertion for the season's ad channels (primary region): a MediaTailor playback
 * configuration per channel, reading origin manifests through CloudFront and pointing players back
 * at CloudFront for content and ad segments, plus a recurring prefetch schedule per event window
 * that spreads ad-server requests over a retrieval window before each break.
 */
export class AdInsertion extends pulumi.ComponentResource {
    readonly channels: Record<string, AdChannel> = {};

    constructor(name: string, args: AdInsertionArgs, opts: pulumi.ComponentResourceOptions) {
        super("onair:ads:AdInsertion", name, {}, opts);
        const { season } = args;
        const ads = season.ads!;
        for (const ch of season.channels.filter((c) => c.ads)) {
            const configName = playbackConfigurationName(season.name, ch.id);
            const token = args.originTokens[ch.id]!;
            const prefix = viewerPathPrefix(season.name, ch.id);
            const pc = new awsnative.mediatailor.PlaybackConfiguration(`ads-${ch.id}`, {
                name: configName,
                adDecisionServerUrl: ads.adDecisionServerUrl,
                videoContentSourceUrl: pulumi.interpolate`https://${args.distributionDomain}/tk/${token}${prefix}`,
                cdnConfiguration: {
                    adSegmentUrlPrefix: pulumi.interpolate`https://${args.playbackHost}`,
                    // MediaTailor swaps the source URL (and its token) for this prefix in segment URLs.
                    contentSegmentUrlPrefix: pulumi.interpolate`https://${args.playbackHost}${prefix}`,
                },
                ...(ads.slateAdUrl ? { slateAdUrl: ads.slateAdUrl } : {}),
                // Viewers joining mid-break see content, not a partial ad.
                availSuppression: { mode: "BEHIND_LIVE_EDGE", value: "00:00:00" },
                personalizationThresholdSeconds: 2,
                manifestProcessingRules: { adMarkerPassthrough: { enabled: false } },
                dashConfiguration: { mpdLocation: "DISABLED", originManifestType: "MULTI_PERIOD" },
            }, { parent: this });
            this.channels[ch.id] = {
                configurationName: configName,
                hlsPathPrefix: pc.hlsConfiguration.apply((h) => pathOf(h?.manifestEndpointPrefix ?? "https://x/")),
                dashPathPrefix: pc.dashConfiguration.apply((d) => pathOf(d?.manifestEndpointPrefix ?? "https://x/")),
                prefetch: [],
            };
            for (const e of ch.events) {
                const w = runWindow(e, season.schedule);
                if (w.stopMs <= args.nowMs + MIN_LEAD_MS) continue;
                const window = { name: prefetchScheduleName(e.name), start: new Date(w.startMs).toISOString(), end: new Date(w.stopMs).toISOString() };
                this.channels[ch.id]!.prefetch.push(window);
                new awsnative.mediatailor.PrefetchSchedule(["ads", ch.id, e.name].join(PART_SEPARATOR), {
                    name: window.name,
                    playbackConfigurationName: pc.name,
                    scheduleType: "RECURRING",
                    recurringPrefetchConfiguration: {
                        // The window's own start, even once it has begun: a start derived from "now"
                        // would replace the schedule on every `pulumi up` during a game.
                        startTime: window.start,
                        endTime: window.end,
                        recurringConsumption: { retrievedAdExpirationSeconds: ads.prefetch.adExpirationSeconds },
                        recurringRetrieval: {
                            delayAfterAvailEndSeconds: ads.prefetch.delayAfterAvailEndSeconds,
                            trafficShapingType: "RETRIEVAL_WINDOW",
                            trafficShapingRetrievalWindow: { retrievalWindowDurationSeconds: ads.prefetch.retrievalWindowSeconds },
                        },
                    },
                }, { parent: this });
            }
        }
        this.registerOutputs({ channels: this.channels });
    }
}
