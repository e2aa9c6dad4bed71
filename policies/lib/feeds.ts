import { PolicyResource } from "@pulumi/policy";
import { values } from "./documents";
import { field, list, str } from "./props";
import { fedBy, regionOf } from "./stack";
import { T } from "../../contracts/resourceTypes";
import { isUnknown, Maybe, Unknown } from "./unknown";

/**
 * What a MediaLive channel feeds, from its destinations: the MediaPackage v2 channels it ingests
 * into, or other destination URLs. During preview the ingest URLs are unknown (MediaPackage
 * assigns them); the engine still tells which MediaPackage v2 channels the destinations were
 * computed from (the property's dependencies), and that is what the channel feeds.
 */
export type Feed = { kind: "mediapackagev2"; group: string; channel: string; region?: string; via: "ingest URL" | "dependency" } | { kind: "url"; url: string };

export interface ChannelFeeds {
    feeds: Feed[];
    /** Set when some destination is unknown and no dependency tells what it is. */
    pending?: Unknown;
}

/** `https://<id>-<n>.ingest.<id>.mediapackagev2.<region>.amazonaws.com/in/v1/<group>/<n>/<channel>/index` */
const INGEST = /^https:\/\/[^/]+\.mediapackagev2\.([a-z0-9-]+)\.amazonaws\.com\/in\/v1\/([^/]+)\/\d+\/([^/]+)\//;

/** The OnAir dynamic channel carries the API request under `request`; aws.medialive.Channel is flat. */
function destinationsProperty(r: PolicyResource): { property: string; request: unknown } {
    const request = field(r.props, "request");
    return request !== undefined && r.type === T.onairMediaLiveChannel ? { property: "request", request } : { property: "destinations", request: r.props };
}

export function channelFeeds(r: PolicyResource): ChannelFeeds {
    const { property, request } = destinationsProperty(r);
    const urls: Maybe<string>[] = [];
    for (const d of list(field(request, "destinations"))) {
        for (const s of list(field(d, "settings"))) urls.push(...values(() => field(s, "url")));
    }
    const feeds: Feed[] = [];
    let pending: Unknown | undefined;
    for (const url of urls) {
        if (isUnknown(url)) {
            pending ??= url;
            continue;
        }
        const m = INGEST.exec(url);
        feeds.push(m ? { kind: "mediapackagev2", region: m[1]!, group: m[2]!, channel: m[3]!, via: "ingest URL" } : { kind: "url", url });
    }
    if (pending) {
        const channels = fedBy(r, property, T.mediaPackageChannel);
        for (const c of channels) {
            const group = str(field(c.props, "channelGroupName"));
            const channel = str(field(c.props, "channelName"));
            if (group && channel) feeds.push({ kind: "mediapackagev2", group, channel, region: regionOf(c), via: "dependency" });
        }
        if (channels.length > 0) pending = undefined;
    }
    const out: ChannelFeeds = { feeds: dedupe(feeds) };
    if (pending) out.pending = pending;
    return out;
}

function dedupe(feeds: Feed[]): Feed[] {
    const seen = new Set<string>();
    return feeds.filter((f) => {
        const key = feedKey(f);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/**
 * Region-independent identity of a feed. MediaPackage v2 names are the identity because a
 * CloudFront origin group requests the same path (`/out/v1/<group>/<channel>/...`) from every
 * member, so the copies of a channel must use the same channel group and channel name everywhere.
 */
export function feedKey(f: Feed): string {
    return f.kind === "mediapackagev2" ? `MediaPackage v2 channel ${f.group}/${f.channel}` : `destination ${f.url}`;
}
