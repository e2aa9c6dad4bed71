import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../../contracts/resourceTypes";

/**
 * Without a web ACL there is no way to block a re-streamer, an anonymising proxy or
 * a request flood during the event.
 */
export const missingWaf = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-missing-waf",
        description: "CloudFront distributions must be protected by an AWS WAF web ACL.",
        rationale:
            "The web ACL is where operators block re-streamers during a game, and where AWS's reputation and anonymous-IP lists and per-IP rate limits stop abuse before it reaches the origins.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
        remediationSteps: "Create a WAFv2 web ACL with scope CLOUDFRONT in us-east-1 and set webAclId to its ARN.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        if (!distributionView(args.type, props).webAclId) {
            report(
                `CloudFront distribution "${args.name}" has no web ACL; attach a WAFv2 web ACL (scope CLOUDFRONT) with rate limiting and IP reputation rules.`,
            );
        }
    },
);
