import { distributionView, domainText } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../../contracts/resourceTypes";
import { isUnknown, Undecided } from "../../../lib/unknown";

/**
 * A public custom origin that answers anyone lets viewers bypass CloudFront's
 * tokens, geo rules and WAF.
 */
export const enforceProtectedCustomOrigins = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-enforce-protected-custom-origins",
        description: "CloudFront custom origins must be VPC origins, or use HTTPS only and send a secret header the origin checks.",
        rationale:
            "Origins that cannot use origin access control must still refuse viewers who go around CloudFront: a VPC origin is unreachable from the internet; a public origin needs TLS to CloudFront and a secret header only CloudFront knows.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-overview.html",
        remediationSteps:
            "Use a VPC origin for ALB/NLB/EC2 origins; for public origins set originProtocolPolicy https-only and an origin custom header whose value comes from a Pulumi secret.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        const undecided = new Undecided();
        for (const o of distributionView(args.type, props).origins) {
            if (o.vpcOriginId) continue;
            // CloudFront accepts an access control or identity only on an AWS origin of its type.
            if (o.originAccessControlId || o.originAccessIdentity) continue;
            if (o.service !== "custom" && !isUnknown(o.service)) continue;
            const problems: string[] = [];
            if (o.protocolPolicy !== "https-only") problems.push(`originProtocolPolicy is ${o.protocolPolicy ?? "unset"} (use https-only)`);
            if (o.customHeaderNames.length === 0) problems.push("no secret origin header");
            if (problems.length === 0) continue;
            // Unprotected, with a domain not known yet: if it is an AWS origin, the access-control rule judges it.
            if (isUnknown(o.service)) {
                undecided.note(o.service);
                continue;
            }
            report(
                `CloudFront distribution "${args.name}": custom origin "${o.id}" (${domainText(o.domainName)}) is not protected: ${problems.join("; ")}; use a VPC origin, or HTTPS only with a secret header the origin verifies.`,
            );
        }
        undecided.settle();
    },
);
