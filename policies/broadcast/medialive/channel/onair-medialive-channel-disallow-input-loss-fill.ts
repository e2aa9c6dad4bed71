import { mediaLiveChannelView } from "../../../lib/medialive";
import { resourcePolicy } from "../../../lib/policy";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";

interface Config {
    maxFillMsec: number;
}

/**
 * A slate or long repeat/black fill keeps a failed pipeline publishing healthy-
 * looking output, so MediaPackage and CloudFront never switch away from it.
 */
export const disallowInputLossFill = resourcePolicy<Config>(
    {
        name: "onair-medialive-channel-disallow-input-loss-fill",
        description: "STANDARD MediaLive channels must not configure input-loss fill (slate image, or repeat or black frames beyond the configured limit).",
        rationale:
            "On a redundant chain the right reaction to a lost input is a sharp cut: the affected pipeline's output visibly degrades (low MQCS, missing HLS segments) and downstream switches to the healthy pipeline or region. A slate, or minutes of repeated or black frames, hides the failure from that logic while viewers watch it.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/feature-input-loss.html",
        remediationSteps:
            'Remove encoderSettings.globalConfiguration.inputLossBehavior (console: Input loss behavior "Don\'t include"), or keep repeat and black frames within the limit and drop the slate.',
        appliesTo: MEDIALIVE_CHANNEL_TYPES,
        configSchema: {
            properties: {
                maxFillMsec: {
                    type: "integer",
                    minimum: 0,
                    maximum: 1_000_000,
                    default: 1000,
                    description: "Longest repeat-frame or black-frame fill allowed, in milliseconds.",
                },
            },
        },
    },
    (props, args, report, config) => {
        const view = mediaLiveChannelView(props);
        if (view.channelClass === "SINGLE_PIPELINE" || !view.inputLossBehavior) return;
        const l = view.inputLossBehavior;
        const problems: string[] = [];
        if (l.hasSlate || l.imageType === "SLATE") problems.push("shows a slate image");
        if ((l.repeatFrameMsec ?? 0) > config.maxFillMsec) problems.push(`repeats the last frame for ${l.repeatFrameMsec} ms`);
        if ((l.blackFrameMsec ?? 0) > config.maxFillMsec) problems.push(`fills black for ${l.blackFrameMsec} ms`);
        if (problems.length > 0) {
            report(
                `MediaLive channel "${args.name}" ${problems.join(" and ")} on input loss (limit ${config.maxFillMsec} ms, no slate); remove inputLossBehavior so a lost input cuts sharply and downstream fails over.`,
            );
        }
    },
);
