// OnAir: one season of broadcast-grade live streaming on AWS.
// The configuration is validated before any resource is registered; see README "Configuration".
import * as pulumi from "@pulumi/pulumi";
import { loadSeason } from "./components/config";
import { planningNow } from "./components/config/planningNow";
import { playbackDrm } from "./components/media/packaging/encryption";
import { seasonCost } from "./components/operations/cost";
import { buildSeason } from "./components/season";

const config = new pulumi.Config("onair");
const season = loadSeason(config);
const built = buildSeason(season, config, { nowMs: planningNow() });
const delivery = built.delivery;

/** CloudFront distribution hostname (point the season's aliases here). */
export const distributionDomain = delivery.domainName;

/**
 * Playback URL templates per channel (the URL vending hook fills in `<token>`) and the DRM systems
 * whose licences play each manifest (null: the channel is not encrypted).
 */
export const playback = Object.fromEntries(
    Object.entries(delivery.playback).map(([id, p]) => [id, { hls: p.hls, dash: p.dash, drm: playbackDrm(season.channels.find((c) => c.id === id)!) }]),
);

/** The entitlement backend calls this (SigV4, POST JSON) to mint viewer tokens and URLs. */
export const urlVendingEndpoint = built.vending.functionUrl;

/** Where operators add revoked token ids (r:<jti>) and sessions (s:<sid>). */
export const keyValueStoreArn = delivery.keyValueStoreArn;

/** WAF IP sets operators fill with re-streamer addresses during events. */
export const restreamerIpSetIds = delivery.restreamerIpSetIds;

/** Per region: its role and MediaPackage egress domain (of the first channel group). */
export const regions = Object.fromEntries(built.chains.map((c) => [c.region, { role: c.role, egressDomain: c.channelGroup.egressDomain }]));

/**
 * The season's layout (docs/adr/026): per shard its distribution, hostnames, MediaPackage channel
 * group and channels. Point each shard's hostnames at its distribution; a channel never changes shard
 * when channels are added at the end of the list.
 */
export const shards = delivery.shards.map((s) => ({
    shard: s.shard.index,
    distributionDomain: s.distribution.domainName,
    aliases: s.shard.aliases,
    ...(s.shard.clientRoutingDomain ? { clientRoutingDomain: s.shard.clientRoutingDomain } : {}),
    channelGroup: s.shard.channelGroup,
    channels: s.shard.channels,
}));

/** Per channel and region: MediaLive channel id, where the venue encoders connect, and the studio/backup feeds' inputs. */
export const channels = Object.fromEntries(
    season.channels.map((ch) => [
        ch.id,
        Object.fromEntries(
            built.chains.map((c) => {
                const o = c.channels[ch.id]!;
                return [c.region, { mediaLiveChannelId: o.mediaLiveChannelId, contribution: o.contribution, extraInputs: o.extraInputs }];
            }),
        ),
    ]),
);

/** Real-time logs (every CMCD field, r-host, sr-reason, x-edge-mqcs) flow through this Kinesis stream. */
export const realtimeLogStreamArn = built.delivery.realtimeLogStreamArn;
export const realtimeLogConfig = built.delivery.realtimeLogConfig;

/** Channel start/stop schedules still ahead (per region), as created by this update. */
export const schedules = built.operations.schedules;

/**
 * Scheduled input switches per channel: those still ahead, and per region the MediaLive schedule
 * actions in place, the ones waiting for MediaLive's 14-day window (`pulumi up` creates them when
 * they come within it) and any the last update was too late for (switch those by hand).
 */
export const inputSwitches = built.operations.inputSwitches;

/** Per region, the state machine the schedules run (start it by hand if a schedule is missed). */
export const seasonRunners = built.operations.runnerArns;

/**
 * The overtime hold: per channel and region the SSM parameter the runner reads before a scheduled
 * stop ("off" or a hold note), and the managed policy that lets the NOC set them.
 */
export const holds = { parameters: built.operations.holdParameters, operatorPolicyArn: built.operations.holdOperatorPolicyArn };

/**
 * Real-time QoE: the consumer on the log stream, its sizing from the stream's own sizing
 * (`realtimeLogCapacity`, from `delivery.audience.peakViewers`), the per-channel alarms and the
 * panels each channel has on the global dashboard.
 */
export const qoe = built.operations.qoe;

/** CloudWatch dashboards (one per region, one global) and the alarm topics. */
export const dashboards = built.operations.dashboards;
export const alarmTopics = built.operations.topicArns;

/** Server-side ads: per ad channel, its MediaTailor configuration, session paths and prefetch windows. */
export const adInsertion = built.ads
    ? Object.fromEntries(
          Object.entries(built.ads.channels).map(([id, a]) => [
              id,
              { playbackConfiguration: a.configurationName, hlsSessionPath: a.hlsPathPrefix, dashSessionPath: a.dashPathPrefix, prefetch: a.prefetch },
          ]),
      )
    : {};

/**
 * MediaTailor's origin tokens per ad channel: the kid, the jti to revoke and the run window each
 * covers. A token covers one window: run `pulumi up` between an ad channel's games.
 */
export const adOriginTokens = built.adOriginTokens ?? {};

/** How the real-time log stream is sized for delivery.audience.peakViewers (mode, shards or warm throughput, arithmetic). */
export const realtimeLogCapacity = built.delivery.realtimeLogCapacity;

/** The edge as configured: behaviours in CloudFront's order, Origin Shield per origin, WAF rules, vending callers. */
export const edge = delivery.summary;

/** The revocation hook operators invoke (r:<jti>, s:<sid> only); the KeyValueStore itself is written by the deployment. */
export const revocationHook = built.delivery.revocation.functionName;

/** Channel-hours x pipelines x regions for the season, priced with onair:season.costRates. */
export const seasonCostEstimate = seasonCost(season);
