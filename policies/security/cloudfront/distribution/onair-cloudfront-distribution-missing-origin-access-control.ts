import { distributionView, domainText } from "../../../lib/cloudfront";
import { oacOriginType, OAC_CAPABLE } from "../../../lib/origins";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../../contracts/resourceTypes";
import { isUnknown, Undecided } from "../../../lib/unknown";

/**
 * An AWS origin without origin access control must accept unsigned requests,
 * so anyone who learns its hostname bypasses tokens, geo rules and WAF. Whether the access control
 * itself signs is judged on the OriginAccessControl (onair-cloudfront-originaccesscontrol-enforce-signing).
 */
export const missingOriginAccessControl = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-missing-origin-access-control",
        description:
            "Every CloudFront origin on S3, MediaPackage v2, MediaStore or a Lambda function URL must use an origin access control, not a legacy origin access identity or no protection.",
        rationale:
            "With origin access control CloudFront signs every origin request (SigV4) and the origin's resource policy admits only that distribution; without it the origin must be public, and viewers who find the origin hostname skip tokens, geo restriction and WAF while loading the origin directly.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html",
        remediationSteps:
            "Create an OriginAccessControl of the origin's type (s3, mediapackagev2, mediastore or lambda) with signingBehavior always and signingProtocol sigv4, set originAccessControlId on the origin, and grant the distribution ARN in the origin's resource policy.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        const undecided = new Undecided();
        for (const o of distributionView(args.type, props).origins) {
            // An origin access identity exists only for S3 origins, so it is legacy whatever the domain.
            if (o.originAccessIdentity) {
                report(
                    `CloudFront distribution "${args.name}": origin "${o.id}" (s3 ${domainText(o.domainName)}) uses a legacy origin access identity; replace it with an origin access control (type s3, sigv4, always).`,
                );
                continue;
            }
            // An access control (known or still to be created) protects whatever the origin is.
            if (o.originAccessControlId) continue;
            if (isUnknown(o.service)) {
                // No access control, and the domain comes from a resource not created yet: an AWS
                // origin would need one, a custom origin another protection (the custom-origins rule).
                undecided.note(o.service);
                continue;
            }
            if (!OAC_CAPABLE.includes(o.service)) continue;
            report(
                `CloudFront distribution "${args.name}": origin "${o.id}" (${o.service} ${domainText(o.domainName)}) has no origin access control; attach one (type ${oacOriginType(o.service)}, sigv4, always) and restrict the origin to this distribution.`,
            );
        }
        undecided.settle();
    },
);
