import { sortedKeys } from "../contracts/stableJson";
import { Verdict } from "../policies/harness/evaluate";
import { checksJson, OfflineChecks } from "./checks";
import { ImpactReport } from "./impact/assess";
import { impactJson } from "./impact/render";
import { byUrn, sortedViolations } from "./order";
import { sortedUndecided } from "./preview";
import { PlanCapture, redact } from "../contracts/capturedPlan";

/**
 * The `--json` document: every resource with secrets redacted, every violation, the stack outputs.
 * Resources by URN, object keys sorted: two runs, and `npm run plan` and the old ts-node path, give the same bytes.
 */
export function planJson(plan: PlanCapture, verdict: Verdict, checks?: OfflineChecks, impact?: ImpactReport): Record<string, unknown> {
    return {
        stack: plan.stack,
        project: plan.project,
        resources: byUrn(plan.resources).map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            region: r.region ?? null,
            provider: r.provider ?? null,
            parent: r.parent ?? null,
            dependencies: [...r.dependencies].sort(),
            inputs: sortedKeys(redact(r.inputs)),
        })),
        violations: sortedViolations(verdict.violations).map((v) => ({
            policy: v.policy,
            pack: v.pack,
            enforcementLevel: v.enforcementLevel,
            urn: v.urn,
            message: v.message,
        })),
        outputs: sortedKeys(redact(plan.outputs)),
        ...(plan.preview
            ? {
                  preview: true,
                  undecided: sortedUndecided(verdict.undecided ?? []).map((u) => ({
                      policy: u.policy,
                      pack: u.pack,
                      enforcementLevel: u.enforcementLevel,
                      urn: u.urn,
                      message: u.message,
                  })),
              }
            : {}),
        ...(checks ? checksJson(checks) : {}),
        ...(impact ? { impact: impactJson(impact) } : {}),
    };
}
