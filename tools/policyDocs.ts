import * as fs from "fs";
import * as path from "path";
import { ALL_PACKS } from "../policies/harness/packs";
import { PackDefinition } from "../policies/lib/pack";
import { OnAirPolicy } from "../policies/lib/policy";
import { checkOrWrite } from "./generatedDocs";

export const POLICY_DOCS = path.resolve(__dirname, "../docs/policies.md");

function cell(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function configText(p: OnAirPolicy): string {
    const props = Object.entries(p.configSchema?.properties ?? {});
    if (props.length === 0) return "none";
    return props
        .map(([k, s]) => {
            const schema = s as { type?: string; default?: unknown; description?: string; minimum?: number; maximum?: number; enum?: unknown[] };
            const range = schema.enum
                ? `one of ${schema.enum.join(", ")}`
                : [schema.minimum !== undefined ? `>= ${schema.minimum}` : "", schema.maximum !== undefined ? `<= ${schema.maximum}` : ""]
                      .filter((x) => x)
                      .join(", ");
            return `\`${k}\` (${schema.type}${range ? `, ${range}` : ""}; default \`${JSON.stringify(schema.default)}\`): ${schema.description ?? ""}`;
        })
        .join("<br>");
}

function kind(p: OnAirPolicy): string {
    return "appliesTo" in p ? (p.appliesTo as readonly string[]).map((t) => `\`${t}\``).join(", ") : "whole stack";
}

/** The policy reference, generated from the policies' own metadata (CI checks it is current). */
export function renderPolicyDocs(packs: readonly PackDefinition[] = ALL_PACKS): string {
    const lines: string[] = [
        "# OnAir policy packs",
        "",
        "Generated from the policy metadata by `npm run docs:policies`; CI fails when it is out of date.",
        "Levels are the policies' defaults; `policies/<pack>/config.<stack>.json` overrides them per stack",
        "(see `config.prod.json` for the prod settings).",
        "",
    ];
    for (const pack of packs) {
        lines.push(`## ${pack.name} (\`policies/${pack.dir}\`)`, "", pack.description, "");
        lines.push("| policy | severity | default level | applies to |", "| --- | --- | --- | --- |");
        for (const p of pack.policies) lines.push(`| [\`${p.name}\`](#${p.name}) | ${p.severity} | ${p.enforcementLevel} | ${kind(p)} |`);
        lines.push("");
        for (const p of pack.policies) {
            lines.push(`### ${p.name}`, "");
            lines.push(`- **Checks:** ${cell(p.description)}`);
            lines.push(`- **Why:** ${cell(p.rationale)}`);
            lines.push(`- **Fix:** ${cell(p.remediationSteps)}`);
            lines.push(`- **Severity / default level:** ${p.severity} / ${p.enforcementLevel}`);
            lines.push(`- **Applies to:** ${kind(p)}`);
            lines.push(`- **Config:** ${configText(p)}`);
            lines.push(`- **Reference:** ${p.url}`);
            lines.push("");
        }
    }
    return lines.join("\n");
}

if (require.main === module) {
    checkOrWrite(
        {
            file: POLICY_DOCS,
            current: fs.existsSync(POLICY_DOCS) ? fs.readFileSync(POLICY_DOCS, "utf8") : "",
            next: renderPolicyDocs(),
            stale: "docs/policies.md is out of date with the policy metadata; run `npm run docs:policies` and commit it.",
            ok: `docs/policies.md matches the ${ALL_PACKS.reduce((n, p) => n + p.policies.length, 0)} policies.`,
            wrote: "wrote {file}",
        },
        process.argv.includes("--check"),
    );
}
