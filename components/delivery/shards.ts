import { quotaLimit } from "../config/quotas";
import { ChannelConfig, SeasonConfig } from "../config/types";
import { viewerPathPrefix } from "../naming";
import { MEDIATAILOR_ROUTES } from "./distributionConfig";

/**
 * The season's layout for large seasons (docs/adr/026-shards-for-large-seasons.md): channels are
 * spread over shards, each one CloudFront distribution and, in every region, one MediaPackage v2
 * channel group, each within the account's quotas. Shard 1 keeps the names a one-shard season has
 * always had (the season's channel group, distribution "live", the configured hostnames), so a
 * season that grows past a shard keeps its first channels where they are.
 */
export interface Shard {
    /** 1-based. */
    index: number;
    /** Channel ids, in season order. */
    channels: string[];
    /** MediaPackage v2 channel group name, the same in every region. */
    channelGroup: string;
    /** Suffix of the shard's logical names: "" for shard 1, "-2" for shard 2 ... */
    suffix: string;
    /** Viewer hostnames of the shard's distribution (empty: its cloudfront.net name). */
    aliases: string[];
    /** Embedded-POP routing domain of the shard (its distribution has `*.<domain>`). */
    clientRoutingDomain?: string;
}

export interface ShardLimits {
    originGroupsPerDistribution: number;
    cacheBehaviorsPerDistribution: number;
    channelsPerChannelGroup: number;
}

export interface SeasonLayout {
    shards: Shard[];
    /** Channel id -> its shard. */
    shardOf: ReadonlyMap<string, Shard>;
    limits: ShardLimits;
}

/** Channel groups of shards past the first: the season's name, "_s", the shard number ("_" is not in season names). */
export function channelGroupName(season: string, shard: number): string {
    return shard === 1 ? season : `${season}_s${shard}`;
}

/**
 * Hostnames of a shard past the first: the first label of each configured name gets "-<n>"
 * (`live.example.com` -> `live-2.example.com`), so one wildcard certificate for the parent domain
 * covers every shard.
 */
export function shardHost(host: string, shard: number): string {
    if (shard === 1) return host;
    const dot = host.indexOf(".");
    return dot < 0 ? `${host}-${shard}` : `${host.slice(0, dot)}-${shard}${host.slice(dot)}`;
}

/** The account's limits a shard must fit: the smallest value across the season's regions. */
export function shardLimits(season: Pick<SeasonConfig, "quotas" | "regions">): ShardLimits {
    const global = "us-east-1";
    return {
        originGroupsPerDistribution: quotaLimit(season.quotas, "cloudfront-origin-groups", global),
        cacheBehaviorsPerDistribution: quotaLimit(season.quotas, "cloudfront-cache-behaviors", global),
        channelsPerChannelGroup: Math.min(...season.regions.map((r) => quotaLimit(season.quotas, "mediapackagev2-channels", r.region))),
    };
}

/** Cache behaviours a channel adds to its distribution: its media path, and the token-less content path of an ad channel. */
function behaviorsOf(ch: ChannelConfig): number {
    return ch.ads ? 2 : 1;
}

/** Behaviours a shard carries besides its channels': MediaTailor's routes with an ad channel, the private and custom origins on shard 1. */
function fixedBehaviors(season: SeasonConfig, shard: number, channels: ChannelConfig[]): number {
    const ads = season.ads && channels.some((c) => c.ads) ? MEDIATAILOR_ROUTES.length : 0;
    return ads + (shard === 1 ? season.delivery.vpcOrigins.length + season.delivery.customOrigins.length : 0);
}

interface Bin {
    channels: ChannelConfig[];
}

function fits(season: SeasonConfig, limits: ShardLimits, shard: number, bin: Bin, ch: ChannelConfig): boolean {
    const next = [...bin.channels, ch];
    if (next.length > limits.originGroupsPerDistribution || next.length > limits.channelsPerChannelGroup) return false;
    return next.reduce((n, c) => n + behaviorsOf(c), 0) + fixedBehaviors(season, shard, next) <= limits.cacheBehaviorsPerDistribution;
}

/** Why a channel pinned to a shard does not fit there, or undefined when it does. */
export interface PinProblem {
    channel: string;
    index: number;
    message: string;
}

/**
 * Assigns every channel a shard: channels with an explicit `shard` go there; the others, in the
 * order the season lists them, into the first shard with room. A channel added at the end of the
 * list never moves another one: every placement before it is made exactly as before.
 */
export function assignShards(season: SeasonConfig): { layout: SeasonLayout; problems: PinProblem[] } {
    const limits = shardLimits(season);
    const bins: Bin[] = [];
    const bin = (i: number) => {
        while (bins.length < i) bins.push({ channels: [] });
        return bins[i - 1]!;
    };
    const problems: PinProblem[] = [];
    season.channels.forEach((ch, index) => {
        if (ch.shard === undefined) return;
        const b = bin(ch.shard);
        if (!fits(season, limits, ch.shard, b, ch)) {
            problems.push({
                channel: ch.id,
                index,
                message: `shard ${ch.shard} is full: a distribution takes ${limits.originGroupsPerDistribution} origin groups and ${limits.cacheBehaviorsPerDistribution} cache behaviours, a channel group ${limits.channelsPerChannelGroup} channels (the account's quotas); pin it to another shard or leave shard out`,
            });
        }
        b.channels.push(ch);
    });
    for (const ch of season.channels) {
        if (ch.shard !== undefined) continue;
        let i = 1;
        while (!fits(season, limits, i, bin(i), ch)) {
            if (bin(i).channels.length === 0) break; // a channel that fits no empty shard still gets one (the quota plan flags it)
            i++;
        }
        bin(i).channels.push(ch);
    }
    bins.forEach((b, i) => {
        if (b.channels.length === 0) {
            const pinned = season.channels.findIndex((c) => (c.shard ?? 0) > i + 1);
            problems.push({
                channel: season.channels[pinned]!.id,
                index: pinned,
                message: `leaves shard ${i + 1} empty; number shards from 1 without gaps (this season needs ${bins.filter((x) => x.channels.length > 0).length})`,
            });
        }
    });
    const order = new Map(season.channels.map((c, i) => [c.id, i]));
    const d = season.delivery;
    const shards: Shard[] = bins.map((b, i) => {
        const index = i + 1;
        return {
            index,
            channels: b.channels.map((c) => c.id).sort((x, y) => order.get(x)! - order.get(y)!),
            channelGroup: channelGroupName(season.name, index),
            suffix: index === 1 ? "" : `-${index}`,
            aliases: (d.domain?.aliases ?? []).map((h) => shardHost(h, index)),
            ...(d.clientRouting ? { clientRoutingDomain: shardHost(d.clientRouting.domain, index) } : {}),
        };
    });
    const shardOf = new Map<string, Shard>();
    for (const s of shards) for (const id of s.channels) shardOf.set(id, s);
    return { layout: { shards, shardOf, limits }, problems };
}

const layouts = new WeakMap<SeasonConfig, SeasonLayout>();

/** The season's layout (validated with the season: pins that do not fit were refused there). */
export function seasonLayout(season: SeasonConfig): SeasonLayout {
    let l = layouts.get(season);
    if (!l) layouts.set(season, (l = assignShards(season).layout));
    return l;
}

/** A channel's shard. */
export function shardOfChannel(season: SeasonConfig, channelId: string): Shard {
    const s = seasonLayout(season).shardOf.get(channelId);
    if (!s) throw new Error(`channel ${channelId} is not in season ${season.name}`);
    return s;
}

/** A channel's viewer path prefix: `/out/v1/<its channel group>/<id>`. */
export function channelViewerPrefix(season: SeasonConfig, channelId: string): string {
    return viewerPathPrefix(shardOfChannel(season, channelId).channelGroup, channelId);
}
