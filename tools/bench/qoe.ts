// Throughput of the QoE consumer's aggregation (`npm run bench:qoe`): records per second one
// invocation handles, the figure behind RECORDS_PER_SECOND_PER_INVOCATION and so the event source
// mapping's parallelization factor. Synthetic records in the real-time log field order: many
// sessions on two channels, CMCD in the cmcd-* fields, a tenth with CMCD in the query.
import * as path from "path";
import { pathToFileURL } from "url";
import { REALTIME_LOG_FIELDS } from "../../components/observability/logFields";
import { QOE_NAMESPACE } from "../../components/observability/qoe/metrics";
import { consumerSizing, RECORDS_PER_SECOND_PER_INVOCATION } from "../../components/observability/qoe/sizing";
import { REPO_ROOT } from "../../components/repoRoot";
import { median } from "./stats";

const importEsm = new Function("u", "return import(u)") as (u: string) => Promise<any>;
const BATCH = 4500;
const RUNS = Number(process.argv[2] ?? 7);

function record(i: number): string {
    const v: Record<string, string> = {
        timestamp: (1795899600 + (i % 120) / 2).toFixed(3), "sc-status": i % 97 === 0 ? "503" : "200", "time-taken": "0.021",
        "cs-uri-stem": `/out/v1/bench/${i % 2 ? "a" : "b"}/cmaf/hls_6000_${i % 300}.mp4`,
        "r-host": i % 5 === 0 ? `x.egress.y.mediapackagev2.${i % 10 === 0 ? "us-west-2" : "us-east-1"}.amazonaws.com` : "-",
        "sr-reason": i % 5 === 0 ? "MediaQualityScore" : "-", "x-edge-mqcs": i % 5 === 0 ? "100" : "-",
    };
    if (i % 10 === 0) v["cs-uri-query"] = "CMCD=" + encodeURIComponent(`br=6000,d=2000,ot=v,sid="s-${i % 5000}"`);
    else Object.assign(v, { "cmcd-session-id": `s-${i % 5000}`, "cmcd-object-type": "v", "cmcd-encoded-bitrate": "6000", "cmcd-object-duration": "2000", "cmcd-buffer-length": "8000", ...(i % 50 === 0 ? { "cmcd-buffer-starvation": "true" } : {}) });
    return REALTIME_LOG_FIELDS.map((f) => v[f.field] ?? "-").join("\t");
}

async function main(): Promise<void> {
    const { handler } = await importEsm(pathToFileURL(path.join(REPO_ROOT, "components/observability/qoe/handler/index.mjs")).href);
    const env = {
        SEASON: "bench", PRIMARY_REGION: "us-east-1", FIELDS: JSON.stringify(REALTIME_LOG_FIELDS.map((f) => f.field)),
        CHANNELS: JSON.stringify({ a: { segmentSeconds: 2 }, b: { segmentSeconds: 2 } }), SAMPLING_RATE: "100", NAMESPACE: QOE_NAMESPACE,
    };
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
    console.log(`QoE aggregation, batch of ${BATCH} records (${(bytes / 1e6).toFixed(2)} MB base64, ${lines} EMF documents out), ${RUNS} runs`);
    console.log(`  median ${Math.round(m).toLocaleString("en-US")} records/s on this machine (min ${Math.round(Math.min(...rates)).toLocaleString("en-US")}, max ${Math.round(Math.max(...rates)).toLocaleString("en-US")})`);
    console.log(`  sizing assumes ${RECORDS_PER_SECOND_PER_INVOCATION.toLocaleString("en-US")} records/s for a 512 MB function (about a third of a vCPU); a third of this core gives ${Math.round(m / 3).toLocaleString("en-US")} (${(m / 3 / RECORDS_PER_SECOND_PER_INVOCATION).toFixed(1)}x)`);
    const s = consumerSizing({ viewers: 250_000, samplingRate: 100, segmentSeconds: 2 });
    console.log(`  250,000 viewers, 2 s segments, 100% sampling: ${s.recordsPerSecond.toLocaleString("en-US")} records/s, ${s.shards} shards, batch ${s.batchSize}, window ${s.batchingWindowSeconds} s, parallelization ${s.parallelizationFactor}, ${s.concurrentExecutions} concurrent executions`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
