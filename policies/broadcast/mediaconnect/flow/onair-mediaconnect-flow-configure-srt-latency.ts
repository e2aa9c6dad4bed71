import { resourcePolicy } from "../../../lib/policy";
import { num, str } from "../../../lib/props";
import { FLOW_TYPES, flowEndpoints } from "../../../lib/mediaconnect";

interface Config {
    minLatencyMs: number;
}

/**
 * SRT recovers a lost packet only if the retransmission arrives within the latency
 * window; below about 3 x RTT losses become visible.
 */
export const configureSrtLatency = resourcePolicy<Config>(
    {
        name: "onair-mediaconnect-flow-configure-srt-latency",
        description: "MediaConnect SRT sources and outputs must set a latency of at least the configured minimum.",
        rationale:
            "SRT's ARQ needs time for the receiver to notice a gap and the sender to resend: the latency should be at least three round trips between venue and region (120 ms is the protocol's floor, not a target).",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediaconnect/latest/ug/source-adding-standard.html",
        remediationSteps: "Set minLatency on the source (or output) to at least 3 x the measured RTT and no less than the configured minimum.",
        appliesTo: FLOW_TYPES,
        configSchema: {
            properties: {
                minLatencyMs: {
                    type: "integer",
                    minimum: 120,
                    maximum: 15000,
                    default: 120,
                    description: "Smallest SRT latency accepted, in milliseconds (>= 3 x RTT to the venue).",
                },
            },
        },
    },
    (props, args, report, config) => {
        for (const e of flowEndpoints(args, props)) {
            if (!(str(e.props["protocol"]) ?? "").startsWith("srt")) continue;
            const latency = num(e.props["minLatency"]);
            if (latency === undefined || latency < config.minLatencyMs) {
                report(
                    `MediaConnect SRT ${e.kind} "${e.name}" of "${args.name}" has latency ${latency ?? "unset"} ms; set minLatency to at least ${config.minLatencyMs} ms (and 3 x the round trip to the venue).`,
                );
            }
        }
    },
);
