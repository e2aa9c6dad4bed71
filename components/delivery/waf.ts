import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { SecurityConfig } from "../config/types";
import { RATE_WINDOW_SECONDS } from "./audience";

type Rule = awsnative.types.input.wafv2.WebAclRuleArgs;
type Statement = awsnative.types.input.wafv2.WebAclStatementArgs;

function visibility(metricName: string) {
    return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

const NONE = [{ priority: 0, type: "NONE" as const }];

/** Label the ad-origin rule puts on MediaTailor's origin reads; later rules read it in this web ACL's namespace. */
export const AD_ORIGIN_LABEL = "onair:ad-origin-read";

/**
 * The AWS managed anonymous-IP group labels each match (AWS WAF Developer Guide, "IP reputation rule
 * groups": awswaf:managed:aws:anonymous-ip-list:HostingProviderIPList). OnAir counts that rule in the
 * group and blocks on the label itself, so MediaTailor can be left out of that one rule only.
 */
export const HOSTING_PROVIDER_LABEL = "awswaf:managed:aws:anonymous-ip-list:HostingProviderIPList";

/** MediaTailor's origin token, by channel: the path prefix it reads and the token's secret signature. */
export interface AdOriginRead {
    /** The channel's viewer prefix, e.g. /out/v1/rsn-2026-27/football-uhd. */
    prefix: string;
    signature: pulumi.Input<string>;
}

function uriPath(positionalConstraint: "STARTS_WITH" | "ENDS_WITH" | "CONTAINS", searchString: pulumi.Input<string>): Statement {
    return { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint, searchString, textTransformations: NONE } };
}

function any(statements: Statement[]): Statement {
    return statements.length === 1 ? statements[0]! : { orStatement: { statements } };
}

const notAdOrigin: Statement = { notStatement: { statement: { labelMatchStatement: { scope: "LABEL", key: AD_ORIGIN_LABEL } } } };

/** The paths viewers play: tokenised channel paths, token-less channel paths, MediaTailor. */
const MEDIA_PATHS = any(["/tk/", "/out/", "/v1/"].map((p) => uriPath("STARTS_WITH", p)));

/**
 * MediaTailor's origin reads: a GET of a tokenised path of that channel carrying its origin token's
 * signature right before the channel prefix (the token is checked whole by the edge function).
 * WAF byte-match strings are at most 200 bytes; the signature (43) and a prefix fit.
 */
export function adOriginReadStatement(reads: AdOriginRead[]): Statement {
    return {
        andStatement: {
            statements: [
                { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: "EXACTLY", searchString: "GET", textTransformations: NONE } },
                uriPath("STARTS_WITH", "/tk/"),
                any(reads.map((r) => uriPath("CONTAINS", pulumi.interpolate`.${r.signature}${r.prefix}/`))),
            ],
        },
    };
}

function rateRule(
    name: string,
    priority: number,
    season: string,
    limit: number,
    key: Pick<awsnative.types.input.wafv2.WebAclRateBasedStatementArgs, "aggregateKeyType" | "customKeys">,
    scopeDown: Statement[],
): Rule {
    return {
        name,
        priority,
        action: { block: {} },
        statement: {
            rateBasedStatement: {
                limit,
                evaluationWindowSec: RATE_WINDOW_SECONDS,
                ...key,
                ...(scopeDown.length === 0 ? {} : { scopeDownStatement: scopeDown.length === 1 ? scopeDown[0]! : { andStatement: { statements: scopeDown } } }),
            },
        },
        visibilityConfig: visibility(`${season}-${name}`),
    };
}

/**
 * Web ACL rules, in evaluation order:
 * 0 operator-blocked re-streamers (cheapest, most certain);
 * 1 label MediaTailor's origin reads (count: labels only, never allows anything by itself);
 * 2 AWS IP reputation list, for every request including MediaTailor's;
 * 3 AWS anonymous-IP list: VPNs, proxies and Tor blocked for everyone; the hosting-provider rule counts;
 * 4 hosting providers blocked, except MediaTailor's labelled reads (it runs on AWS addresses);
 * 5 a coarse per-address limit sized for the crowd behind one address (NAT, campus, bar);
 * 6-8 per viewer token, by the transport the token comes in (query argument, bearer header, cookie):
 *   WAF custom keys name whole fields, so each transport has its own rule; a request without that
 *   field is not counted by it;
 * 9 per playlist path: a path token makes every viewer's playlist URL its own, as does a MediaTailor
 *   session's, so reloads of one path beyond what players make mean a shared or scraped token.
 * MediaTailor's labelled reads skip only the hosting-provider and rate rules.
 */
export function webAclRules(
    season: string,
    waf: SecurityConfig["waf"],
    ipSets: { v4: pulumi.Input<string>; v6: pulumi.Input<string> },
    adOriginReads: AdOriginRead[] = [],
): Rule[] {
    const rules: Rule[] = [
        {
            name: "block-restreamers",
            priority: 0,
            action: { block: {} },
            statement: any([{ ipSetReferenceStatement: { arn: ipSets.v4 } }, { ipSetReferenceStatement: { arn: ipSets.v6 } }]),
            visibilityConfig: visibility(`${season}-restreamers`),
        },
    ];
    if (adOriginReads.length > 0) {
        rules.push({
            name: "label-ad-origin-reads",
            priority: 1,
            action: { count: {} },
            ruleLabels: [{ name: AD_ORIGIN_LABEL }],
            statement: adOriginReadStatement(adOriginReads),
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
        const overrides = [
            ...(waf.blockAnonymousIps ? [] : [{ name: "AnonymousIPList", actionToUse: { count: {} } }]),
            // Counted here, blocked by rule 4 on its label (so MediaTailor can be left out of it alone).
            { name: "HostingProviderIPList", actionToUse: { count: {} } },
        ];
        rules.push({
            name: "aws-anonymous-ip",
            priority: 3,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesAnonymousIpList", ruleActionOverrides: overrides } },
            visibilityConfig: visibility(`${season}-anonymous-ip`),
        });
    }
    if (waf.blockHostingProviders) {
        const hosting: Statement = { labelMatchStatement: { scope: "LABEL", key: HOSTING_PROVIDER_LABEL } };
        rules.push({
            name: "block-hosting-providers",
            priority: 4,
            action: { block: {} },
            statement: adOriginReads.length > 0 ? { andStatement: { statements: [hosting, notAdOrigin] } } : hosting,
            visibilityConfig: visibility(`${season}-hosting-providers`),
        });
    }
    const exempt = adOriginReads.length > 0 ? [notAdOrigin] : [];
    const scope = (...s: Statement[]) => [...s, ...exempt];
    rules.push(
        // The coarse limit counts every path, media or not.
        rateRule("rate-limit-per-ip", 5, season, waf.perIpRequestsPer5Min, { aggregateKeyType: "IP" }, exempt),
        rateRule(
            "rate-limit-per-token-query",
            6,
            season,
            waf.perTokenRequestsPer5Min,
            { aggregateKeyType: "CUSTOM_KEYS", customKeys: [{ queryArgument: { name: "token", textTransformations: NONE } }] },
            scope(MEDIA_PATHS),
        ),
        rateRule(
            "rate-limit-per-token-header",
            7,
            season,
            waf.perTokenRequestsPer5Min,
            { aggregateKeyType: "CUSTOM_KEYS", customKeys: [{ header: { name: "authorization", textTransformations: NONE } }] },
            scope(MEDIA_PATHS),
        ),
        rateRule(
            "rate-limit-per-token-cookie",
            8,
            season,
            waf.perTokenRequestsPer5Min,
            { aggregateKeyType: "CUSTOM_KEYS", customKeys: [{ cookie: { name: "onair_token", textTransformations: NONE } }] },
            scope(MEDIA_PATHS),
        ),
        rateRule(
            "rate-limit-per-playlist",
            9,
            season,
            waf.perPlaylistRequestsPer5Min,
            { aggregateKeyType: "CUSTOM_KEYS", customKeys: [{ uriPath: { textTransformations: NONE } }] },
            scope(
                // Only paths unique to one viewer: /tk/<token>/... and MediaTailor's /v1/manifest/<...>/<session>/.
                // A session start (/v1/master, /v1/dash) is one URL for every viewer and must not be keyed.
                any([uriPath("STARTS_WITH", "/tk/"), uriPath("STARTS_WITH", "/v1/manifest/")]),
                any([uriPath("ENDS_WITH", ".m3u8"), uriPath("ENDS_WITH", ".mpd")]),
            ),
        ),
    );
    return rules;
}

export function webAclArgs(
    season: string,
    waf: SecurityConfig["waf"],
    ipSets: { v4: pulumi.Input<string>; v6: pulumi.Input<string> },
    adOriginReads: AdOriginRead[] = [],
): awsnative.wafv2.WebAclArgs {
    return {
        name: `onair-${season}`,
        description: `OnAir ${season}: viewer protection for the live distribution`,
        scope: "CLOUDFRONT",
        defaultAction: { allow: {} },
        rules: webAclRules(season, waf, ipSets, adOriginReads),
        visibilityConfig: visibility(`${season}-web-acl`),
    };
}
