import { PlanCapture } from "../contracts/capturedPlan";
import { quotaFailures, quotaMessage, QuotaPlan, quotaPlan, QuotaRow } from "./quotas/plan";
import { quotaSettingsOf } from "./quotas/settings";
import { checkSchemas, SchemaReport } from "./schema/check";
import { StackConfig } from "../components/config/stackConfig";

/**
 * What AWS itself would refuse, found offline: inputs its CloudFormation resource schemas reject
 * and service quotas the stack exceeds. Both are mandatory, beside the policy verdict: a deploy
 * that stops halfway through a season's resources is the worst outcome.
 */
export interface OfflineChecks {
    schema: SchemaReport;
    quotas: QuotaPlan;
}

export async function runOfflineChecks(plan: PlanCapture, stack: StackConfig): Promise<OfflineChecks> {
    return { schema: await checkSchemas(plan), quotas: quotaPlan(plan, quotaSettingsOf(stack)) };
}

/** Mandatory findings: every schema violation and every quota row that does not fit. */
export function checksMandatory(c: OfflineChecks | undefined): number {
    return c ? c.schema.violations.length + quotaFailures(c.quotas).length : 0;
}

function pad(s: string, n: number): string {
    return s.length >= n ? s : s + " ".repeat(n - s.length);
}

const n = (x: number) => x.toLocaleString("en-US");

function limitText(r: QuotaRow): string {
    return r.declared !== undefined ? `${n(r.declared)} (declared; default ${n(r.default)})` : n(r.default);
}

const STATUS_TEXT: Record<QuotaRow["status"], string> = {
    ok: "fits",
    "exceeds-limit": "EXCEEDS (not adjustable)",
    "needs-increase": "NEEDS INCREASE",
    "exceeds-increase": "EXCEEDS DECLARED",
};

function neededText(r: QuotaRow): string {
    const of = r.subject ? ` (${r.subject}${r.subjects && r.subjects > 1 ? `, largest of ${r.subjects}` : ""})` : "";
    return `${n(r.needed)}${r.unit ? ` ${r.unit}` : ""}${of}`;
}

/** The text report's sections: schema violations, then the quota table. */
export function renderChecksText(c: OfflineChecks): string {
    const lines: string[] = [];
    const s = c.schema;
    lines.push(
        s.source
            ? `AWS resource schemas (${s.source}): ${s.resources} aws-native resources of ${s.types} types checked; mandatory: ${s.violations.length}`
            : `AWS resource schemas: no aws-native resources to check`,
    );
    for (const v of s.violations) lines.push(`  - ${v.name} (${v.type}) ${v.path}: ${v.message} [${v.rule}, ${v.cfnType}]`);
    if (s.unknownTypes.length > 0) lines.push(`  not in the specification (not checked): ${s.unknownTypes.join(", ")}`);
    lines.push("");
    const failing = quotaFailures(c.quotas);
    lines.push(
        `Service quotas (this stack's account${c.quotas.otherStacks > 0 ? ` shared with ${c.quotas.otherStacks} other stack${c.quotas.otherStacks === 1 ? "" : "s"} of this size` : ""}); mandatory: ${failing.length}`,
    );
    if (c.quotas.rows.length === 0) lines.push("  (nothing counted)");
    else {
        const w = Math.max(...c.quotas.rows.map((r) => `${r.service}: ${r.name}`.length));
        const nw = Math.max(6, ...c.quotas.rows.map((r) => neededText(r).length));
        lines.push(`  ${pad("quota", w)}  ${pad("region", 9)}  ${pad("needed", nw)}  ${pad("AWS limit", 24)}  adjustable  code`);
        for (const r of c.quotas.rows) {
            lines.push(
                `  ${pad(`${r.service}: ${r.name}`, w)}  ${pad(r.region, 9)}  ${pad(neededText(r), nw)}  ${pad(limitText(r), 24)}  ${pad(r.adjustable ? "yes" : "no", 10)}  ${pad(r.code ?? "-", 10)}  ${STATUS_TEXT[r.status]}`,
            );
        }
    }
    for (const r of failing) lines.push(`  - ${quotaMessage(r)}`);
    return lines.join("\n");
}

function cell(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderChecksMarkdown(c: OfflineChecks): string {
    const lines: string[] = [];
    const s = c.schema;
    lines.push(`### AWS resource schemas`);
    lines.push("");
    lines.push(
        s.source
            ? `${s.resources} aws-native resources of ${s.types} types checked against ${s.source}: **${s.violations.length} mandatory**.`
            : "No aws-native resources to check.",
    );
    if (s.violations.length > 0) {
        lines.push("");
        lines.push("| resource | type | property | rule | message |");
        lines.push("| --- | --- | --- | --- | --- |");
        for (const v of s.violations) lines.push(`| \`${cell(v.name)}\` | \`${v.type}\` | \`${cell(v.path)}\` | ${v.rule} | ${cell(v.message)} |`);
    }
    lines.push("");
    lines.push(`### Service quotas`);
    lines.push("");
    const failing = quotaFailures(c.quotas);
    lines.push(
        `${failing.length > 0 ? `**${failing.length} mandatory**` : "All fit"}${c.quotas.otherStacks > 0 ? ` (account shared with ${c.quotas.otherStacks} other stacks of this size)` : ""}.`,
    );
    if (c.quotas.rows.length > 0) {
        lines.push("");
        lines.push("| quota | region | needed | AWS limit | adjustable | code | status |");
        lines.push("| --- | --- | --- | --- | --- | --- | --- |");
        for (const r of c.quotas.rows)
            lines.push(
                `| ${cell(`${r.service}: ${r.name}`)} | ${r.region} | ${cell(neededText(r))} | ${cell(limitText(r))} | ${r.adjustable ? "yes" : "no"} | ${r.code ?? "-"} | ${STATUS_TEXT[r.status]} |`,
            );
    }
    for (const r of failing) lines.push(`- ${cell(quotaMessage(r))}`);
    lines.push("");
    return lines.join("\n");
}

/** The `--json` section: schema violations and every quota row, sorted. */
export function checksJson(c: OfflineChecks): Record<string, unknown> {
    return {
        schema: {
            source: c.schema.source ?? null,
            resources: c.schema.resources,
            types: c.schema.types,
            unknownTypes: c.schema.unknownTypes,
            violations: c.schema.violations.map((v) => ({
                urn: v.urn,
                type: v.type,
                cfnType: v.cfnType,
                path: v.path,
                rule: v.rule,
                message: v.message,
                enforcementLevel: "mandatory",
            })),
        },
        quotas: {
            otherStacks: c.quotas.otherStacks,
            rows: c.quotas.rows.map((r) => ({
                ...r,
                enforcementLevel: r.status === "ok" ? null : "mandatory",
                ...(r.status === "ok" ? {} : { message: quotaMessage(r) }),
            })),
        },
    };
}
