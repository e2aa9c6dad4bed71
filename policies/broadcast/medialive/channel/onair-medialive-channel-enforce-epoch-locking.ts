import { channelFeeds } from "../../../lib/feeds";
import { mediaLiveChannelView } from "../../../lib/medialive";
import { stackPolicy } from "../../../lib/policy";
import { crossRegionGroups, ofType, regionOf } from "../../../lib/stack";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../../contracts/resourceTypes";
import { isUnknown, Undecided } from "../../../lib/unknown";
/**
 * CloudFront switches regions segment by segment; only epoch-locked encoders
 * cut the same segment at the same time with the same number in every region.
 */
export const enforceEpochLocking = stackPolicy(
    {
        name: "onair-medialive-channel-enforce-epoch-locking",
        description:
            "MediaLive channels whose MediaPackage channel group sits behind a cross-region media-quality-based origin group must use EPOCH_LOCKING output locking.",
        rationale:
            "A media-quality-based origin group may serve segment n from one region and n+1 from the other. That is seamless only if both regions' encoders derive segment boundaries and numbers from the same epoch, which pipeline locking within one channel does not give.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html",
        remediationSteps:
            "Set encoderSettings.globalConfiguration.outputLockingMode to EPOCH_LOCKING (with embedded timecode within two minutes of UTC at the venue).",
    },
    (args, report) => {
        const undecided = new Undecided();
        const behind = crossRegionGroups(args.resources);
        for (const r of ofType(args.resources, ...MEDIALIVE_CHANNEL_TYPES))
            undecided.check(() => {
                const mode = mediaLiveChannelView(r.props).outputLockingMode;
                // An epoch-locked channel is right wherever it feeds.
                if (mode === "EPOCH_LOCKING") return;
                const { feeds, pending } = channelFeeds(r);
                if (pending) throw pending.error;
                const regionOfChannel = regionOf(r);
                const mediaPackage = feeds.filter((f) => f.kind === "mediapackagev2" && (!regionOfChannel || !f.region || f.region === regionOfChannel));
                // Only MediaPackage v2 origins can be members of a media-quality-based group.
                if (mediaPackage.length === 0) return;
                if (isUnknown(behind)) throw behind.error;
                const crossRegion = mediaPackage.some(
                    (f) => f.kind === "mediapackagev2" && behind.some((b) => b.name === f.group && b.region === (f.region ?? regionOfChannel)),
                );
                if (!crossRegion) return;
                report(
                    `MediaLive channel "${r.name}" feeds a MediaPackage channel group behind a cross-region media-quality-based origin group but uses output locking ${mode ?? "unset"}; set outputLockingMode to EPOCH_LOCKING so every region cuts identical segments.`,
                    r.urn,
                );
            });
        undecided.settle();
    },
);
