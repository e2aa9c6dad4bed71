import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { SecurityConfig } from "../config/types";

type Rule = awsnative.types.input.wafv2.WebAclRuleArgs;

function visibility(metricName: string) {
    return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

/**
 * Web ACL rules, in evaluation order: operator-blocked re-streamers first (cheapest, most
 * certain), then MediaTailor's origin reads, then AWS's reputation and anonymous-IP lists, then a
 * per-IP rate limit.
 *
 * MediaTailor fetches every session's origin manifest from a few AWS addresses: the hosting-provider
 * list and the per-IP rate limit would block it at the first ad break of a big game. Its requests
 * carry its own origin token in the path, so the rule allows a path that holds that token's
 * signature (a secret 43-character HMAC); the edge function still checks the whole token.
 */
export function webAclRules(
    season: string,
    waf: SecurityConfig["waf"],
    ipSets: { v4: pulumi.Input<string>; v6: pulumi.Input<string> },
    adOriginSignatures: pulumi.Input<string>[] = [],
): Rule[] {
    const rules: Rule[] = [
        {
            name: "block-restreamers",
            priority: 0,
            action: { block: {} },
            statement: { orStatement: { statements: [{ ipSetReferenceStatement: { arn: ipSets.v4 } }, { ipSetReferenceStatement: { arn: ipSets.v6 } }] } },
            visibilityConfig: visibility(`${season}-restreamers`),
        },
    ];
    if (adOriginSignatures.length > 0) {
        const matches = adOriginSignatures.map((sig): awsnative.types.input.wafv2.WebAclStatementArgs => ({
            byteMatchStatement: {
                fieldToMatch: { uriPath: {} },
                positionalConstraint: "CONTAINS",
                searchString: pulumi.interpolate`.${sig}/`,
                textTransformations: [{ priority: 0, type: "NONE" }],
            },
        }));
        rules.push({
            name: "allow-ad-origin-reads",
            priority: 1,
            action: { allow: {} },
            statement: matches.length === 1 ? matches[0]! : { orStatement: { statements: matches } },
            visibilityConfig: visibility(`${season}-ad-origin-reads`),
        });
    }
    if (waf.ipReputationList) {
        rules.push({
            name: "aws-ip-reputation",
            priority: 2,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesAmazonIpReputationList" } },
            visibilityConfig: visibility(`${season}-ip-reputation`),
        });
    }
    if (waf.blockAnonymousIps || waf.blockHostingProviders) {
        // Each list can be switched off on its own by counting instead of blocking.
        const overrides = [
            ...(waf.blockAnonymousIps ? [] : [{ name: "AnonymousIPList", actionToUse: { count: {} } }]),
            ...(waf.blockHostingProviders ? [] : [{ name: "HostingProviderIPList", actionToUse: { count: {} } }]),
        ];
        rules.push({
            name: "aws-anonymous-ip",
            priority: 3,
            overrideAction: { none: {} },
            statement: {
                managedRuleGroupStatement: {
                    vendorName: "AWS",
                    name: "AWSManagedRulesAnonymousIpList",
                    ...(overrides.length > 0 ? { ruleActionOverrides: overrides } : {}),
                },
            },
            visibilityConfig: visibility(`${season}-anonymous-ip`),
        });
    }
    rules.push({
        name: "rate-limit-per-ip",
        priority: 4,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: waf.rateLimitPer5Min, evaluationWindowSec: 300, aggregateKeyType: "IP" } },
        visibilityConfig: visibility(`${season}-rate-limit`),
    });
    return rules;
}

export function webAclArgs(
    season: string,
    waf: SecurityConfig["waf"],
    ipSets: { v4: pulumi.Input<string>; v6: pulumi.Input<string> },
    adOriginSignatures: pulumi.Input<string>[] = [],
): awsnative.wafv2.WebAclArgs {
    return {
        name: `onair-${season}`,
        description: `OnAir ${season}: viewer protection for the live distribution`,
        scope: "CLOUDFRONT",
        defaultAction: { allow: {} },
        rules: webAclRules(season, waf, ipSets, adOriginSignatures),
        visibilityConfig: visibility(`${season}-web-acl`),
    };
}
