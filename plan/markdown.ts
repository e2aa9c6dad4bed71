import { Verdict } from "../policies/harness/evaluate";
import { checksMandatory, OfflineChecks, renderChecksMarkdown } from "./checks";
import { seasonDiagramMarkdown } from "./diagram/mermaid";
import { ImpactReport, impactViolations } from "./impact/assess";
import { renderImpactMarkdown } from "./impact/render";
import { sortedViolations } from "./order";
import { PlanCapture } from "../contracts/capturedPlan";
import { mandatoryUndecided, undecidedPolicies } from "./preview";
import { mandatoryCount, summarize } from "./report";

function cell(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The verdict as GitHub-flavoured Markdown, for a pull request's job summary. */
export function renderMarkdown(
    plan: PlanCapture,
    verdict: Verdict,
    meta: { source: string; program: string; checks?: OfflineChecks; impact?: ImpactReport },
): string {
    const s = summarize(plan);
    const m = mandatoryCount(verdict) + checksMandatory(meta.checks) + impactViolations(meta.impact).length;
    const u = mandatoryUndecided(verdict);
    const lines: string[] = [];
    lines.push(`## OnAir plan: stack \`${plan.stack}\`${plan.preview ? " (preview)" : ""} ${m > 0 ? "- FAIL" : "- PASS"}`);
    lines.push("");
    lines.push(
        `Program \`${meta.program}\`, config \`${meta.source}\`: ${s.custom} resources to create (${s.byRegion.map(([r, n]) => `${r} ${n}`).join(", ")}).`,
    );
    lines.push("");
    lines.push(
        m > 0 ? `**${m} mandatory violation${m === 1 ? "" : "s"}** block this change.` : `No mandatory violations; ${verdict.violations.length} advisory.`,
    );
    lines.push("");
    if (plan.preview) {
        lines.push(`Preview: ${undecidedPolicies(verdict).length} policies could not decide with computed values unknown (${u} mandatory).`);
        lines.push("");
    }
    if (verdict.violations.length > 0) {
        lines.push("| level | policy | resource | message |");
        lines.push("| --- | --- | --- | --- |");
        for (const v of sortedViolations(verdict.violations)) {
            lines.push(`| ${v.enforcementLevel} | \`${v.policy}\` | \`${cell(v.name)}\` | ${cell(v.message)} |`);
        }
        lines.push("");
    }
    if (meta.checks) lines.push(renderChecksMarkdown(meta.checks));
    if (meta.impact) lines.push(renderImpactMarkdown(meta.impact));
    const diagram = seasonDiagramMarkdown(plan, meta.impact);
    if (diagram) lines.push(diagram);
    lines.push("<details><summary>Resources by type</summary>");
    lines.push("");
    lines.push("| type | count |");
    lines.push("| --- | --- |");
    for (const [t, n] of s.byType) lines.push(`| \`${t}\` | ${n} |`);
    lines.push("");
    lines.push("</details>");
    return lines.join("\n") + "\n";
}
