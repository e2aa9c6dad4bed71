import { resourcePolicy } from "../../../lib/policy";
import { field } from "../../../lib/props";
import { asList, statements } from "../../../lib/stack";
import { T } from "../../../lib/types";

function mentionsSourceArn(condition: unknown): boolean {
    if (!condition || typeof condition !== "object") return false;
    return Object.values(condition as Record<string, unknown>).some((ops) =>
        !!ops && typeof ops === "object" && Object.keys(ops as object).some((k) => k.toLowerCase() === "aws:sourcearn"));
}

/**
 * Severity: critical. A public endpoint policy serves the stream to anyone who finds the egress URL,
 * skipping tokens, geo rules and WAF.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html
 */
export const disallowPublicEndpointPolicy = resourcePolicy(
    {
        name: "onair-mediapackagev2-originendpointpolicy-disallow-public-access",
        description: "MediaPackage v2 origin endpoint policies must not grant access to everyone or to the CloudFront service without an aws:SourceArn condition naming the distribution.",
        rationale: "Granting `*`, or `cloudfront.amazonaws.com` without aws:SourceArn, lets any distribution in any account (or anyone) pull the live stream straight from the origin.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html",
        remediationSteps: "Grant only the CloudFront service principal, with Condition StringEquals AWS:SourceArn = the distribution ARN.",
        appliesTo: [T.mediaPackageOriginEndpointPolicy],
    },
    (props, args, report) => {
        for (const [i, s] of statements(field(props, "policy")).entries()) {
            if (field(s, "Effect") !== "Allow") continue;
            const principal = field(s, "Principal");
            const anyone = principal === "*" || asList(field(principal, "AWS")).includes("*");
            const service = asList(field(principal, "Service")).includes("cloudfront.amazonaws.com");
            const sid = (field(s, "Sid") as string | undefined) ?? `#${i + 1}`;
            if (anyone && !mentionsSourceArn(field(s, "Condition"))) {
                report(`MediaPackage v2 endpoint policy "${args.name}": statement ${sid} allows everyone; grant only cloudfront.amazonaws.com with an aws:SourceArn condition.`);
            } else if (service && !mentionsSourceArn(field(s, "Condition"))) {
                report(`MediaPackage v2 endpoint policy "${args.name}": statement ${sid} allows cloudfront.amazonaws.com without an aws:SourceArn condition, so any distribution could read it; add StringEquals AWS:SourceArn = the distribution ARN.`);
            }
        }
    },
);
