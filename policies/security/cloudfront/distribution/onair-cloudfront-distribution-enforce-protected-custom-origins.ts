import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../lib/types";

/**
 * Severity: high. A public custom origin that answers anyone lets viewers bypass CloudFront's
 * tokens, geo rules and WAF.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-overview.html
 */
export const enforceProtectedCustomOrigins = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-enforce-protected-custom-origins",
        description: "CloudFront custom origins must be VPC origins, or use HTTPS only and send a secret header the origin checks.",
        rationale: "Origins that cannot use origin access control must still refuse viewers who go around CloudFront: a VPC origin is unreachable from the internet; a public origin needs TLS to CloudFront and a secret header only CloudFront knows.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-overview.html",
        remediationSteps: "Use a VPC origin for ALB/NLB/EC2 origins; for public origins set originProtocolPolicy https-only and an origin custom header whose value comes from a Pulumi secret.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        for (const o of distributionView(args.type, props).origins) {
            if (o.service !== "custom" || o.vpcOriginId) continue;
            const problems: string[] = [];
            if (o.protocolPolicy !== "https-only") problems.push(`originProtocolPolicy is ${o.protocolPolicy ?? "unset"} (use https-only)`);
            if (o.customHeaderNames.length === 0) problems.push("no secret origin header");
            if (problems.length > 0) report(`CloudFront distribution "${args.name}": custom origin "${o.id}" (${o.domainName}) is not protected: ${problems.join("; ")}; use a VPC origin, or HTTPS only with a secret header the origin verifies.`);
        }
    },
);
