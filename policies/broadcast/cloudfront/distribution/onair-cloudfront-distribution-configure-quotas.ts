import { field, list } from "../../../lib/props";
import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES, T } from "../../../../contracts/resourceTypes";

interface Config {
    maxOriginGroups: number;
    maxCacheBehaviors: number;
    maxOrigins: number;
}

/**
 * A distribution beyond its account quotas fails on deploy, on the day channels
 * are added for the playoffs.
 */
export const configureQuotas = resourcePolicy<Config>(
    {
        name: "onair-cloudfront-distribution-configure-quotas",
        description:
            "A CloudFront distribution must stay within the account's quotas for origin groups, cache behaviours and origins (CloudFront defaults unless raised in the config).",
        rationale:
            "OnAir gives every channel an origin group and a cache behaviour. CloudFront's defaults are 10 origin groups, 75 cache behaviours and 100 origins per distribution; a season that outgrows them needs a quota increase before deployment, not during it.",
        severity: "medium",
        enforcementLevel: "advisory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
        remediationSteps:
            "Request the quota increase in Service Quotas, then raise maxOriginGroups / maxCacheBehaviors in the pack config; or split channels across distributions.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
        configSchema: {
            properties: {
                maxOriginGroups: { type: "integer", minimum: 1, default: 10, description: "Origin groups per distribution allowed in this account." },
                maxCacheBehaviors: { type: "integer", minimum: 1, default: 75, description: "Cache behaviours per distribution allowed in this account." },
                maxOrigins: { type: "integer", minimum: 1, default: 100, description: "Origins per distribution allowed in this account." },
            },
        },
    },
    (props, args, report, config) => {
        const view = distributionView(args.type, props);
        const cfg = args.type === T.cloudFrontDistributionNative ? field(props, "distributionConfig") : props;
        const behaviors = list(field(cfg, args.type === T.cloudFrontDistributionNative ? "cacheBehaviors" : "orderedCacheBehaviors")).length;
        const over: string[] = [];
        if (view.originGroups.length > config.maxOriginGroups) over.push(`${view.originGroups.length} origin groups (quota ${config.maxOriginGroups})`);
        if (behaviors > config.maxCacheBehaviors) over.push(`${behaviors} cache behaviours (quota ${config.maxCacheBehaviors})`);
        if (view.origins.length > config.maxOrigins) over.push(`${view.origins.length} origins (quota ${config.maxOrigins})`);
        if (over.length > 0)
            report(
                `CloudFront distribution "${args.name}" has ${over.join(", ")}; request a quota increase before deploying and raise the limits in the policy config.`,
            );
    },
);
