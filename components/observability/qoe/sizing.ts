/**
 * Sizing of the QoE consumer's event source mapping from the expected audience. The arithmetic,
 * with its sources:
 *
 * - A viewer makes about 4 requests per segment duration: a video and an audio segment, and a
 *   refresh of each media playlist (HLS; DASH refreshes one manifest). At the shortest segment
 *   length S of the season, records/s R = viewers x 4 / S x samplingRate / 100.
 * - A record with every field is about 1 KB (CloudFront Developer Guide, "Real-time access logs",
 *   estimating shards: "a large record that includes all available fields is generally around
 *   1 KB"); a Kinesis shard takes 1,000 records/s or 1 MB/s of writes (same page, "Kinesis Data
 *   Streams throttling"), so the stream holds N = ceil(R / 1,000) shards (an on-demand stream
 *   scales to that itself).
 * - Lambda invokes per shard when the batch is full, the batching window ends, or the payload
 *   reaches 6 MB (Lambda Developer Guide, "Using Lambda with Kinesis", batching). Base64 makes a
 *   1 KB record 1.33 KB in the event, so a batch holds at most 4,500 records; the window is 5 s
 *   (a per-minute figure is complete within seconds of the minute) and the batch size is what a
 *   shard brings in that window, at least 100.
 * - Parallelization factor P (1-10 concurrent batches per shard, same guide) keeps one shard's
 *   rate under half of what one invocation processes (`recordsPerSecondPerInvocation`, from
 *   `npm run bench -- qoe` on a 512 MB function), so a backlog after a failover drains.
 * - Concurrent executions at peak are N x P.
 */
export interface ConsumerSizing {
    recordsPerSecond: number;
    shards: number;
    batchSize: number;
    batchingWindowSeconds: number;
    parallelizationFactor: number;
    concurrentExecutions: number;
}

export const REQUESTS_PER_SEGMENT_PER_VIEWER = 4;
export const RECORD_BYTES = 1_000;
export const SHARD_RECORDS_PER_SECOND = 1_000;
export const SHARD_BYTES_PER_SECOND = 1_000_000;
export const MAX_PAYLOAD_BYTES = 6_000_000;
export const BATCHING_WINDOW_SECONDS = 5;
/**
 * Records one 512 MB invocation aggregates per second: `npm run bench:qoe` measures about 25,000
 * a second on one core of the shared 2-core development machine (12,000-33,000 under load); a
 * 512 MB function has about a third of a vCPU (Lambda gives 1 vCPU at 1,769 MB), so 5,000 leaves
 * margin. At 1,000 records/s per shard one invocation per shard then runs under half its capacity.
 */
export const RECORDS_PER_SECOND_PER_INVOCATION = 5_000;

export function consumerSizing(a: { viewers: number; samplingRate: number; segmentSeconds: number; recordsPerSecondPerInvocation?: number }): ConsumerSizing {
    const perInvocation = a.recordsPerSecondPerInvocation ?? RECORDS_PER_SECOND_PER_INVOCATION;
    const recordsPerSecond = Math.ceil((a.viewers * REQUESTS_PER_SEGMENT_PER_VIEWER / a.segmentSeconds) * (a.samplingRate / 100));
    const shards = Math.max(1, Math.ceil(recordsPerSecond / SHARD_RECORDS_PER_SECOND), Math.ceil(recordsPerSecond * RECORD_BYTES / SHARD_BYTES_PER_SECOND));
    const perShard = recordsPerSecond / shards;
    const maxBatch = Math.floor(MAX_PAYLOAD_BYTES / (RECORD_BYTES * 4 / 3) / 100) * 100;
    const batchSize = Math.min(maxBatch, Math.max(100, Math.ceil(perShard * BATCHING_WINDOW_SECONDS / 100) * 100));
    const parallelizationFactor = Math.min(10, Math.max(1, Math.ceil(perShard / (perInvocation / 2))));
    return { recordsPerSecond, shards, batchSize, batchingWindowSeconds: BATCHING_WINDOW_SECONDS, parallelizationFactor, concurrentExecutions: shards * parallelizationFactor };
}
