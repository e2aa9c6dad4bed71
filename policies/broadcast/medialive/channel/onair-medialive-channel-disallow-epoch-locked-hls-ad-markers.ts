import { mediaLiveChannelView } from "../../../lib/medialive";
import { resourcePolicy } from "../../../lib/policy";
import { list, str } from "../../../lib/props";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";

/**
 * MediaLive refuses to save an epoch-locked channel whose HLS groups carry SCTE-35,
 * so the change fails at `pulumi up`, possibly on a game day; the pull request is the place to learn.
 */
export const disallowEpochLockedHlsAdMarkers = resourcePolicy(
    {
        name: "onair-medialive-channel-disallow-epoch-locked-hls-ad-markers",
        description: "An EPOCH_LOCKING MediaLive channel must not pass SCTE-35 through, or decorate manifests with ad markers, in its HLS output groups.",
        rationale:
            "With epoch locking, MediaLive rejects HLS output groups that pass SCTE-35 through or add ad markers to manifests, and MediaPackage output groups drop SCTE-35 silently. Ad markers for epoch-locked channels travel in the CMAF Ingest group (Scte35Type SCTE_35_WITHOUT_SEGMENTATION), which keeps the segment grid identical in every region.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/pipeline-locking-requirements.html",
        remediationSteps:
            "Remove hlsGroupSettings.adMarkers and set m3u8Settings.scte35Behavior to NO_PASSTHROUGH on HLS outputs; carry ad markers in a CMAF Ingest output group with Scte35Type SCTE_35_WITHOUT_SEGMENTATION.",
        appliesTo: MEDIALIVE_CHANNEL_TYPES,
    },
    (props, args, report) => {
        const view = mediaLiveChannelView(props);
        if (view.outputLockingMode !== "EPOCH_LOCKING") return;
        for (const group of view.outputGroups) {
            if (group.kind !== "hls") continue;
            const markers = list(group.settings["adMarkers"] ?? group.settings["AdMarkers"])
                .map(str)
                .filter((m): m is string => m !== undefined);
            if (markers.length > 0) {
                report(
                    `MediaLive channel "${args.name}" uses EPOCH_LOCKING but HLS output group "${group.name}" adds ad markers (${markers.join(", ")}); MediaLive rejects this when the channel is saved. Remove adMarkers and carry SCTE-35 in a CMAF Ingest group (Scte35Type SCTE_35_WITHOUT_SEGMENTATION).`,
                );
            }
            for (const output of group.outputs) {
                if (output.hlsScte35Behavior === "PASSTHROUGH") {
                    report(
                        `MediaLive channel "${args.name}" uses EPOCH_LOCKING but HLS output "${output.name}" in group "${group.name}" passes SCTE-35 through; MediaLive rejects this when the channel is saved. Set scte35Behavior to NO_PASSTHROUGH and carry SCTE-35 in a CMAF Ingest group.`,
                    );
                }
            }
        }
    },
);
