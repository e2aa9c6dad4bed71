import { domainText } from "../../lib/cloudfront";
import { mediaPackageRegion } from "../../lib/origins";
import { stackPolicy } from "../../lib/policy";
import { ChannelGroupInfo, channelGroups, distributions, groupMembers, isMediaQualityGroup } from "../../lib/stack";
import { isUnknown, Undecided } from "../../lib/unknown";

/**
 * A media-quality-based group whose two members are in one region (or are not
 * MediaPackage) survives no regional failure.
 */
export const enforceCrossRegion = stackPolicy(
    {
        name: "onair-stack-origingroups-enforce-cross-region",
        description: "Every media-quality-based origin group must span MediaPackage v2 endpoints of two different regions.",
        rationale:
            "The origin group is the cross-region failover. If both members resolve to the same region's MediaPackage (or one member is not a MediaPackage origin at all), a regional outage takes both down. A member is placed by the channel group of this stack whose egress domain it is, or, for a channel group another stack manages, by the region in its egress domain.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html",
        remediationSteps: "Make the group's members the MediaPackage v2 egress domains of the primary and the secondary region.",
    },
    (args, report) => {
        const undecided = new Undecided();
        const groups = channelGroups(args.resources);
        for (const d of distributions(args.resources)) {
            for (const g of d.view.originGroups.filter(isMediaQualityGroup)) {
                const members = groupMembers(d, g, groups);
                const pending = members.map((m) => m.channelGroup).find(isUnknown);
                if (pending) {
                    // The members' domains come from channel groups not created yet.
                    undecided.note(pending);
                    continue;
                }
                // A member whose channel group another stack manages is placed by its egress domain's region.
                const placed = members.map((m) => {
                    const group = m.channelGroup as ChannelGroupInfo | undefined;
                    return { ...m, region: group?.region ?? mediaPackageRegion(String(m.domain)) };
                });
                const foreign = placed.filter((m) => !m.region);
                const regions = new Set(placed.map((m) => m.region).filter((x) => x));
                if (foreign.length > 0) {
                    report(
                        `CloudFront distribution "${d.resource.name}": origin group "${g.id}" member ${foreign.map((m) => `"${m.originId}" (${domainText(m.domain) || "no domain"})`).join(", ")} is not a MediaPackage v2 origin; use the MediaPackage v2 egress domains of the primary and the secondary region.`,
                        d.resource.urn,
                    );
                } else if (regions.size < 2) {
                    report(
                        `CloudFront distribution "${d.resource.name}": origin group "${g.id}" has both members in ${[...regions].join(", ")}; put the secondary member in another region.`,
                        d.resource.urn,
                    );
                }
            }
        }
        undecided.settle();
    },
);
