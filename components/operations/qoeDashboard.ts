import { EDGE_ORIGIN, QOE_FIGURES, QOE_NAMESPACE, QoeFigure } from "../observability/qoe/metrics";

/** A dashboard graph's lines: metric lines and metric math lines, as CloudWatch dashboards take them. */
export type QoeLine = (string | Record<string, unknown>)[];

export interface QoeGraph {
    title: string;
    lines: QoeLine[];
    stacked?: boolean;
}

export interface QoeChannel {
    id: string;
    name: string;
}

function metric(f: QoeFigure, which: "a" | "b", season: string, channel: string, origin: string | undefined, id: string): QoeLine {
    const dims = ["Season", season, "Channel", channel, ...(origin ? ["Origin", origin] : [])];
    return [QOE_NAMESPACE, f[which]!, ...dims, { id, stat: f.stat, visible: false }];
}

/** One figure for the channel (all origins) and, where it means something, per origin region. */
function figureLines(f: QoeFigure, season: string, channel: string, origins: (string | undefined)[]): QoeLine[] {
    return origins.flatMap((origin, i) => {
        const label = origin ?? "all viewers";
        if (!f.expression) {
            const [ns, name, ...rest] = metric(f, "a", season, channel, origin, `m${i}`);
            return [[ns!, name!, ...rest.slice(0, -1), { stat: f.stat, label }]];
        }
        const expr = f.expression.replace(/\ba\b/g, `a${i}`).replace(/\bb\b/g, `b${i}`);
        return [metric(f, "a", season, channel, origin, `a${i}`), metric(f, "b", season, channel, origin, `b${i}`), [{ expression: expr, label, id: `e${i}` }]];
    });
}

/**
 * The viewers' experience per channel, from the QoE consumer's per-minute metrics: sessions,
 * rebuffering, errors, bitrate, start-up, which origin served, failovers by reason, served MQCS.
 * Origins are the season's regions plus `edge` (answered from cache, no origin fetch).
 */
export function qoeGraphs(season: string, channels: QoeChannel[], regions: string[]): { header: string; graphs: QoeGraph[] }[] {
    const byOrigin = [undefined, ...regions];
    return channels.map((ch) => ({
        header: `## ${ch.name} (\`${ch.id}\`): viewers' experience (real-time logs, per minute)`,
        graphs: [
            { title: `${ch.id}: ${QOE_FIGURES.sessions.title}`, lines: figureLines(QOE_FIGURES.sessions, season, ch.id, [undefined]) },
            {
                title: `${ch.id}: ${QOE_FIGURES.rebuffering.title}`,
                lines: figureLines(QOE_FIGURES.rebuffering, season, ch.id, [undefined, ...regions, EDGE_ORIGIN]),
            },
            { title: `${ch.id}: ${QOE_FIGURES.errors.title}`, lines: figureLines(QOE_FIGURES.errors, season, ch.id, [undefined, ...regions, EDGE_ORIGIN]) },
            { title: `${ch.id}: ${QOE_FIGURES.bitrate.title}`, lines: figureLines(QOE_FIGURES.bitrate, season, ch.id, byOrigin) },
            { title: `${ch.id}: ${QOE_FIGURES.startup.title}`, lines: figureLines(QOE_FIGURES.startup, season, ch.id, [undefined]) },
            {
                title: `${ch.id}: ${QOE_FIGURES.originShare.title}`,
                lines: figureLines(QOE_FIGURES.originShare, season, ch.id, [...regions, EDGE_ORIGIN]),
                stacked: true,
            },
            {
                title: `${ch.id}: ${QOE_FIGURES.failovers.title}`,
                // Reasons are CloudFront's words, not known in advance: a search finds each one.
                lines: [
                    [
                        {
                            expression: `SEARCH('{${QOE_NAMESPACE},Season,Channel,Reason} MetricName="${QOE_FIGURES.failovers.a}" Season="${season}" Channel="${ch.id}"', 'Sum', 60)`,
                            label: "",
                            id: "e0",
                        },
                    ],
                ],
                stacked: true,
            },
            { title: `${ch.id}: ${QOE_FIGURES.mqcs.title}`, lines: figureLines(QOE_FIGURES.mqcs, season, ch.id, regions) },
        ],
    }));
}
