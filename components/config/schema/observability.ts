/** Schema of `observability`: logs, their retention and sizing, and the alarm thresholds. */
import { LOG_LEVELS, REALTIME_STREAM_MODES } from "../types";
import { int, list, object, oneOf, string } from "./nodes";

export const OBSERVABILITY = object(
    {
        channelLogLevel: oneOf(LOG_LEVELS, { default: "ERROR", doc: "MediaLive channel log level sent to CloudWatch" }),
        standardLogs: object(
            {
                // A month hot for post-game analysis, about a season (plus playoffs) in the archive for disputes.
                archiveAfterDays: int({ min: 1, max: 3650, default: 30, unit: "days", doc: "CloudFront access logs move to Glacier after this many days" }),
                expireAfterDays: int({
                    min: 2,
                    max: 3650,
                    default: 400,
                    unit: "days",
                    typeDoc: "2-3650, after `archiveAfterDays`",
                    doc: "and are deleted after this many",
                }),
            },
            { optional: true, doc: "CloudFront standard access logs in S3" },
        ),
        realtimeLogs: object(
            {
                // Left out, sampling is the highest rate the stream takes at the peak audience (config/capacity.ts).
                samplingRate: int({
                    min: 1,
                    max: 100,
                    unit: "percent",
                    optional: true,
                    defaultDoc: "the highest rate the stream takes at the peak",
                    doc: "real-time log sampling; a rate the stream cannot take at `peakViewers` is refused ([ADR 017](docs/adr/017-realtime-log-capacity.md))",
                }),
                streamMode: oneOf(REALTIME_STREAM_MODES, {
                    default: "provisioned",
                    doc: "provisioned shards sized from the audience; on-demand only within a new stream's 4 MB/s and 4,000 records/s; advantage warms an on-demand stream (account-level mode)",
                }),
                // 200 is the smaller default account shard quota (500 in us-east-1, us-west-2 and eu-west-1, 200 elsewhere).
                maxShards: int({
                    min: 1,
                    max: 10_000,
                    default: 200,
                    unit: "shards",
                    doc: "the most shards a provisioned stream may take (the account's Kinesis shard quota)",
                }),
            },
            { optional: true, doc: "real-time logs (Kinesis, CMCD fields), sized from `delivery.audience`" },
        ),
        athenaScanLimitGb: int({ min: 1, max: 10240, default: 100, unit: "GB", doc: "per-query scan limit of the Athena workgroup" }),
        alarms: object(
            {
                emails: list(string({ pattern: /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i, hint: "an e-mail address", doc: "an address" }), {
                    max: 10,
                    what: "addresses",
                    doc: "addresses subscribed to every region's alarm topic",
                }),
                // MediaLive scores 100 for a clean segment; below 70 viewers see black, freezes or fill frames.
                minMqcs: int({ min: 1, max: 100, default: 70, doc: "alarm when a pipeline's minimum MQCS (0-100) falls below this" }),
                cloudFront5xxPercent: int({ min: 1, max: 100, default: 1, unit: "percent", doc: "alarm when CloudFront's 5xx error rate exceeds this" }),
                originLatencyP90Ms: int({
                    min: 100,
                    max: 30000,
                    default: 2000,
                    unit: "milliseconds",
                    doc: "alarm when CloudFront's p90 origin latency exceeds this",
                }),
            },
            { optional: true, doc: "alarm subscribers and thresholds" },
        ),
    },
    { optional: true, doc: "logs and alarms" },
);
