import { mediaLiveChannelView } from "../../../lib/medialive";
import { resourcePolicy } from "../../../lib/policy";
import { str } from "../../../lib/props";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";

/**
 * Without EXT-X-PROGRAM-DATE-TIME the two pipelines' playlists cannot be aligned
 * by wall-clock time, so a switch between them can skip or repeat content.
 */
export const enforceHlsProgramDateTime = resourcePolicy(
    {
        name: "onair-medialive-channel-enforce-hls-program-date-time",
        description: "Every HLS output group of a MediaLive channel must include EXT-X-PROGRAM-DATE-TIME in its manifests.",
        rationale:
            "Program date time ties each segment to wall-clock time, which is how origins, players and monitoring align the two pipelines' output and verify a failover left no gap.",
        severity: "medium",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/medialive/latest/ug/hls-resiliency.html",
        remediationSteps: "Set outputGroupSettings.hlsGroupSettings.programDateTime to INCLUDE on every HLS output group.",
        appliesTo: MEDIALIVE_CHANNEL_TYPES,
    },
    (props, args, report) => {
        for (const group of mediaLiveChannelView(props).outputGroups) {
            if (group.kind !== "hls") continue;
            const pdt = str(group.settings["programDateTime"] ?? group.settings["ProgramDateTime"]);
            if (pdt !== "INCLUDE") {
                report(
                    `MediaLive channel "${args.name}": HLS output group "${group.name}" has programDateTime ${pdt ?? "unset (EXCLUDE)"}; set it to INCLUDE so both pipelines' playlists align on wall-clock time.`,
                );
            }
        }
    },
);
