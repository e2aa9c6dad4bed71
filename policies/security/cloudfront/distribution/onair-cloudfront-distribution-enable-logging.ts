import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../lib/types";

/**
 * Severity: medium. Without access logs there is no record of who watched what, from where, with
 * which token: nothing to investigate a leak or settle a rights dispute with.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 */
export const enableLogging = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-enable-logging",
        description: "CloudFront distributions must write standard access logs to S3.",
        rationale: "Access logs are the audit trail of content protection: which token and IP fetched which stream from which country. Investigations of re-streaming and rights disputes start there.",
        severity: "medium",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html",
        remediationSteps: "Set logging { bucket: <log bucket>.s3.amazonaws.com, prefix } on the distribution (the bucket needs ACLs enabled for the CloudFront log delivery).",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        if (!distributionView(args.type, props).loggingBucket) {
            report(`CloudFront distribution "${args.name}" writes no access logs; set logging with an S3 bucket so viewer access can be audited.`);
        }
    },
);
