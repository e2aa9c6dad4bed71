import * as awsnative from "@pulumi/aws-native";

/**
 * Headers a player may send on ad channels: the bearer token and CMCD in header mode. Listed, not
 * "*": browsers read "*" literally on credentialed requests.
 */
export const AD_PLAYER_REQUEST_HEADERS = ["Authorization", "Range", "CMCD-Request", "CMCD-Object", "CMCD-Status", "CMCD-Session"];

/**
 * CORS for ad playback. Ad players send the token cookie (credentialed requests), which browsers
 * only accept with Access-Control-Allow-Credentials and an explicit origin, never "*". CloudFront
 * answers with the requesting origin when it is listed, and overrides whatever the origin sent.
 */
export function adPlayerCorsPolicyArgs(season: string, playerOrigins: string[]): awsnative.cloudfront.ResponseHeadersPolicyArgs {
    return {
        responseHeadersPolicyConfig: {
            name: `onair-${season}-ad-players`,
            comment: `OnAir ${season}: credentialed CORS for ad channel players`,
            corsConfig: {
                accessControlAllowCredentials: true,
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
