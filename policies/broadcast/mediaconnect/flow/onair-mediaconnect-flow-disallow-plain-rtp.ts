import { resourcePolicy } from "../../../lib/policy";
import { str } from "../../../lib/props";
import { FLOW_TYPES, flowEndpoints } from "../../../lib/mediaconnect";

/**
 * Plain RTP has neither FEC nor retransmission; a single lost packet on the venue
 * uplink becomes a picture hit for every viewer.
 */
export const disallowPlainRtp = resourcePolicy(
    {
        name: "onair-mediaconnect-flow-disallow-plain-rtp",
        description: "MediaConnect flow sources and outputs must not use plain rtp; use rtp-fec (SMPTE 2022-1), srt, rist or zixi.",
        rationale:
            "Contribution crosses public or leased networks with packet loss. rtp-fec adds SMPTE 2022-1 forward error correction, SRT, RIST and Zixi add retransmission; plain RTP adds nothing, so every loss reaches the encoder.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediaconnect/latest/ug/protocols.html",
        remediationSteps: "Change the protocol to rtp-fec (and enable 2022-1 FEC on the sender), srt-listener/srt-caller, rist or zixi-push.",
        appliesTo: FLOW_TYPES,
    },
    (props, args, report) => {
        for (const e of flowEndpoints(args, props)) {
            if (str(e.props["protocol"]) === "rtp") {
                report(
                    `MediaConnect ${e.kind} "${e.name}" of "${args.name}" uses plain rtp with no FEC or retransmission; use rtp-fec with SMPTE 2022-1 FEC (5 rows x 20 columns), srt, rist or zixi.`,
                );
            }
        }
    },
);
