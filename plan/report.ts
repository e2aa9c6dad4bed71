import { sortedKeys } from "../contracts/stableJson";
import { Verdict, Violation } from "../policies/harness/evaluate";
import { mandatoryUndecided, renderUndecidedText } from "./preview";
import { checksMandatory, OfflineChecks, renderChecksText } from "./checks";
import { ImpactReport, impactViolations } from "./impact/assess";
import { renderImpactText } from "./impact/render";
import { compareText, sortedViolations } from "./order";
import { isProviderType, PlanCapture, redact } from "../contracts/capturedPlan";

export interface Summary {
    total: number;
    custom: number;
    providers: number;
    components: number;
    byRegion: [string, number][];
    byType: [string, number][];
}

const NO_REGION = "(no region)";

export function summarize(plan: PlanCapture): Summary {
    const region = new Map<string, number>();
    const type = new Map<string, number>();
    let custom = 0;
    let providers = 0;
    let components = 0;
    for (const r of plan.resources) {
        if (isProviderType(r.type)) providers++;
        else if (r.custom) custom++;
        else components++;
        if (!r.custom || isProviderType(r.type)) continue;
        region.set(r.region ?? NO_REGION, (region.get(r.region ?? NO_REGION) ?? 0) + 1);
        type.set(r.type, (type.get(r.type) ?? 0) + 1);
    }
    const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { total: plan.resources.length, custom, providers, components, byRegion: sorted(region), byType: sorted(type) };
}

/** CloudFront's hard limit for a function's code, comments included. */
export const FUNCTION_LIMIT = 10 * 1024;

/** Code size of every CloudFront Function in the plan: the edge budget is part of the verdict. */
export function edgeFunctions(plan: PlanCapture): { name: string; bytes: number }[] {
    return plan.resources
        .filter((r) => r.type === "aws-native:cloudfront:Function" || r.type === "aws:cloudfront/function:Function")
        .map((r) => {
            const code = r.inputs["functionCode"] ?? r.inputs["code"];
            return { urn: r.urn, name: r.name, bytes: typeof code === "string" ? Buffer.byteLength(code) : 0 };
        })
        .sort((a, b) => compareText(a.urn, b.urn))
        .map(({ name, bytes }) => ({ name, bytes }));
}

export function mandatoryCount(verdict: Verdict): number {
    return verdict.violations.filter((v) => v.enforcementLevel === "mandatory").length;
}

function pad(s: string, n: number): string {
    return s.length >= n ? s : s + " ".repeat(n - s.length);
}

export function renderText(
    plan: PlanCapture,
    verdict: Verdict,
    meta: { source: string; program: string; secrets?: string[]; checks?: OfflineChecks; impact?: ImpactReport },
): string {
    const s = summarize(plan);
    const lines: string[] = [];
    lines.push(`OnAir offline plan - stack ${plan.stack} (${meta.source}), program ${meta.program}`);
    lines.push(`Mock runtime: no AWS account or Pulumi CLI used; secure config values are opaque secrets.`);
    if (plan.preview) lines.push(`Preview: as a first \`pulumi preview\` sees it, every provider-computed output and id is unknown.`);
    if (meta.secrets?.length) lines.push("", ...meta.secrets);
    lines.push("");
    lines.push(`Resources: ${s.custom} to create, plus ${s.providers} providers and ${s.components} components (${s.total} registrations)`);
    lines.push(`  By region:`);
    for (const [region, n] of s.byRegion) lines.push(`    ${pad(region, 16)} ${String(n).padStart(5)}`);
    lines.push(`  By type:`);
    const width = Math.max(20, ...s.byType.map(([t]) => t.length));
    for (const [t, n] of s.byType) lines.push(`    ${pad(t, width)} ${String(n).padStart(5)}`);
    const functions = edgeFunctions(plan);
    if (functions.length > 0) {
        lines.push(`  CloudFront Functions (code size, limit ${FUNCTION_LIMIT} bytes):`);
        for (const f of functions) lines.push(`    ${pad(f.name, width)} ${String(f.bytes).padStart(5)} bytes`);
    }
    lines.push("");
    lines.push(renderVerdictText(verdict));
    if (plan.preview) lines.push(renderUndecidedText(verdict));
    // What AWS would refuse (resource schemas, service quotas): its own sections, mandatory.
    if (meta.checks) lines.push("", renderChecksText(meta.checks));
    // With --against: what the update does to the deployed season; its rule is mandatory.
    if (meta.impact) lines.push("", renderImpactText(meta.impact));
    lines.push("");
    lines.push("Stack outputs:");
    const outputs = redact(plan.outputs) as Record<string, unknown>;
    if (Object.keys(outputs).length === 0) lines.push("  (none)");
    for (const k of Object.keys(outputs).sort()) {
        lines.push(`  ${k}:${formatOutput(outputs[k])}`);
    }
    lines.push("");
    const m = mandatoryCount(verdict) + checksMandatory(meta.checks) + impactViolations(meta.impact).length;
    const u = mandatoryUndecided(verdict);
    // As in the engine, a policy that cannot decide during preview does not fail it; the count says what is left to `pulumi up`.
    const pending =
        plan.preview && u > 0 ? ` ${u} mandatory ${u === 1 ? "policy" : "policies"} could not decide at preview and will decide during \`pulumi up\`.` : "";
    lines.push(
        m > 0
            ? `Verdict: FAIL - ${m} mandatory violation${m === 1 ? "" : "s"}.${pending}`
            : `Verdict: PASS - no mandatory violations (${verdict.violations.length} advisory).${pending}`,
    );
    return lines.join("\n");
}

/** Keys sorted: the same plan prints the same text whichever way its values were read back. */
function formatOutput(v: unknown): string {
    const text = typeof v === "string" ? v : JSON.stringify(sortedKeys(v), null, 2);
    return text.includes("\n")
        ? "\n" +
              text
                  .split("\n")
                  .map((l) => "    " + l)
                  .join("\n")
        : ` ${text}`;
}

export function renderVerdictText(verdict: Verdict): string {
    const lines: string[] = [];
    const counts = verdict.evaluated.map((e) => `${e.pack}: ${e.resourcePolicies} resource + ${e.stackPolicies} stack policies`).join("; ");
    lines.push(`Policy verdict (${counts})`);
    for (const level of ["mandatory", "advisory"] as const) {
        const vs = sortedViolations(verdict.violations.filter((v) => v.enforcementLevel === level));
        lines.push(`  ${level}: ${vs.length}`);
        for (const [policy, group] of groupBy(vs, (v) => `${v.policy} [${v.pack}]`)) {
            lines.push(`    ${policy}`);
            for (const v of group) lines.push(`      - ${v.name} (${v.type}): ${v.message}`);
        }
    }
    return lines.join("\n");
}

function groupBy(vs: Violation[], key: (v: Violation) => string): [string, Violation[]][] {
    const m = new Map<string, Violation[]>();
    for (const v of vs) m.set(key(v), [...(m.get(key(v)) ?? []), v]);
    return [...m.entries()];
}
