import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES, T } from "../../../../contracts/resourceTypes";
import { isUnknown, Undecided } from "../../../lib/unknown";

/**
 * A default origin group over MediaPackage fails over only on errors; it cannot see
 * that one region's segments are black or frozen.
 */
export const configureMediaOriginGroups = resourcePolicy(
    {
        name: "onair-cloudfront-distribution-configure-media-origin-groups",
        description: "CloudFront origin groups over MediaPackage v2 origins must use media-quality-based selection and fail over on 404.",
        rationale:
            "With media-quality-based selection CloudFront compares the MQCS of both regions per segment and serves the better one; 404 in the failover codes lets the primary's forced errors (stale or incomplete manifest, slate) move viewers to the secondary. Only aws-native distributions can express the selection criteria.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html",
        remediationSteps:
            "Use aws-native cloudfront.Distribution, set selectionCriteria: media-quality-based on the group and include 404 in failoverCriteria.statusCodes.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
    },
    (props, args, report) => {
        const view = distributionView(args.type, props);
        const undecided = new Undecided();
        for (const g of view.originGroups) {
            const members = g.memberOriginIds.map((id) => view.origins.find((o) => o.id === id));
            if (members.length === 0) continue;
            const pending = members.map((m) => m?.service).find(isUnknown);
            if (!pending && !members.every((m) => m?.service === "mediapackagev2")) continue;
            const problems: string[] = [];
            if (g.selectionCriteria !== "media-quality-based") {
                problems.push(
                    args.type === T.cloudFrontDistributionClassic
                        ? "aws.cloudfront.Distribution cannot select by media quality (use the aws-native distribution)"
                        : `selectionCriteria is ${g.selectionCriteria ?? "default"} (use media-quality-based)`,
                );
            }
            if (!g.statusCodes.includes(404)) problems.push(`failover codes ${JSON.stringify(g.statusCodes)} lack 404`);
            if (problems.length === 0) continue;
            // A group set up as a media group is fine whatever its members are; one that is not is
            // wrong only if its members (domains not known yet) are MediaPackage v2 origins.
            if (pending) undecided.note(pending);
            else report(`CloudFront distribution "${args.name}": origin group "${g.id}" over MediaPackage v2 origins: ${problems.join("; ")}.`);
        }
        undecided.settle();
    },
);
