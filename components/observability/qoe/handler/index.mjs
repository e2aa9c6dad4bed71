// OnAir QoE consumer: a Lambda on the real-time log Kinesis stream. Decodes each batch, adds up
// the per-minute figures and prints them as CloudWatch embedded metric format documents, which
// CloudWatch Logs turns into metrics. Bad records are counted, never thrown: a poison record
// must not stall its shard during a game.
import { aggregate, parseRecord, toEmf } from "./aggregate.mjs";

/** @returns {import("./aggregate.mjs").QoeSettings} */
export function settingsFromEnv(/** @type {Record<string, string | undefined>} */ env) {
    return {
        season: env.SEASON || "",
        primaryRegion: env.PRIMARY_REGION || "",
        fields: JSON.parse(env.FIELDS || "[]"),
        channels: JSON.parse(env.CHANNELS || "{}"),
        samplingRate: Number(env.SAMPLING_RATE || 100),
        namespace: env.NAMESPACE || "OnAir/QoE",
    };
}

/**
 * @param {{ Records?: { kinesis: { data: string } }[] }} event
 * @param {{ log?: (line: string) => void, env?: Record<string, string | undefined> }} [deps]
 */
export async function handler(event, deps = {}) {
    const s = settingsFromEnv(deps.env ?? process.env);
    const log = deps.log ?? ((line) => console.log(line));
    const records = [];
    let unattributed = 0;
    for (const r of event.Records ?? []) {
        const line = Buffer.from(r.kinesis.data, "base64").toString("utf8");
        const rec = parseRecord(line, s);
        if (rec) records.push(rec);
        else unattributed++;
    }
    for (const doc of toEmf(aggregate(records, s), s)) log(JSON.stringify(doc));
    return { records: records.length, unattributed };
}
