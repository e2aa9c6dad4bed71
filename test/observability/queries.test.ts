import * as assert from "assert";
import { Parser } from "node-sql-parser";
import initSqlJs, { Database } from "sql.js";
import { LogField, REALTIME_LOG_FIELDS, STANDARD_LOG_COLUMNS } from "../../components/observability/logFields";
import { NAMED_QUERIES, NamedQuerySpec } from "../../components/observability/queries";

/** Sample log lines, written as CloudFront writes them: tab-separated, "-" for empty fields. */
function tsv(fields: LogField[], values: Record<string, string | number | undefined>): string {
    return fields.map((f) => (values[f.column] !== undefined ? String(values[f.column]) : "-")).join("\t");
}

const EAST = "3v19gn.egress.6b1fl1.mediapackagev2.us-east-1.amazonaws.com";
const WEST = "46dg9x.egress.3b5jpv.mediapackagev2.us-west-2.amazonaws.com";

const STANDARD_LINES = [
    { log_date: "2026-11-28", x_edge_location: "IAD89-P1", sc_status: 200, x_edge_result_type: "Hit" },
    { log_date: "2026-11-28", x_edge_location: "IAD89-P1", sc_status: 200, x_edge_result_type: "Hit" },
    { log_date: "2026-11-28", x_edge_location: "IAD89-P1", sc_status: 200, x_edge_result_type: "Miss" },
    { log_date: "2026-11-28", x_edge_location: "IAD89-P1", sc_status: 404, x_edge_result_type: "Error" },
    { log_date: "2026-11-28", x_edge_location: "LAX50-C2", sc_status: 200, x_edge_result_type: "RefreshHit" },
    { log_date: "2026-11-28", x_edge_location: "LAX50-C2", sc_status: 403, x_edge_result_type: "FunctionGeneratedResponse" },
    { log_date: "2026-11-27", x_edge_location: "LAX50-C2", sc_status: 200, x_edge_result_type: "Hit" },
].map((v) => tsv(STANDARD_LOG_COLUMNS, v));

const REALTIME_LINES = [
    // Session s-1 watches football, starves once, then CloudFront switches to the secondary region.
    {
        ts: 1795900000.1,
        cmcd_session_id: "s-1",
        cmcd_content_id: "football-uhd",
        cs_uri_stem: "/out/v1/rsn/football-uhd/cmaf/hls.m3u8",
        sc_status: 200,
        r_host: EAST,
        sr_reason: "MediaQualityScore",
        cmcd_buffer_starvation: "-",
    },
    {
        ts: 1795900002.4,
        cmcd_session_id: "s-1",
        cmcd_content_id: "football-uhd",
        cs_uri_stem: "/out/v1/rsn/football-uhd/cmaf/segment_1.mp4",
        sc_status: 200,
        r_host: EAST,
        sr_reason: "MediaQualityScore",
        cmcd_buffer_starvation: "true",
    },
    {
        ts: 1795900004.2,
        cmcd_session_id: "s-1",
        cmcd_content_id: "football-uhd",
        cs_uri_stem: "/out/v1/rsn/football-uhd/cmaf/segment_2.mp4",
        sc_status: 200,
        r_host: WEST,
        sr_reason: "Failover",
        cmcd_buffer_starvation: "-",
    },
    {
        ts: 1795900001.0,
        cmcd_session_id: "s-2",
        cmcd_content_id: "football-uhd",
        cs_uri_stem: "/out/v1/rsn/football-uhd/cmaf/segment_1.mp4",
        sc_status: 200,
        r_host: EAST,
        sr_reason: "MediaQualityScore",
        cmcd_buffer_starvation: "-",
    },
    {
        ts: 1795900003.0,
        cmcd_session_id: "s-3",
        cmcd_content_id: "hockey-hd",
        cs_uri_stem: "/out/v1/rsn/hockey-hd/cmaf/segment_9.mp4",
        sc_status: 200,
        r_host: EAST,
        sr_reason: "MediaQualityScore",
        cmcd_buffer_starvation: "-",
    },
    // A request without CMCD and without an origin fetch (cache hit).
    { ts: 1795900005.0, cs_uri_stem: "/out/v1/rsn/hockey-hd/cmaf/segment_9.mp4", sc_status: 200 },
].map((v) => ({ dt: "2026/11/28", line: tsv(REALTIME_LOG_FIELDS, v) }));

function sqliteType(t: LogField["type"]): string {
    return t === "string" ? "TEXT" : t === "double" ? "REAL" : "INTEGER";
}

function load(db: Database, table: string, fields: LogField[], lines: string[], extra: Record<string, string>[] = []): void {
    const cols = [...fields.map((f) => `${f.column} ${sqliteType(f.type)}`), ...Object.keys(extra[0] ?? {}).map((k) => `${k} TEXT`)];
    db.run(`CREATE TABLE ${table} (${cols.join(", ")})`);
    lines.forEach((line, i) => {
        const values: (string | number | null)[] = line.split("\t").map((v, j) => (fields[j]!.type === "string" ? v : v === "-" ? null : Number(v)));
        const ex = Object.values(extra[i] ?? {});
        db.run(`INSERT INTO ${table} VALUES (${[...values, ...ex].map(() => "?").join(", ")})`, [...values, ...ex]);
    });
}

function run(db: Database, q: NamedQuerySpec, params: (string | number)[]): Record<string, unknown>[] {
    const stmt = db.prepare(q.sql);
    stmt.bind(params);
    const rows: Record<string, unknown>[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    stmt.free();
    return rows;
}

const query = (name: string) => NAMED_QUERIES.find((q) => q.name === name)!;

describe("Athena named queries", () => {
    let db: Database;
    before(async () => {
        const SQL = await initSqlJs();
        db = new SQL.Database();
        load(db, "standard_logs", STANDARD_LOG_COLUMNS, STANDARD_LINES);
        load(
            db,
            "realtime_logs",
            REALTIME_LOG_FIELDS,
            REALTIME_LINES.map((l) => l.line),
            REALTIME_LINES.map((l) => ({ dt: l.dt })),
        );
    });

    for (const q of NAMED_QUERIES) {
        it(`${q.name} parses as Athena (Trino) SQL and names only its table's columns`, () => {
            const parser = new Parser();
            // Athena binds `?` at execution; the parser needs a literal in its place.
            const bound = q.sql.replace(/\?/g, "'2026-11-28'");
            const ast = parser.astify(bound, { database: "athena" });
            assert.ok(ast);
            const aliases = [...q.sql.matchAll(/\bAS (\w+)/gi)].map((m) => m[1]!);
            const known = new Set([...(q.table === "standard_logs" ? STANDARD_LOG_COLUMNS : REALTIME_LOG_FIELDS).map((f) => f.column), "dt", ...aliases]);
            const used = parser.columnList(bound, { database: "athena" }).map((c) => c.split("::").pop()!);
            for (const c of used) assert.ok(known.has(c) || c === "(.*)", `${q.name} uses unknown column ${c}`);
            assert.strictEqual((q.sql.match(/\?/g) ?? []).length, q.parameters.length, "one description per parameter");
        });
    }

    it("requests-and-errors-by-edge counts requests and errors per edge and status within the days asked", () => {
        const rows = run(db, query("requests-and-errors-by-edge"), ["2026-11-28", "2026-11-28"]);
        assert.deepStrictEqual(rows, [
            { x_edge_location: "IAD89-P1", sc_status: 200, requests: 3, errors: 0 },
            { x_edge_location: "IAD89-P1", sc_status: 404, requests: 1, errors: 1 },
            { x_edge_location: "LAX50-C2", sc_status: 200, requests: 1, errors: 0 },
            { x_edge_location: "LAX50-C2", sc_status: 403, requests: 1, errors: 1 },
        ]);
    });

    it("cache-hit-ratio counts Hit and RefreshHit as hits", () => {
        const rows = run(db, query("cache-hit-ratio"), ["2026-11-27", "2026-11-28"]);
        assert.deepStrictEqual(rows, [
            { x_edge_location: "IAD89-P1", requests: 4, hit_ratio_pct: 50 },
            { x_edge_location: "LAX50-C2", requests: 3, hit_ratio_pct: 66.67 },
        ]);
    });

    it("viewer-session-journey returns one session's requests in time order with the answering origin", () => {
        const rows = run(db, query("viewer-session-journey"), ["2026/11/28", "2026/11/28", "s-1"]);
        assert.deepStrictEqual(
            rows.map((r) => [r["cs_uri_stem"], r["r_host"], r["cmcd_buffer_starvation"]]),
            [
                ["/out/v1/rsn/football-uhd/cmaf/hls.m3u8", EAST, "-"],
                ["/out/v1/rsn/football-uhd/cmaf/segment_1.mp4", EAST, "true"],
                ["/out/v1/rsn/football-uhd/cmaf/segment_2.mp4", WEST, "-"],
            ],
        );
        assert.deepStrictEqual(run(db, query("viewer-session-journey"), ["2026/11/29", "2026/11/30", "s-1"]), []);
    });

    it("rebuffer-ratio derives session and request rebuffer shares from the buffer-starvation flag", () => {
        const rows = run(db, query("rebuffer-ratio"), ["2026/11/28", "2026/11/28"]);
        assert.deepStrictEqual(rows, [
            { cmcd_content_id: "football-uhd", sessions: 2, sessions_with_rebuffer: 1, rebuffer_session_pct: 50, rebuffer_request_pct: 25 },
            { cmcd_content_id: "hockey-hd", sessions: 1, sessions_with_rebuffer: 0, rebuffer_session_pct: 0, rebuffer_request_pct: 0 },
        ]);
    });

    it("origin-failovers groups origin responses by responding origin and selection reason", () => {
        const rows = run(db, query("origin-failovers"), ["2026/11/28", "2026/11/28"]);
        assert.deepStrictEqual(rows, [
            { r_host: EAST, sr_reason: "MediaQualityScore", requests: 4, sessions: 3 },
            { r_host: WEST, sr_reason: "Failover", requests: 1, sessions: 1 },
        ]);
    });

    it("the Glue table for real-time logs has one column per configured field, in CloudFront's delivery order", () => {
        // CloudFront Developer Guide, "Real-time access logs", Fields: records carry the fields in
        // the documented order (timestamp, c-ip, time-to-first-byte, sc-status, ...), not the
        // configured one; the media-quality fields come after the CMCD ones.
        assert.deepStrictEqual(REALTIME_LOG_FIELDS.map((f) => f.column).slice(0, 5), ["ts", "c_ip", "time_to_first_byte", "sc_status", "sc_bytes"]);
        assert.deepStrictEqual(REALTIME_LOG_FIELDS.map((f) => f.field).slice(-4), ["cmcd-version", "r-host", "sr-reason", "x-edge-mqcs"]);
        assert.ok(REALTIME_LOG_FIELDS.findIndex((f) => f.field === "c-country") > REALTIME_LOG_FIELDS.findIndex((f) => f.field === "x-edge-result-type"));
        assert.strictEqual(new Set(REALTIME_LOG_FIELDS.map((f) => f.column)).size, REALTIME_LOG_FIELDS.length);
        assert.strictEqual(STANDARD_LOG_COLUMNS.length, 33);
    });
});
