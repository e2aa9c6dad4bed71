import { resourcePolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { T } from "../../../lib/types";

/**
 * Severity: high. Plain RTP has neither FEC nor retransmission; a single lost packet on the venue
 * uplink becomes a picture hit for every viewer.
 * @see https://docs.aws.amazon.com/mediaconnect/latest/ug/protocols.html
 */
export const disallowPlainRtp = resourcePolicy(
    {
        name: "onair-mediaconnect-flow-disallow-plain-rtp",
        description: "MediaConnect flow sources and outputs must not use plain rtp; use rtp-fec (SMPTE 2022-1), srt, rist or zixi.",
        rationale: "Contribution crosses public or leased networks with packet loss. rtp-fec adds SMPTE 2022-1 forward error correction, SRT, RIST and Zixi add retransmission; plain RTP adds nothing, so every loss reaches the encoder.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediaconnect/latest/ug/protocols.html",
        remediationSteps: "Change the protocol to rtp-fec (and enable 2022-1 FEC on the sender), srt-listener/srt-caller, rist or zixi-push.",
        appliesTo: [T.mediaConnectFlow, T.mediaConnectFlowSource, T.mediaConnectFlowOutput],
    },
    (props, args, report) => {
        const entries: { what: string; protocol?: string }[] = [];
        if (args.type === T.mediaConnectFlow) {
            const source = field(props, "source");
            entries.push({ what: `source "${str(field(source, "name")) ?? "(unnamed)"}"`, protocol: str(field(source, "protocol")) });
            for (const s of list(field(props, "sources"))) {
                entries.push({ what: `source "${str(field(s, "name")) ?? "(unnamed)"}"`, protocol: str(field(s, "protocol")) });
            }
        } else {
            const kind = args.type === T.mediaConnectFlowOutput ? "output" : "source";
            entries.push({ what: `${kind} "${str(field(props, "name")) ?? args.name}"`, protocol: str(field(props, "protocol")) });
        }
        for (const e of entries) {
            if (e.protocol === "rtp") {
                report(`MediaConnect ${e.what} of "${args.name}" uses plain rtp with no FEC or retransmission; use rtp-fec with SMPTE 2022-1 FEC (5 rows x 20 columns), srt, rist or zixi.`);
            }
        }
    },
);
