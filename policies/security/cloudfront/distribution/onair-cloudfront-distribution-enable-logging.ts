import { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../../lib/policy";
import { field, str } from "../../../lib/props";
import { distributions, fedBy, ofType } from "../../../lib/stack";
import { CLOUDFRONT_DISTRIBUTION_TYPES, T } from "../../../../contracts/resourceTypes";
import { isSet, isUnknown, maybe, Undecided, Unknown } from "../../../lib/unknown";

const SOURCE_TYPES = [T.logDeliverySourceClassic, T.logDeliverySourceNative];
const DELIVERY_TYPES = [T.logDeliveryClassic, T.logDeliveryNative];

/** Whether a delivery source's resourceArn is this distribution's ARN: true, false, or Unknown. */
function sourceOf(source: PolicyResource, distribution: PolicyResource): boolean | Unknown {
    const arn = maybe(() => str(field(source.props, "resourceArn")));
    if (isUnknown(arn)) return fedBy(source, "resourceArn", ...CLOUDFRONT_DISTRIBUTION_TYPES).includes(distribution) || arn;
    if (!arn) return false;
    const own = maybe(() => str(field(distribution.props, "arn")));
    if (own === arn) return true;
    const ids = ["awsId", "id"].map((k) => maybe(() => str(field(distribution.props, k)))).filter((v): v is string => typeof v === "string" && v !== "");
    return ids.some((id) => arn.endsWith(`:distribution/${id}`));
}

/** Whether a delivery takes its logs from `source` and sends them somewhere: true, false, or Unknown. */
function deliversFrom(delivery: PolicyResource, source: PolicyResource): boolean | Unknown {
    if (!isSet(() => field(delivery.props, "deliveryDestinationArn"))) return false;
    const name = maybe(() => str(field(delivery.props, "deliverySourceName")));
    if (isUnknown(name)) return fedBy(delivery, "deliverySourceName", ...SOURCE_TYPES).includes(source) || name;
    return name !== undefined && name === maybe(() => str(field(source.props, "name")));
}

/** `true` if some pair decides it, else the first Unknown met, else false. */
function some<X>(xs: X[], test: (x: X) => boolean | Unknown): boolean | Unknown {
    let pending: Unknown | undefined;
    for (const x of xs) {
        const r = test(x);
        if (r === true) return true;
        if (isUnknown(r)) pending ??= r;
    }
    return pending ?? false;
}

/**
 * Without access logs there is no record of who watched what, from where, with
 * which token: nothing to investigate a leak or settle a rights dispute with.
 */
export const enableLogging = stackPolicy(
    {
        name: "onair-cloudfront-distribution-enable-logging",
        description:
            "CloudFront distributions must write standard access logs: legacy logging to S3, or standard logging (v2) through a CloudWatch Logs delivery whose source is the distribution.",
        rationale:
            "Access logs are the audit trail of content protection: which token and IP fetched which stream from which country. Investigations of re-streaming and rights disputes start there. Standard logging v2 is configured outside the distribution (a delivery source with log type ACCESS_LOGS for the distribution, a delivery destination, and a delivery between them), so the rule looks at the whole stack.",
        severity: "medium",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html",
        remediationSteps:
            "Set logging { bucket: <log bucket>.s3.amazonaws.com, prefix } on the distribution (the bucket needs ACLs enabled for the CloudFront log delivery), or create a CloudWatch Logs delivery source (logType ACCESS_LOGS, resourceArn = the distribution ARN, in us-east-1), a delivery destination and a delivery.",
    },
    (args, report) => {
        const undecided = new Undecided();
        const sources = ofType(args.resources, ...SOURCE_TYPES).filter((s) => str(field(s.props, "logType")) === "ACCESS_LOGS");
        const deliveries = ofType(args.resources, ...DELIVERY_TYPES);
        for (const d of distributions(args.resources)) {
            if (d.view.loggingBucket) continue;
            const v2 = some(sources, (s) => {
                const mine = sourceOf(s, d.resource);
                if (mine !== true) return mine;
                return some(deliveries, (l) => deliversFrom(l, s));
            });
            if (v2 === true) continue;
            if (isUnknown(v2)) {
                undecided.note(v2);
                continue;
            }
            report(
                `CloudFront distribution "${d.resource.name}" writes no access logs: no logging bucket, and no CloudWatch Logs delivery (standard logging v2) takes ACCESS_LOGS from it; set logging with an S3 bucket, or deliver its access logs through a delivery source, destination and delivery.`,
                d.resource.urn,
            );
        }
        undecided.settle();
    },
);
