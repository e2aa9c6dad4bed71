import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { SeasonConfig } from "../config/types";
import { viewerPathPrefix } from "../naming";
import { ERROR_CACHING_SECONDS, originTimeouts } from "./caching";

type Cfg = awsnative.types.input.cloudfront.DistributionConfigArgs;
type Behavior = awsnative.types.input.cloudfront.DistributionCacheBehaviorArgs;

/** Path prefix that carries the viewer token: `/tk/<token>/out/v1/...` (relative manifest URLs keep it). */
export const TOKEN_PATH_PREFIX = "/tk/";

export interface DistributionWiring {
    /** MediaPackage egress domain per region. */
    egressDomains: Record<string, pulumi.Input<string>>;
    oacId: pulumi.Input<string>;
    /** Cache policy id per segment length (seconds). */
    cachePolicyIds: Record<number, pulumi.Input<string>>;
    originRequestPolicyId: pulumi.Input<string>;
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

/** CloudFront's managed origin request policy forwarding every viewer header, cookie and query string except Host. */
export const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

export function mediaTailorHosts(region: string): { manifests: string; segments: string } {
    return { manifests: `manifests.mediatailor.${region}.amazonaws.com`, segments: `segments.mediatailor.${region}.amazonaws.com` };
}

/** Content segments of an ad channel, listed by MediaTailor's personalised manifests without a path token. */
export function adContentPathPattern(season: string, channelId: string): string {
    return `${viewerPathPrefix(season, channelId)}/*`;
}

export function mediaOriginId(region: string): string {
    return `mediapackage-${region}`;
}

export function originGroupId(channelId: string): string {
    return `live-${channelId}`;
}

/** The two origin-group members: the primary region, then the first secondary. */
export function groupRegions(season: SeasonConfig): [string, string] {
    const primary = season.regions.find((r) => r.role === "primary")!.region;
    const secondary = season.regions.find((r) => r.role === "secondary")!.region;
    return [primary, secondary];
}

/** Viewer path pattern of a channel: only tokenised paths reach the media behaviours. */
export function channelPathPattern(season: string, channelId: string): string {
    return `${TOKEN_PATH_PREFIX}*${viewerPathPrefix(season, channelId)}/*`;
}

/**
 * The aws-native distribution config: one origin per region (the MediaPackage egress domain is per
 * channel group, shared by the region's channels), one media-quality-based origin group and one
 * cache behaviour per channel, so CloudFront tracks quality scores per channel.
 */
export function distributionConfig(season: SeasonConfig, w: DistributionWiring): Cfg {
    const [primary, secondary] = groupRegions(season);
    const segments = season.channels.map((c) => c.segment.lengthSeconds);
    const timeouts = originTimeouts(segments);
    const d = season.delivery;

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
        // The primary serves nearly every request; shielding it collapses edge misses into one fetch.
        ...(d.originShield && r.region === primary ? { originShield: { enabled: true, originShieldRegion: primary } } : {}),
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
        originRequestPolicyId: w.originRequestPolicyId,
        functionAssociations: viewerFunction,
        ...rtl,
    });
    const ads = adsDelivery(season, primary, w, viewerFunction, rtl, mediaSettings);
    const cacheBehaviors: Behavior[] = [
        ...season.channels.map((c) => ({ pathPattern: channelPathPattern(season.name, c.id), ...mediaSettings(originGroupId(c.id), c.segment.lengthSeconds) })),
        ...ads.behaviors,
        ...[...d.vpcOrigins, ...d.customOrigins].map((o) => ({
            pathPattern: o.pathPattern,
            targetOriginId: o.id,
            viewerProtocolPolicy: "https-only",
            allowedMethods: ["GET", "HEAD"],
            cachedMethods: ["GET", "HEAD"],
            compress: true,
            cachePolicyId: w.cachePolicyIds[Math.min(...segments)]!,
            functionAssociations: viewerFunction,
        })),
    ];

    const aliases = [...(d.domain?.aliases ?? []), ...(d.clientRouting ? [`*.${d.clientRouting.domain}`] : [])];
    const cfg: Cfg = {
        enabled: true,
        comment: `OnAir ${season.name}: live delivery`,
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
            geoRestriction: season.security.geoAllow.length > 0
                ? { restrictionType: "whitelist", locations: season.security.geoAllow }
                : { restrictionType: "none" },
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
 * MediaTailor (server-side ads): its manifests origin (personalised, never cached), its segments
 * origin (ad creatives, cached a day) and, per ad channel, the content segments its manifests list
 * (their token is a ?token= MediaTailor copies from the session start, or the cookie). Paths under
 * /v1/ belong to MediaTailor only; ad players get credentialed CORS on all of them.
 */
function adsDelivery(
    season: SeasonConfig,
    primary: string,
    w: DistributionWiring,
    viewerFunction: { eventType: "viewer-request"; functionArn: pulumi.Input<string> }[],
    rtl: { realtimeLogConfigArn?: pulumi.Input<string> },
    mediaSettings: (target: string, segmentSeconds: number) => Omit<Behavior, "pathPattern">,
): { origins: awsnative.types.input.cloudfront.DistributionOriginArgs[]; behaviors: Behavior[] } {
    if (!season.ads || !w.adsPolicyIds) return { origins: [], behaviors: [] };
    const hosts = mediaTailorHosts(primary);
    const origin = (id: string, domainName: string) => ({
        id,
        domainName,
        customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], originReadTimeout: 10, originKeepaliveTimeout: 5 },
    });
    const cors = { responseHeadersPolicyId: w.adsPolicyIds.cors };
    const get = { viewerProtocolPolicy: "https-only", allowedMethods: ["GET", "HEAD", "OPTIONS"], cachedMethods: ["GET", "HEAD"], compress: true, ...cors, ...rtl };
    const behaviors: Behavior[] = [
        // Ad creatives: the same for every viewer, not protected content.
        { pathPattern: "/v1/segment/*", targetOriginId: "mediatailor-segments", cachePolicyId: w.adsPolicyIds.adSegments, ...get },
        { pathPattern: "/v1/*", targetOriginId: "mediatailor-manifests", cachePolicyId: w.adsPolicyIds.manifests, originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST, functionAssociations: viewerFunction, ...get },
        ...season.channels.filter((c) => c.ads).map((c) => ({ pathPattern: adContentPathPattern(season.name, c.id), ...mediaSettings(originGroupId(c.id), c.segment.lengthSeconds), ...cors })),
    ];
    return { origins: [origin("mediatailor-manifests", hosts.manifests), origin("mediatailor-segments", hosts.segments)], behaviors };
}
