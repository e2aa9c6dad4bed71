// OnAir: one season of broadcast-grade live streaming on AWS.
// The configuration is validated before any resource is registered; see README "Configuration".
import * as pulumi from "@pulumi/pulumi";
import { loadSeason } from "./components/config";
import { buildSeason } from "./components/season";

const config = new pulumi.Config("onair");
const season = loadSeason(config);
const built = buildSeason(season, config);

/** Per region: its role and MediaPackage egress domain. */
export const regions = Object.fromEntries(built.chains.map((c) => [c.region, { role: c.role, egressDomain: c.channelGroup.egressDomain }]));

/** Per channel and region: origin URLs, MediaLive channel id and where the venue encoders connect. */
export const channels = Object.fromEntries(
    season.channels.map((ch) => [
        ch.id,
        Object.fromEntries(built.chains.map((c) => {
            const o = c.channels[ch.id]!;
            return [c.region, { hlsOrigin: o.hlsUrl, dashOrigin: o.dashUrl, mediaLiveChannelId: o.mediaLiveChannelId, contribution: o.contribution }];
        })),
    ]),
);
