import { RealtimeStreamMode } from "../../config/types";
import { StreamSizing, streamShards } from "../realtimeSizing";

/**
 * Sizing of the QoE consumer's event source mapping from the real-time log stream's own sizing
 * (`realtimeSizing.ts`, ADR 017): the same records/s, bytes per record and shards the stream is
 * built for, so the consumer cannot be sized for an audience the stream was not. Lambda's side,
 * with its sources:
 *
 * - Lambda "processes one batch of records at a time from each shard" and invokes when it has
 *   "gathered a full batch, the batching window expires, or the batch reaches the payload limit of
 *   6 MB" (Lambda Developer Guide, "How Lambda processes records from Amazon Kinesis Data Streams",
 *   polling and batching). A record's data is base64 in the event (4 bytes per 3) inside a JSON
 *   envelope of ids and ARNs (the guide's example event), so a batch holds at most
 *   6 MB / (base64 record + envelope). The window is 5 s (a per-minute figure is complete within
 *   seconds of the minute); the batch size is what one shard brings in that window, at least 100,
 *   at most what fits the payload (BatchSize is at most 10,000: "Lambda parameters for Amazon
 *   Kinesis Data Streams event source mappings").
 * - Parallelization factor P (1-10 concurrent batches per shard, same parameters page) keeps one
 *   shard's rate under half of what one invocation processes (`RECORDS_PER_SECOND_PER_INVOCATION`,
 *   from `npm run bench:qoe`), so a backlog after a failover drains.
 * - Concurrent executions at the peak are shards x P. They come out of the account's concurrency in
 *   us-east-1, 1,000 per Region by default (Lambda Developer Guide, "Lambda quotas", concurrent
 *   executions), shared with every other function there (the URL vending hook, when the primary
 *   region is us-east-1, takes its share as viewers start a game). With P = 1 the default is
 *   reached at 1,000 shards: a provisioned stream with `maxShards` above 1,000 (itself past the
 *   default shard quota), or an on-demand-advantage stream warmed past about 954 MiB/s, some 324,000
 *   viewers at 2 s segments fully sampled (an on-demand stream without warming stays within 4
 *   shards). The config validator refuses a sizing above `qoe.accountLambdaConcurrency`
 *   (config/capacity.ts).
 */
export interface ConsumerSizing {
    /** The stream's mode: where the shard count comes from. */
    streamMode: RealtimeStreamMode;
    /** Records/s at the peak after sampling, as the stream is sized. */
    recordsPerSecond: number;
    recordBytes: number;
    /** Shards the stream holds at the peak (`streamShards`). */
    shards: number;
    batchSize: number;
    batchingWindowSeconds: number;
    parallelizationFactor: number;
    concurrentExecutions: number;
    /** The arithmetic in one line, for the plan and error messages. */
    explanation: string;
}

/** Lambda's invocation payload limit for a stream batch ("the payload limit of 6 MB"). */
export const MAX_PAYLOAD_BYTES = 6_000_000;
/**
 * Bytes of one record's JSON around its data in the event: the example Kinesis event of the Lambda
 * guide (kinesisSchemaVersion, partitionKey, a 56-digit sequenceNumber, approximateArrivalTimestamp,
 * eventSource, eventVersion, eventID = shard id + sequence number, eventName, invokeIdentityArn,
 * awsRegion, eventSourceARN) with OnAir's ARNs and the longest season name is about 580 bytes plus
 * the partition key, which CloudFront chooses; 700 leaves room for a 120-character key.
 */
export const RECORD_ENVELOPE_BYTES = 700;
/** BatchSize for a Kinesis source: 1-10,000. */
export const MAX_BATCH_SIZE = 10_000;
export const MIN_BATCH_SIZE = 100;
export const BATCHING_WINDOW_SECONDS = 5;
/** ParallelizationFactor: 1-10. */
export const MAX_PARALLELIZATION_FACTOR = 10;
/**
 * Records one 512 MB invocation aggregates per second: `npm run bench:qoe` (batches of prod's size,
 * lines with a path token) measures medians of 15,000-27,000 a second on one core of the shared
 * 2-core development machine under a load average of 8-10; a 512 MB function has about a third of a
 * vCPU (Lambda gives 1 vCPU at 1,769 MB), so 5,000 is the slow end. A shard brings at most 1,000
 * records/s (648 in prod), so one invocation per shard stays under half its capacity unless an
 * invocation managed fewer than 2,000.
 */
export const RECORDS_PER_SECOND_PER_INVOCATION = 5_000;
/** The account's Lambda concurrent executions per Region unless raised ("Lambda quotas"). */
export const DEFAULT_ACCOUNT_LAMBDA_CONCURRENCY = 1_000;

/** Bytes one stream record takes in the invocation payload: base64 of the record plus its envelope. */
export function eventRecordBytes(recordBytes: number): number {
    return 4 * Math.ceil(recordBytes / 3) + RECORD_ENVELOPE_BYTES;
}

export function consumerSizing(stream: StreamSizing, recordsPerSecondPerInvocation = RECORDS_PER_SECOND_PER_INVOCATION): ConsumerSizing {
    const shards = streamShards(stream);
    const perShard = stream.recordsPerSecond / shards;
    const fitsPayload = Math.min(MAX_BATCH_SIZE, Math.floor(MAX_PAYLOAD_BYTES / eventRecordBytes(stream.recordBytes) / 100) * 100);
    const batchSize = Math.min(fitsPayload, Math.max(MIN_BATCH_SIZE, Math.ceil((perShard * BATCHING_WINDOW_SECONDS) / 100) * 100));
    const parallelizationFactor = Math.min(MAX_PARALLELIZATION_FACTOR, Math.max(1, Math.ceil(perShard / (recordsPerSecondPerInvocation / 2))));
    const concurrentExecutions = shards * parallelizationFactor;
    const shardWord = stream.mode === "provisioned" ? "provisioned shards" : "shards (the least an on-demand stream holds at this throughput)";
    const explanation =
        `${stream.recordsPerSecond} records/s over ${shards} ${shardWord} = ${Math.round(perShard)} records/s a shard; batch ${batchSize} ` +
        `(${BATCHING_WINDOW_SECONDS} s of a shard, at most ${fitsPayload} of ${eventRecordBytes(stream.recordBytes)} B in 6 MB); ` +
        `${parallelizationFactor} batch${parallelizationFactor === 1 ? "" : "es"} per shard (one invocation takes ${recordsPerSecondPerInvocation} records/s) = ${concurrentExecutions} concurrent executions`;
    return {
        streamMode: stream.mode,
        recordsPerSecond: stream.recordsPerSecond,
        recordBytes: stream.recordBytes,
        shards,
        batchSize,
        batchingWindowSeconds: BATCHING_WINDOW_SECONDS,
        parallelizationFactor,
        concurrentExecutions,
        explanation,
    };
}
