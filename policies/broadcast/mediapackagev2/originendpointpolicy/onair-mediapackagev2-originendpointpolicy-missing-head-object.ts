import { known, statements, values } from "../../../lib/documents";
import { stackPolicy } from "../../../lib/policy";
import { field, str } from "../../../lib/props";
import { channelGroups, distributions, groupMembers, isMediaQualityGroup, ofType, regionOf } from "../../../lib/stack";
import { T } from "../../../../contracts/resourceTypes";
import { isUnknown, Undecided, Unknown } from "../../../lib/unknown";

/**
 * CloudFront probes the other origin of a media-quality-based group with HEAD; if
 * the endpoint policy refuses HEAD, that origin never scores and never takes over.
 */
export const missingHeadObject = stackPolicy(
    {
        name: "onair-mediapackagev2-originendpointpolicy-missing-head-object",
        description:
            "Endpoint policies of MediaPackage v2 endpoints behind a media-quality-based origin group must allow mediapackagev2:GetHeadObject as well as GetObject.",
        rationale:
            "With media-quality-based selection CloudFront sends GET to the selected origin and a HEAD to the other to read its quality score. Under origin access control each HEAD needs GetHeadObject; without it the standby region looks permanently worse and the group cannot switch.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html",
        remediationSteps: "Add mediapackagev2:GetHeadObject to the statement that grants cloudfront.amazonaws.com mediapackagev2:GetObject.",
    },
    (args, report) => {
        const undecided = new Undecided();
        const groups = channelGroups(args.resources);
        const behind = new Set<string>();
        let pending: Unknown | undefined;
        for (const d of distributions(args.resources)) {
            for (const g of d.view.originGroups.filter(isMediaQualityGroup)) {
                for (const m of groupMembers(d, g, groups)) {
                    if (isUnknown(m.channelGroup)) pending ??= m.channelGroup;
                    else if (m.channelGroup?.name && m.channelGroup.region) behind.add(`${m.channelGroup.region}/${m.channelGroup.name}`);
                }
            }
        }
        for (const p of ofType(args.resources, T.mediaPackageOriginEndpointPolicy)) {
            undecided.check(() => {
                const allowed = statements(field(p.props, "policy"))
                    .filter((s) => field(s, "Effect") === "Allow")
                    .flatMap((s) => values(() => field(s, "Action")));
                // A policy that allows HEAD is right wherever its endpoint sits.
                if (known(allowed).includes("mediapackagev2:GetHeadObject")) return;
                const action = allowed.find(isUnknown);
                if (action) throw action.error;
                const key = `${regionOf(p)}/${str(field(p.props, "channelGroupName"))}`;
                if (!behind.has(key)) {
                    // Which channel groups the media groups use is not known until their domains are.
                    if (pending) throw pending.error;
                    return;
                }
                report(
                    `MediaPackage v2 endpoint policy "${p.name}" (${regionOf(p)}) serves a media-quality-based origin group but does not allow mediapackagev2:GetHeadObject; add it so CloudFront's quality probe (HEAD) succeeds.`,
                    p.urn,
                );
            });
        }
        undecided.settle();
    },
);
