import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { SeasonConfig } from "../config/types";
import { viewerPathPrefix } from "../naming";
import { ERROR_CACHING_SECONDS, originTimeouts } from "./caching";
import { originShieldRegion } from "./originShield";
import type { Shard } from "./shards";
import { DeliverySeason } from "./deliverySeason";

type Cfg = awsnative.types.input.cloudfront.DistributionConfigArgs;
type Behavior = awsnative.types.input.cloudfront.DistributionCacheBehaviorArgs;

/** Path prefix that carries the viewer token: `/tk/<token>/out/v1/...` (relative manifest URLs keep it). */
export const TOKEN_PATH_PREFIX = "/tk/";

export interface DistributionWiring {
    /** MediaPackage egress domain per region: of the shard's channel group. */
    egressDomains: Record<string, pulumi.Input<string>>;
    oacId: pulumi.Input<string>;
    /** Cache policy id per segment length (seconds). */
    cachePolicyIds: Record<number, pulumi.Input<string>>;
    /** Origin request policies: MediaPackage (its query strings), MediaTailor, custom origins; each adds the viewer geography. */
    originRequestPolicyIds: { media: pulumi.Input<string>; mediaTailor?: pulumi.Input<string>; viewerGeo: pulumi.Input<string> };
    functionArn: pulumi.Input<string>;
    webAclArn: pulumi.Input<string>;
    vpcOriginIds: Record<string, pulumi.Input<string>>;
    /** Secret header values of custom origins, by origin id. */
    customOriginHeaders: Record<string, pulumi.Input<string>>;
    /** Optional: per-behaviour real-time log configuration. */
    realtimeLogConfigArn?: pulumi.Input<string>;
    /** Optional: standard (S3) access logs. */
    logging?: { bucket: pulumi.Input<string>; prefix: string };
    /** Ad insertion: cache policies for MediaTailor's personalised manifests (none) and ad segments, and the players' CORS policy. */
    adsPolicyIds?: { manifests: pulumi.Input<string>; adSegments: pulumi.Input<string>; cors: pulumi.Input<string> };
}

/**
 * MediaTailor's two origins. manifests.mediatailor.<region> serves "personalized HLS and DASH
 * manifests ... ad tracking and beaconing" and picks the playback configuration from the path;
 * segments.mediatailor.<region> serves the transcoded ad segments (MediaTailor User Guide,
 * "Production-ready CloudFront configuration for MediaTailor", Three-origin architecture).
 */
export function mediaTailorHosts(region: string): { manifests: string; segments: string } {
    return { manifests: `manifests.mediatailor.${region}.amazonaws.com`, segments: `segments.mediatailor.${region}.amazonaws.com` };
}

export const MEDIATAILOR_ORIGIN = { manifests: "mediatailor-manifests", segments: "mediatailor-segments" } as const;

/**
 * The MediaTailor paths and the origin each goes to, in CloudFront's order (most specific first):
 * - /tm/* : ad creatives under the CDN ad segment prefix -> segments.mediatailor ("use the /tm/* path
 *   pattern specifically for MediaTailor ad segments; route requests to segments.mediatailor.region
 *   .amazonaws.com": "Set up CDN routing behaviors for MediaTailor", Ad segment routing);
 * - /v1/segment/* : MediaTailor's segment redirects (server-side ad reporting), answered by the
 *   manifests host, which sends the player on to /tm/*;
 * - /v1/* : sessions, manifests (master, manifest, dash), tracking -> manifests.mediatailor.
 * Both pages are in the MediaTailor User Guide ("Production-ready CloudFront configuration for
 * MediaTailor" shows the same origins as cache behaviours).
 */
export const MEDIATAILOR_ROUTES = [
    { pathPattern: "/tm/*", origin: MEDIATAILOR_ORIGIN.segments, kind: "ad-creatives" },
    { pathPattern: "/v1/segment/*", origin: MEDIATAILOR_ORIGIN.manifests, kind: "segment-redirects" },
    { pathPattern: "/v1/*", origin: MEDIATAILOR_ORIGIN.manifests, kind: "sessions-manifests-tracking" },
] as const;

/** Content segments of an ad channel, listed by MediaTailor's personalised manifests without a path token. */
export function adContentPathPattern(channelGroup: string, channelId: string): string {
    return `${viewerPathPrefix(channelGroup, channelId)}/*`;
}

export function mediaOriginId(region: string): string {
    return `mediapackage-${region}`;
}

export function originGroupId(channelId: string): string {
    return `live-${channelId}`;
}

/** The two origin-group members: the primary region, then the first secondary. */
export function groupRegions(season: Pick<SeasonConfig, "regions">): [string, string] {
    const primary = season.regions.find((r) => r.role === "primary")!.region;
    const secondary = season.regions.find((r) => r.role === "secondary")!.region;
    return [primary, secondary];
}

/** Viewer path pattern of a channel: only tokenised paths reach the media behaviours. */
export function channelPathPattern(channelGroup: string, channelId: string): string {
    return `${TOKEN_PATH_PREFIX}*${viewerPathPrefix(channelGroup, channelId)}/*`;
}

/** A season of one shard: every channel on the season's channel group and hostnames. */
function wholeSeason(season: DeliverySeason): Shard {
    return {
        index: 1,
        channels: season.channels.map((c) => c.id),
        channelGroup: season.name,
        suffix: "",
        aliases: season.delivery.domain?.aliases ?? [],
        ...(season.delivery.clientRouting ? { clientRoutingDomain: season.delivery.clientRouting.domain } : {}),
    };
}

/**
 * The aws-native distribution config of one shard (docs/adr/026): one origin per region (the
 * MediaPackage egress domain is per channel group, shared by the shard's channels), one
 * media-quality-based origin group and one cache behaviour per channel, so CloudFront tracks
 * quality scores per channel. The private and custom origins are served by shard 1, on the
 * season's own hostnames.
 */
export function distributionConfig(fullSeason: DeliverySeason, w: DistributionWiring, shard: Shard = wholeSeason(fullSeason)): Cfg {
    const inShard = new Set(shard.channels);
    const season: DeliverySeason = { ...fullSeason, channels: fullSeason.channels.filter((c) => inShard.has(c.id)) };
    const [primary, secondary] = groupRegions(season);
    const segments = season.channels.map((c) => c.segment.lengthSeconds);
    const timeouts = originTimeouts(segments);
    const d = shard.index === 1 ? season.delivery : { ...season.delivery, vpcOrigins: [], customOrigins: [] };

    const mediaOrigins = season.regions.map((r) => ({
        id: mediaOriginId(r.region),
        domainName: w.egressDomains[r.region]!,
        originAccessControlId: w.oacId,
        connectionAttempts: timeouts.connectionAttempts,
        connectionTimeout: timeouts.connectionTimeout,
        customOriginConfig: {
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
            originReadTimeout: timeouts.originReadTimeout,
            originKeepaliveTimeout: timeouts.originKeepaliveTimeout,
        },
        // Every region is shielded in (or next to) its own region: after a failover the secondary takes
        // every regional edge cache's misses, and unshielded they would each reach MediaPackage.
        ...(d.originShield ? { originShield: { enabled: true, originShieldRegion: originShieldRegion(r.region) } } : {}),
    }));
    const vpcOrigins = d.vpcOrigins.map((o) => ({
        id: o.id,
        domainName: o.domainName,
        vpcOriginConfig: { vpcOriginId: w.vpcOriginIds[o.id]!, originReadTimeout: 30, originKeepaliveTimeout: 5 },
    }));
    const customOrigins = d.customOrigins.map((o) => ({
        id: o.id,
        domainName: o.domainName,
        originCustomHeaders: [{ headerName: o.headerName, headerValue: w.customOriginHeaders[o.id]! }],
        customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: 30, originKeepaliveTimeout: 5 },
    }));

    const failoverCodes = [404, ...d.failoverStatusCodes];
    const originGroups = season.channels.map((c) => ({
        id: originGroupId(c.id),
        selectionCriteria: "media-quality-based" as const,
        failoverCriteria: { statusCodes: { quantity: failoverCodes.length, items: failoverCodes } },
        members: { quantity: 2, items: [{ originId: mediaOriginId(primary) }, { originId: mediaOriginId(secondary) }] },
    }));

    const viewerFunction = [{ eventType: "viewer-request" as const, functionArn: w.functionArn }];
    const rtl = w.realtimeLogConfigArn ? { realtimeLogConfigArn: w.realtimeLogConfigArn } : {};
    const mediaSettings = (target: string, segmentSeconds: number) => ({
        targetOriginId: target,
        viewerProtocolPolicy: "https-only",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: w.cachePolicyIds[segmentSeconds]!,
        originRequestPolicyId: w.originRequestPolicyIds.media,
        functionAssociations: viewerFunction,
        ...rtl,
    });
    const ads = adsDelivery(season, shard.channelGroup, primary, w, viewerFunction, rtl, mediaSettings);
    const cacheBehaviors: Behavior[] = [
        ...season.channels.map((c) => ({
            pathPattern: channelPathPattern(shard.channelGroup, c.id),
            ...mediaSettings(originGroupId(c.id), c.segment.lengthSeconds),
        })),
        ...ads.behaviors,
        ...[...d.vpcOrigins, ...d.customOrigins].map((o) => ({
            pathPattern: o.pathPattern,
            targetOriginId: o.id,
            viewerProtocolPolicy: "https-only",
            allowedMethods: ["GET", "HEAD"],
            cachedMethods: ["GET", "HEAD"],
            compress: true,
            cachePolicyId: w.cachePolicyIds[Math.min(...segments)]!,
            originRequestPolicyId: w.originRequestPolicyIds.viewerGeo,
            functionAssociations: viewerFunction,
        })),
    ];

    const aliases = [...shard.aliases, ...(shard.clientRoutingDomain ? [`*.${shard.clientRoutingDomain}`] : [])];
    const cfg: Cfg = {
        enabled: true,
        comment: `OnAir ${season.name}: live delivery${shard.index > 1 ? `, shard ${shard.index}` : ""}`,
        httpVersion: "http2and3",
        ipv6Enabled: true,
        priceClass: d.priceClass,
        origins: [...mediaOrigins, ...ads.origins, ...vpcOrigins, ...customOrigins],
        originGroups: { quantity: originGroups.length, items: originGroups },
        // Requests outside any channel path still need a valid token; they reach the primary only.
        defaultCacheBehavior: mediaSettings(mediaOriginId(primary), Math.min(...segments)),
        cacheBehaviors,
        customErrorResponses: [404, ...d.failoverStatusCodes].map((errorCode) => ({ errorCode, errorCachingMinTtl: ERROR_CACHING_SECONDS })),
        restrictions: {
            geoRestriction:
                season.security.geoAllow.length > 0 ? { restrictionType: "whitelist", locations: season.security.geoAllow } : { restrictionType: "none" },
        },
        webAclId: w.webAclArn,
        viewerCertificate: d.domain
            ? { acmCertificateArn: d.domain.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: d.minimumTlsVersion }
            : { cloudFrontDefaultCertificate: true },
        ...(aliases.length > 0 ? { aliases } : {}),
        ...(w.logging ? { logging: { bucket: w.logging.bucket, prefix: w.logging.prefix, includeCookies: false } } : {}),
    };
    return cfg;
}

/**
 * MediaTailor (server-side ads), routed as MEDIATAILOR_ROUTES: ad creatives (/tm/*) cached long on a
 * path-only key and served without a token check (ADR 015: they are adverts, not the
 * rights-managed content); segment redirects and everything else under /v1/ uncached, token-checked,
 * with the MediaTailor origin request policy (viewer geography included). Per ad channel, the content
 * segments MediaTailor's manifests list without a path token. Ad players get CORS on all of them.
 */
function adsDelivery(
    season: DeliverySeason,
    channelGroup: string,
    primary: string,
    w: DistributionWiring,
    viewerFunction: { eventType: "viewer-request"; functionArn: pulumi.Input<string> }[],
    rtl: { realtimeLogConfigArn?: pulumi.Input<string> },
    mediaSettings: (target: string, segmentSeconds: number) => Omit<Behavior, "pathPattern">,
): { origins: awsnative.types.input.cloudfront.DistributionOriginArgs[]; behaviors: Behavior[] } {
    if (!season.ads || !w.adsPolicyIds || !w.originRequestPolicyIds.mediaTailor || !season.channels.some((c) => c.ads)) return { origins: [], behaviors: [] };
    const hosts = mediaTailorHosts(primary);
    const origin = (id: string, domainName: string) => ({
        id,
        domainName,
        customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: 10, originKeepaliveTimeout: 5 },
    });
    const cors = { responseHeadersPolicyId: w.adsPolicyIds.cors };
    const get = {
        viewerProtocolPolicy: "https-only",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        ...cors,
        ...rtl,
    };
    const manifests = {
        cachePolicyId: w.adsPolicyIds.manifests,
        originRequestPolicyId: w.originRequestPolicyIds.mediaTailor,
        functionAssociations: viewerFunction,
        ...get,
    };
    const settings: Record<(typeof MEDIATAILOR_ROUTES)[number]["kind"], Omit<Behavior, "pathPattern" | "targetOriginId">> = {
        "ad-creatives": { cachePolicyId: w.adsPolicyIds.adSegments, ...get },
        "segment-redirects": manifests,
        "sessions-manifests-tracking": manifests,
    };
    const behaviors: Behavior[] = [
        ...MEDIATAILOR_ROUTES.map((r) => ({ pathPattern: r.pathPattern, targetOriginId: r.origin, ...settings[r.kind] })),
        ...season.channels
            .filter((c) => c.ads)
            .map((c) => ({ pathPattern: adContentPathPattern(channelGroup, c.id), ...mediaSettings(originGroupId(c.id), c.segment.lengthSeconds), ...cors })),
    ];
    return { origins: [origin(MEDIATAILOR_ORIGIN.manifests, hosts.manifests), origin(MEDIATAILOR_ORIGIN.segments, hosts.segments)], behaviors };
}
