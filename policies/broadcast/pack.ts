import { PackDefinition } from "../lib/pack";
import { configureMediaOriginGroups } from "./cloudfront/distribution/onair-cloudfront-distribution-configure-media-origin-groups";
import { configureQuotas } from "./cloudfront/distribution/onair-cloudfront-distribution-configure-quotas";
import { configureRistLatency } from "./mediaconnect/flow/onair-mediaconnect-flow-configure-rist-latency";
import { configureSrtLatency } from "./mediaconnect/flow/onair-mediaconnect-flow-configure-srt-latency";
import { disallowPlainRtp } from "./mediaconnect/flow/onair-mediaconnect-flow-disallow-plain-rtp";
import { enableSourceFailover } from "./mediaconnect/flow/onair-mediaconnect-flow-enable-source-failover";
import { configureEmbeddedTimecode } from "./medialive/channel/onair-medialive-channel-configure-embedded-timecode";
import { configureUdpFec } from "./medialive/channel/onair-medialive-channel-configure-udp-fec";
import { disallowEpochLockedHlsAdMarkers } from "./medialive/channel/onair-medialive-channel-disallow-epoch-locked-hls-ad-markers";
import { disallowInputLossFill } from "./medialive/channel/onair-medialive-channel-disallow-input-loss-fill";
import { disallowSinglePipeline } from "./medialive/channel/onair-medialive-channel-disallow-single-pipeline";
import { enforceEpochLocking } from "./medialive/channel/onair-medialive-channel-enforce-epoch-locking";
import { enforceHlsPauseOutput } from "./medialive/channel/onair-medialive-channel-enforce-hls-pause-output";
import { enforceHlsProgramDateTime } from "./medialive/channel/onair-medialive-channel-enforce-hls-program-date-time";
import { missingSecurityGroup } from "./medialive/input/onair-medialive-input-missing-security-group";
import { disallowOpenCidr } from "./medialive/inputsecuritygroup/onair-medialive-inputsecuritygroup-disallow-open-cidr";
import { enforceMqcsSwitching } from "./mediapackagev2/channel/onair-mediapackagev2-channel-enforce-mqcs-switching";
import { missingHeadObject } from "./mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-missing-head-object";
import { enforceMultiRegion } from "./stack/onair-stack-channels-enforce-multi-region";
import { enforcePrimaryOnlyErrors } from "./stack/onair-stack-endpoints-enforce-primary-only-errors";
import { enforceCrossRegion } from "./stack/onair-stack-origingroups-enforce-cross-region";
import { enforceExplicitProvider } from "./stack/onair-stack-resources-enforce-explicit-provider";
import { enforceIdenticalEncryption } from "./stack/onair-stack-endpoints-enforce-identical-encryption";

/** Resilience of the live chain: what keeps a game on the air when a component fails. */
export const broadcastPack: PackDefinition = {
    name: "onair-broadcast",
    dir: "broadcast",
    description:
        "OnAir broadcast-grade resilience rules for live chains: redundant pipelines, failover-friendly outputs, protected contribution and seamless cross-region switching.",
    enforcementLevel: "advisory",
    policies: [
        // MediaLive
        disallowSinglePipeline,
        enforceHlsPauseOutput,
        enforceHlsProgramDateTime,
        disallowInputLossFill,
        configureEmbeddedTimecode,
        enforceEpochLocking,
        disallowEpochLockedHlsAdMarkers,
        missingSecurityGroup,
        disallowOpenCidr,
        // Contribution
        configureUdpFec,
        disallowPlainRtp,
        configureSrtLatency,
        configureRistLatency,
        enableSourceFailover,
        // MediaPackage v2 and CloudFront
        enforceMqcsSwitching,
        missingHeadObject,
        configureMediaOriginGroups,
        configureQuotas,
        // Whole stack
        enforceMultiRegion,
        enforceCrossRegion,
        enforcePrimaryOnlyErrors,
        enforceIdenticalEncryption,
        enforceExplicitProvider,
    ],
};
