import type { ImpactReport } from "../impact/assess";
import { PlanCapture } from "../../contracts/capturedPlan";
import { ChannelChain, seasonModel, SeasonModel } from "./model";

/** What `--against` marks on the picture: the URNs created, replaced (or deleted and re-created) and updated in place. */
export interface DiagramMarks {
    created: ReadonlySet<string>;
    replaced: ReadonlySet<string>;
    changed: ReadonlySet<string>;
}

export function marksOf(impact: ImpactReport | undefined): DiagramMarks | undefined {
    if (!impact) return undefined;
    const of = (ops: string[]) => new Set(impact.impacts.filter((i) => ops.includes(i.change.op)).map((i) => i.change.urn));
    return { created: of(["create"]), replaced: of(["replace", "may-replace"]), changed: of(["update"]) };
}

/**
 * Above this many channels, channels whose chains have the same shape in every region share one
 * chain in the picture ("12 channels: ..."), so a 60-channel season stays a readable diagram.
 */
export const GROUP_ABOVE = 6;

type Mark = "created" | "replaced" | "changed";

const MARK_TEXT: Record<Mark, string> = { created: "NEW", replaced: "REPLACED", changed: "CHANGED" };

/** Mermaid label text: quotes and angle brackets as entity codes (flowchart labels are HTML). */
function text(s: string): string {
    return s.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

function markOf(urns: readonly string[], marks: DiagramMarks | undefined): Mark | undefined {
    if (!marks) return undefined;
    if (urns.some((u) => marks.replaced.has(u))) return "replaced";
    if (urns.some((u) => marks.created.has(u))) return "created";
    if (urns.some((u) => marks.changed.has(u))) return "changed";
    return undefined;
}

function groupLabel(ids: string[]): string {
    if (ids.length === 1) return ids[0]!;
    const shown = ids.slice(0, 3).join(", ");
    return `${ids.length} channels: ${shown}${ids.length > 3 ? ` and ${ids.length - 3} more` : ""}`;
}

/** Channels with the same chain labels in every region, in plan order. */
function groupChannels(model: SeasonModel, groupAbove: number): string[][] {
    if (model.channels.length <= groupAbove) return model.channels.map((c) => [c]);
    const key = (c: string) =>
        model.chains
            .filter((x) => x.channelId === c)
            .map((x) => `${x.contribution.label}|${x.medialive.label}|${x.packaging.label}`)
            .join(";");
    const groups = new Map<string, string[]>();
    for (const c of model.channels) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
    return [...groups.values()];
}

/**
 * The season as a Mermaid flowchart: one subgraph per region (primary first) with, per channel (or
 * group of same-shape channels), contribution -> MediaLive -> MediaPackage; the origin groups
 * joining the regions; the distribution(s). With marks, created, replaced and updated steps are
 * coloured and labelled (NEW / REPLACED / CHANGED), so the picture reads without colour too.
 */
export function renderMermaid(model: SeasonModel, marks?: DiagramMarks, groupAbove = GROUP_ABOVE): string {
    const lines: string[] = ["flowchart LR"];
    let n = 0;
    const nextId = () => `n${n++}`;
    const marked: Record<Mark, string[]> = { created: [], replaced: [], changed: [] };
    const node = (label: string, urns: readonly string[], shape: "box" | "hex" | "round" = "box"): string => {
        const id = nextId();
        const m = markOf(urns, marks);
        const body = `"${text(label)}${m ? ` (${MARK_TEXT[m]})` : ""}"`;
        lines.push(`    ${id}${shape === "hex" ? `{{${body}}}` : shape === "round" ? `(${body})` : `[${body}]`}`);
        if (m) marked[m].push(id);
        return id;
    };
    const groups = groupChannels(model, groupAbove);
    // packaging node per group and region, for the origin-group edges.
    const packagingOf = new Map<string, { id: string; primary: boolean }[]>();
    for (const { region, primary } of model.regions) {
        lines.push(`  subgraph ${nextId()}["${text(`${region} (${primary ? "primary" : "secondary"})`)}"]`);
        lines.push("    direction LR");
        for (const ids of groups) {
            const chains = model.chains.filter((c) => c.region === region && ids.includes(c.channelId));
            if (chains.length === 0) continue;
            const urns = (step: keyof Pick<ChannelChain, "contribution" | "medialive" | "packaging">) => chains.flatMap((c) => c[step].urns);
            const first = chains[0]!;
            const src = node(`${groupLabel(ids)}: ${first.contribution.label}`, urns("contribution"));
            const ml = node(first.medialive.label, urns("medialive"));
            const mp = node(first.packaging.label, urns("packaging"));
            lines.push(`    ${src} --> ${ml} --> ${mp}`);
            const key = ids.join(",");
            packagingOf.set(key, [...(packagingOf.get(key) ?? []), { id: mp, primary }]);
        }
        lines.push("  end");
    }
    const distributionIds = model.distributions.map((d) =>
        node(`CloudFront ${d.name}${d.aliases.length > 0 ? `: ${d.aliases.join(", ")}` : ""}`, [d.urn], "round"),
    );
    for (const ids of groups) {
        const og = node(
            ids.length === 1 ? `origin group live-${ids[0]} (media-quality-based)` : `${ids.length} origin groups, one per channel (media-quality-based)`,
            [],
            "hex",
        );
        for (const p of packagingOf.get(ids.join(",")) ?? []) lines.push(`  ${p.id} -->|${p.primary ? "primary" : "secondary"}| ${og}`);
        model.distributions.forEach((d, i) => {
            if (d.originGroups.some((g) => g.channelId !== undefined && ids.includes(g.channelId))) lines.push(`  ${og} --> ${distributionIds[i]}`);
        });
    }
    if (marks) {
        lines.push("  classDef created fill:#dafbe1,stroke:#1a7f37,stroke-width:2px");
        lines.push("  classDef replaced fill:#ffebe9,stroke:#cf222e,stroke-width:3px");
        lines.push("  classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:2px");
        for (const m of ["created", "replaced", "changed"] as const) if (marked[m].length > 0) lines.push(`  class ${marked[m].join(",")} ${m}`);
    }
    return lines.join("\n");
}

/** The Markdown block: a fenced Mermaid diagram of the planned season (marked with --against). */
export function seasonDiagramMarkdown(plan: PlanCapture, impact?: ImpactReport): string {
    const model = seasonModel(plan);
    if (model.chains.length === 0 && model.distributions.length === 0) return "";
    const marks = marksOf(impact);
    const legend = marks
        ? " Marked against the deployed state: NEW (green), REPLACED (red), CHANGED in place (yellow); deleted resources are in the table above."
        : "";
    return [
        `### Season as planned`,
        "",
        `Regions, each channel's contribution -> MediaLive -> MediaPackage chain, the origin groups joining the regions, the distribution${model.distributions.length === 1 ? "" : "s"}.${legend}`,
        "",
        "```mermaid",
        renderMermaid(model, marks),
        "```",
        "",
    ].join("\n");
}
