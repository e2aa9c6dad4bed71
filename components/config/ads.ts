import { Cursor } from "./cursor";
import { isHostname } from "./network";
import { REGION_COUNTRY } from "./regions";
import { AD_SEGMENT_TOKEN_TRANSPORTS, AdsConfig, ChannelConfig, DeliveryConfig, RegionConfig, ScheduleConfig } from "./types";
import { runWindow } from "./schedule";

const HTTPS_URL = /^https:\/\/[^\s/$.?#].[^\s]*$/;
const WEB_ORIGIN = /^https:\/\/([a-z0-9.-]+)(:\d{1,5})?$/;

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
        c.fail(`MediaTailor in ${primary} reads the origin through CloudFront from ${country} addresses, which security.geoAllow blocks; add ${country} to security.geoAllow or make a region in your territory primary`);
    }
    if (!c.object(["adDecisionServerUrl", "channels", "slateAdUrl", "segmentTokens", "cookieDomain", "playerOrigins", "prefetch", "originTokenGeneration"])) return undefined;
    const adDecisionServerUrl = c.at("adDecisionServerUrl").string({ pattern: HTTPS_URL, patternHint: "the ad server's HTTPS VAST/VMAP URL, e.g. https://ads.example.com/vast?sid=[session.id]" });
    const channels = c.at("channels").list((e) => {
        const id = e.string({ patternHint: "a channel id of this season" });
        if (id !== undefined && !channelIds.includes(id)) return e.fail(`${JSON.stringify(id)} is not a channel of this season; use one of ${channelIds.join(", ")}`);
        return id;
    }, { min: 1, what: "channels" });
    c.at("channels").unique(channels, "channel");
    const slateAdUrl = c.at("slateAdUrl").present ? c.at("slateAdUrl").string({ pattern: HTTPS_URL, patternHint: "an HTTPS URL of a slate video" }) : undefined;
    // Players set the bearer header on every request of the session; the query transport needs MediaTailor's account-level setting.
    const segmentTokens = c.at("segmentTokens").oneOf(AD_SEGMENT_TOKEN_TRANSPORTS, { default: "header" });
    const cookieDomain = c.at("cookieDomain").optionalString({ patternHint: "the parent domain of the playback host, e.g. example.com" });
    if (cookieDomain !== undefined && c.at("cookieDomain").present) {
        const aliases = delivery?.domain?.aliases ?? [];
        if (!isHostname(cookieDomain)) c.at("cookieDomain").fail(`${JSON.stringify(cookieDomain)} is not a domain name`);
        else if (aliases.length === 0) c.at("cookieDomain").fail(`needs delivery.domain: the token cookie is set for a domain you own, which the playback host must be under`);
        else if (!aliases.some((a) => a === cookieDomain || a.endsWith(`.${cookieDomain}`))) {
            c.at("cookieDomain").fail(`${JSON.stringify(cookieDomain)} is not a parent of the playback host(s) ${aliases.join(", ")}; browsers would not send the cookie`);
        }
    }
    // Credentialed CORS cannot use "*", and a cookie for another site is third-party: browsers drop it.
    const playerOrigins = c.at("playerOrigins").list((e) => {
        const origin = e.string({ pattern: WEB_ORIGIN, patternHint: "a web origin such as https://www.example.com (lowercase, no path)" });
        const host = origin ? WEB_ORIGIN.exec(origin)?.[1] : undefined;
        if (host && cookieDomain && host !== cookieDomain.toLowerCase() && !host.endsWith(`.${cookieDomain.toLowerCase()}`)) {
            return e.fail(`${JSON.stringify(origin)} is not under cookieDomain ${cookieDomain}; browsers treat the token cookie as third-party there and drop it`);
        }
        return origin;
    }, { min: 1, max: 20, what: "player origins" });
    const p = c.at("prefetch");
    if (p.present && !p.object(["retrievalWindowSeconds", "delayAfterAvailEndSeconds", "adExpirationSeconds"])) return undefined;
    // Five minutes spreads a break's ad requests over the audience without fetching too early.
    const retrievalWindowSeconds = p.at("retrievalWindowSeconds").int({ min: 10, max: 3600, default: 300, unit: "seconds" });
    const delayAfterAvailEndSeconds = p.at("delayAfterAvailEndSeconds").int({ min: 0, max: 3600, default: 10, unit: "seconds" });
    const adExpirationSeconds = p.at("adExpirationSeconds").int({ min: 60, max: 86400, default: 1800, unit: "seconds" });
    const originTokenGeneration = c.at("originTokenGeneration").int({ min: 0, max: 1_000_000, default: 0 });
    if (adDecisionServerUrl === undefined || channels.length === 0 || playerOrigins.length === 0 || segmentTokens === undefined || retrievalWindowSeconds === undefined || delayAfterAvailEndSeconds === undefined || adExpirationSeconds === undefined || originTokenGeneration === undefined) return undefined;
    return {
        adDecisionServerUrl,
        channels,
        ...(slateAdUrl ? { slateAdUrl } : {}),
        segmentTokens,
        ...(cookieDomain ? { cookieDomain: cookieDomain.toLowerCase() } : {}),
        playerOrigins,
        prefetch: { retrievalWindowSeconds, delayAfterAvailEndSeconds, adExpirationSeconds },
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
                channelsCursor.index(ci).at("events").index(ei).at("end").fail(
                    `with lead and tail, ${JSON.stringify(e.name)} runs ${Math.round(seconds / 3600)} h; MediaTailor's origin token covers one run window and the edge refuses tokens living over 24 h, so split the event or take the channel out of ads.channels`,
                );
            }
        });
    });
}
