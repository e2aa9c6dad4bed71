import { stackPolicy } from "../../lib/policy";
import { channelGroups, distributions, groupMembers, isMediaQualityGroup } from "../../lib/stack";

/**
 * Severity: critical. A media-quality-based group whose two members are in one region (or are not
 * MediaPackage) survives no regional failure.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html
 */
export const originGroupsSpanRegions = stackPolicy(
    {
        name: "onair-stack-origingroups-enforce-cross-region",
        description: "Every media-quality-based origin group must span MediaPackage v2 endpoints of two different regions.",
        rationale: "The origin group is the cross-region failover. If both members resolve to the same region's MediaPackage (or one member is not a MediaPackage origin of this stack), a regional outage takes both down.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html",
        remediationSteps: "Make the group's members the MediaPackage v2 egress domains of the primary and the secondary region.",
    },
    (args, report) => {
        const groups = channelGroups(args.resources);
        for (const d of distributions(args.resources)) {
            for (const g of d.view.originGroups.filter(isMediaQualityGroup)) {
                const members = groupMembers(d, g, groups);
                const unknown = members.filter((m) => !m.channelGroup);
                const regions = new Set(members.map((m) => m.channelGroup?.region).filter((x) => x));
                if (unknown.length > 0) {
                    report(`CloudFront distribution "${d.resource.name}": origin group "${g.id}" member ${unknown.map((m) => `"${m.originId}" (${m.domain || "no domain"})`).join(", ")} is not a MediaPackage v2 channel group of this stack; use the regions' egress domains.`, d.resource.urn);
                } else if (regions.size < 2) {
                    report(`CloudFront distribution "${d.resource.name}": origin group "${g.id}" has both members in ${[...regions].join(", ")}; put the secondary member in another region.`, d.resource.urn);
                }
            }
        }
    },
);
