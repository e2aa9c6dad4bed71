import { isGlobalQuota, QuotaSettings } from "../../components/config/quotas";
import { GLOBAL_QUOTA_REGION, QUOTA_BY_ID, QUOTAS, QuotaDef } from "../../components/quotas/catalog";
import { compareText } from "../order";
import { PlanCapture } from "../../contracts/capturedPlan";
import { countUsage, Usage } from "./count";

export type QuotaStatus = "ok" | "exceeds-limit" | "needs-increase" | "exceeds-increase";

export interface QuotaRow {
    id: string;
    service: string;
    name: string;
    code?: string;
    adjustable: boolean;
    region: string;
    /** Per-subject quotas: the subject that needs most, and how many subjects there are. */
    subject?: string;
    subjects?: number;
    /** This stack's need. */
    stack: number;
    /** What the account needs: this stack, plus other stacks of this size for a shared quota. */
    needed: number;
    default: number;
    /** The raised value config declares for this account and region, if any. */
    declared?: number;
    limit: number;
    status: QuotaStatus;
    unit?: string;
    source: string;
}

export interface QuotaPlan {
    otherStacks: number;
    rows: QuotaRow[];
}

function statusOf(q: QuotaDef, needed: number, declared: number | undefined): QuotaStatus {
    if (declared !== undefined) return needed > declared ? "exceeds-increase" : "ok";
    if (needed <= q.default) return "ok";
    return q.adjustable ? "needs-increase" : "exceeds-limit";
}

/**
 * The stack's needs per quota, account and region against AWS's defaults or the declared
 * increases. Per-subject quotas (a distribution's origin groups, a channel group's channels) show
 * their largest subject; shared ones count the other stacks the config says share the account.
 */
export function quotaPlan(plan: PlanCapture, settings: QuotaSettings): QuotaPlan {
    const usage = countUsage(plan);
    const rows: QuotaRow[] = [];
    const groups = new Map<string, Usage[]>();
    for (const u of usage) {
        const key = `${u.quota}|${u.region}`;
        groups.set(key, [...(groups.get(key) ?? []), u]);
    }
    for (const [key, us] of groups) {
        const [id, region] = key.split("|") as [string, string];
        const q = QUOTA_BY_ID.get(id)!;
        const worst = us.reduce((a, b) => (b.needed > a.needed || (b.needed === a.needed && compareText(b.subject ?? "", a.subject ?? "") < 0) ? b : a));
        const stack = worst.needed;
        const needed = q.shared ? stack * (1 + settings.otherStacks) : stack;
        const declared = settings.increases[id]?.[isGlobalQuota(q) ? GLOBAL_QUOTA_REGION : region];
        rows.push({
            id,
            service: q.service,
            name: q.name,
            ...(q.code ? { code: q.code } : {}),
            adjustable: q.adjustable,
            region,
            ...(worst.subject !== undefined ? { subject: worst.subject, subjects: us.length } : {}),
            stack,
            needed,
            default: q.default,
            ...(declared !== undefined ? { declared } : {}),
            limit: declared ?? q.default,
            status: statusOf(q, needed, declared),
            ...(q.unit ? { unit: q.unit } : {}),
            source: q.source,
        });
    }
    const order = new Map(QUOTAS.map((q, i) => [q.id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)! || compareText(a.region, b.region));
    return { otherStacks: settings.otherStacks, rows };
}

/** The rows that fail the plan (mandatory): a deploy that stops halfway is the worst outcome. */
export function quotaFailures(p: QuotaPlan): QuotaRow[] {
    return p.rows.filter((r) => r.status !== "ok");
}

/** One sentence per failing row: what is exceeded and what to do. */
export function quotaMessage(r: QuotaRow): string {
    const what = `${r.service} "${r.name}" in ${r.region}${r.subject ? ` (${r.subject})` : ""}: needs ${r.needed}${r.needed !== r.stack ? ` (${r.stack} for this stack, with the other stacks sharing the account)` : ""}`;
    switch (r.status) {
        case "exceeds-limit":
            return `${what}, AWS's limit is ${r.limit} and cannot be raised; spread the resources (more distributions or channel groups) or split the season`;
        case "needs-increase":
            return `${what}, AWS's default is ${r.limit}; request an increase in Service Quotas (${r.service}, "${r.name}"${r.code ? `, ${r.code}` : ""}) and declare the approved value in onair:season.quotas.increases.${r.id}`;
        case "exceeds-increase":
            return `${what}, more than the ${r.limit} declared in onair:season.quotas.increases.${r.id}; request a larger increase and declare it`;
        default:
            return what;
    }
}
