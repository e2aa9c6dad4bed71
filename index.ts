// OnAir: one season of broadcast-grade live streaming on AWS.
// The configuration is validated before any resource is registered; see README "Configuration".
import * as pulumi from "@pulumi/pulumi";
import { loadSeason } from "./components/config";
import { buildSeason } from "./components/season";

const config = new pulumi.Config("onair");
const season = loadSeason(config);
const built = buildSeason(season, config);
const delivery = built.delivery;

/** CloudFront distribution hostname (point the season's aliases here). */
export const distributionDomain = delivery.domainName;

/** Playback URL templates per channel; the URL vending hook fills in `<token>`. */
export const playback = Object.fromEntries(Object.entries(delivery.playback).map(([id, p]) => [id, { hls: p.hls, dash: p.dash }]));

/** The entitlement backend calls this (SigV4, POST JSON) to mint viewer tokens and URLs. */
export const urlVendingEndpoint = delivery.urlVendingEndpoint;

/** Where operators add revoked token ids (r:<jti>) and sessions (s:<sid>). */
export const keyValueStoreArn = delivery.keyValueStoreArn;

/** WAF IP sets operators fill with re-streamer addresses during events. */
export const restreamerIpSetIds = delivery.restreamerIpSetIds;

/** Per region: its role and MediaPackage egress domain. */
export const regions = Object.fromEntries(built.chains.map((c) => [c.region, { role: c.role, egressDomain: c.channelGroup.egressDomain }]));

/** Per channel and region: MediaLive channel id and where the venue encoders connect. */
export const channels = Object.fromEntries(
    season.channels.map((ch) => [
        ch.id,
        Object.fromEntries(built.chains.map((c) => {
            const o = c.channels[ch.id]!;
            return [c.region, { mediaLiveChannelId: o.mediaLiveChannelId, contribution: o.contribution }];
        })),
    ]),
);
