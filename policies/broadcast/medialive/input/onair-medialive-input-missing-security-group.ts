import { resourcePolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { T } from "../../../../contracts/resourceTypes";

const PUSH = ["RTP_PUSH", "UDP_PUSH", "RTMP_PUSH", "SRT_LISTENER"];

/**
 * A push input without an input security group accepts a stream from anyone
 * who learns its address, which can replace the programme on air.
 */
export const missingSecurityGroup = resourcePolicy(
    {
        name: "onair-medialive-input-missing-security-group",
        description: "MediaLive push inputs (RTP, UDP, RTMP, SRT listener) must be attached to at least one input security group.",
        rationale:
            "Push inputs listen on public addresses; the input security group is the only thing that limits who can send. Without it anyone can inject a feed into the live channel.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/working-with-input-security-groups.html",
        remediationSteps: "Create an InputSecurityGroup whose whitelist holds only the venue's ranges and list it in inputSecurityGroups.",
        appliesTo: [T.mediaLiveInput, T.onairMediaLiveInput],
    },
    (props, args, report) => {
        const request = field(props, "request") ?? props;
        const type = str(field(request, "type"));
        if (!type || !PUSH.includes(type)) return;
        if (list(field(request, "inputSecurityGroups")).length === 0) {
            report(`MediaLive ${type} input "${args.name}" has no input security group; attach one that allows only the venue's source ranges.`);
        }
    },
);
