import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../../contracts/resourceTypes";
import { GEO_REQUIRED_TAG, GEO_REQUIRED_VALUE } from "../../../../contracts/tags";

interface Config {
    alwaysRequired: boolean;
}

function tagged(props: Record<string, unknown>): boolean {
    const tags = field(props, "tags");
    if (Array.isArray(tags)) return list(tags).some((t) => str(field(t, "key")) === GEO_REQUIRED_TAG && str(field(t, "value")) === GEO_REQUIRED_VALUE);
    return str(field(tags, GEO_REQUIRED_TAG)) === GEO_REQUIRED_VALUE;
}

/**
 * Rights are sold by territory; serving outside it is a contract breach.
 */
export const missingGeoRestriction = resourcePolicy<Config>(
    {
        name: "onair-cloudfront-distribution-missing-geo-restriction",
        description:
            "CloudFront distributions tagged onair:geo-restriction=required (or every distribution, when configured) must restrict viewers by country.",
        rationale:
            "Sports rights are licensed per territory. The stack declares the requirement (OnAir tags the distribution from security.requireGeoRestriction) and this rule makes sure a country allow- or block-list is really in place.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html",
        remediationSteps: "Set restrictions.geoRestriction { restrictionType: whitelist, locations: [the licensed countries] }.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
        configSchema: {
            properties: {
                alwaysRequired: { type: "boolean", default: false, description: "Require a geo restriction on every distribution, tagged or not." },
            },
        },
    },
    (props, args, report, config) => {
        if (!config.alwaysRequired && !tagged(props) && !tagged(field(props, "distributionConfig") as Record<string, unknown>)) return;
        const geo = distributionView(args.type, props).geoRestriction;
        if (!geo || geo.type === "none" || geo.type === undefined || geo.locations.length === 0) {
            report(
                `CloudFront distribution "${args.name}" must be geo-restricted but has restrictionType ${geo?.type ?? "unset"}; set a whitelist of the countries the rights cover.`,
            );
        }
    },
);
