import { resourcePolicy } from "../../../lib/policy";
import { num, str } from "../../../lib/props";
import { FLOW_TYPES, flowEndpoints } from "../../../lib/mediaconnect";

interface Config {
    minLatencyMs: number;
    maxLatencyMs: number;
}

/**
 * RIST's recovery buffer bounds how late a retransmitted packet may arrive: too
 * small and recovery fails, too large and every viewer waits for it.
 */
export const configureRistLatency = resourcePolicy<Config>(
    {
        name: "onair-mediaconnect-flow-configure-rist-latency",
        description: "MediaConnect RIST sources and outputs must set a recovery latency within the configured bounds.",
        rationale:
            "RIST retransmits lost packets within its recovery window (maxLatency). Below a few round trips it cannot recover; far above what the path needs it adds delay to the whole broadcast.",
        severity: "medium",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediaconnect/latest/ug/source-adding-standard.html",
        remediationSteps: "Set maxLatency on the RIST source (or output) within the configured bounds, at least 3 x the round trip to the venue.",
        appliesTo: FLOW_TYPES,
        configSchema: {
            properties: {
                minLatencyMs: {
                    type: "integer",
                    minimum: 1,
                    maximum: 15000,
                    default: 100,
                    description: "Smallest RIST recovery latency accepted, in milliseconds.",
                },
                maxLatencyMs: {
                    type: "integer",
                    minimum: 1,
                    maximum: 15000,
                    default: 15000,
                    description: "Largest RIST recovery latency accepted, in milliseconds.",
                },
            },
        },
    },
    (props, args, report, config) => {
        for (const e of flowEndpoints(args, props)) {
            if (str(e.props["protocol"]) !== "rist") continue;
            const latency = num(e.props["maxLatency"]);
            if (latency === undefined || latency < config.minLatencyMs || latency > config.maxLatencyMs) {
                report(
                    `MediaConnect RIST ${e.kind} "${e.name}" of "${args.name}" has recovery latency ${latency ?? "unset"} ms; set maxLatency within ${config.minLatencyMs}-${config.maxLatencyMs} ms.`,
                );
            }
        }
    },
);
