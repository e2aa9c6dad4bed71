import * as assert from "assert";
import { REALTIME_LOG_FIELDS } from "../../components/observability/logFields";
import {
    CAPACITY_HEADROOM,
    estimatedRecordBytes,
    FIELD_BYTES,
    KINESIS,
    largestSamplingRate,
    sizeRealtimeStream,
} from "../../components/observability/realtimeSizing";
import { streamCapacityArgs } from "../../components/observability/realtimeLogs";
import { mintToken } from "../../components/delivery/vending/token";

/** One real-time log line of a segment request, as CloudFront writes it: tab-separated, in field order. */
function sampleLine(): string {
    const { token } = mintToken(
        { kid: "2026a", key: "k".repeat(48) },
        {
            prefix: "/out/v1/rsn-2026-27/football-uhd/",
            ttlSeconds: 14_400,
            now: 1_790_000_000,
            jti: "6e2fb550-c457-11e9-bb97-0800200c9a66",
            sessionId: "c5a0b1e2-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
            country: "US",
        },
    );
    const values: Record<string, string> = {
        timestamp: "1790000123.456",
        "c-ip": "2600:1700:abcd:1234::1",
        "c-country": "US",
        asn: "7018",
        "cs-method": "GET",
        "cs-host": "live.example-rsn.com",
        "cs-uri-stem": `/tk/${token}/out/v1/rsn-2026-27/football-uhd/cmaf/segment_video_1080p_000123.mp4`,
        "cs-uri-query":
            "CMCD=bl%3D21300%2Cbr%3D6800%2Cd%3D2000%2Cmtp%3D48100%2Cnor%3D%22segment_video_1080p_000124.mp4%22%2Cot%3Dv%2Csf%3Dh%2Csid%3D%22c5a0b1e2-3d4f-4a5b-8c6d-7e8f9a0b1c2d%22%2Cst%3Dl%2Ctb%3D14000",
        "cs-user-agent": "Mozilla/5.0%20(SMART-TV;%20LINUX;%20Tizen%206.5)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Version/6.5%20TV%20Safari/537.36",
        "cs-protocol-version": "HTTP/2.0",
        "sc-status": "200",
        "sc-bytes": "1712384",
        "sc-content-type": "video/mp4",
        "time-to-first-byte": "0.021",
        "time-taken": "0.187",
        "x-edge-location": "IAD89-P1",
        "x-edge-request-id": "Xy9gQk2hVz1cT0m8bLwP3rN6sD4fJ7uA5eK1iO0qR2tY9vB8nM3cLw==",
        "x-edge-result-type": "Hit",
        "x-edge-response-result-type": "Hit",
        "x-edge-detailed-result-type": "Hit",
        "cache-behavior-path-pattern": "/tk/*/out/v1/rsn-2026-27/football-uhd/*",
        "origin-fbl": "-",
        "origin-lbl": "-",
        "r-host": "abc123.egress.mediapackagev2.us-east-1.amazonaws.com",
        "sr-reason": "-",
        "x-edge-mqcs": "100",
        "cmcd-encoded-bitrate": "6800",
        "cmcd-buffer-length": "21300",
        "cmcd-buffer-starvation": "-",
        "cmcd-content-id": "football-uhd",
        "cmcd-object-duration": "2000",
        "cmcd-deadline": "-",
        "cmcd-measured-throughput": "48100",
        "cmcd-next-object-request": "segment_video_1080p_000124.mp4",
        "cmcd-next-range-request": "-",
        "cmcd-object-type": "v",
        "cmcd-playback-rate": "-",
        "cmcd-requested-maximum-throughput": "-",
        "cmcd-streaming-format": "h",
        "cmcd-session-id": "c5a0b1e2-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
        "cmcd-stream-type": "l",
        "cmcd-startup": "-",
        "cmcd-top-bitrate": "14000",
        "cmcd-version": "-",
    };
    return REALTIME_LOG_FIELDS.map((f) => values[f.field] ?? "-").join("\t") + "\n";
}

describe("real-time log stream sizing", () => {
    it("estimates every configured field", () => {
        assert.deepStrictEqual(
            REALTIME_LOG_FIELDS.map((f) => f.field).filter((f) => FIELD_BYTES[f] === undefined),
            [],
        );
    });

    it("estimates a record within 25% of a realistic segment-request line (a path token makes it larger than AWS's ~1 KB)", () => {
        const actual = Buffer.byteLength(sampleLine());
        const estimate = estimatedRecordBytes();
        assert.ok(Math.abs(estimate - actual) / actual < 0.25, `estimate ${estimate} B vs sample ${actual} B`);
        // "A large record that includes all available fields is generally around 1 KB" (CloudFront Developer Guide, real-time logs).
        assert.ok(estimate > 1000 && estimate < 1600);
    });

    it("sizes provisioned shards by the larger of bytes (1 MB/s per shard) and records (1,000/s per shard), with headroom", () => {
        const s = sizeRealtimeStream({ peakViewers: 10_000, shortestSegmentSeconds: 2, samplingRate: 100, recordBytes: 500 }, "provisioned", 200);
        // 10,000 viewers x 2 requests/s = 20,000 records/s: records bind (20 shards) before bytes (10 MB/s = 10 shards).
        assert.deepStrictEqual([s.recordsPerSecond, s.bytesPerSecond, s.shards, s.fits], [20_000, 10_000_000, Math.ceil(20 * CAPACITY_HEADROOM), true]);
        const bytesBound = sizeRealtimeStream({ peakViewers: 10_000, shortestSegmentSeconds: 2, samplingRate: 100, recordBytes: 2000 }, "provisioned", 200);
        assert.strictEqual(bytesBound.shards, Math.ceil((40_000_000 / KINESIS.shardBytesPerSecond) * CAPACITY_HEADROOM));
        assert.strictEqual(sizeRealtimeStream({ peakViewers: 10_000, shortestSegmentSeconds: 2, samplingRate: 100 }, "provisioned", 10).fits, false);
        assert.deepStrictEqual(streamCapacityArgs(s), { streamModeDetails: { streamMode: "PROVISIONED" }, shardCount: 25 });
    });

    it("takes on-demand only within a new stream's starting 4 MB/s and 4,000 records/s", () => {
        const small = sizeRealtimeStream({ peakViewers: 1_000, shortestSegmentSeconds: 2, samplingRate: 100, recordBytes: 1000 }, "on-demand", 200);
        assert.deepStrictEqual([small.recordsPerSecond, small.fits], [2000, true]);
        const big = sizeRealtimeStream({ peakViewers: 2_000, shortestSegmentSeconds: 2, samplingRate: 100, recordBytes: 1000 }, "on-demand", 200);
        assert.deepStrictEqual([big.recordsPerSecond, big.fits], [4000, false], "4,000 records/s with headroom is past the start");
        assert.deepStrictEqual(streamCapacityArgs(small), { streamModeDetails: { streamMode: "ON_DEMAND" } });
    });

    it("warms an on-demand-advantage stream to the peak with headroom", () => {
        const s = sizeRealtimeStream({ peakViewers: 250_000, shortestSegmentSeconds: 2, samplingRate: 100, recordBytes: 1000 }, "on-demand-advantage", 200);
        assert.strictEqual(s.warmThroughputMiBps, Math.ceil(Math.max(500_000_000 / 1_048_576, 500) * CAPACITY_HEADROOM));
        assert.deepStrictEqual(streamCapacityArgs(s), { streamModeDetails: { streamMode: "ON_DEMAND" }, warmThroughputMibPs: s.warmThroughputMiBps });
    });

    it("finds the highest sampling rate that fits", () => {
        const demand = { peakViewers: 250_000, shortestSegmentSeconds: 2, recordBytes: 1000 };
        const rate = largestSamplingRate(demand, "provisioned", 200);
        assert.ok(sizeRealtimeStream({ ...demand, samplingRate: rate }, "provisioned", 200).fits);
        assert.ok(!sizeRealtimeStream({ ...demand, samplingRate: rate + 1 }, "provisioned", 200).fits);
        assert.strictEqual(largestSamplingRate({ ...demand, peakViewers: 100_000_000 }, "provisioned", 1), 0);
    });
});
