// Per-minute quality-of-experience figures per channel and origin region, from CloudFront
// real-time log records, as CloudWatch embedded metric format (EMF) documents. Every figure is
// a sum over the records seen, so partial figures from many concurrent batches (shards x
// parallelization factor) add up in CloudWatch to the minute's figure (read them with Sum, ratios
// with metric math). Pure: no AWS calls; the handler prints what this returns.
import { cmcdOf } from "./cmcd.mjs";

/**
 * @typedef {{ season: string, primaryRegion: string, fields: string[], channels: Record<string, { segmentSeconds: number, channelGroup?: string }>,
 *             samplingRate: number, namespace: string }} QoeSettings
 * @typedef {{ minute: number, channel: string, origin: string, status: number, timeTaken: number,
 *             cmcd: Record<string, unknown>, uri: string, reason: string, mqcs: number | undefined }} LogRecord
 */

/** The dimension value for requests CloudFront answered without an origin fetch (or without r-host). */
export const EDGE = "edge";
const MEDIA_OBJECTS = new Set(["v", "a", "av"]);
const VIDEO_OBJECTS = new Set(["v", "av"]);
/** Viewer-facing failures of the stream itself; 403 (token refused) and 000 (viewer hung up) are not QoE errors. */
const isError = (/** @type {number} */ s) => s >= 500 || s === 404 || s === 410;
const MAX_REASONS = 10;

/** MediaPackage v2 egress host -> its region, e.g. abc.egress.xyz.mediapackagev2.us-west-2.amazonaws.com. */
export function originRegion(/** @type {string | undefined} */ host) {
    if (!host || host === "-") return EDGE;
    const m = /\.mediapackagev2\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com$/.exec(host.toLowerCase());
    return m ? m[1] : "other";
}

/**
 * One tab-separated record in the configured fields' delivery order. Undefined when it is not a
 * request for one of the season's channels (or is malformed).
 * @param {string} line @param {QoeSettings} s @returns {LogRecord | undefined}
 */
export function parseRecord(line, s) {
    const values = line.replace(/\r?\n$/, "").split("\t");
    if (values.length !== s.fields.length) return undefined;
    /** @type {Record<string, string>} */
    const f = {};
    s.fields.forEach((name, i) => (f[name] = values[i]));
    const ts = Number(f["timestamp"]);
    if (!Number.isFinite(ts)) return undefined;
    const path = /\/out\/v1\/([^/]+)\/([^/?]+)\//.exec(f["cs-uri-stem"] ?? "");
    // A large season's channel lives in its shard's channel group (ADR 026); the others in the season's.
    const channel = path ? s.channels[path[2]] : undefined;
    if (!path || !channel || path[1] !== (channel.channelGroup || s.season)) return undefined;
    const mqcs = Number(f["x-edge-mqcs"]);
    return {
        minute: Math.floor(ts / 60) * 60_000,
        channel: path[2],
        origin: originRegion(f["r-host"]),
        status: Number(f["sc-status"]),
        timeTaken: Number(f["time-taken"]) || 0,
        cmcd: cmcdOf(f),
        uri: (f["cs-uri-stem"] ?? "").split("?")[0],
        reason: f["sr-reason"] && f["sr-reason"] !== "-" ? f["sr-reason"] : "unspecified",
        mqcs: f["x-edge-mqcs"] && f["x-edge-mqcs"] !== "-" && Number.isFinite(mqcs) ? mqcs : undefined,
    };
}

/** @returns {Record<string, number>} */
function emptyFigures() {
    return { Requests: 0, ErrorResponses: 0, MediaRequests: 0, RebufferEvents: 0, ViewerSeconds: 0, BitrateKbpsSeconds: 0, StartupRequests: 0, StartupTimeMs: 0 };
}

/** Dimension values are ASCII, short and few: sr-reason is CloudFront's text, bounded here. */
function reasonValue(/** @type {string} */ r) {
    return r.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 64) || "unspecified";
}

/**
 * Adds up one batch of records.
 * @param {LogRecord[]} records @param {QoeSettings} s
 */
export function aggregate(records, s) {
    /** @type {Map<string, { minute: number, channel: string, origin: string, figures: Record<string, number>, mqcsMin?: number }>} */
    const cells = new Map();
    /** @type {Map<string, { minute: number, channel: string, reason: string, count: number }>} */
    const failovers = new Map();
    const seen = new Set();
    const reasons = new Set();
    for (const r of records) {
        const key = `${r.minute}|${r.channel}|${r.origin}`;
        let cell = cells.get(key);
        if (!cell) cells.set(key, (cell = { minute: r.minute, channel: r.channel, origin: r.origin, figures: emptyFigures() }));
        const x = cell.figures;
        x.Requests++;
        if (isError(r.status)) x.ErrorResponses++;
        if (r.mqcs !== undefined) cell.mqcsMin = Math.min(cell.mqcsMin ?? 100, r.mqcs);
        const c = r.cmcd;
        const ot = typeof c.ot === "string" ? c.ot : undefined;
        if (ot && MEDIA_OBJECTS.has(ot)) {
            x.MediaRequests++;
            if (c.bs === true) x.RebufferEvents++;
        }
        // Watching time: each video segment a session fetches is `d` (or the channel's segment
        // length) of playback; a re-requested segment of the same session counts once.
        const sid = typeof c.sid === "string" ? c.sid : undefined;
        if (sid && ot && VIDEO_OBJECTS.has(ot) && r.status < 400 && !seen.has(`${sid}|${r.uri}`)) {
            seen.add(`${sid}|${r.uri}`);
            const seconds = typeof c.d === "number" && c.d > 0 ? c.d / 1000 : s.channels[r.channel].segmentSeconds;
            x.ViewerSeconds += seconds;
            if (typeof c.br === "number" && c.br > 0) x.BitrateKbpsSeconds += c.br * seconds;
        }
        if (c.su === true) {
            x.StartupRequests++;
            x.StartupTimeMs += r.timeTaken * 1000;
        }
        if (r.origin !== EDGE && r.origin !== "other" && r.origin !== s.primaryRegion) {
            let reason = reasonValue(r.reason);
            if (!reasons.has(reason)) {
                if (reasons.size >= MAX_REASONS) reason = "other";
                reasons.add(reason);
            }
            const fk = `${r.minute}|${r.channel}|${reason}`;
            const f = failovers.get(fk) ?? { minute: r.minute, channel: r.channel, reason, count: 0 };
            f.count++;
            failovers.set(fk, f);
        }
    }
    return { cells: [...cells.values()], failovers: [...failovers.values()] };
}

const UNITS = { Requests: "Count", ErrorResponses: "Count", MediaRequests: "Count", RebufferEvents: "Count", ViewerSeconds: "Seconds", BitrateKbpsSeconds: "None", StartupRequests: "Count", StartupTimeMs: "Milliseconds", ConcurrentSessions: "Count", FailoverRequests: "Count", ServedMqcsMin: "None" };

/**
 * EMF documents (CloudWatch embedded metric format specification): one per minute, channel and
 * origin, published under both [Season, Channel] and [Season, Channel, Origin] so the channel's
 * totals are the Sum over origins; failovers per reason under [Season, Channel, Reason].
 * Counts are scaled by 100 / samplingRate to stand for every request, not the sample.
 * @param {ReturnType<typeof aggregate>} agg @param {QoeSettings} s @returns {Record<string, unknown>[]}
 */
export function toEmf(agg, s) {
    const scale = 100 / s.samplingRate;
    const round = (/** @type {number} */ v) => Math.round(v * scale * 1000) / 1000;
    /** @param {number} ts @param {string[][]} dims @param {Record<string, number>} values */
    const doc = (ts, dims, values) => ({
        _aws: {
            Timestamp: ts,
            CloudWatchMetrics: [{ Namespace: s.namespace, Dimensions: dims, Metrics: Object.keys(values).map((Name) => ({ Name, Unit: UNITS[/** @type {keyof typeof UNITS} */ (Name)] ?? "None", StorageResolution: 60 })) }],
        },
        ...values,
    });
    const out = [];
    for (const c of agg.cells) {
        /** @type {Record<string, number>} */
        const values = {};
        for (const [k, v] of Object.entries(c.figures)) values[k] = round(v);
        // Concurrent sessions: a minute's watching time over the minute.
        values.ConcurrentSessions = Math.round((c.figures.ViewerSeconds * scale) / 60 * 1000) / 1000;
        if (c.mqcsMin !== undefined) values.ServedMqcsMin = c.mqcsMin;
        out.push({ ...doc(c.minute, [["Season", "Channel"], ["Season", "Channel", "Origin"]], values), Season: s.season, Channel: c.channel, Origin: c.origin });
    }
    for (const f of agg.failovers) {
        out.push({ ...doc(f.minute, [["Season", "Channel"], ["Season", "Channel", "Reason"]], { FailoverRequests: round(f.count) }), Season: s.season, Channel: f.channel, Reason: f.reason });
    }
    return out;
}
