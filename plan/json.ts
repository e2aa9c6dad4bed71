import { Verdict } from "../policies/harness/evaluate";
import { PlanCapture, redact } from "./resources";

/** The `--json` document: every resource with secrets redacted, every violation, the stack outputs. */
export function planJson(plan: PlanCapture, verdict: Verdict): Record<string, unknown> {
    return {
        stack: plan.stack,
        project: plan.project,
        resources: plan.resources.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            region: r.region ?? null,
            provider: r.provider ?? null,
            parent: r.parent ?? null,
            dependencies: r.dependencies,
            inputs: redact(r.inputs),
        })),
        violations: verdict.violations.map((v) => ({
            policy: v.policy,
            pack: v.pack,
            enforcementLevel: v.enforcementLevel,
            urn: v.urn,
            message: v.message,
        })),
        outputs: redact(plan.outputs),
        ...(plan.preview ? { preview: true, undecided: (verdict.undecided ?? []).map((u) => ({ policy: u.policy, pack: u.pack, enforcementLevel: u.enforcementLevel, urn: u.urn, message: u.message })) } : {}),
    };
}
