/**
 * The QoE metrics the consumer publishes (embedded metric format, namespace OnAir/QoE) and how to
 * read them. Every metric is a sum over records, so one minute's figure is its Sum; ratios are
 * metric math over two sums. The consumer's EMF output is tested against these names.
 */
export const QOE_NAMESPACE = "OnAir/QoE";

export const QOE_METRICS = [
    "Requests",
    "ErrorResponses",
    "MediaRequests",
    "RebufferEvents",
    "ViewerSeconds",
    "BitrateKbpsSeconds",
    "StartupRequests",
    "StartupTimeMs",
    "ConcurrentSessions",
    "ServedMqcsMin",
    "FailoverRequests",
] as const;
export type QoeMetric = (typeof QOE_METRICS)[number];

/** Origin dimension value of requests answered without an origin fetch. */
export const EDGE_ORIGIN = "edge";

/** One figure on the dashboard or in an alarm: metrics by id and the expression over them. */
export interface QoeFigure {
    title: string;
    /** Metric math over `a` and `b`, or undefined to plot `a` itself. */
    expression?: string;
    a: QoeMetric;
    b?: QoeMetric;
    /** How `a` (and `b`) are read per minute. */
    stat: "Sum" | "Minimum";
}

export const QOE_FIGURES = {
    sessions: { title: "Concurrent sessions (CMCD sid)", a: "ConcurrentSessions", stat: "Sum" },
    rebuffering: { title: "Rebuffering (% of media requests, CMCD bs)", a: "RebufferEvents", b: "MediaRequests", expression: "100 * a / b", stat: "Sum" },
    errors: { title: "Error rate (% of requests: 5xx, 404, 410)", a: "ErrorResponses", b: "Requests", expression: "100 * a / b", stat: "Sum" },
    bitrate: { title: "Delivered bitrate (kbps, CMCD br, time-weighted)", a: "BitrateKbpsSeconds", b: "ViewerSeconds", expression: "a / b", stat: "Sum" },
    startup: { title: "Start-up object time (ms, CMCD su)", a: "StartupTimeMs", b: "StartupRequests", expression: "a / b", stat: "Sum" },
    originShare: { title: "Requests by origin region (edge: cache)", a: "Requests", stat: "Sum" },
    failovers: { title: "Requests served by the secondary, by sr-reason", a: "FailoverRequests", stat: "Sum" },
    mqcs: { title: "Served MQCS (x-edge-mqcs, minimum)", a: "ServedMqcsMin", stat: "Minimum" },
} satisfies Record<string, QoeFigure>;
