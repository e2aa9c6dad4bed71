import { ObservabilityConfig } from "../config/types";
import { CMAF_GROUP, MonitoredRegion } from "./monitored";

export interface AlarmSpec<S = string> {
    /** Unique suffix for the Pulumi name. */
    key: string;
    name: string;
    description: string;
    namespace: string;
    metric: string;
    dimensions: Record<string, S | string>;
    statistic?: string;
    extendedStatistic?: string;
    period: number;
    evaluationPeriods: number;
    datapointsToAlarm: number;
    threshold: number;
    comparison: "GreaterThanThreshold" | "LessThanThreshold";
}

/**
 * Alarms of one region. Missing data is "not breaching": channels are off between events, and
 * an idle channel must not page anyone.
 */
export function regionAlarms<S>(season: string, r: MonitoredRegion<S>, t: ObservabilityConfig["alarms"]): AlarmSpec<S>[] {
    const out: AlarmSpec<S>[] = [];
    for (const ch of r.channels) {
        for (let p = 0; p < ch.pipelines; p++) {
            const pipe = String(p);
            const base = { namespace: "AWS/MediaLive", period: 60 };
            out.push({
                ...base,
                key: `${ch.id}-p${p}-alerts`,
                name: `onair-${season}-${ch.id}-${r.region}-p${p}-active-alerts`,
                description: `${ch.name} (${r.region}, pipeline ${p}): MediaLive raised an alert.`,
                metric: "ActiveAlerts",
                dimensions: { ChannelId: ch.mediaLiveChannelId, Pipeline: pipe },
                statistic: "Maximum",
                evaluationPeriods: 1,
                datapointsToAlarm: 1,
                threshold: 0,
                comparison: "GreaterThanThreshold",
            });
            out.push({
                ...base,
                key: `${ch.id}-p${p}-input-loss`,
                name: `onair-${season}-${ch.id}-${r.region}-p${p}-input-loss`,
                description: `${ch.name} (${r.region}, pipeline ${p}): the contribution feed is missing.`,
                metric: "InputLossSeconds",
                dimensions: { ChannelId: ch.mediaLiveChannelId, Pipeline: pipe },
                statistic: "Sum",
                evaluationPeriods: 1,
                datapointsToAlarm: 1,
                threshold: 0,
                comparison: "GreaterThanThreshold",
            });
            out.push({
                ...base,
                key: `${ch.id}-p${p}-mqcs`,
                name: `onair-${season}-${ch.id}-${r.region}-p${p}-low-mqcs`,
                description: `${ch.name} (${r.region}, pipeline ${p}): media quality score below ${t.minMqcs} (black, frozen or fill frames).`,
                metric: "MinMQCS",
                dimensions: { ChannelId: ch.mediaLiveChannelId, Pipeline: pipe, OutputGroupName: CMAF_GROUP },
                statistic: "Minimum",
                evaluationPeriods: 3,
                datapointsToAlarm: 2,
                threshold: t.minMqcs,
                comparison: "LessThanThreshold",
            });
        }
        ch.flowArns.forEach((arn, i) => {
            out.push({
                key: `${ch.id}-flow-${i}-loss`,
                name: `onair-${season}-${ch.id}-${r.region}-flow-${String.fromCharCode(97 + i)}-unrecovered-packets`,
                description: `${ch.name} (${r.region}, flow ${String.fromCharCode(97 + i)}): packets lost beyond ARQ/FEC recovery.`,
                namespace: "AWS/MediaConnect",
                metric: "SourceNotRecoveredPackets",
                dimensions: { FlowARN: arn },
                statistic: "Sum",
                period: 60,
                evaluationPeriods: 3,
                datapointsToAlarm: 2,
                threshold: 0,
                comparison: "GreaterThanThreshold",
            });
        });
    }
    return out;
}

/** Viewer-side alarms on the distribution (CloudFront metrics live in us-east-1). */
export function globalAlarms<S>(season: string, distributionId: S, t: ObservabilityConfig["alarms"]): AlarmSpec<S>[] {
    const dims = { DistributionId: distributionId, Region: "Global" };
    return [
        {
            key: "cloudfront-5xx",
            name: `onair-${season}-cloudfront-5xx-rate`,
            description: `Viewers get 5xx errors from more than ${t.cloudFront5xxPercent}% of requests.`,
            namespace: "AWS/CloudFront",
            metric: "5xxErrorRate",
            dimensions: dims,
            statistic: "Average",
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
            namespace: "AWS/CloudFront",
            metric: "OriginLatency",
            dimensions: dims,
            extendedStatistic: "p90",
            period: 60,
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            threshold: t.originLatencyP90Ms,
            comparison: "GreaterThanThreshold",
        },
    ];
}
