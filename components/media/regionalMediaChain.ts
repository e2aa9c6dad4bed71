import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { ChannelConfig, LogLevel, RegionConfig } from "../config/types";
import { regionShort } from "../naming";
import { buildChannelChain } from "./channelChain";
import { ChannelChainOutputs } from "./outputs";

export interface RegionalMediaChainArgs {
    /** Season slug: the MediaPackage channel group name, identical in every region. */
    season: string;
    region: RegionConfig;
    channels: ChannelConfig[];
    logLevel: LogLevel;
    /** Tags for resources that provider default tags do not reach (the MediaLive dynamic resource). */
    tags: Record<string, string>;
    /** SRT passphrases by channel id, as Pulumi secrets. */
    passphrases: Record<string, pulumi.Output<string>>;
    /** Secondary regions: the primary region's MediaLive channels by channel id, to roll live updates after. */
    rollAfter?: Record<string, pulumi.Resource>;
    /**
     * The season's MediaPackage channel groups and the channels in each (components/delivery/shards.ts);
     * left out, one group named after the season holds every channel.
     */
    channelGroups?: { name: string; suffix: string; channels: string[] }[];
}

/**
 * One region's complete live chain for every channel of the season:
 * MediaConnect (two flows per channel) -> MediaLive STANDARD (epoch-locked CMAF Ingest)
 * -> MediaPackage v2 (CMAF input, MQCS switching, CMSD). Pass the region's providers in
 * `opts.providers`; every child inherits them through `parent: this`.
 */
export class RegionalMediaChain extends pulumi.ComponentResource {
    readonly region: string;
    readonly role: string;
    /** The first channel group (the season's name). */
    readonly channelGroup: awsnative.mediapackagev2.ChannelGroup;
    /** Every channel group of the region, by name (one per shard). */
    readonly channelGroups: Record<string, awsnative.mediapackagev2.ChannelGroup>;
    readonly channels: Record<string, ChannelChainOutputs>;

    constructor(name: string, args: RegionalMediaChainArgs, opts: pulumi.ComponentResourceOptions) {
        super("onair:media:RegionalMediaChain", name, {}, opts);
        this.region = args.region.region;
        this.role = args.region.role;
        const short = regionShort(args.region.region);
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

        // One group per shard, each within the account's channels-per-group quota (docs/adr/026).
        const groups = args.channelGroups ?? [{ name: args.season, suffix: "", channels: args.channels.map((c) => c.id) }];
        this.channelGroups = {};
        const groupOf = new Map<string, awsnative.mediapackagev2.ChannelGroup>();
        for (const g of groups) {
            const group = new awsnative.mediapackagev2.ChannelGroup(
                `${short}-channel-group${g.suffix}`,
                {
                    channelGroupName: g.name,
                    description: `OnAir season ${args.season} (${args.region.role})${g.suffix ? `, shard ${g.suffix.slice(1)}` : ""}`,
                },
                { parent: this },
            );
            this.channelGroups[g.name] = group;
            for (const id of g.channels) groupOf.set(id, group);
        }
        this.channelGroup = this.channelGroups[groups[0]!.name]!;
        const groupName = new Map(groups.flatMap((g) => g.channels.map((id) => [id, g.name] as const)));

        this.channels = {};
        for (const ch of args.channels) {
            const passphrase = args.passphrases[ch.id];
            const rollAfter = args.rollAfter?.[ch.id];
            this.channels[ch.id] = buildChannelChain(ch, {
                parent: this,
                season: args.season,
                region: args.region,
                account,
                channelGroup: groupOf.get(ch.id) ?? this.channelGroup,
                channelGroupName: groupName.get(ch.id) ?? groups[0]!.name,
                logLevel: args.logLevel,
                tags: args.tags,
                ...(passphrase ? { passphrase } : {}),
                ...(rollAfter ? { rollAfter } : {}),
            });
        }
        this.registerOutputs({
            region: this.region,
            role: this.role,
            egressDomain: this.channelGroup.egressDomain,
            egressDomains: Object.fromEntries(Object.entries(this.channelGroups).map(([n, g]) => [n, g.egressDomain])),
            channels: Object.fromEntries(
                Object.entries(this.channels).map(([id, c]) => [id, { hlsUrl: c.hlsUrl, dashUrl: c.dashUrl, mediaLiveChannelId: c.mediaLiveChannelId }]),
            ),
        });
    }
}
