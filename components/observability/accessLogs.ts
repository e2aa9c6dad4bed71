import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ObservabilityConfig } from "../config/types";

/** Prefix of the distribution's standard logs inside the bucket. */
export const ACCESS_LOG_PREFIX = "cloudfront/";

/** The log bucket's name prefix (S3 appends a unique suffix); policies name the bucket by it. */
export function accessLogBucketPrefix(season: string): string {
    return `onair-${season}-logs-`;
}

export interface AccessLogBucket {
    bucket: aws.s3.Bucket;
    /** The `bucket.s3.amazonaws.com` name CloudFront's legacy logging expects. */
    domainName: pulumi.Output<string>;
}

/**
 * The S3 bucket for CloudFront standard access logs: private, encrypted, ACLs enabled for the
 * CloudFront log-delivery account (legacy logging writes through ACLs), archived then expired.
 */
export function accessLogBucket(season: string, logs: ObservabilityConfig["standardLogs"], opts: pulumi.CustomResourceOptions): AccessLogBucket {
    // The logs outlive the season's stack: a rights dispute months later still finds them, and the
    // lifecycle rule deletes them on time. Destroying the stack leaves the bucket.
    const bucket = new aws.s3.Bucket("access-logs", { bucketPrefix: accessLogBucketPrefix(season), forceDestroy: false }, { ...opts, retainOnDelete: true });
    new aws.s3.BucketPublicAccessBlock(
        "access-logs",
        { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        opts,
    );
    new aws.s3.BucketOwnershipControls("access-logs", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerPreferred" } }, opts);
    new aws.s3.BucketServerSideEncryptionConfiguration(
        "access-logs",
        {
            bucket: bucket.id,
            // CloudFront log delivery cannot write to SSE-KMS buckets; SSE-S3 keeps the logs encrypted at rest.
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
        },
        opts,
    );
    new aws.s3.BucketLifecycleConfiguration(
        "access-logs",
        {
            bucket: bucket.id,
            rules: [
                ...[ACCESS_LOG_PREFIX, "realtime/"].map((prefix) => ({
                    id: `archive-then-expire-${prefix.replace("/", "")}`,
                    status: "Enabled",
                    filter: { prefix },
                    transitions: [{ days: logs.archiveAfterDays, storageClass: "GLACIER_IR" }],
                    expiration: { days: logs.expireAfterDays },
                    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                })),
                // Query results are scratch: a week is enough to download them.
                { id: "expire-athena-results", status: "Enabled", filter: { prefix: "athena-results/" }, expiration: { days: 7 } },
            ],
        },
        opts,
    );
    return { bucket, domainName: bucket.bucketDomainName };
}
