import { mediaLiveChannelView } from "../../../lib/medialive";
import { resourcePolicy } from "../../../lib/policy";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";

interface Config {
    maxSyncThreshold: number;
}

/**
 * Pipeline and epoch locking align outputs on the source's embedded timecode; a
 * system-clock or zero-based timecode lets the pipelines drift apart.
 */
export const configureEmbeddedTimecode = resourcePolicy<Config>(
    {
        name: "onair-medialive-channel-configure-embedded-timecode",
        description: "MediaLive channels must take timecode from the source (EMBEDDED) and resynchronise to it within the configured sync threshold.",
        rationale:
            "Both pipelines (and every region) produce interchangeable segments only if they stamp frames from the same source timecode; the sync threshold makes the output timecode follow the input instead of drifting.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/timecode-sync.html",
        remediationSteps: "Set encoderSettings.timecodeConfig to { source: EMBEDDED, syncThreshold: 1 } and have the venue encoders embed timecode.",
        appliesTo: MEDIALIVE_CHANNEL_TYPES,
        configSchema: {
            properties: {
                maxSyncThreshold: { type: "integer", minimum: 1, maximum: 1_000_000, default: 1, description: "Largest accepted sync threshold, in frames." },
            },
        },
    },
    (props, args, report, config) => {
        const tc = mediaLiveChannelView(props).timecode;
        if (tc?.source !== "EMBEDDED") {
            report(
                `MediaLive channel "${args.name}" takes timecode from ${tc?.source ?? "an unset source"}; set timecodeConfig.source to EMBEDDED so both pipelines lock to the venue's timecode.`,
            );
        } else if (tc.syncThreshold === undefined || tc.syncThreshold > config.maxSyncThreshold) {
            report(
                `MediaLive channel "${args.name}" has timecode syncThreshold ${tc.syncThreshold ?? "unset"}; set it to ${config.maxSyncThreshold} frame${config.maxSyncThreshold === 1 ? "" : "s"} or less so output timecode resyncs to the source.`,
            );
        }
    },
);
