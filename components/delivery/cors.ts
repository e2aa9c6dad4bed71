import * as awsnative from "@pulumi/aws-native";

/**
 * Headers a player may send on ad channels: the bearer token and CMCD in header mode. Listed, not
 * "*": browsers read "*" literally on credentialed requests.
 */
export const AD_PLAYER_REQUEST_HEADERS = ["Authorization", "Range", "CMCD-Request", "CMCD-Object", "CMCD-Status", "CMCD-Session"];

/**
 * CORS for ad playback, on every ad path ("Failure to include CORS headers ... can cause playback
 * failures": MediaTailor User Guide, "Set up CDN routing behaviors for MediaTailor"). Web players send
 * the bearer header (a preflighted, uncredentialed request); with the optional token cookie the
 * requests are credentialed, which browsers accept only with Access-Control-Allow-Credentials and an
 * explicit origin, never "*". CloudFront answers with the requesting origin when it is listed, and
 * overrides whatever the origin sent.
 */
export function adPlayerCorsPolicyArgs(season: string, playerOrigins: string[], withCookie: boolean): awsnative.cloudfront.ResponseHeadersPolicyArgs {
    return {
        responseHeadersPolicyConfig: {
            name: `onair-${season}-ad-players`,
            comment: `OnAir ${season}: CORS for ad channel players`,
            corsConfig: {
                accessControlAllowCredentials: withCookie,
                accessControlAllowHeaders: { items: AD_PLAYER_REQUEST_HEADERS },
                accessControlAllowMethods: { items: ["GET", "HEAD", "OPTIONS"] },
                accessControlAllowOrigins: { items: playerOrigins },
                // Players read Date for clock sync (DASH UTCTiming fallbacks) and the length for ABR.
                accessControlExposeHeaders: { items: ["Date", "Content-Length"] },
                accessControlMaxAgeSec: 600,
                originOverride: true,
            },
        },
    };
}
