import { LogField, REALTIME_LOG_FIELDS } from "../../components/observability/logFields";

/**
 * Recorded-style CloudFront real-time log records: tab-separated, one field per configured log
 * field in CloudFront's delivery order, "-" for an empty field (CloudFront Developer Guide,
 * "Real-time access logs": records are delivered to Kinesis in the documented field order).
 */
export function tsv(values: Record<string, string | number>, fields: LogField[] = REALTIME_LOG_FIELDS): string {
    return fields.map((f) => (values[f.field] !== undefined ? String(values[f.field]) : "-")).join("\t");
}

export const EAST = "3v19gn.egress.6b1fl1.mediapackagev2.us-east-1.amazonaws.com";
export const WEST = "46dg9x.egress.3b5jpv.mediapackagev2.us-west-2.amazonaws.com";
/** 2026-11-28T21:00:00Z, a minute of the season finale. */
export const MINUTE = 1795899600;
const PATH = "/out/v1/rsn-2026-27/football-uhd/cmaf";

function base(ts: number, extra: Record<string, string | number>): Record<string, string | number> {
    return {
        timestamp: ts.toFixed(3),
        "c-ip": "198.51.100.7",
        "time-to-first-byte": 0.004,
        "sc-status": 200,
        "sc-bytes": 1843211,
        "cs-method": "GET",
        "cs-host": "live.example-rsn.com",
        "x-edge-location": "IAD89-P1",
        "x-edge-request-id": "Qx3" + Math.round(ts * 1000),
        "time-taken": 0.021,
        "cs-protocol-version": "HTTP/2.0",
        "cs-user-agent": "Mozilla/5.0%20(Macintosh)",
        "x-edge-response-result-type": "Hit",
        "x-edge-result-type": "Hit",
        "sc-content-type": "video/mp4",
        "x-edge-detailed-result-type": "Hit",
        "c-country": "US",
        "cache-behavior-path-pattern": "/out/v1/*",
        asn: 7922,
        ...extra,
    };
}

/** CMCD as CloudFront logs it in its cmcd-* fields (players sending CMCD headers or query). */
function cmcd(sid: string, o: { ot: string; br?: number; d?: number; bs?: boolean; su?: boolean; bl?: number }): Record<string, string | number> {
    return {
        "cmcd-session-id": sid,
        "cmcd-object-type": o.ot,
        "cmcd-streaming-format": "h",
        "cmcd-stream-type": "l",
        "cmcd-version": 1,
        "cmcd-content-id": "football-uhd",
        ...(o.br ? { "cmcd-encoded-bitrate": o.br, "cmcd-top-bitrate": 16000 } : {}),
        ...(o.d ? { "cmcd-object-duration": o.d } : {}),
        ...(o.bl !== undefined ? { "cmcd-buffer-length": o.bl } : {}),
        ...(o.bs ? { "cmcd-buffer-starvation": "true" } : {}),
        ...(o.su ? { "cmcd-startup": "true" } : {}),
    };
}

/**
 * One minute of the finale on football-uhd, then the first second of the next minute:
 * - s-1 watches three 2 s video segments at 6,000 kbps (one twice: a retry), plus audio; its
 *   second segment reports buffer starvation; two segments came from the east origin, one from cache;
 * - s-2 sends CMCD only in the query (hls.js' default): a 2 s video segment at 3,000 kbps that
 *   CloudFront fetched from the west (secondary) origin, "Failover" by sr-reason, MQCS 40;
 * - s-3 starts up: a manifest and a first segment with su, time-taken 0.120 s and 0.300 s;
 * - errors: a 503 and a 404 count; a 403 (token refused) does not;
 * - a request of another season, a malformed line.
 */
export function finaleMinute(): string[] {
    const t = MINUTE;
    return [
        tsv(
            base(t + 1, {
                "cs-uri-stem": `${PATH}/hls_6000_1.mp4`,
                "r-host": EAST,
                "sr-reason": "MediaQualityScore",
                "x-edge-mqcs": 100,
                "x-edge-result-type": "Miss",
                ...cmcd("s-1", { ot: "v", br: 6000, d: 2000, bl: 8000 }),
            }),
        ),
        tsv(base(t + 1.2, { "cs-uri-stem": `${PATH}/hls_audio_1.mp4`, ...cmcd("s-1", { ot: "a", br: 128, d: 2000 }) })),
        tsv(
            base(t + 3, {
                "cs-uri-stem": `${PATH}/hls_6000_2.mp4`,
                "r-host": EAST,
                "sr-reason": "MediaQualityScore",
                "x-edge-mqcs": 90,
                ...cmcd("s-1", { ot: "v", br: 6000, d: 2000, bs: true, bl: 0 }),
            }),
        ),
        tsv(
            base(t + 3.5, {
                "cs-uri-stem": `${PATH}/hls_6000_2.mp4`,
                "r-host": EAST,
                "sr-reason": "MediaQualityScore",
                "x-edge-mqcs": 90,
                ...cmcd("s-1", { ot: "v", br: 6000, d: 2000 }),
            }),
        ),
        tsv(base(t + 5, { "cs-uri-stem": `${PATH}/hls_6000_3.mp4`, ...cmcd("s-1", { ot: "v", br: 6000, d: 2000 }) })),
        tsv(
            base(t + 7, {
                "cs-uri-stem": `${PATH}/hls_3000_3.mp4`,
                "cs-uri-query": "CMCD=" + encodeURIComponent('br=3000,d=2000,ot=v,sf=h,sid="s-2",st=l,v=1'),
                "r-host": WEST,
                "sr-reason": "Failover",
                "x-edge-mqcs": 40,
            }),
        ),
        tsv(
            base(t + 9, {
                "cs-uri-stem": `${PATH}/hls.m3u8`,
                "sc-content-type": "application/vnd.apple.mpegurl",
                "time-taken": 0.12,
                ...cmcd("s-3", { ot: "m", su: true }),
            }),
        ),
        tsv(base(t + 9.4, { "cs-uri-stem": `${PATH}/hls_1500_1.mp4`, "time-taken": 0.3, ...cmcd("s-3", { ot: "v", br: 1500, su: true }) })),
        tsv(
            base(t + 20, {
                "cs-uri-stem": `${PATH}/hls_6000_9.mp4`,
                "sc-status": 503,
                "x-edge-result-type": "Error",
                ...cmcd("s-1", { ot: "v", br: 6000, d: 2000 }),
            }),
        ),
        tsv(base(t + 21, { "cs-uri-stem": `${PATH}/hls_6000_10.mp4`, "sc-status": 404, "x-edge-result-type": "Error" })),
        tsv(base(t + 22, { "cs-uri-stem": `${PATH}/hls.m3u8`, "sc-status": 403, "x-edge-result-type": "Error" })),
        tsv(base(t + 30, { "cs-uri-stem": "/out/v1/another-season/football-uhd/cmaf/hls.m3u8" })),
        "not\ta\tlog\trecord",
        // The next minute.
        tsv(base(t + 61, { "cs-uri-stem": `${PATH}/hls_6000_31.mp4`, ...cmcd("s-1", { ot: "v", br: 6000, d: 2000 }) })),
    ];
}

/** The records as a Kinesis event, as Lambda hands them to the consumer (data base64-encoded). */
export function kinesisEvent(lines: string[]): { Records: { kinesis: { data: string; partitionKey: string; sequenceNumber: string }; eventSource: string }[] } {
    return {
        Records: lines.map((l, i) => ({
            eventSource: "aws:kinesis",
            kinesis: {
                data: Buffer.from(l + "\n").toString("base64"),
                partitionKey: String(i),
                sequenceNumber: String(49590338271490256608559692538361571095921575989136588898n + BigInt(i)),
            },
        })),
    };
}
