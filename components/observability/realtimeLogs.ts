import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { kinesisStreamArn, s3BucketArnPattern } from "../arns";
import { PolicyDocument, serviceRole } from "../media/iam";
import { accessLogBucketPrefix } from "./accessLogs";
import { REALTIME_PREFIX } from "./logAnalytics";
import { REALTIME_LOG_FIELDS } from "./logFields";
import { SeasonConfig } from "../config/types";
import { streamSizingFor } from "../config/capacity";
import { StreamSizing } from "./realtimeSizing";

/** The real-time log stream's name: the QoE consumer's and CloudFront's roles name it by it before it exists. */
export function realtimeStreamName(season: string): string {
    return `onair-${season}-realtime-logs`;
}

/** The stream's capacity for the season's peak audience at its sampling rate (ADR 017); the QoE consumer is sized from it. */
export function realtimeStreamSizing(season: Pick<SeasonConfig, "channels" | "delivery" | "observability">): StreamSizing {
    return streamSizingFor(season.delivery.audience, season.channels, season.observability.realtimeLogs);
}

/** The Kinesis stream arguments that give it that capacity. */
export function streamCapacityArgs(sizing: StreamSizing): Pick<aws.kinesis.StreamArgs, "streamModeDetails" | "shardCount" | "warmThroughputMibPs"> {
    if (sizing.mode === "provisioned") return { streamModeDetails: { streamMode: "PROVISIONED" }, shardCount: sizing.shards! };
    if (sizing.mode === "on-demand-advantage") return { streamModeDetails: { streamMode: "ON_DEMAND" }, warmThroughputMibPs: sizing.warmThroughputMiBps! };
    return { streamModeDetails: { streamMode: "ON_DEMAND" } };
}

export function cloudFrontToKinesisPolicy(streamArn: string, region: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteRealtimeLogs",
                Effect: "Allow",
                Action: ["kinesis:DescribeStreamSummary", "kinesis:DescribeStream", "kinesis:PutRecord", "kinesis:PutRecords"],
                Resource: streamArn,
            },
            // The stream is encrypted with the AWS-managed key; writes through Kinesis need a data key.
            {
                Sid: "EncryptRecords",
                Effect: "Allow",
                Action: "kms:GenerateDataKey",
                Resource: "*",
                Condition: { StringEquals: { "kms:ViaService": `kinesis.${region}.amazonaws.com` } },
            },
        ],
    };
}

/**
 * Firehose reads the stream and writes the archive. `bucketArn` may be the log bucket's ARN
 * pattern (its name prefix): S3 ARNs carry no account, so the write is held to this account.
 */
export function firehoseArchivePolicy(streamArn: string, bucketArn: string, region: string, account: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadStream",
                Effect: "Allow",
                Action: ["kinesis:DescribeStream", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"],
                Resource: streamArn,
            },
            {
                Sid: "DecryptRecords",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { StringEquals: { "kms:ViaService": `kinesis.${region}.amazonaws.com` } },
            },
            {
                Sid: "WriteArchive",
                Effect: "Allow",
                Action: ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"],
                Resource: [bucketArn, `${bucketArn}/${REALTIME_PREFIX}*`],
                Condition: { StringEquals: { "aws:ResourceAccount": account } },
            },
        ],
    };
}

/**
 * Real-time logs with CMCD and media-quality fields: CloudFront -> Kinesis stream sized for the peak
 * audience (live consumers, dashboards) -> Firehose -> S3 (Athena). Returns the config ARN for the
 * media behaviours and the sizing it was built from.
 */
export function realtimeLogs(
    seasonConfig: Pick<SeasonConfig, "name" | "channels" | "delivery" | "observability">,
    region: string,
    archive: { bucketArn: pulumi.Output<string> },
    opts: pulumi.CustomResourceOptions,
) {
    const season = seasonConfig.name;
    const samplingRate = seasonConfig.observability.realtimeLogs.samplingRate;
    const sizing = realtimeStreamSizing(seasonConfig);
    const account = aws.getCallerIdentityOutput({}, opts).accountId;
    // The roles name the stream and the bucket by the names the program gives them, so their
    // documents are known during preview.
    const streamName = realtimeStreamName(season);
    const stream = new aws.kinesis.Stream(
        "realtime-logs",
        {
            name: streamName,
            ...streamCapacityArgs(sizing),
            retentionPeriod: 24,
            encryptionType: "KMS",
            kmsKeyId: "alias/aws/kinesis",
        },
        opts,
    );
    const role = serviceRole(
        "realtime-logs-writer",
        {
            description: `CloudFront writes OnAir ${season} real-time logs`,
            service: "cloudfront.amazonaws.com",
            account,
            policyName: "realtime-logs-writer",
            policy: account.apply((a) => cloudFrontToKinesisPolicy(kinesisStreamArn(region, a, streamName), region)),
        },
        opts,
    );
    const config = new awsnative.cloudfront.RealtimeLogConfig(
        "realtime-logs",
        {
            name: `onair-${season}-realtime`,
            samplingRate,
            fields: REALTIME_LOG_FIELDS.map((f) => f.field),
            endPoints: [{ streamType: "Kinesis", kinesisStreamConfig: { roleArn: role.arn, streamArn: stream.arn } }],
        },
        opts,
    );

    const firehoseRole = serviceRole(
        "realtime-logs-archive",
        {
            description: `Firehose archives OnAir ${season} real-time logs to S3`,
            service: "firehose.amazonaws.com",
            account,
            policyName: "realtime-logs-archive",
            policy: account.apply((a) =>
                firehoseArchivePolicy(kinesisStreamArn(region, a, streamName), s3BucketArnPattern(accessLogBucketPrefix(season)), region, a),
            ),
        },
        opts,
    );
    new aws.kinesis.FirehoseDeliveryStream(
        "realtime-logs-archive",
        {
            name: `onair-${season}-realtime-archive`,
            destination: "extended_s3",
            kinesisSourceConfiguration: { kinesisStreamArn: stream.arn, roleArn: firehoseRole.arn },
            extendedS3Configuration: {
                roleArn: firehoseRole.arn,
                bucketArn: archive.bucketArn,
                prefix: `${REALTIME_PREFIX}!{timestamp:yyyy/MM/dd}/`,
                errorOutputPrefix: "realtime-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/",
                bufferingInterval: 60,
                bufferingSize: 64,
                compressionFormat: "GZIP",
            },
        },
        opts,
    );
    return { stream, streamName, config, configArn: config.arn, sizing };
}
