import { stackPolicy } from "../../lib/policy";
import { dig, list } from "../../lib/props";
import { channelGroups, distributions, groupMembers, isMediaQualityGroup, originEndpoints } from "../../lib/stack";
import { isUnknown, Undecided, Unknown } from "../../lib/unknown";

/**
 * Forced 404s on the secondary can make both regions answer 404 at once, turning a
 * partial problem into a blackout.
 */
export const enforcePrimaryOnlyErrors = stackPolicy(
    {
        name: "onair-stack-endpoints-enforce-primary-only-errors",
        description:
            "Forced endpoint errors (404 on stale or incomplete manifest, slate input, missing DRM key) must be configured on the primary region's endpoints only.",
        rationale:
            "The primary's 404 is the signal that moves CloudFront to the secondary. If the secondary forced errors too, a condition affecting both (a venue problem, a DRM outage) would make both origins refuse and viewers would get nothing instead of degraded video.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/endpoints-settings.html",
        remediationSteps: "Remove forceEndpointErrorConfiguration from the secondary region's origin endpoints.",
    },
    (args, report) => {
        const undecided = new Undecided();
        const groups = channelGroups(args.resources);
        const secondaries = new Set<string>();
        let pending: Unknown | undefined;
        for (const d of distributions(args.resources)) {
            for (const g of d.view.originGroups.filter(isMediaQualityGroup)) {
                for (const m of groupMembers(d, g, groups).slice(1)) {
                    if (isUnknown(m.channelGroup)) pending ??= m.channelGroup;
                    else if (m.channelGroup?.region && m.channelGroup.name) secondaries.add(`${m.channelGroup.region}/${m.channelGroup.name}`);
                }
            }
        }
        for (const e of originEndpoints(args.resources)) {
            undecided.check(() => {
                const conditions = list(dig(e.resource.props, "forceEndpointErrorConfiguration", "endpointErrorConditions"));
                if (conditions.length === 0) return;
                if (!secondaries.has(`${e.region}/${e.group}`)) {
                    // Which region is each group's secondary is not known until the origins' domains are.
                    if (pending) throw pending.error;
                    return;
                }
                report(
                    `MediaPackage v2 endpoint ${e.group}/${e.channel}/${e.endpoint} in secondary region ${e.region} forces errors (${conditions.join(", ")}); keep forced errors on the primary only so both origins never refuse at once.`,
                    e.resource.urn,
                );
            });
        }
        undecided.settle();
    },
);
