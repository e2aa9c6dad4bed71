// Throughput of the QoE consumer's aggregation (`npm run bench:qoe`): records per second one
// invocation handles, the figure behind RECORDS_PER_SECOND_PER_INVOCATION and so the event source
// mapping's parallelization factor, then prod's sizing as the plan builds it (the consumer sized from
// the real-time log stream's sizing). Synthetic records in the real-time log field order: many
// sessions on two channels, CMCD in the cmcd-* fields, a tenth with CMCD in the query.
import * as path from "path";
import { pathToFileURL } from "url";
import { REALTIME_LOG_FIELDS } from "../../components/observability/logFields";
import { QOE_NAMESPACE } from "../../components/observability/qoe/metrics";
import { consumerSizing, RECORDS_PER_SECOND_PER_INVOCATION } from "../../components/observability/qoe/sizing";
import { realtimeStreamSizing } from "../../components/observability/realtimeLogs";
import { REPO_ROOT } from "../../contracts/repoRoot";
import { readSeasonFile } from "../../components/config/seasonFile";
import { median } from "./stats";
import { esmImport } from "../esmImport";

const RUNS = Number(process.argv[2] ?? 7);

// Fields a real line carries whether or not the consumer reads them (a ~330-character path token, a
// TV's user agent, the edge request id), so the decoder splits lines nearer the size the sizing
// estimates; the bench prints both sizes.
const TOKEN = "eyJhbGciOiJIUzI1NiIsImtpZCI6IjIwMjZhIn0." + "x".repeat(250) + "." + "s".repeat(43);
const USER_AGENT = "Mozilla/5.0%20(SMART-TV;%20LINUX;%20Tizen%206.5)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Version/6.5%20TV%20Safari/537.36";

function record(i: number): string {
    const v: Record<string, string> = {
        timestamp: (1795899600 + (i % 120) / 2).toFixed(3),
        "sc-status": i % 97 === 0 ? "503" : "200",
        "time-taken": "0.021",
        "c-ip": `2600:1700:abcd:${(i % 65536).toString(16)}::1`,
        "cs-host": "live.example-rsn.com",
        "cs-user-agent": USER_AGENT,
        "x-edge-request-id": `${i.toString(36).padStart(8, "0")}${"Q".repeat(48)}`,
        "cs-uri-stem": `/tk/${TOKEN}/out/v1/bench/${i % 2 ? "a" : "b"}/cmaf/hls_6000_${i % 300}.mp4`,
        "r-host": i % 5 === 0 ? `x.egress.y.mediapackagev2.${i % 10 === 0 ? "us-west-2" : "us-east-1"}.amazonaws.com` : "-",
        "sr-reason": i % 5 === 0 ? "MediaQualityScore" : "-",
        "x-edge-mqcs": i % 5 === 0 ? "100" : "-",
    };
    if (i % 10 === 0) v["cs-uri-query"] = "CMCD=" + encodeURIComponent(`br=6000,d=2000,ot=v,sid="s-${i % 5000}"`);
    else
        Object.assign(v, {
            "cmcd-session-id": `s-${i % 5000}`,
            "cmcd-object-type": "v",
            "cmcd-encoded-bitrate": "6000",
            "cmcd-object-duration": "2000",
            "cmcd-buffer-length": "8000",
            ...(i % 50 === 0 ? { "cmcd-buffer-starvation": "true" } : {}),
        });
    return REALTIME_LOG_FIELDS.map((f) => v[f.field] ?? "-").join("\t");
}

/** The handler module's entry point, as the benchmark calls it. */
interface QoeHandlerModule {
    handler(event: unknown, deps: { env: Record<string, string>; log: (line: string) => unknown }): Promise<unknown>;
}

async function main(): Promise<void> {
    const { handler } = await esmImport<QoeHandlerModule>(pathToFileURL(path.join(REPO_ROOT, "components/observability/qoe/handler/index.mjs")).href);
    const env = {
        SEASON: "bench",
        PRIMARY_REGION: "us-east-1",
        FIELDS: JSON.stringify(REALTIME_LOG_FIELDS.map((f) => f.field)),
        CHANNELS: JSON.stringify({ a: { segmentSeconds: 2 }, b: { segmentSeconds: 2 } }),
        SAMPLING_RATE: "100",
        NAMESPACE: QOE_NAMESPACE,
    };
    // The batch prod's event source mapping is given: the largest the planned sizing allows.
    const season = readSeasonFile(REPO_ROOT, "prod");
    const stream = realtimeStreamSizing(season);
    const s = consumerSizing(stream);
    const BATCH = s.batchSize;
    const event = { Records: Array.from({ length: BATCH }, (_, i) => ({ kinesis: { data: Buffer.from(record(i) + "\n").toString("base64") } })) };
    const bytes = event.Records.reduce((n, r) => n + r.kinesis.data.length, 0);
    let lines = 0;
    await handler(event, { env, log: () => lines++ });
    const rates: number[] = [];
    for (let r = 0; r < RUNS; r++) {
        const t0 = process.hrtime.bigint();
        await handler(event, { env, log: () => undefined });
        rates.push(BATCH / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
    const m = median(rates);
    console.log(
        `QoE aggregation, batch of ${BATCH} records (${(bytes / 1e6).toFixed(2)} MB base64, ~${Math.round((bytes * 3) / 4 / BATCH)} B a record vs ${stream.recordBytes} B estimated; ${lines} EMF documents out), ${RUNS} runs`,
    );
    console.log(
        `  median ${Math.round(m).toLocaleString("en-US")} records/s on this machine (min ${Math.round(Math.min(...rates)).toLocaleString("en-US")}, max ${Math.round(Math.max(...rates)).toLocaleString("en-US")})`,
    );
    console.log(
        `  sizing assumes ${RECORDS_PER_SECOND_PER_INVOCATION.toLocaleString("en-US")} records/s for a 512 MB function (about a third of a vCPU); a third of this core gives ${Math.round(m / 3).toLocaleString("en-US")} (${(m / 3 / RECORDS_PER_SECOND_PER_INVOCATION).toFixed(1)}x)`,
    );
    console.log(`  prod stream (Pulumi.prod.yaml): ${stream.explanation}`);
    console.log(
        `  prod consumer: ${s.recordsPerSecond.toLocaleString("en-US")} records/s of ${s.recordBytes} B, ${s.shards} shards, batch ${s.batchSize}, window ${s.batchingWindowSeconds} s, parallelization ${s.parallelizationFactor}, ${s.concurrentExecutions} of ${season.qoe.accountLambdaConcurrency.toLocaleString("en-US")} concurrent executions (qoe.accountLambdaConcurrency)`,
    );
    const perShard = s.recordsPerSecond / s.shards;
    console.log(
        `  a shard brings ${Math.round(perShard).toLocaleString("en-US")} records/s: ${((perShard / (m / 3)) * 100).toFixed(0)}% of a third of this core, ${((perShard / RECORDS_PER_SECOND_PER_INVOCATION) * 100).toFixed(0)}% of the assumed ${RECORDS_PER_SECOND_PER_INVOCATION.toLocaleString("en-US")}`,
    );
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
