import { Undecided, Verdict } from "../policies/harness/evaluate";
import { compareText } from "./order";

/** One policy that could not decide at preview, with where and why (the first of its unknown reads). */
export interface UndecidedPolicy {
    pack: string;
    policy: string;
    enforcementLevel: string;
    /** Resources (or the stack) it could not decide on. */
    targets: Undecided[];
}

/** Undecided evaluations in one order, whatever order the resources were judged in (as plan/order.ts). */
export function sortedUndecided(us: readonly Undecided[]): Undecided[] {
    return [...us].sort(
        (a, b) => compareText(a.pack, b.pack) || compareText(a.policy, b.policy) || compareText(a.urn, b.urn) || compareText(a.message, b.message),
    );
}

/** Policies (not evaluations) that could not decide, mandatory first. */
export function undecidedPolicies(verdict: Verdict): UndecidedPolicy[] {
    const byPolicy = new Map<string, UndecidedPolicy>();
    for (const u of sortedUndecided(verdict.undecided ?? [])) {
        const key = `${u.pack}/${u.policy}`;
        let p = byPolicy.get(key);
        if (!p) byPolicy.set(key, (p = { pack: u.pack, policy: u.policy, enforcementLevel: u.enforcementLevel, targets: [] }));
        p.targets.push(u);
    }
    const rank = (l: string) => (l === "mandatory" ? 0 : 1);
    return [...byPolicy.values()].sort(
        (a, b) => rank(a.enforcementLevel) - rank(b.enforcementLevel) || compareText(a.pack, b.pack) || compareText(a.policy, b.policy),
    );
}

/**
 * Mandatory policies that could not decide. The engine reports them as advisory, so the real
 * `pulumi preview` passes while a violation behind one would stop `pulumi up` half way.
 */
export function mandatoryUndecided(verdict: Verdict): number {
    return undecidedPolicies(verdict).filter((p) => p.enforcementLevel === "mandatory").length;
}

const SHOWN = 3;

export function renderUndecidedText(verdict: Verdict): string {
    const policies = undecidedPolicies(verdict);
    const m = policies.filter((p) => p.enforcementLevel === "mandatory").length;
    const lines = [`  could not decide at preview: ${policies.length} ${policies.length === 1 ? "policy" : "policies"} (${m} mandatory)`];
    for (const p of policies) {
        lines.push(`    ${p.policy} [${p.pack}] (${p.enforcementLevel}), ${p.targets.length} ${p.targets.length === 1 ? "resource" : "resources"}`);
        for (const t of p.targets.slice(0, SHOWN)) lines.push(`      - ${t.name} (${t.type}): ${t.message}`);
        if (p.targets.length > SHOWN) lines.push(`      - ... and ${p.targets.length - SHOWN} more`);
    }
    return lines.join("\n");
}
