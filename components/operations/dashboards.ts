import { CMAF_GROUP, ENDPOINT, MonitoredChannel, MonitoredRegion } from "./monitored";
import { qoeGraphs } from "./qoeDashboard";

/** One graph: a metric shown per dimension set, with the statistic that metric is meant to be read with. */
export interface Panel {
    title: string;
    namespace: string;
    metric: string;
    /** CloudWatch statistic, or a percentile such as p90. */
    stat: string;
}

/** The one definition every dashboard is generated from. */
export const PANELS = {
    medialive: [
        { title: "Active alerts", namespace: "AWS/MediaLive", metric: "ActiveAlerts", stat: "Maximum" },
        { title: "Input loss (s)", namespace: "AWS/MediaLive", metric: "InputLossSeconds", stat: "Sum" },
        { title: "Quality score (min MQCS)", namespace: "AWS/MediaLive", metric: "MinMQCS", stat: "Minimum" },
        { title: "Fill frames (ms)", namespace: "AWS/MediaLive", metric: "FillMsec", stat: "Maximum" },
    ],
    mediaconnect: [
        { title: "SRT ARQ recovered packets", namespace: "AWS/MediaConnect", metric: "SourceARQRecovered", stat: "Sum" },
        { title: "Packets not recovered", namespace: "AWS/MediaConnect", metric: "SourceNotRecoveredPackets", stat: "Sum" },
        { title: "Dropped packets", namespace: "AWS/MediaConnect", metric: "SourceDroppedPackets", stat: "Sum" },
        { title: "Round-trip time (ms)", namespace: "AWS/MediaConnect", metric: "SourceRoundTripTime", stat: "Average" },
        { title: "Source bitrate", namespace: "AWS/MediaConnect", metric: "SourceBitRate", stat: "Average" },
        { title: "Selected source (switches)", namespace: "AWS/MediaConnect", metric: "SourceSelected", stat: "Maximum" },
    ],
    mediapackage: [
        { title: "Ingest requests", namespace: "AWS/MediaPackage", metric: "IngressRequestCount", stat: "Sum" },
        { title: "Ingest bytes", namespace: "AWS/MediaPackage", metric: "IngressBytes", stat: "Sum" },
        { title: "Egress requests", namespace: "AWS/MediaPackage", metric: "EgressRequestCount", stat: "Sum" },
        { title: "Egress response time (ms)", namespace: "AWS/MediaPackage", metric: "EgressResponseTime", stat: "Average" },
    ],
    cloudfront: [
        { title: "Requests", namespace: "AWS/CloudFront", metric: "Requests", stat: "Sum" },
        { title: "4xx error rate (%)", namespace: "AWS/CloudFront", metric: "4xxErrorRate", stat: "Average" },
        { title: "5xx error rate (%)", namespace: "AWS/CloudFront", metric: "5xxErrorRate", stat: "Average" },
        { title: "Origin latency p90 (ms)", namespace: "AWS/CloudFront", metric: "OriginLatency", stat: "p90" },
        { title: "Cache hit rate (%)", namespace: "AWS/CloudFront", metric: "CacheHitRate", stat: "Average" },
    ],
} satisfies Record<string, Panel[]>;

type Line = (string | Record<string, unknown>)[];

interface Widget {
    type: "metric" | "text";
    x: number;
    y: number;
    width: number;
    height: number;
    properties: Record<string, unknown>;
}

export interface DashboardBody {
    widgets: Widget[];
}

const WIDTH = 8;
const HEIGHT = 6;
const PER_ROW = 24 / WIDTH;

function line(p: Panel, dims: Record<string, string>, label: string, region?: string): Line {
    return [p.namespace, p.metric, ...Object.entries(dims).flat(), { stat: p.stat, label, ...(region ? { region } : {}) }];
}

class Layout {
    readonly widgets: Widget[] = [];
    private y = 0;
    private col = 0;

    header(markdown: string): void {
        this.newRow();
        this.widgets.push({ type: "text", x: 0, y: this.y, width: 24, height: 1, properties: { markdown } });
        this.y += 1;
    }

    graph(title: string, region: string, metrics: Line[], period = 60, stacked = false): void {
        this.widgets.push({
            type: "metric",
            x: this.col * WIDTH,
            y: this.y,
            width: WIDTH,
            height: HEIGHT,
            properties: { title, region, metrics, view: "timeSeries", stacked, period },
        });
        this.col++;
        if (this.col === PER_ROW) this.newRow();
    }

    private newRow(): void {
        if (this.col > 0) this.y += HEIGHT;
        this.col = 0;
    }
}

function pipelines(ch: MonitoredChannel): string[] {
    return Array.from({ length: ch.pipelines }, (_, i) => String(i));
}

function flowLabel(arn: string, i: number): string {
    return `flow ${String.fromCharCode(97 + i)} (${arn.split(":").pop()})`;
}

/** A region's dashboard: per channel, its encoder (MediaLive), contribution (MediaConnect) and packager. */
export function regionDashboard(r: MonitoredRegion): DashboardBody {
    const l = new Layout();
    for (const ch of r.channels) {
        l.header(`## ${ch.name} (\`${ch.id}\`) - ${r.region}, ${r.role}`);
        for (const p of PANELS.medialive) {
            const dims = (pipe: string): Record<string, string> => ({
                ChannelId: ch.mediaLiveChannelId,
                Pipeline: pipe,
                ...(p.metric === "MinMQCS" ? { OutputGroupName: CMAF_GROUP } : {}),
            });
            l.graph(
                `${ch.id}: ${p.title}`,
                r.region,
                pipelines(ch).map((pipe) => line(p, dims(pipe), `pipeline ${pipe}`)),
            );
        }
        if (ch.flowArns.length > 0) {
            for (const p of PANELS.mediaconnect) {
                l.graph(
                    `${ch.id}: ${p.title}`,
                    r.region,
                    ch.flowArns.map((arn, i) => line(p, { FlowARN: arn }, flowLabel(arn, i))),
                );
            }
        }
        for (const p of PANELS.mediapackage) {
            const dims: Record<string, string> = p.metric.startsWith("Ingress")
                ? { ChannelGroup: ch.channelGroup ?? r.channelGroup, Channel: ch.id }
                : { ChannelGroup: ch.channelGroup ?? r.channelGroup, Channel: ch.id, OriginEndpoint: ENDPOINT };
            l.graph(`${ch.id}: ${p.title}`, r.region, [line(p, dims, ch.id)]);
        }
    }
    return { widgets: l.widgets };
}

/**
 * The global dashboard: CloudFront (us-east-1), per channel each region's quality score side by
 * side, and per channel the viewers' experience from the real-time logs (QoE).
 */
export function globalDashboard(season: string, distributionId: string, regions: MonitoredRegion[]): DashboardBody {
    const l = new Layout();
    l.header(`## ${season}: viewers (CloudFront ${distributionId})`);
    for (const p of PANELS.cloudfront) {
        l.graph(p.title, "us-east-1", [line(p, { DistributionId: distributionId, Region: "Global" }, p.metric)]);
    }
    l.header("## Quality score by region (the origin group serves the better one)");
    const mqcs = PANELS.medialive.find((p) => p.metric === "MinMQCS")!;
    const ids = regions[0]?.channels.map((c) => c.id) ?? [];
    for (const id of ids) {
        const lines = regions.flatMap((r) => {
            const ch = r.channels.find((c) => c.id === id);
            return ch
                ? pipelines(ch).map((pipe) =>
                      line(mqcs, { ChannelId: ch.mediaLiveChannelId, Pipeline: pipe, OutputGroupName: CMAF_GROUP }, `${r.region} pipeline ${pipe}`, r.region),
                  )
                : [];
        });
        l.graph(`${id}: MQCS by region`, regions[0]!.region, lines);
    }
    // The QoE consumer runs next to the real-time log stream in us-east-1; its metrics live there.
    const channels = regions[0]?.channels.map((c) => ({ id: c.id, name: c.name })) ?? [];
    for (const section of qoeGraphs(
        season,
        channels,
        regions.map((r) => r.region),
    )) {
        l.header(section.header);
        for (const g of section.graphs) l.graph(g.title, "us-east-1", g.lines, 60, g.stacked ?? false);
    }
    return { widgets: l.widgets };
}
