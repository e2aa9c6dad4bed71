/**
 * Web ACL capacity units (WCUs) of a web ACL's rules, from AWS's published costs (AWS WAF Developer
 * Guide, "Web ACL capacity units (WCUs) in AWS WAF" and each statement's "Rule statement
 * characteristics"):
 * - string match: 2 for EXACTLY / STARTS_WITH / ENDS_WITH, 10 for CONTAINS / CONTAINS_WORD; +10 for
 *   the All query parameters component, double for a JSON body; +10 per text transformation;
 * - IP set match, label match, geographic match: 1;
 * - AND / OR / NOT: the nested statements;
 * - rate-based: 2, +30 per custom aggregation key, + its scope-down statement;
 * - managed rule groups: the capacity AWS lists for the group ("AWS Managed Rules rule groups list":
 *   Amazon IP reputation list 25, Anonymous IP list 50).
 * A statement type missing here is reported, not guessed.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const MANAGED_GROUP_WCUS: Record<string, number> = {
    AWSManagedRulesAmazonIpReputationList: 25,
    AWSManagedRulesAnonymousIpList: 50,
};

const STRING_MATCH: Record<string, number> = { EXACTLY: 2, STARTS_WITH: 2, ENDS_WITH: 2, CONTAINS: 10, CONTAINS_WORD: 10 };

function transformations(s: Obj): number {
    return list(s["textTransformations"]).filter((t) => obj(t)["type"] !== "NONE").length * 10;
}

export interface Capacity {
    wcus: number;
    /** Statement kinds (or managed groups) whose cost is not known here. */
    unknown: string[];
}

function statementCost(statement: unknown, unknown: string[]): number {
    const [kind, raw] = Object.entries(obj(statement))[0] ?? [];
    const s = obj(raw);
    switch (kind) {
        case undefined:
            return 0;
        case "byteMatchStatement": {
            const field = obj(s["fieldToMatch"]);
            let base = STRING_MATCH[String(s["positionalConstraint"])] ?? 10;
            if ("jsonBody" in field) base *= 2;
            return base + ("allQueryArguments" in field ? 10 : 0) + transformations(s);
        }
        case "ipSetReferenceStatement":
        case "labelMatchStatement":
        case "geoMatchStatement":
            return 1;
        case "andStatement":
        case "orStatement":
            return list(s["statements"]).reduce<number>((n, x) => n + statementCost(x, unknown), 0);
        case "notStatement":
            return statementCost(s["statement"], unknown);
        case "rateBasedStatement":
            return 2 + list(s["customKeys"]).length * 30 + (s["scopeDownStatement"] ? statementCost(s["scopeDownStatement"], unknown) : 0);
        case "managedRuleGroupStatement": {
            const name = String(s["name"]);
            const cost = MANAGED_GROUP_WCUS[name];
            if (cost === undefined) unknown.push(`managed group ${name}`);
            return cost ?? 0;
        }
        default:
            unknown.push(kind);
            return 0;
    }
}

export function webAclCapacityOf(rules: unknown[]): Capacity {
    const unknown: string[] = [];
    const wcus = rules.reduce<number>((n, r) => n + statementCost(obj(r)["statement"], unknown), 0);
    return { wcus, unknown: [...new Set(unknown)].sort() };
}

export function webAclCapacity(rules: unknown[]): number {
    return webAclCapacityOf(rules).wcus;
}
