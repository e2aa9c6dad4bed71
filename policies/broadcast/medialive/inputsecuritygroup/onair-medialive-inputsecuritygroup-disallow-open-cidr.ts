import { resourcePolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { T } from "../../../../contracts/resourceTypes";

interface Config {
    minPrefixLength: number;
}

/**
 * 0.0.0.0/0 (or any very short prefix) in an input security group is the same as
 * having none.
 */
export const disallowOpenCidr = resourcePolicy<Config>(
    {
        name: "onair-medialive-inputsecuritygroup-disallow-open-cidr",
        description: "MediaLive input security groups must not allow 0.0.0.0/0 or any range broader than the configured prefix length.",
        rationale:
            "An input security group exists to admit the venue's encoders only; a whitelist of the whole internet lets anyone push a stream into the channel.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/working-with-input-security-groups.html",
        remediationSteps: "Replace the open rule with the venue's public ranges (e.g. 203.0.113.0/28).",
        appliesTo: [T.mediaLiveInputSecurityGroup],
        configSchema: {
            properties: {
                minPrefixLength: { type: "integer", minimum: 1, maximum: 32, default: 8, description: "Shortest IPv4 prefix accepted in a whitelist rule." },
            },
        },
    },
    (props, args, report, config) => {
        for (const rule of list(field(props, "whitelistRules"))) {
            const cidr = str(field(rule, "cidr")) ?? "";
            const prefix = Number(cidr.split("/")[1] ?? "32");
            if (prefix < config.minPrefixLength) {
                report(
                    `MediaLive input security group "${args.name}" allows ${cidr}, which opens the input to ${prefix === 0 ? "the whole internet" : "far more than a venue"}; list only the venue's ranges (prefix /${config.minPrefixLength} or longer).`,
                );
            }
        }
    },
);
