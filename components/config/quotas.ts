import { findQuota, GLOBAL_QUOTA_REGION, QUOTAS, QuotaDef } from "../quotas/catalog";
import { Cursor, isPlainObject, show } from "./cursor";
import { keysOf, readNode } from "./schema/read";
import { QUOTA_SETTINGS } from "./schema/season";
import { RegionConfig } from "./types";

/**
 * What the season's AWS account really has: the raised values of quotas AWS approved (the plan
 * checks against them and the layout is sized from them), how many other stacks of this size share
 * the account, and whether `pulumi up` manages the increase requests.
 */
export interface QuotaSettings {
    /** Other stacks of this size deployed in the same account: their per-account use counts too. */
    otherStacks: number;
    /** Raised values by quota id, per region (global quotas under us-east-1). */
    increases: Record<string, Record<string, number>>;
    /** Manage each declared increase as an aws.servicequotas.ServiceQuota (a request AWS approves). */
    requestIncreases: boolean;
}

export const DEFAULT_QUOTAS: QuotaSettings = { otherStacks: 0, increases: {}, requestIncreases: false };

/** Global quotas (CloudFront, web ACL capacity, key value stores) have one value, in us-east-1. */
export function isGlobalQuota(q: QuotaDef): boolean {
    return q.service === "cloudfront" || q.service === "wafv2";
}

/** The account's value of a quota in a region: the declared increase, else AWS's default. */
export function quotaLimit(settings: QuotaSettings, id: string, region: string): number {
    const q = QUOTAS.find((x) => x.id === id);
    if (!q) throw new Error(`unknown quota ${id}`);
    return settings.increases[id]?.[isGlobalQuota(q) ? GLOBAL_QUOTA_REGION : region] ?? q.default;
}

function suggestionFor(key: string): string {
    const k = key.toLowerCase();
    const near = QUOTAS.find((q) => q.id.includes(k) || k.includes(q.id) || q.name.toLowerCase().includes(k));
    return near
        ? `; did you mean ${near.id}?`
        : `; use one of ${QUOTAS.filter((q) => q.adjustable)
              .map((q) => q.id)
              .join(", ")} (or a quota's Service Quotas name)`;
}

/**
 * Reads `quotas`: `otherStacks`, `requestIncreases`, and `increases` keyed by OnAir quota id,
 * Service Quotas code or name, each a number (global quotas; regional ones in every season region)
 * or a map of region to number. Only adjustable quotas can be raised, and only above AWS's default.
 */
export function readQuotas(c: Cursor, regions: RegionConfig[]): QuotaSettings | undefined {
    if (!c.present) return DEFAULT_QUOTAS;
    if (!c.object(keysOf(QUOTA_SETTINGS.fields))) return undefined;
    const otherStacks = readNode(c.at("otherStacks"), QUOTA_SETTINGS.fields.otherStacks);
    const requestIncreases = readNode(c.at("requestIncreases"), QUOTA_SETTINGS.fields.requestIncreases)!;
    const inc = c.at("increases");
    const increases: Record<string, Record<string, number>> = {};
    if (inc.present && !isPlainObject(inc.value)) inc.fail(`must be a map of quota to value, not ${show(inc.value)}`);
    else if (inc.present) {
        const seasonRegions = regions.map((r) => r.region);
        for (const key of Object.keys(inc.value as object)) {
            const at = inc.at(key);
            const q = findQuota(key);
            if (!q) {
                at.fail(`is not a quota OnAir counts${suggestionFor(key)}`);
                continue;
            }
            if (!q.adjustable) {
                at.fail(
                    `"${q.name}" (${q.service}) cannot be raised: AWS does not adjust it (${q.source}); the layout must fit ${q.default}${q.unit ? ` ${q.unit}` : ""}`,
                );
                continue;
            }
            if (increases[q.id]) {
                at.fail(`names ${q.id} again; declare each quota once`);
                continue;
            }
            const value = (c2: Cursor) =>
                c2.int({ min: q.default + 1, max: 1_000_000_000, unit: `(AWS's default is ${q.default}; declare only a raised value the account has)` });
            if (isGlobalQuota(q)) {
                const v = value(at);
                if (v !== undefined) increases[q.id] = { [GLOBAL_QUOTA_REGION]: v };
                continue;
            }
            if (typeof at.value === "number") {
                const v = value(at);
                if (v !== undefined) increases[q.id] = Object.fromEntries(seasonRegions.map((r) => [r, v]));
                continue;
            }
            if (!at.object(seasonRegions)) continue;
            const perRegion: Record<string, number> = {};
            for (const r of Object.keys(at.value as object)) {
                const v = value(at.at(r));
                if (v !== undefined) perRegion[r] = v;
            }
            increases[q.id] = perRegion;
        }
    }
    if (otherStacks === undefined) return undefined;
    return { otherStacks, increases, requestIncreases };
}
