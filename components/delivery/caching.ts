import * as awsnative from "@pulumi/aws-native";

/**
 * Query strings MediaPackage v2 acts on (manifest filtering, time-shift, LL-HLS blocking reloads).
 * Everything else, including a viewer's token, stays out of the cache key and away from the origin.
 * Seven names: within CloudFront's limit of 10 per policy.
 */
export const MEDIAPACKAGE_QUERY_STRINGS = ["aws.manifestfilter", "aws.manifestsettings", "start", "end", "time_delay", "_HLS_msn", "_HLS_part"] as const;

/** MediaPackage marks segments cacheable for 14 days; CloudFront keeps them that long at most. */
export const SEGMENT_MAX_TTL = 1_209_600;

/** Failed origin answers are cached for one second: long enough to absorb a burst, short enough to recover. */
export const ERROR_CACHING_SECONDS = 1;

/**
 * One cache policy per segment length, for the channel behaviours. TTLs honour MediaPackage's
 * Cache-Control: manifests come with max-age = half a segment and segments with 14 days. The
 * default (used when the origin sends none) is half a segment, so nothing unlabelled is cached
 * longer than a manifest may be; minimum 0 so an origin's no-cache is respected.
 */
export function mediaCachePolicyArgs(season: string, segmentSeconds: number): awsnative.cloudfront.CachePolicyArgs {
    return {
        cachePolicyConfig: {
            name: `onair-${season}-media-${segmentSeconds}s`,
            comment: `OnAir ${season}: MediaPackage v2 media, ${segmentSeconds}s segments, honours origin max-age`,
            minTtl: 0,
            defaultTtl: manifestTtl(segmentSeconds),
            maxTtl: SEGMENT_MAX_TTL,
            parametersInCacheKeyAndForwardedToOrigin: {
                enableAcceptEncodingGzip: true,
                enableAcceptEncodingBrotli: true,
                headersConfig: { headerBehavior: "none" },
                cookiesConfig: { cookieBehavior: "none" },
                queryStringsConfig: { queryStringBehavior: "whitelist", queryStrings: [...MEDIAPACKAGE_QUERY_STRINGS] },
            },
        },
    };
}

/** Half a segment, at least one second. */
export function manifestTtl(segmentSeconds: number): number {
    return Math.max(1, Math.floor(segmentSeconds / 2));
}

/**
 * The viewer geography the edge function checks geo-bound tokens against. CloudFront adds the
 * CloudFront-Viewer-* headers, to the function as well, only on behaviours whose cache or origin
 * request policy names them (Amazon CloudFront Developer Guide, "Add CloudFront request headers");
 * elsewhere the function sees none (geo-bound tokens always refused) or the viewer's own copy. So
 * every behaviour that runs the function gets an origin request policy naming them: it adds the
 * headers without splitting the cache.
 */
export const VIEWER_GEO_HEADERS = ["CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Region"] as const;

/** MediaPackage behaviours: its query strings and the viewer geography. */
export function originRequestPolicyArgs(season: string): awsnative.cloudfront.OriginRequestPolicyArgs {
    return {
        originRequestPolicyConfig: {
            name: `onair-${season}-mediapackage`,
            comment: `OnAir ${season}: MediaPackage v2 query strings and viewer geography`,
            headersConfig: { headerBehavior: "whitelist", headers: [...VIEWER_GEO_HEADERS] },
            cookiesConfig: { cookieBehavior: "none" },
            queryStringsConfig: { queryStringBehavior: "whitelist", queryStrings: [...MEDIAPACKAGE_QUERY_STRINGS] },
        },
    };
}

/**
 * MediaTailor behaviours (/v1/*): every query string (session parameters, ads.*, manifest.*), the
 * headers of CloudFront's managed Elemental-MediaTailor-PersonalizedManifests policy (CORS request
 * headers, User-Agent and X-Forwarded-For, which MediaTailor passes to the ad server), and the viewer
 * geography, which the managed policy lacks. Never the viewer's Authorization header or cookies.
 */
export const MEDIATAILOR_ORIGIN_HEADERS = [
    "Origin",
    "Access-Control-Request-Method",
    "Access-Control-Request-Headers",
    "User-Agent",
    "X-Forwarded-For",
    ...VIEWER_GEO_HEADERS,
];

export function mediaTailorOriginRequestPolicyArgs(season: string): awsnative.cloudfront.OriginRequestPolicyArgs {
    return {
        originRequestPolicyConfig: {
            name: `onair-${season}-mediatailor`,
            comment: `OnAir ${season}: MediaTailor session parameters, ad-targeting headers and viewer geography`,
            headersConfig: { headerBehavior: "whitelist", headers: MEDIATAILOR_ORIGIN_HEADERS },
            cookiesConfig: { cookieBehavior: "none" },
            queryStringsConfig: { queryStringBehavior: "all" },
        },
    };
}

/** VPC and secret-header origins: the viewer geography for the function, nothing else beyond the cache key. */
export function viewerGeoOriginRequestPolicyArgs(season: string): awsnative.cloudfront.OriginRequestPolicyArgs {
    return {
        originRequestPolicyConfig: {
            name: `onair-${season}-viewer-geo`,
            comment: `OnAir ${season}: viewer geography for token checks on custom origins`,
            headersConfig: { headerBehavior: "whitelist", headers: [...VIEWER_GEO_HEADERS] },
            cookiesConfig: { cookieBehavior: "none" },
            queryStringsConfig: { queryStringBehavior: "none" },
        },
    };
}

/**
 * Origin timeouts from the segment length: a live segment that has not started arriving within
 * two segment durations is useless to players, so CloudFront gives up and the origin group moves to
 * the other region while the player still has buffer.
 */
export function originTimeouts(segmentSeconds: number[]): {
    connectionAttempts: number;
    connectionTimeout: number;
    originReadTimeout: number;
    originKeepaliveTimeout: number;
} {
    const shortest = Math.min(...segmentSeconds);
    const longest = Math.max(...segmentSeconds);
    return {
        connectionAttempts: 2,
        connectionTimeout: Math.min(10, Math.max(1, shortest)),
        originReadTimeout: Math.min(30, Math.max(4, 2 * longest)),
        originKeepaliveTimeout: 60,
    };
}

/** Cache key of the path alone; what MediaTailor needs from the viewer goes by origin request policy. */
const PATH_ONLY_KEY = {
    enableAcceptEncodingGzip: false,
    headersConfig: { headerBehavior: "none" },
    cookiesConfig: { cookieBehavior: "none" },
    queryStringsConfig: { queryStringBehavior: "none" },
};

/** MediaTailor's personalised manifests: every viewer's is different, so nothing is cached. */
export function adsManifestCachePolicyArgs(season: string): awsnative.cloudfront.CachePolicyArgs {
    return {
        cachePolicyConfig: {
            name: `onair-${season}-ads-manifests`,
            comment: `OnAir ${season}: MediaTailor personalised manifests, never cached`,
            minTtl: 0,
            defaultTtl: 0,
            maxTtl: 0,
            parametersInCacheKeyAndForwardedToOrigin: PATH_ONLY_KEY,
        },
    };
}

/**
 * Ad creatives (/tm/*) are transcoded once and the same for every viewer: kept at least a day, keyed
 * on the path only ("do not include any viewer request headers, cookies, or query string parameters
 * in the cache key or origin request ... a cache policy with greater than 24-hour TTL values":
 * MediaTailor User Guide, "Set up CDN routing behaviors for MediaTailor", Ad segment routing).
 */
export const AD_SEGMENT_TTL = { min: 86_400, default: 604_800, max: 2_592_000 } as const;

export function adSegmentCachePolicyArgs(season: string): awsnative.cloudfront.CachePolicyArgs {
    return {
        cachePolicyConfig: {
            name: `onair-${season}-ad-segments`,
            comment: `OnAir ${season}: MediaTailor ad creatives (/tm/*)`,
            minTtl: AD_SEGMENT_TTL.min,
            defaultTtl: AD_SEGMENT_TTL.default,
            maxTtl: AD_SEGMENT_TTL.max,
            parametersInCacheKeyAndForwardedToOrigin: PATH_ONLY_KEY,
        },
    };
}
