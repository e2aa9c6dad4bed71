/**
 * How many requests a live viewer makes, and the WAF rate limits that follow from the audience.
 * Pure: the config validator checks limits with these numbers and the Web ACL is built from them.
 */

/**
 * A steady-state live player fetches, per segment duration: one video and one audio segment, and
 * reloads its video and audio media playlists once (HLS clients reload a live media playlist no more
 * often than once per target duration: RFC 8216 section 6.3.4). DASH players reload one MPD, so this
 * is the upper of the two.
 */
export const REQUESTS_PER_SEGMENT = 4;

/** Playlists a player reloads per segment duration under one tokenised path: one per rendition it plays. */
export const PLAYLIST_RELOADS_PER_SEGMENT = 1;

/**
 * Headroom over the steady state for one viewer: at start a player fills 15-30 s of buffer at once,
 * ABR switches fetch the next segment twice, and failed requests are retried.
 */
export const VIEWER_HEADROOM = 4;

/** Headroom of the per-address limit over the declared crowd behind one address. */
export const CROWD_HEADROOM = 1.5;

/** WAF rate-based rules: a limit of 10 to 2,000,000,000 per window (CloudFormation AWS::WAFv2::WebACL RateLimit). */
export const WAF_RATE_LIMIT = { min: 10, max: 2_000_000_000 } as const;

/** The window every OnAir rate rule counts over (EvaluationWindowSec allows 60, 120, 300 or 600). */
export const RATE_WINDOW_SECONDS = 300;

export function viewerRequestsPerSecond(segmentSeconds: number): number {
    return REQUESTS_PER_SEGMENT / segmentSeconds;
}

/** One steady-state viewer's requests in one rate window. */
export function viewerRequestsPerWindow(segmentSeconds: number): number {
    return Math.ceil(RATE_WINDOW_SECONDS * viewerRequestsPerSecond(segmentSeconds));
}

/** One playlist's reloads in one rate window. */
export function playlistReloadsPerWindow(segmentSeconds: number): number {
    return Math.ceil((RATE_WINDOW_SECONDS * PLAYLIST_RELOADS_PER_SEGMENT) / segmentSeconds);
}

export interface RateLimits {
    perIpRequestsPer5Min: number;
    perTokenRequestsPer5Min: number;
    perPlaylistRequestsPer5Min: number;
}

/** The limits a stack gets unless it sets its own; the shortest segment makes the most requests. */
export function defaultRateLimits(viewersPerIp: number, shortestSegmentSeconds: number): RateLimits {
    const viewer = viewerRequestsPerWindow(shortestSegmentSeconds);
    return {
        perIpRequestsPer5Min: clampLimit(Math.ceil(viewersPerIp * viewer * CROWD_HEADROOM)),
        perTokenRequestsPer5Min: clampLimit(viewer * VIEWER_HEADROOM),
        perPlaylistRequestsPer5Min: clampLimit(playlistReloadsPerWindow(shortestSegmentSeconds) * VIEWER_HEADROOM),
    };
}

/** The least each limit may be: what the declared crowd, one viewer, one playlist need without headroom. */
export function minimumRateLimits(viewersPerIp: number, shortestSegmentSeconds: number): RateLimits {
    const viewer = viewerRequestsPerWindow(shortestSegmentSeconds);
    return {
        perIpRequestsPer5Min: clampLimit(viewersPerIp * viewer),
        perTokenRequestsPer5Min: clampLimit(viewer * 2),
        perPlaylistRequestsPer5Min: clampLimit(playlistReloadsPerWindow(shortestSegmentSeconds) * 2),
    };
}

function clampLimit(n: number): number {
    return Math.min(WAF_RATE_LIMIT.max, Math.max(WAF_RATE_LIMIT.min, n));
}
