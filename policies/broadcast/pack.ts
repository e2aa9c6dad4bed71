import { PackDefinition } from "../lib/pack";
import { disallowPlainRtp } from "./mediaconnect/flow/onair-mediaconnect-flow-disallow-plain-rtp";
import { configureUdpFec } from "./medialive/channel/onair-medialive-channel-configure-udp-fec";
import { disallowSinglePipeline } from "./medialive/channel/onair-medialive-channel-disallow-single-pipeline";
import { enforceHlsPauseOutput } from "./medialive/channel/onair-medialive-channel-enforce-hls-pause-output";

/** Resilience of the live chain: what keeps a game on the air when a component fails. */
export const broadcastPack: PackDefinition = {
    name: "onair-broadcast",
    dir: "broadcast",
    description: "OnAir broadcast-grade resilience rules for live chains: redundant pipelines, failover-friendly outputs and protected contribution.",
    enforcementLevel: "advisory",
    policies: [disallowSinglePipeline, enforceHlsPauseOutput, configureUdpFec, disallowPlainRtp],
};
