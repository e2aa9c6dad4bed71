import { mediaLiveChannelView } from "../../../lib/medialive";
import { resourcePolicy } from "../../../lib/policy";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";

interface Config {
    minColumnDepth: number;
    minRowLength: number;
}

/** SMPTE 2022-1 bounds: column depth D 4-20; row length L 4-20 when row FEC is sent; L x D <= 100. */
const D_MAX = 20;
const L_MAX = 20;
const MATRIX_MAX = 100;

/**
 * UDP/RTP carries no retransmission; without SMPTE 2022-1 FEC one lost packet is a
 * visible artefact at every downstream receiver.
 */
export const configureUdpFec = resourcePolicy<Config>(
    {
        name: "onair-medialive-channel-configure-udp-fec",
        description:
            "Every UDP/RTP output of a MediaLive channel must send SMPTE 2022-1 FEC with both column and row protection, within the standard's bounds and at least the configured matrix size.",
        rationale:
            "RTP over UDP has no retransmission: a contribution or distribution feed loses packets on every network hop. Column FEC repairs bursts up to the row length and row FEC repairs isolated losses; COLUMN_AND_ROW with a 5 x 20 matrix is the broadcast reference (about 25% overhead).",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/udp-fec.html",
        remediationSteps:
            "Set outputSettings.udpOutputSettings.fecOutputSettings to { includeFec: COLUMN_AND_ROW, columnDepth: 5, rowLength: 20 } (or a larger matrix within 2022-1 bounds).",
        appliesTo: MEDIALIVE_CHANNEL_TYPES,
        configSchema: {
            properties: {
                minColumnDepth: {
                    type: "integer",
                    minimum: 4,
                    maximum: D_MAX,
                    default: 4,
                    description: "Smallest acceptable column depth D (rows of the FEC matrix).",
                },
                minRowLength: {
                    type: "integer",
                    minimum: 4,
                    maximum: L_MAX,
                    default: 4,
                    description: "Smallest acceptable row length L (columns of the FEC matrix).",
                },
            },
        },
    },
    (props, args, report, config) => {
        for (const group of mediaLiveChannelView(props).outputGroups) {
            for (const output of group.outputs) {
                const fec = output.udpFec;
                if (fec === undefined) continue;
                const where = `MediaLive channel "${args.name}": UDP output "${output.name}" in group "${group.name}"`;
                if (fec === "absent") {
                    report(`${where} sends no FEC; add fecOutputSettings { includeFec: COLUMN_AND_ROW, columnDepth: 5, rowLength: 20 }.`);
                    continue;
                }
                const problems: string[] = [];
                if (fec.includeFec !== "COLUMN_AND_ROW") problems.push(`includeFec is ${fec.includeFec ?? "unset"} (use COLUMN_AND_ROW)`);
                const d = fec.columnDepth;
                const l = fec.rowLength;
                if (d === undefined || d < config.minColumnDepth || d > D_MAX)
                    problems.push(`columnDepth ${d ?? "unset"} is outside ${config.minColumnDepth}-${D_MAX}`);
                if (l === undefined || l < config.minRowLength || l > L_MAX)
                    problems.push(`rowLength ${l ?? "unset"} is outside ${config.minRowLength}-${L_MAX}`);
                if (d !== undefined && l !== undefined && d * l > MATRIX_MAX)
                    problems.push(`the ${d} x ${l} matrix exceeds the SMPTE 2022-1 limit of ${MATRIX_MAX} packets`);
                if (problems.length > 0) report(`${where}: ${problems.join("; ")}.`);
            }
        }
    },
);
