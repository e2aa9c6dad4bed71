import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { runWindow } from "../config/schedule";
import { AdsConfig, ChannelConfig, ScheduleConfig } from "../config/types";
import { PART_SEPARATOR, prefetchScheduleName } from "../naming";
import { MIN_LEAD_MS } from "../operations/scheduleWindows";
import { AdOrigin } from "./adOrigins";

export interface AdInsertionArgs {
    /** Season slug: the playback configurations are named after it. */
    season: string;
    ads: AdsConfig;
    /** The run windows around events (lead and tail), which the prefetch schedules cover. */
    schedule: ScheduleConfig;
    /** The season's ad channels (channels[].ads), with their events. */
    channels: ChannelConfig[];
    /** Per ad channel, where MediaTailor reads and points players (adOriginInputs in adOrigins.ts). */
    origins: Record<string, AdOrigin>;
    /** Prefetch schedules are only created for windows still ahead of this instant. */
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

    constructor(name: string, args: AdInsertionArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("onair:ads:AdInsertion", name, {}, opts);
        const { ads } = args;
        for (const ch of args.channels) {
            const configName = playbackConfigurationName(args.season, ch.id);
            const origin = args.origins[ch.id];
            if (!origin) throw new Error(`AdInsertion ${name}: no origin for ad channel ${ch.id} (adOriginInputs builds one per ad channel)`);
            const pc = new awsnative.mediatailor.PlaybackConfiguration(
                `${name}-${ch.id}`,
                {
                    name: configName,
                    adDecisionServerUrl: ads.adDecisionServerUrl,
                    videoContentSourceUrl: origin.videoContentSourceUrl,
                    cdnConfiguration: {
                        adSegmentUrlPrefix: origin.adSegmentUrlPrefix,
                        // MediaTailor swaps the source URL (and its token) for this prefix in segment URLs.
                        contentSegmentUrlPrefix: origin.contentSegmentUrlPrefix,
                    },
                    ...(ads.slateAdUrl ? { slateAdUrl: ads.slateAdUrl } : {}),
                    // Viewers joining mid-break see content, not a partial ad.
                    availSuppression: { mode: "BEHIND_LIVE_EDGE", value: "00:00:00" },
                    personalizationThresholdSeconds: 2,
                    manifestProcessingRules: { adMarkerPassthrough: { enabled: false } },
                    dashConfiguration: { mpdLocation: "DISABLED", originManifestType: "MULTI_PERIOD" },
                },
                { parent: this },
            );
            this.channels[ch.id] = {
                configurationName: configName,
                hlsPathPrefix: pc.hlsConfiguration.apply((h) => pathOf(h?.manifestEndpointPrefix ?? "https://x/")),
                dashPathPrefix: pc.dashConfiguration.apply((d) => pathOf(d?.manifestEndpointPrefix ?? "https://x/")),
                prefetch: [],
            };
            for (const e of ch.events) {
                const w = runWindow(e, args.schedule);
                if (w.stopMs <= args.nowMs + MIN_LEAD_MS) continue;
                const window = { name: prefetchScheduleName(e.name), start: new Date(w.startMs).toISOString(), end: new Date(w.stopMs).toISOString() };
                this.channels[ch.id]!.prefetch.push(window);
                new awsnative.mediatailor.PrefetchSchedule(
                    [name, ch.id, e.name].join(PART_SEPARATOR),
                    {
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
                    },
                    { parent: this },
                );
            }
        }
        this.registerOutputs({ channels: this.channels });
    }
}
