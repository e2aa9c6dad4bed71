import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { createHmac } from "crypto";
import { ORIGIN_TOKEN_MARGIN_SECONDS } from "../config/ads";
import { runWindow } from "../config/schedule";
import { ORIGIN_KID_PREFIX } from "../config/security";
import { SeasonConfig } from "../config/types";
import { PART_SEPARATOR, prefetchScheduleName } from "../naming";
import { channelViewerPrefix } from "../delivery/shards";
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
    /** Per channel, its shard's hosts (docs/adr/026); absent for a channel: the two above. */
    channelHosts?: Record<string, { playbackHost: pulumi.Input<string>; distributionDomain: pulumi.Input<string> }>;
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

/** MediaTailor's origin-token key id: its own kid, so it is rotated and revoked apart from viewers' keys. */
export function originKid(viewerKid: string): string {
    return `${ORIGIN_KID_PREFIX}${viewerKid}`;
}

/**
 * MediaTailor's signing key, derived from the viewer key it follows (HMAC-SHA256 of a fixed label):
 * a separate key under a separate kid without a second secret to manage; knowing it reveals nothing
 * of the viewer key.
 */
export function originKey(viewerKey: string): string {
    return createHmac("sha256", viewerKey).update("onair/mediatailor-origin-token/v1").digest("base64url");
}

/**
 * The run window an origin token minted at `nowMs` covers: the one under way, else the next, else
 * the last (a season that is over). Undefined for a channel without events.
 */
export function originTokenWindow(season: SeasonConfig, channelId: string, nowMs: number): { event: string; startMs: number; stopMs: number } | undefined {
    const windows = onAirWindows(season).filter((w) => w.channelId === channelId);
    const w = windows.find((x) => x.stopMs > nowMs) ?? windows[windows.length - 1];
    return w ? { event: w.event, startMs: w.startMs, stopMs: w.stopMs } : undefined;
}

export interface OriginToken {
    token: string;
    kid: string;
    jti: string;
    notBefore: number;
    expiresAt: number;
    /** The event whose run window the token covers. */
    event?: string;
}

/**
 * MediaTailor's own token for the channel's origin manifests (ADR 019): path-bound to one
 * channel, signed with its own kid, valid for one run window (with a 5-minute margin either side),
 * and with a nonce jti derived from the key, the window and ads.originTokenGeneration. The claims are
 * fixed within a window, so `pulumi up` during a game changes nothing; after a revocation, bumping the
 * generation and redeploying mints a token with a new jti.
 */
export function originToken(season: SeasonConfig, channelId: string, signer: { kid: string; key: string }, nowMs: number): OriginToken {
    const key = originKey(signer.key);
    const kid = originKid(signer.kid);
    const w = originTokenWindow(season, channelId, nowMs) ?? { event: undefined, startMs: 0, stopMs: 0 };
    const generation = season.ads?.originTokenGeneration ?? 0;
    const jti = `mt.${createHmac("sha256", key).update(`${channelId}|${w.startMs}|${generation}`).digest("base64url").slice(0, 22)}`;
    const from = Math.floor(w.startMs / 1000) - ORIGIN_TOKEN_MARGIN_SECONDS;
    const until = Math.ceil(w.stopMs / 1000) + ORIGIN_TOKEN_MARGIN_SECONDS;
    const { token, expiresAt } = mintToken({ kid, key }, { prefix: `${channelViewerPrefix(season, channelId)}/`, now: from, ttlSeconds: until - from, jti });
    return { token, kid, jti, notBefore: from, expiresAt, ...(w.event ? { event: w.event } : {}) };
}

export interface AdOriginTokens {
    /** The token of every ad channel, a secret: MediaTailor's source URL and the WAF label rule need it. */
    tokens: Record<string, pulumi.Output<string>>;
    /** Plain facts about each token (kid, jti, window), for the plan and the runbook. */
    windows: Record<string, pulumi.Output<{ kid: string; jti: string; notBefore: string; expiresAt: string; event?: string }>>;
}

export function adOriginTokens(season: SeasonConfig, signer: { kid: string; key: pulumi.Output<string> }, nowMs: number): AdOriginTokens {
    const tokens: AdOriginTokens["tokens"] = {};
    const windows: AdOriginTokens["windows"] = {};
    for (const c of season.channels.filter((x) => x.ads)) {
        const minted = signer.key.apply((key) => originToken(season, c.id, { kid: signer.kid, key }, nowMs));
        tokens[c.id] = pulumi.secret(minted.apply((t) => t.token));
        // Operators need the jti to revoke MediaTailor's token; it is not the signature.
        windows[c.id] = pulumi.unsecret(minted.apply((t) => ({
            kid: t.kid,
            jti: t.jti,
            notBefore: new Date(t.notBefore * 1000).toISOString(),
            expiresAt: new Date(t.expiresAt * 1000).toISOString(),
            ...(t.event ? { event: t.event } : {}),
        })));
    }
    return { tokens, windows };
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
            const prefix = channelViewerPrefix(season, ch.id);
            const hosts = args.channelHosts?.[ch.id] ?? { playbackHost: args.playbackHost, distributionDomain: args.distributionDomain };
            const pc = new awsnative.mediatailor.PlaybackConfiguration(`ads-${ch.id}`, {
                name: configName,
                adDecisionServerUrl: ads.adDecisionServerUrl,
                videoContentSourceUrl: pulumi.interpolate`https://${hosts.distributionDomain}/tk/${token}${prefix}`,
                cdnConfiguration: {
                    adSegmentUrlPrefix: pulumi.interpolate`https://${hosts.playbackHost}`,
                    // MediaTailor swaps the source URL (and its token) for this prefix in segment URLs.
                    contentSegmentUrlPrefix: pulumi.interpolate`https://${hosts.playbackHost}${prefix}`,
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
