import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../../contracts/resourceTypes";

const HTTPS = ["https-only", "redirect-to-https"];

/**
 * Over plain HTTP, tokens in URLs and the media itself travel in the clear.
 */
export const enforceViewerHttps = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-enforce-viewer-https",
        description: "Every cache behaviour of a CloudFront distribution must require HTTPS from viewers (https-only or redirect-to-https).",
        rationale: "Viewer tokens ride in the URL; over HTTP anyone on the viewer's network can copy them and the stream.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
        remediationSteps: "Set viewerProtocolPolicy to https-only (or redirect-to-https) on the default and every ordered cache behaviour.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        for (const b of distributionView(args.type, props).viewerProtocolPolicies) {
            if (!HTTPS.includes(b.policy ?? "")) {
                report(
                    `CloudFront distribution "${args.name}": cache behaviour "${b.pathPattern}" allows viewers over ${b.policy ?? "unset protocol policy"}; set viewerProtocolPolicy to https-only.`,
                );
            }
        }
    },
);
