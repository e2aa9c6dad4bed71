import { viewerRequestsPerSecond } from "../delivery/audience";
import { RealtimeStreamMode } from "../config/types";
import { REALTIME_LOG_FIELDS } from "./logFields";

/**
 * Kinesis capacity for CloudFront real-time logs, sized from the audience (ADR 017).
 *
 * CloudFront writes one Kinesis record per logged request. "In general, a single record is around
 * 500 bytes. A large record that includes all available fields is generally around 1 KB" (Amazon
 * CloudFront Developer Guide, Real-time logs, "Estimating the number of shards"); OnAir's records carry
 * the path token in cs-uri-stem and CMCD in the query, so they are estimated field by field below.
 */
export const KINESIS = {
    /** A provisioned shard takes up to 1 MB/s or 1,000 records/s of writes (Kinesis Data Streams quotas and limits). */
    shardBytesPerSecond: 1_000_000,
    shardRecordsPerSecond: 1_000,
    /** A new on-demand stream starts with 4 MB/s and 4,000 records/s of write capacity (Kinesis Data Streams, "On-demand mode"). */
    onDemandStartBytesPerSecond: 4_000_000,
    onDemandStartRecordsPerSecond: 4_000,
    /** UpdateStreamWarmThroughput: an on-demand stream cannot be warmed past 10 GiBps by default. */
    maxWarmThroughputMiBps: 10_240,
} as const;

/** Margin over the estimate: the per-viewer model and the record size are estimates, and throttled lines are lost. */
export const CAPACITY_HEADROOM = 1.25;

/**
 * Typical bytes of each field's value in a segment request of a tokenised viewer: the path holds a
 * ~330-character JWT, the query CMCD in query mode, the user agent a TV or phone browser's string.
 */
export const FIELD_BYTES: Record<string, number> = {
    timestamp: 14,
    "c-ip": 20,
    "c-country": 2,
    asn: 5,
    "cs-method": 3,
    "cs-host": 24,
    "cs-uri-stem": 410,
    "cs-uri-query": 180,
    "cs-user-agent": 130,
    "cs-protocol-version": 8,
    "sc-status": 3,
    "sc-bytes": 7,
    "sc-content-type": 10,
    "time-to-first-byte": 5,
    "time-taken": 5,
    "x-edge-location": 8,
    "x-edge-request-id": 56,
    "x-edge-result-type": 8,
    "x-edge-response-result-type": 8,
    "x-edge-detailed-result-type": 8,
    "cache-behavior-path-pattern": 40,
    "origin-fbl": 5,
    "origin-lbl": 5,
    "r-host": 50,
    "sr-reason": 25,
    "x-edge-mqcs": 3,
    "cmcd-encoded-bitrate": 5,
    "cmcd-buffer-length": 5,
    "cmcd-buffer-starvation": 1,
    "cmcd-content-id": 20,
    "cmcd-object-duration": 4,
    "cmcd-deadline": 5,
    "cmcd-measured-throughput": 6,
    "cmcd-next-object-request": 40,
    "cmcd-next-range-request": 10,
    "cmcd-object-type": 1,
    "cmcd-playback-rate": 1,
    "cmcd-requested-maximum-throughput": 5,
    "cmcd-streaming-format": 1,
    "cmcd-session-id": 36,
    "cmcd-stream-type": 1,
    "cmcd-startup": 1,
    "cmcd-top-bitrate": 5,
    "cmcd-version": 1,
};

/** Bytes of one record: the fields' values plus a tab between them and the closing newline. */
export function estimatedRecordBytes(fields: string[] = REALTIME_LOG_FIELDS.map((f) => f.field)): number {
    return fields.reduce((n, f) => n + (FIELD_BYTES[f] ?? 16), 0) + fields.length;
}

export interface StreamDemand {
    peakViewers: number;
    shortestSegmentSeconds: number;
    samplingRate: number;
    recordBytes?: number;
}

export interface StreamSizing {
    mode: RealtimeStreamMode;
    samplingRate: number;
    /** Viewer requests per second at the peak, before sampling. */
    requestsPerSecond: number;
    recordsPerSecond: number;
    /** Estimated bytes of one record (what a reader of the stream gets per record). */
    recordBytes: number;
    bytesPerSecond: number;
    /** provisioned: shards with headroom. */
    shards?: number;
    /** on-demand-advantage: warm throughput with headroom. */
    warmThroughputMiBps?: number;
    /** Whether the stream can take the peak: within maxShards, the on-demand start, or the warm limit. */
    fits: boolean;
    /** The arithmetic in one line, for the plan and error messages. */
    explanation: string;
}

export function sizeRealtimeStream(d: StreamDemand, mode: RealtimeStreamMode, maxShards: number): StreamSizing {
    const recordBytes = d.recordBytes ?? estimatedRecordBytes();
    const requestsPerSecond = Math.ceil(d.peakViewers * viewerRequestsPerSecond(d.shortestSegmentSeconds));
    const recordsPerSecond = Math.ceil((requestsPerSecond * d.samplingRate) / 100);
    const bytesPerSecond = recordsPerSecond * recordBytes;
    const base = `${d.peakViewers} viewers x ${viewerRequestsPerSecond(d.shortestSegmentSeconds).toFixed(2)} requests/s x ${d.samplingRate}% sampled = ${recordsPerSecond} records/s x ${recordBytes} B = ${(bytesPerSecond / 1e6).toFixed(2)} MB/s`;
    const sizing = { mode, samplingRate: d.samplingRate, requestsPerSecond, recordsPerSecond, recordBytes, bytesPerSecond };
    if (mode === "provisioned") {
        const shards = Math.max(
            1,
            Math.ceil(Math.max(bytesPerSecond / KINESIS.shardBytesPerSecond, recordsPerSecond / KINESIS.shardRecordsPerSecond) * CAPACITY_HEADROOM),
        );
        return {
            ...sizing,
            shards,
            fits: shards <= maxShards,
            explanation: `${base}; x ${CAPACITY_HEADROOM} headroom at 1 MB/s or 1,000 records/s per shard = ${shards} shards (limit ${maxShards})`,
        };
    }
    if (mode === "on-demand") {
        const fits =
            bytesPerSecond * CAPACITY_HEADROOM <= KINESIS.onDemandStartBytesPerSecond &&
            recordsPerSecond * CAPACITY_HEADROOM <= KINESIS.onDemandStartRecordsPerSecond;
        return { ...sizing, fits, explanation: `${base}; a new on-demand stream starts at 4 MB/s and 4,000 records/s` };
    }
    // Warm throughput is in MiB/s; records are held to 1,000 per MiB/s like a shard (an assumption, ADR).
    const warmThroughputMiBps = Math.max(1, Math.ceil(Math.max(bytesPerSecond / 1_048_576, recordsPerSecond / 1_000) * CAPACITY_HEADROOM));
    return {
        ...sizing,
        warmThroughputMiBps,
        fits: warmThroughputMiBps <= KINESIS.maxWarmThroughputMiBps,
        explanation: `${base}; x ${CAPACITY_HEADROOM} headroom = ${warmThroughputMiBps} MiB/s warm throughput (limit ${KINESIS.maxWarmThroughputMiBps})`,
    };
}

/**
 * The shards the stream holds at the peak, which is what a reader's parallelism follows (Lambda
 * reads one batch per shard at a time). Provisioned: the count the stream is created with. On-demand
 * modes: Kinesis "automatically manages the shards in order to provide the necessary throughput"
 * (Kinesis Data Streams Developer Guide, "Choose the data stream capacity mode"), and a shard takes
 * "1 MB/s and 1000 records per second for writes ... in both on-demand and provisioned capacity
 * modes" (same guide, "Create and manage Kinesis data streams"), so the peak needs
 * max(bytes / 1 MB/s, records / 1,000) shards. An on-demand stream never holds less than a new one
 * (4 MB/s, 4,000 records/s: 4 shards); an on-demand-advantage stream holds its warm throughput
 * (W MiB/s = W x 1,048,576 / 1 MB/s shards). Kinesis does not publish its on-demand shard count ahead
 * of time: this is the least it can be at that throughput.
 */
export function streamShards(s: StreamSizing): number {
    if (s.mode === "provisioned") return s.shards!;
    const forPeak = Math.max(1, Math.ceil(Math.max(s.bytesPerSecond / KINESIS.shardBytesPerSecond, s.recordsPerSecond / KINESIS.shardRecordsPerSecond)));
    if (s.mode === "on-demand") return Math.max(forPeak, Math.ceil(KINESIS.onDemandStartBytesPerSecond / KINESIS.shardBytesPerSecond));
    return Math.max(forPeak, Math.ceil((s.warmThroughputMiBps! * 1_048_576) / KINESIS.shardBytesPerSecond));
}

/** The highest whole-percent sampling the stream can take at the peak; 0 when not even 1% fits. */
export function largestSamplingRate(d: Omit<StreamDemand, "samplingRate">, mode: RealtimeStreamMode, maxShards: number): number {
    for (let rate = 100; rate >= 1; rate--) {
        if (sizeRealtimeStream({ ...d, samplingRate: rate }, mode, maxShards).fits) return rate;
    }
    return 0;
}
