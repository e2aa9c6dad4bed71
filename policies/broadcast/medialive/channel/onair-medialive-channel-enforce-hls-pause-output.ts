import { mediaLiveChannelView } from "../../../lib/medialive";
import { resourcePolicy } from "../../../lib/policy";
import { str } from "../../../lib/props";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";

/**
 * With EMIT_OUTPUT a pipeline that lost its input keeps publishing filler segments,
 * so the packager never switches to the healthy pipeline.
 */
export const enforceHlsPauseOutput = resourcePolicy(
    {
        name: "onair-medialive-channel-enforce-hls-pause-output",
        description: "Every HLS output group of a MediaLive channel must set inputLossAction to PAUSE_OUTPUT.",
        rationale:
            "When a pipeline loses its input, PAUSE_OUTPUT stops that pipeline's HLS output so the downstream origin sees missing segments and switches to the other pipeline; the default EMIT_OUTPUT publishes filler that hides the failure from viewers' players and from failover logic.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/hls-resiliency.html",
        remediationSteps: "Set outputGroupSettings.hlsGroupSettings.inputLossAction to PAUSE_OUTPUT on every HLS output group.",
        appliesTo: MEDIALIVE_CHANNEL_TYPES,
    },
    (props, args, report) => {
        for (const group of mediaLiveChannelView(props).outputGroups) {
            if (group.kind !== "hls") continue;
            const action = str(group.settings["inputLossAction"] ?? group.settings["InputLossAction"]);
            if (action !== "PAUSE_OUTPUT") {
                report(
                    `MediaLive channel "${args.name}": HLS output group "${group.name}" has inputLossAction ${action ?? "unset (EMIT_OUTPUT)"}; set it to PAUSE_OUTPUT so a pipeline that loses its input stops publishing and the origin fails over.`,
                );
            }
        }
    },
);
