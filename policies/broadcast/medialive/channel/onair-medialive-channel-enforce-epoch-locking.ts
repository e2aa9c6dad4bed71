import { mediaLiveChannelView } from "../../../lib/medialive";
import { stackPolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { crossRegionGroups, ofType, regionOf } from "../../../lib/stack";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../lib/types";

/** `https://x-1.ingest.y.mediapackagev2.<region>.amazonaws.com/in/v1/<group>/<n>/<channel>/index` */
const INGEST = /\.mediapackagev2\.([a-z0-9-]+)\.amazonaws\.com\/in\/v1\/([^/]+)\/\d+\//;

/**
 * Severity: critical. CloudFront switches regions segment by segment; only epoch-locked encoders
 * cut the same segment at the same time with the same number in every region.
 * @see https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html
 */
export const enforceEpochLocking = stackPolicy(
    {
        name: "onair-medialive-channel-enforce-epoch-locking",
        description: "MediaLive channels whose MediaPackage channel group sits behind a cross-region media-quality-based origin group must use EPOCH_LOCKING output locking.",
        rationale: "A media-quality-based origin group may serve segment n from one region and n+1 from the other. That is seamless only if both regions' encoders derive segment boundaries and numbers from the same epoch, which pipeline locking within one channel does not give.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html",
        remediationSteps: "Set encoderSettings.globalConfiguration.outputLockingMode to EPOCH_LOCKING (with embedded timecode within two minutes of UTC at the venue).",
    },
    (args, report) => {
        const behind = crossRegionGroups(args.resources);
        if (behind.length === 0) return;
        for (const r of ofType(args.resources, ...MEDIALIVE_CHANNEL_TYPES)) {
            const request = field(r.props, "request") ?? r.props;
            const urls = list(field(request, "destinations")).flatMap((d) => list(field(d, "settings")).map((s) => str(field(s, "url")) ?? ""));
            const feeds = urls.map((u) => INGEST.exec(u)).filter((m): m is RegExpExecArray => m !== null).map((m) => ({ region: m[1]!, name: m[2]! }));
            const regionOfChannel = regionOf(r);
            const crossRegion = feeds.some((f) => behind.some((b) => b.region === f.region && b.name === f.name && (!regionOfChannel || regionOfChannel === f.region)));
            if (!crossRegion) continue;
            const mode = mediaLiveChannelView(r.props).outputLockingMode;
            if (mode !== "EPOCH_LOCKING") {
                report(`MediaLive channel "${r.name}" feeds a MediaPackage channel group behind a cross-region media-quality-based origin group but uses output locking ${mode ?? "unset"}; set outputLockingMode to EPOCH_LOCKING so every region cuts identical segments.`, r.urn);
            }
        }
    },
);
