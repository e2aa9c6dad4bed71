/**
 * Athena named queries operators run after (or during) an event. Written in the SQL subset shared
 * by Athena (Trino) and SQLite, with `?` parameters, so tests execute them against sample log lines.
 */
export interface NamedQuerySpec {
    name: string;
    description: string;
    table: "standard_logs" | "realtime_logs";
    /** What each `?` stands for, in order. */
    parameters: string[];
    sql: string;
}

const REBUFFER = "cmcd_buffer_starvation IN ('true', '1')";

export const NAMED_QUERIES: NamedQuerySpec[] = [
    {
        name: "requests-and-errors-by-edge",
        description: "Requests and errors by edge location and HTTP status (standard logs).",
        table: "standard_logs",
        parameters: ["first day (YYYY-MM-DD)", "last day (YYYY-MM-DD)"],
        sql: `SELECT x_edge_location,
       sc_status,
       count(*) AS requests,
       sum(CASE WHEN sc_status >= 400 THEN 1 ELSE 0 END) AS errors
FROM standard_logs
WHERE log_date BETWEEN ? AND ?
GROUP BY x_edge_location, sc_status
ORDER BY requests DESC, x_edge_location, sc_status
LIMIT 500`,
    },
    {
        name: "cache-hit-ratio",
        description: "Cache hit ratio by edge location (standard logs): Hit and RefreshHit over all requests.",
        table: "standard_logs",
        parameters: ["first day (YYYY-MM-DD)", "last day (YYYY-MM-DD)"],
        sql: `SELECT x_edge_location,
       count(*) AS requests,
       round(100.0 * sum(CASE WHEN x_edge_result_type IN ('Hit', 'RefreshHit') THEN 1 ELSE 0 END) / count(*), 2) AS hit_ratio_pct
FROM standard_logs
WHERE log_date BETWEEN ? AND ?
GROUP BY x_edge_location
ORDER BY requests DESC, x_edge_location`,
    },
    {
        name: "viewer-session-journey",
        description: "One viewer session's requests in order, by CMCD session id: bitrate, buffer, starvation, which origin answered.",
        table: "realtime_logs",
        parameters: ["first day (YYYY/MM/DD)", "last day (YYYY/MM/DD)", "CMCD session id"],
        sql: `SELECT ts,
       c_ip,
       c_country,
       cs_uri_stem,
       sc_status,
       x_edge_result_type,
       r_host,
       x_edge_mqcs,
       cmcd_object_type,
       cmcd_encoded_bitrate,
       cmcd_buffer_length,
       cmcd_buffer_starvation,
       cmcd_measured_throughput
FROM realtime_logs
WHERE dt BETWEEN ? AND ? AND cmcd_session_id = ?
ORDER BY ts`,
    },
    {
        name: "rebuffer-ratio",
        description: "Rebuffering by content from the CMCD buffer-starvation flag: share of sessions and of requests that starved.",
        table: "realtime_logs",
        parameters: ["first day (YYYY/MM/DD)", "last day (YYYY/MM/DD)"],
        sql: `SELECT cmcd_content_id,
       count(DISTINCT cmcd_session_id) AS sessions,
       count(DISTINCT CASE WHEN ${REBUFFER} THEN cmcd_session_id END) AS sessions_with_rebuffer,
       round(100.0 * count(DISTINCT CASE WHEN ${REBUFFER} THEN cmcd_session_id END) / count(DISTINCT cmcd_session_id), 2) AS rebuffer_session_pct,
       round(100.0 * sum(CASE WHEN ${REBUFFER} THEN 1 ELSE 0 END) / count(*), 3) AS rebuffer_request_pct
FROM realtime_logs
WHERE dt BETWEEN ? AND ? AND cmcd_session_id <> '-'
GROUP BY cmcd_content_id
ORDER BY rebuffer_session_pct DESC, cmcd_content_id`,
    },
    {
        name: "origin-failovers",
        description: "Origin selection by responding origin (r-host) and selection reason (sr-reason): how often each region answered and why.",
        table: "realtime_logs",
        parameters: ["first day (YYYY/MM/DD)", "last day (YYYY/MM/DD)"],
        sql: `SELECT r_host,
       sr_reason,
       count(*) AS requests,
       count(DISTINCT cmcd_session_id) AS sessions
FROM realtime_logs
WHERE dt BETWEEN ? AND ? AND r_host <> '-' AND sr_reason <> '-'
GROUP BY r_host, sr_reason
ORDER BY requests DESC, r_host, sr_reason`,
    },
];
