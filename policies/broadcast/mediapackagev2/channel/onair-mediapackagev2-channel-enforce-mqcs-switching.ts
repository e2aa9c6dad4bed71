import { resourcePolicy } from "../../../lib/policy";
import { dig, field, str } from "../../../lib/props";
import { T } from "../../../../contracts/resourceTypes";

/**
 * Without MQCS switching MediaPackage only switches pipelines when segments go
 * missing, and without publishMqcs CloudFront cannot compare regions.
 */
export const enforceMqcsSwitching = resourcePolicy(
    {
        name: "onair-mediapackagev2-channel-enforce-mqcs-switching",
        description: "MediaPackage v2 channels must take CMAF input, switch inputs on the media quality confidence score (MQCS) and publish MQCS to the CDN.",
        rationale:
            "MediaLive scores every CMAF segment (black, frozen, fill frames, drops). MQCS input switching lets MediaPackage serve the better pipeline per segment; publishing MQCS in CMSD headers lets CloudFront's media-quality-based origin groups pick the better region. The three only work together, and only with CMAF input.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/mqcs.html",
        remediationSteps: "Set inputType CMAF, inputSwitchConfiguration.mqcsInputSwitching true and outputHeaderConfiguration.publishMqcs true.",
        appliesTo: [T.mediaPackageChannel],
    },
    (props, args, report) => {
        const problems: string[] = [];
        if (str(field(props, "inputType")) !== "CMAF") problems.push(`inputType is ${str(field(props, "inputType")) ?? "unset (HLS)"} (use CMAF)`);
        if (dig(props, "inputSwitchConfiguration", "mqcsInputSwitching") !== true) problems.push("MQCS input switching is off");
        if (dig(props, "outputHeaderConfiguration", "publishMqcs") !== true) problems.push("MQCS is not published to the CDN (publishMqcs)");
        if (problems.length > 0) report(`MediaPackage v2 channel "${args.name}": ${problems.join("; ")}.`);
    },
);
