import * as awsnative from "@pulumi/aws-native";

type Cfg = awsnative.types.input.cloudfront.DistributionConfigArgs;
type Rule = awsnative.types.input.wafv2.WebAclRuleArgs;

/**
 * What the plan shows of the edge, from the very configuration the distribution and Web ACL get:
 * every behaviour in CloudFront's order with its origin and whether the token check runs, each
 * origin's Origin Shield region, and each WAF rule with its action, limit and aggregation key.
 */
export interface DeliverySummary {
    behaviors: { path: string; origin: string; tokenCheck: boolean }[];
    originShields: Record<string, string>;
    wafRules: { priority: number; name: string; does: string }[];
    urlVendingCallers: string[];
}

/** The parts of an origin and a rate rule the summary reads, as the plain data the plan holds. */
interface PlainOrigin {
    id?: unknown;
    originShield?: { enabled?: unknown; originShieldRegion?: unknown };
}
interface PlainRate {
    aggregateKeyType?: unknown;
    customKeys?: Record<string, { name?: unknown } | undefined>[];
    limit?: unknown;
    evaluationWindowSec?: unknown;
}

function plain<T>(v: unknown): T {
    return v as T;
}

export function deliverySummary(cfg: Cfg, rules: Rule[], urlVendingCallers: string[]): DeliverySummary {
    const behaviors = [
        ...plain<Record<string, unknown>[]>(cfg.cacheBehaviors ?? []),
        { ...plain<Record<string, unknown>>(cfg.defaultCacheBehavior), pathPattern: "*" },
    ].map((b) => ({
        path: String(b["pathPattern"]),
        origin: String(b["targetOriginId"]),
        tokenCheck: Array.isArray(b["functionAssociations"]) && b["functionAssociations"].length > 0,
    }));
    const originShields: Record<string, string> = {};
    for (const o of plain<PlainOrigin[]>(cfg.origins ?? [])) {
        if (o.originShield?.enabled) originShields[String(o.id)] = String(o.originShield.originShieldRegion);
    }
    const wafRules = rules.map((r) => ({ priority: Number(r.priority), name: String(r.name), does: describeRule(r) }));
    return { behaviors, originShields, wafRules, urlVendingCallers };
}

function describeRule(r: Rule): string {
    const action = r.action ? Object.keys(plain<object>(r.action))[0] : "managed";
    const rate = plain<{ rateBasedStatement?: PlainRate }>(r.statement).rateBasedStatement;
    if (!rate) return String(action);
    const keys =
        rate.aggregateKeyType === "CUSTOM_KEYS"
            ? (rate.customKeys ?? [])
                  .map((k) => {
                      const [kind, v] = Object.entries(k)[0]!;
                      return v?.name ? `${kind} ${String(v.name)}` : kind;
                  })
                  .join(" + ")
            : String(rate.aggregateKeyType);
    return `${action} over ${String(rate.limit)} requests per ${String(rate.evaluationWindowSec)} s per ${keys}`;
}
