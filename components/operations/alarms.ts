import { ObservabilityConfig, QoeConfig } from "../config/types";
import { QOE_FIGURES, QOE_NAMESPACE, QoeFigure } from "../observability/qoe/metrics";
import { inputLostAlarmName } from "./hold";
import { CMAF_GROUP, MonitoredChannel, MonitoredRegion } from "./monitored";

/** One CloudWatch metric an alarm reads. */
export interface MetricRef<S = string> {
    namespace: string;
    metric: string;
    dimensions: Record<string, S | string>;
    /** Omitted when the alarm uses an extended statistic (a percentile). */
    statistic?: string;
}

/**
 * A metric math expression over the alarm's metrics (by id): a 0/1 test of one metric, or the
 * per-timestamp maximum or minimum of several expressions.
 */
export type Expr =
    | { test: { id: string; op: ">" | "<"; value: number } }
    | { max: Expr[] }
    | { min: Expr[] }
    /** 100 x num / den, and 0 while den is below `minDen` (too little traffic to judge). */
    | { percent: { num: string; den: string; minDen: number } };

/** CloudWatch metric math text: IF(m > v, 1, 0), MAX([...]), MIN([...]), IF(d >= n, 100 * a / d, 0). */
export function renderExpr(e: Expr): string {
    if ("test" in e) return `IF(${e.test.id} ${e.test.op} ${e.test.value}, 1, 0)`;
    if ("percent" in e) return `IF(${e.percent.den} >= ${e.percent.minDen}, 100 * ${e.percent.num} / ${e.percent.den}, 0)`;
    if ("max" in e) return e.max.length === 1 ? renderExpr(e.max[0]!) : `MAX([${e.max.map(renderExpr).join(", ")}])`;
    return e.min.length === 1 ? renderExpr(e.min[0]!) : `MIN([${e.min.map(renderExpr).join(", ")}])`;
}

export type AlarmSource<S = string> =
    | { kind: "metric"; metric: MetricRef<S>; extendedStatistic?: string }
    | { kind: "math"; metrics: Record<string, MetricRef<S>>; expression: Expr; label: string };

export interface AlarmSpec<S = string> {
    /** Unique suffix for the Pulumi name. */
    key: string;
    name: string;
    description: string;
    source: AlarmSource<S>;
    period: number;
    evaluationPeriods: number;
    datapointsToAlarm: number;
    threshold: number;
    comparison: "GreaterThanThreshold" | "LessThanThreshold";
    /**
     * A signal another component reads (the runner's input-live check), not a page: no actions,
     * and missing data counts as breaching (no data means no input).
     */
    signal?: true;
}

/** 1 while a pipeline lost its input or its output scores below the MQCS floor, else 0. */
function pipelineDegraded(p: number, minMqcs: number): Expr {
    return { max: [{ test: { id: `loss${p}`, op: ">", value: 0 } }, { test: { id: `mqcs${p}`, op: "<", value: minMqcs } }] };
}

function pipelineMetrics<S>(ch: MonitoredChannel<S>): Record<string, MetricRef<S>> {
    const out: Record<string, MetricRef<S>> = {};
    for (let p = 0; p < ch.pipelines; p++) {
        const dims = { ChannelId: ch.mediaLiveChannelId, Pipeline: String(p) };
        out[`loss${p}`] = { namespace: "AWS/MediaLive", metric: "InputLossSeconds", dimensions: dims, statistic: "Sum" };
        out[`mqcs${p}`] = { namespace: "AWS/MediaLive", metric: "MinMQCS", dimensions: { ...dims, OutputGroupName: CMAF_GROUP }, statistic: "Minimum" };
    }
    return out;
}

/**
 * Alarms of one region, three per channel: a pipeline degraded (redundancy lost, the origin still
 * has the other pipeline), every pipeline degraded (the region is off air for that channel and
 * CloudFront moves viewers to the other region), and contribution packets lost beyond ARQ/FEC on
 * any flow. Which pipeline or flow is in the dashboard; MediaLive's own alerts come through the
 * EventBridge rule with their text. Missing data is "not breaching": channels are off between
 * events, and an idle channel must not page anyone.
 */
export function regionAlarms<S>(season: string, r: MonitoredRegion<S>, t: ObservabilityConfig["alarms"]): AlarmSpec<S>[] {
    const out: AlarmSpec<S>[] = [];
    for (const ch of r.channels) {
        const metrics = pipelineMetrics(ch);
        const pipelines = Array.from({ length: ch.pipelines }, (_, p) => pipelineDegraded(p, t.minMqcs));
        const base = { period: 60, threshold: 0, comparison: "GreaterThanThreshold" as const };
        if (ch.pipelines > 1) {
            out.push({
                ...base,
                key: `${ch.id}-pipeline-degraded`,
                name: `onair-${season}-${ch.id}-${r.region}-pipeline-degraded`,
                description: `${ch.name} (${r.region}): a pipeline lost its input or scores below MQCS ${t.minMqcs}; redundancy is lost, viewers are still served by the other pipeline.`,
                source: { kind: "math", metrics, expression: { max: pipelines }, label: "any pipeline degraded" },
                evaluationPeriods: 3,
                datapointsToAlarm: 2,
            });
        }
        out.push({
            ...base,
            key: `${ch.id}-region-degraded`,
            name: `onair-${season}-${ch.id}-${r.region}-off-air`,
            description: `${ch.name} (${r.region}): every pipeline lost its input or scores below MQCS ${t.minMqcs}; this region is off air for the channel and viewers depend on the other region.`,
            source: { kind: "math", metrics, expression: { min: pipelines }, label: "all pipelines degraded" },
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
        });
        if (ch.flowArns.length > 0) {
            const flows: Record<string, MetricRef<S>> = {};
            ch.flowArns.forEach(
                (arn, i) =>
                    (flows[`flow${i}`] = {
                        namespace: "AWS/MediaConnect",
                        metric: "SourceNotRecoveredPackets",
                        dimensions: { FlowARN: arn },
                        statistic: "Sum",
                    }),
            );
            out.push({
                ...base,
                key: `${ch.id}-contribution-loss`,
                name: `onair-${season}-${ch.id}-${r.region}-unrecovered-packets`,
                description: `${ch.name} (${r.region}): a contribution flow lost packets beyond ARQ/FEC recovery.`,
                source: {
                    kind: "math",
                    metrics: flows,
                    expression: { max: Object.keys(flows).map((id) => ({ test: { id, op: ">" as const, value: 0 } })) },
                    label: "flows with unrecovered packets",
                },
                evaluationPeriods: 3,
                datapointsToAlarm: 2,
            });
        }
    }
    return out;
}

/**
 * One input-lost signal per channel: ALARM once every pipeline lost more than half of each of
 * the last three minutes (InputLossSeconds, Sum per minute), OK while any pipeline has input.
 * The season runner reads it (DescribeAlarms) when `operations.hold.whileInputLive` is on.
 */
export function inputLostAlarms<S>(season: string, r: MonitoredRegion<S>): AlarmSpec<S>[] {
    return r.channels.map((ch) => {
        const metrics = Object.fromEntries(Object.entries(pipelineMetrics(ch)).filter(([id]) => id.startsWith("loss")));
        return {
            key: `${ch.id}-input-lost`,
            name: inputLostAlarmName(season, ch.id, r.region),
            description: `${ch.name} (${r.region}): every pipeline has lost its input for three minutes. A signal for the season runner's overtime hold; it pages no one.`,
            source: {
                kind: "math" as const,
                metrics,
                expression: { min: Object.keys(metrics).map((id) => ({ test: { id, op: ">" as const, value: 30 } })) },
                label: "every pipeline lost its input",
            },
            period: 60,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            threshold: 0,
            comparison: "GreaterThanThreshold" as const,
            signal: true as const,
        };
    });
}

/** Viewer-side alarms on the distribution (CloudFront metrics live in us-east-1). */
export function globalAlarms<S>(season: string, distributionId: S, t: ObservabilityConfig["alarms"]): AlarmSpec<S>[] {
    const dims = { DistributionId: distributionId, Region: "Global" };
    return [
        {
            key: "cloudfront-5xx",
            name: `onair-${season}-cloudfront-5xx-rate`,
            description: `Viewers get 5xx errors from more than ${t.cloudFront5xxPercent}% of requests.`,
            source: { kind: "metric", metric: { namespace: "AWS/CloudFront", metric: "5xxErrorRate", dimensions: dims, statistic: "Average" } },
            period: 60,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            threshold: t.cloudFront5xxPercent,
            comparison: "GreaterThanThreshold",
        },
        {
            key: "origin-latency",
            name: `onair-${season}-origin-latency-p90`,
            description: `p90 origin latency above ${t.originLatencyP90Ms} ms: origins are slow to answer cache misses.`,
            source: { kind: "metric", metric: { namespace: "AWS/CloudFront", metric: "OriginLatency", dimensions: dims }, extendedStatistic: "p90" },
            period: 60,
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            threshold: t.originLatencyP90Ms,
            comparison: "GreaterThanThreshold",
        },
    ];
}

/**
 * Viewer experience alarms per channel, on the QoE consumer's metrics (us-east-1): rebuffering
 * and error rate above the configured percentages for 3 of 5 minutes, once the channel has
 * enough requests a minute to judge (below that the ratio reads 0).
 */
export function qoeAlarms(season: string, channels: { id: string; name: string }[], t: QoeConfig["alarms"]): AlarmSpec[] {
    const ratio = (ch: { id: string }, f: QoeFigure): AlarmSource => {
        const dims = { Season: season, Channel: ch.id };
        return {
            kind: "math",
            metrics: {
                a: { namespace: QOE_NAMESPACE, metric: f.a, dimensions: dims, statistic: "Sum" },
                b: { namespace: QOE_NAMESPACE, metric: f.b!, dimensions: dims, statistic: "Sum" },
            },
            expression: { percent: { num: "a", den: "b", minDen: t.minRequestsPerMinute } },
            label: f.title,
        };
    };
    const base = { period: 60, evaluationPeriods: 5, datapointsToAlarm: 3, comparison: "GreaterThanThreshold" as const };
    return channels.flatMap((ch) => [
        {
            ...base,
            key: `${ch.id}-qoe-rebuffering`,
            name: `onair-${season}-${ch.id}-rebuffering`,
            description: `${ch.name}: more than ${t.rebufferingPercent}% of media requests report buffer starvation (CMCD bs) in 3 of 5 minutes. Check the QoE panels: one origin region or every one?`,
            source: ratio(ch, QOE_FIGURES.rebuffering),
            threshold: t.rebufferingPercent,
        },
        {
            ...base,
            key: `${ch.id}-qoe-errors`,
            name: `onair-${season}-${ch.id}-viewer-errors`,
            description: `${ch.name}: more than ${t.errorRatePercent}% of viewer requests fail (5xx, 404, 410) in 3 of 5 minutes.`,
            source: ratio(ch, QOE_FIGURES.errors),
            threshold: t.errorRatePercent,
        },
    ]);
}
