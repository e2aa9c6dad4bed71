/** Resource naming: logical names unique across regions, physical names identical where paths must match. */

const DIRECTIONS: Record<string, string> = {
    north: "n", south: "s", east: "e", west: "w", central: "c",
    northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
};

/** `us-east-1` -> `use1`, `ap-northeast-1` -> `apne1`: short, unique prefix for logical names. */
export function regionShort(region: string): string {
    const parts = region.split("-");
    const geo = parts[0] ?? region;
    const num = parts[parts.length - 1] ?? "";
    const dirs = parts.slice(1, -1).map((p) => DIRECTIONS[p] ?? p.slice(0, 1)).join("");
    return `${geo}${dirs}${num}`;
}

/**
 * Logical (Pulumi) name of a per-region, per-channel resource. Children of one component type share
 * URN qualifiers across regions, so the region must be part of the name.
 */
export function chainName(region: string, channelId: string, what: string): string {
    return `${regionShort(region)}-${channelId}-${what}`;
}

/**
 * MediaPackage names (channel group, channel, endpoint, manifests) are the same in every region so a
 * viewer path resolves on either origin of the CloudFront origin group.
 */
export const PACKAGING = {
    endpointName: "cmaf",
    hlsManifest: "hls",
    dashManifest: "dash",
} as const;

export function viewerPathPrefix(channelGroup: string, channelId: string): string {
    return `/out/v1/${channelGroup}/${channelId}`;
}

/** The tag every OnAir resource carries with its season's name (IAM conditions scope by it). */
export const SEASON_TAG = "onair:season";
