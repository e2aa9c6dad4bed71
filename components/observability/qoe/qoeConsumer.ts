import * as aws from "@pulumi/aws";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { kinesisStreamArn } from "../../arns";
import { SeasonConfig } from "../../config/types";
import { PolicyDocument, serviceRole } from "../../media/iam";
import { REPO_ROOT } from "../../../contracts/repoRoot";
import { REALTIME_LOG_FIELDS } from "../logFields";
import { QOE_NAMESPACE } from "./metrics";
import { StreamSizing } from "../realtimeSizing";
import { consumerSizing, ConsumerSizing } from "./sizing";

const HANDLER_DIR = path.join(REPO_ROOT, "components", "observability", "qoe", "handler");
/** The consumer's one runtime dependency and the two packages it imports (peer dependencies). */
export const BUNDLED_PACKAGES = ["@svta/cml-cmcd", "@svta/cml-structured-field-values", "@svta/cml-utils"];

/**
 * The files of the function's code, by path in the archive: the handler modules and, under
 * node_modules/, each bundled package's package.json (its `exports` and `"type": "module"`),
 * licence and built JavaScript (no source maps or type declarations).
 */
export function consumerCodeFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const f of fs
        .readdirSync(HANDLER_DIR)
        .filter((n) => n.endsWith(".mjs"))
        .sort())
        files[f] = path.join(HANDLER_DIR, f);
    for (const pkg of BUNDLED_PACKAGES) {
        const dir = path.join(REPO_ROOT, "node_modules", pkg);
        const walk = (rel: string): void => {
            for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
                const r = rel ? `${rel}/${e.name}` : e.name;
                if (e.isDirectory()) walk(r);
                else if (r === "package.json" || r === "LICENSE" || (r.startsWith("dist/") && r.endsWith(".js")))
                    files[`node_modules/${pkg}/${r}`] = path.join(dir, r);
            }
        };
        walk("");
    }
    return files;
}

/** The sections of the season the consumer reads. */
export type QoeSeason = Pick<SeasonConfig, "name" | "regions" | "channels" | "observability">;

/**
 * The consumer's environment: the field order it parses by and what it attributes requests to.
 * `channelGroups`: each channel's MediaPackage channel group (its shard's, docs/adr/026).
 */
export function consumerEnvironment(season: QoeSeason, channelGroups: Record<string, string>): Record<string, string> {
    return {
        SEASON: season.name,
        PRIMARY_REGION: season.regions.find((r) => r.role === "primary")!.region,
        FIELDS: JSON.stringify(REALTIME_LOG_FIELDS.map((f) => f.field)),
        CHANNELS: JSON.stringify(
            Object.fromEntries(
                season.channels.map((c) => {
                    const group = channelGroups[c.id] ?? season.name;
                    return [c.id, { segmentSeconds: c.segment.lengthSeconds, ...(group !== season.name ? { channelGroup: group } : {}) }];
                }),
            ),
        ),
        SAMPLING_RATE: String(season.observability.realtimeLogs.samplingRate),
        NAMESPACE: QOE_NAMESPACE,
    };
}

/** Read the stream (Lambda's Kinesis poller runs as the function's role), decrypt it, write its own logs. */
export function consumerPolicy(streamArn: string, region: string, account: string, functionName: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadStream",
                Effect: "Allow",
                Action: ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"],
                Resource: streamArn,
            },
            { Sid: "ListStreams", Effect: "Allow", Action: "kinesis:ListStreams", Resource: "*" },
            {
                Sid: "DecryptRecords",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: "*",
                Condition: { StringEquals: { "kms:ViaService": `kinesis.${region}.amazonaws.com` } },
            },
            {
                Sid: "Logs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:aws:logs:${region}:${account}:log-group:/aws/lambda/${functionName}:*`,
            },
        ],
    };
}

export interface QoeConsumer {
    functionName: pulumi.Output<string>;
    sizing: ConsumerSizing;
}

/**
 * The QoE consumer: a Lambda (ES module handler with @svta/cml-cmcd bundled) subscribed to the
 * real-time log stream, its event source mapping sized from the sizing the stream was created with.
 * It publishes by writing EMF to its log group, so it needs no CloudWatch API permission. Stale
 * records are skipped: a figure more than five minutes late is no longer real time, and a shard
 * must never fall behind the game.
 */
export function createQoeConsumer(
    season: QoeSeason,
    channelGroups: Record<string, string>,
    region: string,
    stream: { arn: pulumi.Input<string>; name: string; sizing: StreamSizing },
    opts: pulumi.CustomResourceOptions,
): QoeConsumer {
    const functionName = `onair-${season.name}-qoe`;
    const streamArn = stream.arn;
    const sizing = consumerSizing(stream.sizing);
    const account = aws.getCallerIdentityOutput({}, opts).accountId;
    const role = serviceRole(
        "qoe-consumer-role",
        {
            description: `OnAir ${season.name}: real-time QoE consumer of the CloudFront log stream`,
            service: "lambda.amazonaws.com",
            account,
            policyName: "qoe-consumer",
            // The stream by the ARN its name gives, so the document is known during preview.
            policy: account.apply((a) => consumerPolicy(kinesisStreamArn(region, a, stream.name), region, a, functionName)),
        },
        opts,
    );
    const logs = new aws.cloudwatch.LogGroup("qoe-consumer-logs", { name: `/aws/lambda/${functionName}`, retentionInDays: 14 }, opts);
    const code = Object.fromEntries(Object.entries(consumerCodeFiles()).map(([k, p]) => [k, new pulumi.asset.FileAsset(p)]));
    const fn = new aws.lambda.Function(
        "qoe-consumer",
        {
            name: functionName,
            description: "Per-minute QoE per channel and origin from CloudFront real-time logs (CMCD), as EMF metrics",
            // nodejs22.x: supported by Lambda past the season (nodejs20.x is deprecated in 2026).
            runtime: "nodejs22.x",
            architectures: ["arm64"],
            handler: "index.handler",
            role: role.arn,
            memorySize: 512,
            timeout: 60,
            code: new pulumi.asset.AssetArchive(code),
            environment: { variables: consumerEnvironment(season, channelGroups) },
        },
        { ...opts, dependsOn: [logs] },
    );
    new aws.lambda.EventSourceMapping(
        "qoe-consumer",
        {
            eventSourceArn: streamArn,
            functionName: fn.arn,
            startingPosition: "LATEST",
            batchSize: sizing.batchSize,
            maximumBatchingWindowInSeconds: sizing.batchingWindowSeconds,
            parallelizationFactor: sizing.parallelizationFactor,
            maximumRecordAgeInSeconds: 300,
            maximumRetryAttempts: 2,
            bisectBatchOnFunctionError: true,
        },
        opts,
    );
    return { functionName: fn.name, sizing };
}
