import { PolicyResource } from "@pulumi/policy";
import { known, statements, values } from "../../../lib/documents";
import { stackPolicy } from "../../../lib/policy";
import { field, str } from "../../../lib/props";
import { fedBy, ofType } from "../../../lib/stack";
import { CLOUDFRONT_DISTRIBUTION_TYPES, T } from "../../../../contracts/resourceTypes";
import { isUnknown, Maybe, Undecided, Unknown } from "../../../lib/unknown";

/** One distribution's ARN: no wildcard, no other resource type (`distribution/*` is every distribution of the account). */
const DISTRIBUTION_ARN = /^arn:aws(-cn|-us-gov)?:cloudfront::\d{12}:distribution\/[A-Z0-9]+$/;

/**
 * Condition operators that restrict aws:SourceArn to the listed values. Negated operators admit
 * everything else, and `...IfExists` admits requests without the key, so neither restricts.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
function restricting(operator: string): boolean {
    const op = operator.replace(/^For(Any|All)Value:/, "");
    return /^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/.test(op);
}

/** The aws:SourceArn values a statement's condition restricts to. */
function sourceArns(condition: unknown): Maybe<string>[] | undefined {
    if (!condition || typeof condition !== "object") return undefined;
    let found: Maybe<string>[] | undefined;
    for (const op of Object.keys(condition)) {
        if (!restricting(op)) continue;
        const block = field(condition, op);
        if (!block || typeof block !== "object") continue;
        for (const key of Object.keys(block)) {
            if (key.toLowerCase() === "aws:sourcearn") found = [...(found ?? []), ...values(() => field(block, key))];
        }
    }
    return found;
}

/** Why a SourceArn value does not name one distribution; undefined when it does. Unknown when it cannot be told. */
function notADistribution(policy: PolicyResource, arn: Maybe<string>): string | undefined | Unknown {
    if (!isUnknown(arn)) {
        if (DISTRIBUTION_ARN.test(arn)) return undefined;
        if (/[*?]/.test(arn))
            return `"${arn}" is a pattern that matches ${/:distribution\/\*$/.test(arn) ? "every distribution of that account" : "more than one distribution"}`;
        return `"${arn}" is not a CloudFront distribution ARN`;
    }
    // Computed from a distribution not created yet: its ARN, which names that distribution.
    return fedBy(policy, "policy", ...CLOUDFRONT_DISTRIBUTION_TYPES).length > 0 ? undefined : arn;
}

/**
 * A public endpoint policy serves the stream to anyone who finds the egress URL,
 * skipping tokens, geo rules and WAF.
 */
export const disallowPublicAccess = stackPolicy(
    {
        name: "onair-mediapackagev2-originendpointpolicy-disallow-public-access",
        description:
            "MediaPackage v2 origin endpoint policies must not grant access to everyone, or to the CloudFront service without an aws:SourceArn condition naming one distribution (no wildcard such as distribution/*).",
        rationale:
            "Granting `*`, or `cloudfront.amazonaws.com` without an aws:SourceArn that names the distribution, lets any distribution in any account (or anyone) pull the live stream straight from the origin. A pattern such as `arn:aws:cloudfront::<account>:distribution/*` admits every distribution of that account, including one set up without tokens or geo rules.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html",
        remediationSteps:
            "Grant only the CloudFront service principal, with Condition StringEquals AWS:SourceArn = the distribution's own ARN (arn:aws:cloudfront::<account>:distribution/<id>).",
    },
    (args, report) => {
        const undecided = new Undecided();
        for (const p of ofType(args.resources, T.mediaPackageOriginEndpointPolicy))
            undecided.check(() => {
                statements(field(p.props, "policy")).forEach((s, i) =>
                    undecided.check(() => {
                        if (field(s, "Effect") !== "Allow") return;
                        const principal = field(s, "Principal");
                        const anyone = principal === "*" || known(values(() => field(principal, "AWS"))).includes("*");
                        const service = known(values(() => field(principal, "Service"))).includes("cloudfront.amazonaws.com");
                        if (!anyone && !service) return;
                        const sid = str(field(s, "Sid")) ?? `#${i + 1}`;
                        const arns = sourceArns(field(s, "Condition"));
                        const who = anyone ? "everyone" : "cloudfront.amazonaws.com";
                        if (!arns || arns.length === 0) {
                            report(
                                anyone
                                    ? `MediaPackage v2 endpoint policy "${p.name}": statement ${sid} allows everyone; grant only cloudfront.amazonaws.com with an aws:SourceArn condition.`
                                    : `MediaPackage v2 endpoint policy "${p.name}": statement ${sid} allows cloudfront.amazonaws.com without an aws:SourceArn condition, so any distribution could read it; add StringEquals AWS:SourceArn = the distribution ARN.`,
                                p.urn,
                            );
                            return;
                        }
                        const reasons = arns.map((a) => notADistribution(p, a));
                        const wrong = reasons.filter((r): r is string => typeof r === "string");
                        if (wrong.length > 0) {
                            report(
                                `MediaPackage v2 endpoint policy "${p.name}": statement ${sid} lets ${who} read with aws:SourceArn ${wrong.join("; ")}, so it does not name this stack's distribution; set StringEquals AWS:SourceArn to the distribution's own ARN (arn:aws:cloudfront::<account>:distribution/<id>).`,
                                p.urn,
                            );
                            return;
                        }
                        const pending = reasons.find(isUnknown);
                        if (pending) throw pending.error;
                    }),
                );
            });
        undecided.settle();
    },
);
