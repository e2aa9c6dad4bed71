import { createHash } from "crypto";

/** Resource naming: logical names unique across regions, physical names identical where paths must match. */

const DIRECTIONS: Record<string, string> = {
    north: "n",
    south: "s",
    east: "e",
    west: "w",
    central: "c",
    northeast: "ne",
    northwest: "nw",
    southeast: "se",
    southwest: "sw",
};

/** `us-east-1` -> `use1`, `ap-northeast-1` -> `apne1`: short, unique prefix for logical names. */
export function regionShort(region: string): string {
    const parts = region.split("-");
    const geo = parts[0] ?? region;
    const num = parts[parts.length - 1] ?? "";
    const dirs = parts
        .slice(1, -1)
        .map((p) => DIRECTIONS[p] ?? p.slice(0, 1))
        .join("");
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

/**
 * Joins the parts of a derived name with a separator that channel ids and event names cannot
 * contain (both are lowercase letters, digits and dashes), so `hoops` + `hd-final` and
 * `hoops-hd` + `final` never give one name.
 */
export const PART_SEPARATOR = ".";

/**
 * A physical name of at most `max` characters. A longer one keeps its start and ends in a short
 * hash of the whole name, so names that only differ after the cut stay different.
 */
export function boundedName(name: string, max: number): string {
    if (name.length <= max) return name;
    const hash = createHash("sha256").update(name).digest("hex").slice(0, 10);
    return `${name.slice(0, max - hash.length - 1)}-${hash}`;
}

/**
 * EventBridge Scheduler schedule names: 1-64 characters of [0-9a-zA-Z-_.], unique in their group
 * (Scheduler API reference, CreateSchedule: Name).
 */
export const SCHEDULE_NAME_MAX = 64;

export function scheduleName(a: { channelId: string; event: string; action: string }): string {
    return boundedName([a.channelId, a.event, a.action].join(PART_SEPARATOR), SCHEDULE_NAME_MAX);
}

/**
 * MediaTailor prefetch schedule names are unique per playback configuration (MediaTailor API
 * reference, GetPrefetchSchedule: Name), and each ad channel has its own: the event name (at most
 * 63 characters, unique in its channel) is the whole name, nothing is cut.
 */
export function prefetchScheduleName(event: string): string {
    return event;
}
