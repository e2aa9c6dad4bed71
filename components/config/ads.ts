import { Cursor } from "./cursor";
import { isHostname } from "./network";
import { REGION_COUNTRY } from "./regions";
import { AdsConfig, ChannelConfig, DeliveryConfig, RegionConfig, ScheduleConfig } from "./types";
import { runWindow } from "./schedule";
import { ADS, WEB_ORIGIN } from "./schema/ads";
import { keysOf, readNode, readObject } from "./schema/read";

const F = ADS.fields;

export function readAds(
    c: Cursor,
    channelIds: string[],
    delivery: DeliveryConfig | undefined,
    regions: RegionConfig[],
    security: { geoAllow: string[] } | undefined,
): AdsConfig | undefined {
    if (!c.present) return undefined;
    // MediaTailor runs in the primary region and reads origin manifests through CloudFront.
    const primary = regions.find((r) => r.role === "primary")?.region;
    const country = primary ? REGION_COUNTRY[primary as keyof typeof REGION_COUNTRY] : undefined;
    const geoAllow = security?.geoAllow ?? [];
    if (country && geoAllow.length > 0 && !geoAllow.includes(country)) {
        c.fail(
            `MediaTailor in ${primary} reads the origin through CloudFront from ${country} addresses, which security.geoAllow blocks; add ${country} to security.geoAllow or make a region in your territory primary`,
        );
    }
    if (!c.object(keysOf(F))) return undefined;
    const adDecisionServerUrl = readNode(c.at("adDecisionServerUrl"), F.adDecisionServerUrl);
    const channels = c.at("channels").list(
        (e) => {
            const id = e.string({ patternHint: "a channel id of this season" });
            if (id !== undefined && !channelIds.includes(id))
                return e.fail(`${JSON.stringify(id)} is not a channel of this season; use one of ${channelIds.join(", ")}`);
            return id;
        },
        { min: 1, what: "channels" },
    );
    c.at("channels").unique(channels, "channel");
    const slateAdUrl = readNode(c.at("slateAdUrl"), F.slateAdUrl);
    const segmentTokens = readNode(c.at("segmentTokens"), F.segmentTokens);
    const cookieDomain = c.at("cookieDomain").optionalString({ patternHint: "the parent domain of the playback host, e.g. example.com" });
    if (cookieDomain !== undefined && c.at("cookieDomain").present) {
        const aliases = delivery?.domain?.aliases ?? [];
        if (!isHostname(cookieDomain)) c.at("cookieDomain").fail(`${JSON.stringify(cookieDomain)} is not a domain name`);
        else if (aliases.length === 0)
            c.at("cookieDomain").fail(`needs delivery.domain: the token cookie is set for a domain you own, which the playback host must be under`);
        else if (!aliases.some((a) => a === cookieDomain || a.endsWith(`.${cookieDomain}`))) {
            c.at("cookieDomain").fail(
                `${JSON.stringify(cookieDomain)} is not a parent of the playback host(s) ${aliases.join(", ")}; browsers would not send the cookie`,
            );
        }
    }
    // Credentialed CORS cannot use "*", and a cookie for another site is third-party: browsers drop it.
    const playerOrigins = c.at("playerOrigins").list(
        (e) => {
            const origin = e.string({ pattern: WEB_ORIGIN, patternHint: "a web origin such as https://www.example.com (lowercase, no path)" });
            const host = origin ? WEB_ORIGIN.exec(origin)?.[1] : undefined;
            if (host && cookieDomain && host !== cookieDomain.toLowerCase() && !host.endsWith(`.${cookieDomain.toLowerCase()}`)) {
                return e.fail(
                    `${JSON.stringify(origin)} is not under cookieDomain ${cookieDomain}; browsers treat the token cookie as third-party there and drop it`,
                );
            }
            return origin;
        },
        { min: 1, max: 20, what: "player origins" },
    );
    const prefetch = readObject(c.at("prefetch"), F.prefetch);
    const originTokenGeneration = readNode(c.at("originTokenGeneration"), F.originTokenGeneration);
    if (
        adDecisionServerUrl === undefined ||
        channels.length === 0 ||
        playerOrigins.length === 0 ||
        segmentTokens === undefined ||
        prefetch === undefined ||
        originTokenGeneration === undefined
    )
        return undefined;
    return {
        adDecisionServerUrl,
        channels,
        ...(slateAdUrl ? { slateAdUrl } : {}),
        segmentTokens,
        ...(cookieDomain ? { cookieDomain: cookieDomain.toLowerCase() } : {}),
        playerOrigins,
        prefetch,
        originTokenGeneration,
    };
}

/** The edge refuses any token living longer than this (viewer-request.js MAX_LIFE). */
export const MAX_TOKEN_LIFETIME_SECONDS = 86_400;

/** MediaTailor's origin token covers one run window and this margin either side. */
export const ORIGIN_TOKEN_MARGIN_SECONDS = 300;

/**
 * MediaTailor's origin token lives for one run window of its channel (ADR 019), and the
 * edge refuses tokens living longer than a day: an ad channel's run windows must fit in one.
 */
export function checkAdWindows(channelsCursor: Cursor, channels: ChannelConfig[], ads: AdsConfig, schedule: ScheduleConfig): void {
    channels.forEach((ch, ci) => {
        if (!ads.channels.includes(ch.id)) return;
        ch.events.forEach((e, ei) => {
            const w = runWindow(e, schedule);
            const seconds = (w.stopMs - w.startMs) / 1000 + 2 * ORIGIN_TOKEN_MARGIN_SECONDS;
            if (seconds > MAX_TOKEN_LIFETIME_SECONDS) {
                channelsCursor
                    .index(ci)
                    .at("events")
                    .index(ei)
                    .at("end")
                    .fail(
                        `with lead and tail, ${JSON.stringify(e.name)} runs ${Math.round(seconds / 3600)} h; MediaTailor's origin token covers one run window and the edge refuses tokens living over 24 h, so split the event or take the channel out of ads.channels`,
                    );
            }
        });
    });
}
