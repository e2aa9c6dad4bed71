import { distributionView } from "../../../lib/cloudfront";
import { OAC_CAPABLE } from "../../../lib/origins";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../lib/types";

/**
 * Severity: critical. An AWS origin without origin access control must accept unsigned requests,
 * so anyone who learns its hostname bypasses tokens, geo rules and WAF.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html
 */
export const missingOriginAccessControl = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-missing-origin-access-control",
        description: "Every CloudFront origin on S3, MediaPackage v2, MediaStore or a Lambda function URL must use an origin access control, not a legacy origin access identity or no protection.",
        rationale: "With origin access control CloudFront signs every origin request (SigV4) and the origin's resource policy admits only that distribution; without it the origin must be public, and viewers who find the origin hostname skip tokens, geo restriction and WAF while loading the origin directly.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html",
        remediationSteps: "Create an OriginAccessControl of the origin's type (s3, mediapackagev2, mediastore or lambda) with signingBehavior always and signingProtocol sigv4, set originAccessControlId on the origin, and grant the distribution ARN in the origin's resource policy.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        for (const o of distributionView(args.type, props).origins) {
            if (!OAC_CAPABLE.includes(o.service)) continue;
            if (o.originAccessIdentity) {
                report(`CloudFront distribution "${args.name}": origin "${o.id}" (${o.service} ${o.domainName}) uses a legacy origin access identity; replace it with an origin access control (type ${o.service === "lambda-url" ? "lambda" : o.service}, sigv4, always).`);
            } else if (!o.originAccessControlId) {
                report(`CloudFront distribution "${args.name}": origin "${o.id}" (${o.service} ${o.domainName}) has no origin access control; attach one (type ${o.service === "lambda-url" ? "lambda" : o.service}, sigv4, always) and restrict the origin to this distribution.`);
            }
        }
    },
);
