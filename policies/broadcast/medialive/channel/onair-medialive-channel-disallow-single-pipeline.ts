import { mediaLiveChannelView } from "../../../lib/medialive";
import { resourcePolicy } from "../../../lib/policy";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";

/**
 * A SINGLE_PIPELINE channel has no second encoder in another availability zone,
 * so one pipeline fault takes the event off the air.
 */
export const disallowSinglePipeline = resourcePolicy(
    {
        name: "onair-medialive-channel-disallow-single-pipeline",
        description: "MediaLive channels must use the STANDARD class (two pipelines in two availability zones), never SINGLE_PIPELINE.",
        rationale:
            "A single pipeline is a single point of failure: an encoder fault, an AZ event or a maintenance restart ends the broadcast, and downstream redundancy (MediaPackage input switching, cross-region origin groups) has nothing to switch to.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/plan-redundancy.html",
        remediationSteps: "Set channelClass to STANDARD and give the input two sources (two MediaConnect flows in different AZs, or two push endpoints).",
        appliesTo: MEDIALIVE_CHANNEL_TYPES,
    },
    (props, args, report) => {
        const view = mediaLiveChannelView(props);
        if (view.channelClass === "SINGLE_PIPELINE") {
            report(
                `MediaLive channel "${args.name}" uses channelClass SINGLE_PIPELINE; set channelClass STANDARD with two pipeline sources so one encoder fault cannot take the event off the air.`,
            );
        }
    },
);
