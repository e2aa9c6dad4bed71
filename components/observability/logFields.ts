/**
 * The real-time log record OnAir asks CloudFront for. Records are tab-separated, and CloudFront
 * writes the fields in its own fixed order whatever order the configuration lists them in
 * (CloudFront Developer Guide, "Real-time access logs": "the fields in every real-time log
 * record are always delivered in the same order, as listed in the Fields section"; the
 * RealtimeLogConfig API returns Fields "in the same order in which they are sent to the Amazon
 * Kinesis data stream"). REALTIME_LOG_FIELDS is kept in that order, and the Glue table and the
 * QoE consumer are derived from it, so none of them can disagree about which column is which.
 */
export interface LogField {
    /** CloudFront's field name. */
    field: string;
    /** Glue/Athena column name. */
    column: string;
    type: "string" | "int" | "bigint" | "double";
}

const f = (field: string, type: LogField["type"] = "string", column = field.replace(/-/g, "_")): LogField => ({ field, column, type });

/** Request, response and edge fields operators need to follow a viewer and an edge. */
export const STANDARD_FIELDS: LogField[] = [
    f("timestamp", "double", "ts"),
    f("c-ip"),
    f("c-country"),
    f("asn"),
    f("cs-method"),
    f("cs-host"),
    f("cs-uri-stem"),
    f("cs-uri-query"),
    f("cs-user-agent"),
    f("cs-protocol-version"),
    f("sc-status", "int"),
    f("sc-bytes", "bigint"),
    f("sc-content-type"),
    f("time-to-first-byte", "double"),
    f("time-taken", "double"),
    f("x-edge-location"),
    f("x-edge-request-id"),
    f("x-edge-result-type"),
    f("x-edge-response-result-type"),
    f("x-edge-detailed-result-type"),
    f("cache-behavior-path-pattern"),
    f("origin-fbl", "double"),
    f("origin-lbl", "double"),
];

/** Which origin answered and why: the trace of media-quality-based selection and failover. */
export const MEDIA_QUALITY_FIELDS: LogField[] = [f("r-host"), f("sr-reason"), f("x-edge-mqcs")];

/** Every Common Media Client Data field CloudFront can log (CTA-5004 keys sent by players). */
export const CMCD_FIELDS: LogField[] = [
    f("cmcd-encoded-bitrate", "int"),
    f("cmcd-buffer-length", "int"),
    f("cmcd-buffer-starvation"),
    f("cmcd-content-id"),
    f("cmcd-object-duration", "int"),
    f("cmcd-deadline", "int"),
    f("cmcd-measured-throughput", "int"),
    f("cmcd-next-object-request"),
    f("cmcd-next-range-request"),
    f("cmcd-object-type"),
    f("cmcd-playback-rate", "double"),
    f("cmcd-requested-maximum-throughput", "int"),
    f("cmcd-streaming-format"),
    f("cmcd-session-id"),
    f("cmcd-stream-type"),
    f("cmcd-startup"),
    f("cmcd-top-bitrate", "int"),
    f("cmcd-version", "int"),
];

/** CloudFront's delivery order of every real-time log field (the Developer Guide's Fields list). */
export const DELIVERY_ORDER: readonly string[] = [
    "timestamp",
    "c-ip",
    "s-ip",
    "time-to-first-byte",
    "sc-status",
    "sc-bytes",
    "cs-method",
    "cs-protocol",
    "cs-host",
    "cs-uri-stem",
    "cs-bytes",
    "x-edge-location",
    "x-edge-request-id",
    "x-host-header",
    "time-taken",
    "cs-protocol-version",
    "c-ip-version",
    "cs-user-agent",
    "cs-referer",
    "cs-cookie",
    "cs-uri-query",
    "x-edge-response-result-type",
    "x-forwarded-for",
    "ssl-protocol",
    "ssl-cipher",
    "x-edge-result-type",
    "fle-encrypted-fields",
    "fle-status",
    "sc-content-type",
    "sc-content-len",
    "sc-range-start",
    "sc-range-end",
    "c-port",
    "x-edge-detailed-result-type",
    "c-country",
    "cs-accept-encoding",
    "cs-accept",
    "cache-behavior-path-pattern",
    "cs-headers",
    "cs-header-names",
    "cs-headers-count",
    "primary-distribution-id",
    "primary-distribution-dns-name",
    "origin-fbl",
    "origin-lbl",
    "asn",
    ...CMCD_FIELDS.map((c) => c.field),
    "r-host",
    "sr-reason",
    "x-edge-mqcs",
    "distribution-tenant-id",
    "connection-id",
];

/** Fields sorted into delivery order; a field CloudFront does not document is a mistake here. */
export function inDeliveryOrder(fields: LogField[]): LogField[] {
    const pos = (x: LogField) => {
        const i = DELIVERY_ORDER.indexOf(x.field);
        if (i < 0) throw new Error(`real-time log field ${x.field} is not in CloudFront's documented field list`);
        return i;
    };
    return [...fields].sort((a, b) => pos(a) - pos(b));
}

export const REALTIME_LOG_FIELDS: LogField[] = inDeliveryOrder([...STANDARD_FIELDS, ...MEDIA_QUALITY_FIELDS, ...CMCD_FIELDS]);

/**
 * CloudFront standard (legacy) access log columns, in file order. Column names avoid Athena's
 * reserved words (`date`, `time`); the SerDe maps by position.
 */
export const STANDARD_LOG_COLUMNS: LogField[] = [
    f("date", "string", "log_date"),
    f("time", "string", "log_time"),
    f("x-edge-location"),
    f("sc-bytes", "bigint"),
    f("c-ip"),
    f("cs-method"),
    f("cs(Host)", "string", "cs_host"),
    f("cs-uri-stem"),
    f("sc-status", "int"),
    f("cs(Referer)", "string", "cs_referer"),
    f("cs(User-Agent)", "string", "cs_user_agent"),
    f("cs-uri-query"),
    f("cs(Cookie)", "string", "cs_cookie"),
    f("x-edge-result-type"),
    f("x-edge-request-id"),
    f("x-host-header"),
    f("cs-protocol"),
    f("cs-bytes", "bigint"),
    f("time-taken", "double"),
    f("x-forwarded-for"),
    f("ssl-protocol"),
    f("ssl-cipher"),
    f("x-edge-response-result-type"),
    f("cs-protocol-version"),
    f("fle-status"),
    f("fle-encrypted-fields"),
    f("c-port", "int"),
    f("time-to-first-byte", "double"),
    f("x-edge-detailed-result-type"),
    f("sc-content-type"),
    f("sc-content-len", "bigint"),
    f("sc-range-start", "bigint"),
    f("sc-range-end", "bigint"),
];
