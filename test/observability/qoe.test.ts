import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { validateSeason } from "../../components/config/season";
import { REALTIME_LOG_FIELDS } from "../../components/observability/logFields";
import { QOE_METRICS, QOE_NAMESPACE } from "../../components/observability/qoe/metrics";
import { BUNDLED_PACKAGES, consumerCodeFiles, consumerEnvironment } from "../../components/observability/qoe/qoeConsumer";
import { consumerSizing, eventRecordBytes, MAX_PAYLOAD_BYTES, RECORD_ENVELOPE_BYTES } from "../../components/observability/qoe/sizing";
import { estimatedRecordBytes, sizeRealtimeStream } from "../../components/observability/realtimeSizing";
import { streamCapacityArgs } from "../../components/observability/realtimeLogs";
import { RealtimeStreamMode } from "../../components/config/types";
import { REPO_ROOT } from "../../contracts/repoRoot";
import { PlanCapture } from "../../contracts/capturedPlan";
import { shardOfChannel } from "../../components/delivery/shards";
import { planSeason } from "../helpers/plan";
import { esmImport } from "../../tools/esmImport";
import { baselineSeason, secretLookup, setPath } from "../helpers/season";
import { inlinePolicy, ofType, one } from "../components/planQueries";
import { EAST, finaleMinute, kinesisEvent, MINUTE, tsv, WEST } from "./qoeSamples";

const HANDLER = path.join(REPO_ROOT, "components", "observability", "qoe", "handler");
const ENV = {
    SEASON: "rsn-2026-27",
    PRIMARY_REGION: "us-east-1",
    FIELDS: JSON.stringify(REALTIME_LOG_FIELDS.map((f) => f.field)),
    CHANNELS: JSON.stringify({ "football-uhd": { segmentSeconds: 2 }, "hoops-hd": { segmentSeconds: 4 } }),
    SAMPLING_RATE: "100",
    NAMESPACE: QOE_NAMESPACE,
};

type Emf = Record<string, any>;

async function run(lines: string[], env: Record<string, string> = ENV): Promise<{ docs: Emf[]; result: any }> {
    const { handler } = await esmImport<any>(pathToFileURL(path.join(HANDLER, "index.mjs")).href);
    const docs: Emf[] = [];
    const result = await handler(kinesisEvent(lines), { env, log: (l: string) => docs.push(JSON.parse(l)) });
    return { docs, result };
}

/** What CloudWatch holds for a metric with exactly these dimensions at this minute: the Sum of the datapoints (or Minimum). */
function read(docs: Emf[], metric: string, dims: Record<string, string>, minute = MINUTE * 1000, stat: "Sum" | "Minimum" = "Sum"): number | undefined {
    const keys = Object.keys(dims).sort().join(",");
    const values = docs
        .filter(
            (d) =>
                d._aws.Timestamp === minute &&
                d._aws.CloudWatchMetrics[0].Dimensions.some((set: string[]) => [...set].sort().join(",") === keys) &&
                Object.entries(dims).every(([k, v]) => d[k] === v) &&
                d._aws.CloudWatchMetrics[0].Metrics.some((m: any) => m.Name === metric),
        )
        .map((d) => d[metric] as number);
    if (values.length === 0) return undefined;
    return stat === "Sum" ? values.reduce((a, b) => a + b, 0) : Math.min(...values);
}

const CH = { Season: "rsn-2026-27", Channel: "football-uhd" };

describe("QoE consumer: per-minute figures from real-time log records", () => {
    let docs: Emf[];
    let result: any;
    before(async () => ({ docs, result } = await run(finaleMinute())));

    it("attributes requests to the season's channels and counts the rest without failing", () => {
        assert.deepStrictEqual(result, { records: 12, unattributed: 2 });
    });

    it("requests, errors (5xx, 404; not 403) and error rate of the channel", () => {
        assert.strictEqual(read(docs, "Requests", CH), 11);
        assert.strictEqual(read(docs, "ErrorResponses", CH), 2);
        assert.strictEqual(read(docs, "Requests", CH, (MINUTE + 60) * 1000), 1, "the next minute is its own datapoint");
    });

    it("rebuffering from CMCD bs over media requests (video and audio objects)", () => {
        assert.strictEqual(read(docs, "MediaRequests", CH), 8);
        assert.strictEqual(read(docs, "RebufferEvents", CH), 1);
        assert.strictEqual(read(docs, "RebufferEvents", { ...CH, Origin: "us-east-1" }), 1);
    });

    it("concurrent sessions from CMCD sid watching time: each session's video segments once, d or the channel's segment length", () => {
        // s-1: 3 distinct segments x 2 s (the retried one once, the 503 not at all), s-2: 2 s, s-3: 2 s (no d: segment length).
        assert.strictEqual(read(docs, "ViewerSeconds", CH), 10);
        assert.strictEqual(Math.round(read(docs, "ConcurrentSessions", CH)! * 60), 10);
    });

    it("delivered bitrate from CMCD br, weighted by watching time", () => {
        // (6000 x 6 + 3000 x 2 + 1500 x 2) / 10 s
        assert.strictEqual(read(docs, "BitrateKbpsSeconds", CH)! / read(docs, "ViewerSeconds", CH)!, 4500);
    });

    it("start-up from CMCD su: requests and the time CloudFront took to deliver them", () => {
        assert.strictEqual(read(docs, "StartupRequests", CH), 2);
        assert.strictEqual(read(docs, "StartupTimeMs", CH), 420);
    });

    it("the share of requests each region's origin served, with cache answers apart", () => {
        assert.deepStrictEqual(
            ["us-east-1", "us-west-2", "edge"].map((o) => read(docs, "Requests", { ...CH, Origin: o })),
            [3, 1, 7],
        );
    });

    it("failovers: requests the secondary region served, by sr-reason, and the MQCS CloudFront saw", () => {
        assert.strictEqual(read(docs, "FailoverRequests", { ...CH, Reason: "Failover" }), 1);
        assert.strictEqual(read(docs, "FailoverRequests", { ...CH, Reason: "MediaQualityScore" }), undefined, "the primary answering is not a failover");
        assert.strictEqual(read(docs, "ServedMqcsMin", { ...CH, Origin: "us-west-2" }, undefined, "Minimum"), 40);
        assert.strictEqual(read(docs, "ServedMqcsMin", { ...CH, Origin: "us-east-1" }, undefined, "Minimum"), 90);
    });

    it("writes valid embedded metric format documents (CloudWatch EMF specification)", () => {
        // Specification: _aws.Timestamp in epoch ms; CloudWatchMetrics[] of Namespace, Dimensions
        // (arrays of up to 30 keys that are root string members), Metrics (up to 100, each a root
        // numeric member, Name and optional Unit from the CloudWatch unit list).
        const units = new Set(["Seconds", "Milliseconds", "Count", "None"]);
        for (const d of docs) {
            const m = d._aws.CloudWatchMetrics[0];
            assert.strictEqual(d._aws.Timestamp % 60_000, 0, "minute-aligned");
            assert.strictEqual(m.Namespace, QOE_NAMESPACE);
            assert.ok(m.Metrics.length <= 100 && m.Metrics.length > 0);
            for (const set of m.Dimensions) for (const k of set) assert.strictEqual(typeof d[k], "string", k);
            for (const x of m.Metrics) {
                assert.ok((QOE_METRICS as readonly string[]).includes(x.Name), `${x.Name} is a metric the dashboards read`);
                assert.ok(units.has(x.Unit), x.Unit);
                assert.ok(Number.isFinite(d[x.Name]), x.Name);
            }
        }
        const published = new Set(docs.flatMap((d) => d._aws.CloudWatchMetrics[0].Metrics.map((x: any) => x.Name)));
        assert.deepStrictEqual([...published].sort(), [...QOE_METRICS].sort(), "every metric the dashboards read is published");
    });

    it("scales counts to every request when the logs are sampled, leaving ratios as they are", async () => {
        const half = (await run(finaleMinute(), { ...ENV, SAMPLING_RATE: "50" })).docs;
        assert.strictEqual(read(half, "Requests", CH), 22);
        assert.strictEqual(read(half, "ErrorResponses", CH)! / read(half, "Requests", CH)!, 2 / 11);
    });

    it("reads the CMCD a player sends in the query when CloudFront logged no cmcd-* fields (decoded by @svta/cml-cmcd)", async () => {
        const query = "CMCD=" + encodeURIComponent('bs,br=2500,d=4000,ot=v,sid="q-1",su');
        const { docs: q } = await run([
            tsv({ timestamp: MINUTE + 1, "sc-status": 200, "cs-uri-stem": "/out/v1/rsn-2026-27/hoops-hd/cmaf/seg.mp4", "cs-uri-query": query, "r-host": EAST }),
        ]);
        const hoops = { Season: "rsn-2026-27", Channel: "hoops-hd" };
        assert.deepStrictEqual(
            ["RebufferEvents", "ViewerSeconds", "BitrateKbpsSeconds", "StartupRequests"].map((m) => read(q, m, hoops)),
            [1, 4, 10000, 1],
        );
    });

    it("attributes a large season's channel by its own shard's channel group (ADR 026), not another's", async () => {
        const env = { ...ENV, CHANNELS: JSON.stringify({ "football-uhd": { segmentSeconds: 2, channelGroup: "rsn-2026-27_s2" } }) };
        const shard2 = finaleMinute().map((l) => l.split("/out/v1/rsn-2026-27/").join("/out/v1/rsn-2026-27_s2/"));
        assert.deepStrictEqual((await run(shard2, env)).result, { records: 12, unattributed: 2 });
        assert.deepStrictEqual((await run(finaleMinute(), env)).result, { records: 0, unattributed: 14 });
    });

    it("the record layout it parses is the stack's: the environment carries the configured fields in delivery order", () => {
        const season = validateSeason(baselineSeason(), secretLookup());
        const env = consumerEnvironment(season, Object.fromEntries(season.channels.map((c) => [c.id, shardOfChannel(season, c.id).channelGroup])));
        assert.deepStrictEqual(
            JSON.parse(env["FIELDS"]!),
            REALTIME_LOG_FIELDS.map((f) => f.field),
        );
        assert.deepStrictEqual(JSON.parse(env["CHANNELS"]!), { "main-uhd": { segmentSeconds: 2 }, "second-hd": { segmentSeconds: 2 } });
        assert.strictEqual(env["PRIMARY_REGION"], "us-east-1");
        // Sanity of the sample layout: the west host sits in the r-host column.
        const cols = finaleMinute()[5]!.split("\t");
        assert.strictEqual(cols[REALTIME_LOG_FIELDS.findIndex((f) => f.field === "r-host")], WEST);
    });
});

describe("QoE consumer code as Lambda receives it", () => {
    it("runs from its archive alone: handler modules plus the bundled CMCD library, no project node_modules", function () {
        this.timeout(60_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onair-qoe-"));
        try {
            const files = consumerCodeFiles();
            for (const [rel, src] of Object.entries(files)) {
                fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
                fs.copyFileSync(src, path.join(dir, rel));
            }
            assert.ok(files["index.mjs"] && files["aggregate.mjs"] && files["cmcd.mjs"]);
            for (const pkg of BUNDLED_PACKAGES) assert.ok(files[`node_modules/${pkg}/package.json`] && files[`node_modules/${pkg}/dist/index.js`], pkg);
            assert.ok(!Object.keys(files).some((k) => k.endsWith(".map") || k.endsWith(".d.ts")));
            fs.writeFileSync(path.join(dir, "event.json"), JSON.stringify(kinesisEvent(finaleMinute())));
            // Lambda's ES module loader imports index.mjs from the task root; so does this.
            const script =
                "import { handler } from './index.mjs'; import fs from 'fs'; const r = await handler(JSON.parse(fs.readFileSync('event.json', 'utf8'))); console.error(JSON.stringify(r));";
            const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
                cwd: dir,
                env: { PATH: process.env["PATH"] ?? "", ...ENV },
                encoding: "utf8",
                stdio: ["ignore", "pipe", "pipe"],
            });
            const docs = out
                .trim()
                .split("\n")
                .map((l) => JSON.parse(l));
            assert.strictEqual(read(docs, "Requests", CH), 11);
            assert.strictEqual(read(docs, "FailoverRequests", { ...CH, Reason: "Failover" }), 1);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("qoe configuration", () => {
    const problems = (raw: Record<string, any>): string[] => {
        try {
            validateSeason(raw, secretLookup());
            return [];
        } catch (e) {
            return (e as { issues: { path: string; message: string }[] }).issues.map((i) => `${i.path}: ${i.message}`);
        }
    };

    it("defaults to the account's default Lambda concurrency and 1% rebuffering / 2% errors above 300 requests a minute", () => {
        // "Concurrent executions: 1,000" per Region by default (Lambda Developer Guide, "Lambda quotas", compute and storage).
        assert.deepStrictEqual(validateSeason(baselineSeason(), secretLookup()).qoe, {
            accountLambdaConcurrency: 1_000,
            alarms: { rebufferingPercent: 1, errorRatePercent: 2, minRequestsPerMinute: 300 },
        });
    });

    it("names the key path and the accepted range of a bad value", () => {
        assert.deepStrictEqual(problems(setPath(baselineSeason(), "qoe.accountLambdaConcurrency", 0)), [
            "onair:season.qoe.accountLambdaConcurrency: 0 is out of range; use 1 to 1000000 concurrent executions",
        ]);
        assert.match(
            problems(setPath(baselineSeason(), "qoe.alarms.rebuffering", 2))[0]!,
            /^onair:season\.qoe\.alarms\.rebuffering: is not a known setting \(did you mean rebufferingPercent\?\); use one of rebufferingPercent, errorRatePercent, minRequestsPerMinute$/,
        );
        assert.match(problems(setPath(baselineSeason(), "qoe.alarms.errorRatePercent", 0.5))[0]!, /qoe\.alarms\.errorRatePercent: 0\.5 is not a whole number/);
        assert.deepStrictEqual(problems(setPath(baselineSeason(), "qoe.peakViewers", 10)), [
            "onair:season.qoe.peakViewers: is not a known setting; use one of accountLambdaConcurrency, alarms",
        ]);
    });

    it("refuses the removed qoe.expectedPeakViewers, pointing at delivery.audience.peakViewers", () => {
        assert.deepStrictEqual(problems(setPath(baselineSeason(), "qoe.expectedPeakViewers", 250_000)), [
            "onair:season.qoe.expectedPeakViewers: moved to delivery.audience.peakViewers: the real-time log stream, the WAF limits and the QoE consumer are all sized from that one figure; move the value there and remove this key",
        ]);
    });

    it("refuses a consumer whose peak concurrency exceeds the account's Lambda concurrency, naming the key and the fixes", () => {
        // 1,000,000 viewers at 2 s segments on up to 1,500 provisioned shards: sampling is picked to fill
        // them, and one batch per shard (Lambda guide, Kinesis polling) makes ~1,500 concurrent executions.
        let raw = setPath(setPath(baselineSeason(), "delivery.audience", { peakViewers: 1_000_000 }), "observability.realtimeLogs", { maxShards: 1_500 });
        const [only, ...rest] = problems(raw);
        assert.deepStrictEqual(rest, []);
        assert.match(
            only!,
            /^onair:season\.qoe\.accountLambdaConcurrency: 1000 \(the default\) is less than the 1\d{3} concurrent executions the QoE consumer needs at the peak with \d+% sampling \(.* provisioned shards .*\); raise the account's Lambda "Concurrent executions" quota in us-east-1 \(Service Quotas, L-B99A9384; 1,000 by default\) and set qoe\.accountLambdaConcurrency to it, or lower observability\.realtimeLogs\.samplingRate \(or maxShards when samplingRate is left out\)$/,
        );
        raw = setPath(raw, "qoe.accountLambdaConcurrency", 2_000);
        assert.deepStrictEqual(problems(raw), [], "a raised quota, declared, is enough");
        // An on-demand-advantage stream for 400,000 viewers fully sampled holds 1,235 shards (see the sizing tests).
        const advantage = setPath(setPath(baselineSeason(), "delivery.audience", { peakViewers: 400_000 }), "observability.realtimeLogs", {
            streamMode: "on-demand-advantage",
            samplingRate: 100,
        });
        assert.match(
            problems(advantage)[0]!,
            /qoe\.accountLambdaConcurrency: 1000 \(the default\) is less than the 1235 concurrent executions .* or lower observability\.realtimeLogs\.samplingRate$/,
        );
    });
});

describe("QoE consumer sizing from the real-time log stream's sizing", () => {
    const stream = (peakViewers: number, samplingRate: number, mode: RealtimeStreamMode = "provisioned", maxShards = 200) =>
        sizeRealtimeStream({ peakViewers, shortestSegmentSeconds: 2, samplingRate }, mode, maxShards);

    it("prod (250,000 viewers, 2 s segments, 25% on 200 provisioned shards): 193 shards, batches of 2,500, one batch per shard", () => {
        const s = stream(250_000, 25);
        // The stream: 125,000 records/s x 1,234 B = 154.25 MB/s; x 1.25 over 1 MB/s per shard = 193 shards (ADR 017).
        assert.deepStrictEqual([s.recordsPerSecond, s.recordBytes, s.shards], [125_000, 1_234, 193]);
        const c = consumerSizing(s);
        // Lambda invokes at "the payload limit of 6 MB" (Lambda Developer Guide, "How Lambda processes records from
        // Amazon Kinesis Data Streams"); a record is base64 in the event (RFC 4648: 4 characters per 3 bytes, 1,648)
        // plus its 700-byte envelope: 6,000,000 / 2,348 = 2,555 -> 2,500. A shard brings 125,000 / 193 = 648
        // records/s, 3,240 in the 5 s window, so batches are cut at 2,500.
        assert.strictEqual(eventRecordBytes(1_234), 1_648 + RECORD_ENVELOPE_BYTES);
        assert.deepStrictEqual(
            { ...c, explanation: undefined },
            {
                streamMode: "provisioned",
                recordsPerSecond: 125_000,
                recordBytes: 1_234,
                shards: 193,
                batchSize: 2_500,
                batchingWindowSeconds: 5,
                parallelizationFactor: 1,
                concurrentExecutions: 193,
                explanation: undefined,
            },
        );
        assert.match(c.explanation, /^125000 records\/s over 193 provisioned shards = 648 records\/s a shard; batch 2500 .* = 193 concurrent executions$/);
    });

    it("reads exactly the shards a provisioned stream is created with", () => {
        for (const [viewers, rate, maxShards] of [
            [250_000, 25, 200],
            [10_000, 100, 200],
            [1_000_000, 30, 1_500],
            [100, 1, 1],
        ] as const) {
            const s = stream(viewers, rate, "provisioned", maxShards);
            assert.ok(s.fits, `${viewers} viewers at ${rate}%`);
            assert.strictEqual(consumerSizing(s).shards, streamCapacityArgs(s).shardCount, `${viewers} viewers at ${rate}%`);
        }
    });

    it("an on-demand stream: at least a new stream's 4 shards", () => {
        // 1,000 viewers x 2 requests/s = 2,000 records/s x 1,234 B = 2.47 MB/s: 3 shards of 1 MB/s and 1,000 records/s ("A shard
        // supports 1 MB/s and 1000 records per second for writes ... in both on-demand and provisioned capacity modes", Kinesis
        // Data Streams Developer Guide, "Create and manage Kinesis data streams"); a new on-demand stream starts at 4 MB/s and
        // 4,000 records/s, 4 shards' worth (same guide, on-demand mode).
        const c = consumerSizing(stream(1_000, 100, "on-demand"));
        assert.deepStrictEqual([c.streamMode, c.shards, c.concurrentExecutions], ["on-demand", 4, 4]);
    });

    it("an on-demand-advantage stream: the shards its warm throughput takes", () => {
        // 250,000 viewers fully sampled: 617 MB/s, warmed to 617 / 1.048576 x 1.25 = 736 MiB/s (ADR 017); 736 x 1,048,576 B
        // over 1 MB/s a shard = 771.8 -> 772 shards, 772 concurrent executions: within the default 1,000 ("Lambda quotas").
        const c = consumerSizing(stream(250_000, 100, "on-demand-advantage"));
        assert.deepStrictEqual([c.shards, c.parallelizationFactor, c.concurrentExecutions], [772, 1, 772]);
        // 400,000 viewers: 987 MB/s, 1,177 MiB/s warm, 1,235 shards: past the default concurrency.
        assert.strictEqual(consumerSizing(stream(400_000, 100, "on-demand-advantage")).concurrentExecutions, 1_235);
    });

    it("a small audience or a low sampling rate: one shard, batches of at least 100", () => {
        const c = consumerSizing(sizeRealtimeStream({ peakViewers: 100, shortestSegmentSeconds: 6, samplingRate: 1 }, "provisioned", 200));
        assert.deepStrictEqual([c.recordsPerSecond, c.shards, c.batchSize, c.concurrentExecutions], [1, 1, 100, 1]);
    });

    it("a slow consumer gets more concurrent batches per shard, at most 10", () => {
        // 648 records/s a shard over half of what one invocation takes; ParallelizationFactor is 1-10
        // ("Lambda parameters for Amazon Kinesis Data Streams event source mappings").
        const s = stream(250_000, 25);
        assert.strictEqual(consumerSizing(s, 500).parallelizationFactor, 3);
        assert.strictEqual(consumerSizing(s, 500).concurrentExecutions, 579);
        assert.strictEqual(consumerSizing(s, 2_000).parallelizationFactor, 1);
        assert.strictEqual(consumerSizing(s, 50).parallelizationFactor, 10);
    });

    it("a batch of that size fits Lambda's 6 MB payload as the Kinesis event carries it, and a larger one would not", () => {
        // The record envelope of the Lambda guide's example Kinesis event ("How Lambda processes records from Amazon
        // Kinesis Data Streams", example event), with OnAir's ARNs, the longest season name and a 120-character key.
        const season = "x".repeat(24);
        const data = Buffer.alloc(estimatedRecordBytes(), "a").toString("base64");
        const record = {
            kinesis: {
                kinesisSchemaVersion: "1.0",
                partitionKey: "p".repeat(120),
                sequenceNumber: "4".repeat(56),
                data,
                approximateArrivalTimestamp: 1545084650.987,
            },
            eventSource: "aws:kinesis",
            eventVersion: "1.0",
            eventID: `shardId-000000000006:${"4".repeat(56)}`,
            eventName: "aws:kinesis:record",
            invokeIdentityArn: "arn:aws:iam::123456789012:role/qoe-consumer-role-1a2b3c4",
            awsRegion: "us-east-1",
            eventSourceARN: `arn:aws:kinesis:us-east-1:123456789012:stream/onair-${season}-realtime-logs`,
        };
        const payload = (n: number) => Buffer.byteLength(JSON.stringify({ Records: Array.from({ length: n }, () => record) }));
        assert.ok(Buffer.byteLength(JSON.stringify(record)) - data.length + 1 <= RECORD_ENVELOPE_BYTES);
        const { batchSize } = consumerSizing(stream(250_000, 25));
        assert.ok(payload(batchSize) <= MAX_PAYLOAD_BYTES, `${payload(batchSize)} B`);
        assert.ok(payload(batchSize + 100) > MAX_PAYLOAD_BYTES, "the batch is not sized far below the payload limit");
    });
});

describe("QoE consumer, panels and alarms under the mock runtime", function () {
    let plan: PlanCapture;
    before(async () => {
        const raw = setPath(setPath(baselineSeason(), "delivery.audience", { peakViewers: 20_000 }), "qoe", {
            alarms: { rebufferingPercent: 2, errorRatePercent: 3 },
        });
        plan = await planSeason(raw);
    });

    it("subscribes a Lambda to the real-time log stream, sized from the stream's own sizing of delivery.audience", () => {
        const stream = one(plan, "aws:kinesis/stream:Stream", "realtime-logs");
        const fn = one(plan, "aws:lambda/function:Function", "qoe-consumer");
        const esm = one(plan, "aws:lambda/eventSourceMapping:EventSourceMapping", "qoe-consumer");
        assert.strictEqual(fn.region, stream.region);
        assert.strictEqual(esm.inputs["eventSourceArn"], stream.outputs["arn"]);
        assert.strictEqual(esm.inputs["functionName"], fn.outputs["arn"]);
        // 20,000 viewers x 4 requests / 2 s = 40,000 records/s x 1,234 B = 49.36 MB/s; x 1.25 over 1 MB/s a shard = 62
        // provisioned shards (ADR 017), each bringing 645 records/s: 3,226 in a 5 s window, cut at the 2,500 that fit 6 MB.
        const s = (plan.outputs as any).qoe.sizing;
        assert.strictEqual(stream.inputs["shardCount"], 62);
        assert.strictEqual(s.shards, stream.inputs["shardCount"], "the consumer reads the shards the stream is created with");
        assert.deepStrictEqual(
            [s.recordsPerSecond, s.recordBytes, s.batchSize, s.parallelizationFactor, s.concurrentExecutions],
            [40_000, 1_234, 2_500, 1, 62],
        );
        assert.deepStrictEqual(s, consumerSizing((plan.outputs as any).realtimeLogCapacity));
        assert.deepStrictEqual(
            [esm.inputs["batchSize"], esm.inputs["maximumBatchingWindowInSeconds"], esm.inputs["parallelizationFactor"]],
            [s.batchSize, s.batchingWindowSeconds, s.parallelizationFactor],
        );
        assert.strictEqual(esm.inputs["startingPosition"], "LATEST");
        assert.strictEqual(esm.inputs["maximumRecordAgeInSeconds"], 300, "figures older than five minutes are not real time");
        assert.strictEqual(esm.inputs["bisectBatchOnFunctionError"], true);
        assert.deepStrictEqual((plan.outputs as any).qoe.alarms, [
            "onair-test-season-main-uhd-rebuffering",
            "onair-test-season-main-uhd-viewer-errors",
            "onair-test-season-second-hd-rebuffering",
            "onair-test-season-second-hd-viewer-errors",
        ]);
        assert.strictEqual((plan.outputs as any).qoe.panels.length, 8);
    });

    it("runs the ES module handler on a supported Node runtime, with the CMCD library in its archive", () => {
        const fn = one(plan, "aws:lambda/function:Function", "qoe-consumer");
        assert.strictEqual(fn.inputs["runtime"], "nodejs22.x");
        assert.strictEqual(fn.inputs["handler"], "index.handler");
        const assets = (fn.inputs["code"] as { archive: string[] }).archive;
        assert.ok(assets.includes("index.mjs") && assets.includes("node_modules/@svta/cml-cmcd/dist/index.js"), assets.join(", "));
        const env = (fn.inputs["environment"] as any).variables;
        assert.deepStrictEqual(
            JSON.parse(env.FIELDS),
            REALTIME_LOG_FIELDS.map((f) => f.field),
        );
    });

    it("may read only the log stream and write only its own logs", () => {
        const p = inlinePolicy(plan, "qoe-consumer-role");
        const stream = one(plan, "aws:kinesis/stream:Stream", "realtime-logs").outputs["arn"];
        assert.deepStrictEqual(p.Statement.find((s: any) => s.Sid === "ReadStream").Resource, stream);
        assert.match(p.Statement.find((s: any) => s.Sid === "Logs").Resource, /log-group:\/aws\/lambda\/onair-test-season-qoe:\*$/);
        assert.ok(!p.Statement.some((s: any) => [s.Action].flat().some((a: string) => a.startsWith("cloudwatch:"))), "EMF needs no CloudWatch API permission");
    });

    it("alarms per channel on rebuffering and error rate above the configured thresholds, to the us-east-1 topic", () => {
        const topic = one(plan, "aws:sns/topic:Topic", "use1-alarms").outputs["arn"];
        const reb = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "main-uhd-qoe-rebuffering").inputs as any;
        assert.strictEqual(reb.name, "onair-test-season-main-uhd-rebuffering");
        assert.strictEqual(reb.threshold, 2);
        assert.deepStrictEqual(reb.alarmActions, [topic]);
        assert.deepStrictEqual(
            reb.metricQueries.map((q: any) => [q.id, q.metric?.metricName ?? q.expression]),
            [
                ["a", "RebufferEvents"],
                ["b", "MediaRequests"],
                ["result", "IF(b >= 300, 100 * a / b, 0)"],
            ],
        );
        assert.deepStrictEqual(reb.metricQueries[0].metric.dimensions, { Season: "test-season", Channel: "main-uhd" });
        assert.strictEqual(reb.metricQueries[0].metric.namespace, QOE_NAMESPACE);
        const err = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "second-hd-qoe-errors").inputs as any;
        assert.strictEqual(err.threshold, 3);
        assert.deepStrictEqual(
            err.metricQueries.slice(0, 2).map((q: any) => q.metric.metricName),
            ["ErrorResponses", "Requests"],
        );
        assert.deepStrictEqual([reb.evaluationPeriods, reb.datapointsToAlarm], [5, 3]);
        assert.strictEqual(ofType(plan, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => /-qoe-/.test(a.name)).length, 4);
    });

    it("shows every channel's QoE figures on the global dashboard, per origin region, in us-east-1", () => {
        const body = JSON.parse(one(plan, "aws:cloudwatch/dashboard:Dashboard", "global-dashboard").inputs["dashboardBody"] as string);
        const qoe = body.widgets.filter(
            (w: any) =>
                w.type === "metric" &&
                / \(|: (Concurrent|Rebuffering|Error rate|Delivered|Start-up|Requests by origin|Requests served|Served MQCS)/.test(w.properties.title) &&
                w.properties.title.startsWith("main-uhd: ") &&
                !w.properties.title.includes("MQCS by region"),
        );
        assert.deepStrictEqual(
            qoe.map((w: any) => w.properties.title.replace("main-uhd: ", "").split(" (")[0]),
            [
                "Concurrent sessions",
                "Rebuffering",
                "Error rate",
                "Delivered bitrate",
                "Start-up object time",
                "Requests by origin region",
                "Requests served by the secondary, by sr-reason",
                "Served MQCS",
            ],
        );
        assert.ok(qoe.every((w: any) => w.properties.region === "us-east-1"));
        const rebuffering = qoe[1].properties.metrics;
        // all viewers, each region, and cache answers: a, b and the ratio for each.
        assert.deepStrictEqual(
            rebuffering.filter((m: any[]) => m[0].expression).map((m: any[]) => [m[0].expression, m[0].label]),
            [
                ["100 * a0 / b0", "all viewers"],
                ["100 * a1 / b1", "us-east-1"],
                ["100 * a2 / b2", "us-west-2"],
                ["100 * a3 / b3", "edge"],
            ],
        );
        assert.deepStrictEqual(rebuffering[3].slice(0, 8), [
            QOE_NAMESPACE,
            "RebufferEvents",
            "Season",
            "test-season",
            "Channel",
            "main-uhd",
            "Origin",
            "us-east-1",
        ]);
        assert.match(
            qoe[6].properties.metrics[0][0].expression,
            /^SEARCH\('\{OnAir\/QoE,Season,Channel,Reason\} MetricName="FailoverRequests" Season="test-season" Channel="main-uhd"', 'Sum', 60\)$/,
        );
        assert.ok(body.widgets.some((w: any) => w.type === "text" && w.properties.markdown.includes("Second HD (`second-hd`): viewers' experience")));
    });
});
