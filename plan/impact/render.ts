import { isoSeconds } from "../../components/operations/onAirWindows";
import { PropertyChange } from "./compare";
import { Impact, IMPACT_RULE, ImpactReport, impactViolations } from "./assess";

/** At most this many properties per resource in the text and Markdown (the JSON has all). */
const SHOWN_PROPERTIES = 6;

const OP_TEXT: Record<Impact["change"]["op"], string> = {
    create: "create",
    update: "update",
    replace: "REPLACE",
    "may-replace": "MAY REPLACE",
    delete: "DELETE",
};

/** A property change as one line; a secret never shows a value. */
export function propertyText(p: PropertyChange): string {
    if (p.secret) return `${p.path}: changed (secret)`;
    if (p.unknown) return `${p.path}: known after the update`;
    if (p.kind === "add") return `${p.path}: added${p.after ? ` ${p.after}` : ""}`;
    if (p.kind === "delete") return `${p.path}: removed${p.before ? ` (was ${p.before})` : ""}`;
    return p.before !== undefined || p.after !== undefined ? `${p.path}: ${p.before ?? "?"} -> ${p.after ?? "?"}` : `${p.path}: changed`;
}

const PROTECTED = "protected (onair:protect): pulumi up refuses to replace or delete it and fails here until it is unprotected (docs/adr/011)";

function summaryLine(r: ImpactReport): string {
    const c = r.counts;
    const total = r.impacts.length;
    return `${total} change${total === 1 ? "" : "s"}: ${c.create} create, ${c.update} update in place, ${c.replace} replace, ${c["may-replace"]} may replace, ${c.delete} delete; ${r.unchanged} unchanged${r.moved.length > 0 ? `; ${r.moved.length} moved to a new URN by alias (nothing changes in the cloud)` : ""}`;
}

function where(i: Impact): string {
    return [i.channelId, i.change.region].filter(Boolean).join(", ");
}

function exposureText(i: Impact): string {
    const w = i.exposure.window;
    if (i.exposure.kind === "on-air") return `lands ON AIR (${w!.channelId} ${w!.event} until ${isoSeconds(w!.stopMs)})`;
    if (i.exposure.kind === "within-margin") return `lands within the deploy margin of ${w!.channelId} ${w!.event} (from ${isoSeconds(w!.startMs)})`;
    return "no game window at --as-of";
}

function liveText(i: Impact): string {
    return i.effects.length === 0 ? "no live impact" : `${i.effects.join(", ")}: ${i.reasons.join("; ")}`;
}

function venueLines(r: ImpactReport): string[] {
    return r.impacts
        .filter((i) => i.venue)
        .map((i) => {
            const v = i.venue!;
            const who = [i.channelId, i.change.region, v.network ? `network ${v.network}` : undefined, v.pipeline ? `pipeline ${v.pipeline}` : undefined]
                .filter(Boolean)
                .join(", ");
            return `${who} (${i.change.name}): ${v.before ? `${v.before} -> ` : ""}${v.after}`;
        });
}

export function renderImpactText(r: ImpactReport): string {
    const lines: string[] = [];
    lines.push(`Change impact against the deployed state (${r.source}) as of ${isoSeconds(r.asOfMs)}, deploy margin ${r.marginMinutes} minutes`);
    lines.push(`  ${summaryLine(r)}`);
    const venue = venueLines(r);
    if (venue.length > 0) {
        lines.push(`  Tell the venues (new ingest address or settings):`);
        for (const v of venue) lines.push(`    - ${v}`);
    }
    for (const m of r.moved) lines.push(`  moved       ${m.from} -> ${m.to}`);
    const violations = impactViolations(r);
    lines.push(`  mandatory (${IMPACT_RULE}): ${violations.length}`);
    for (const v of violations) lines.push(`    - ${v.violation}`);
    for (const i of r.impacts) {
        lines.push(`  ${OP_TEXT[i.change.op].padEnd(11)} ${i.change.type} ${i.change.name}${where(i) ? ` [${where(i)}]` : ""}`);
        for (const p of i.change.properties.slice(0, SHOWN_PROPERTIES)) lines.push(`      ${propertyText(p)}`);
        if (i.change.properties.length > SHOWN_PROPERTIES) lines.push(`      ... and ${i.change.properties.length - SHOWN_PROPERTIES} more`);
        for (const why of i.change.replaceReasons) lines.push(`      replaces: ${why}`);
        if (i.change.protected) lines.push(`      ${PROTECTED}`);
        if (i.effects.length > 0) lines.push(`      live: ${liveText(i)}; ${exposureText(i)}`);
    }
    return lines.join("\n");
}

function cell(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderImpactMarkdown(r: ImpactReport): string {
    const lines: string[] = [];
    const violations = impactViolations(r);
    lines.push(`### Change impact against the deployed state`);
    lines.push("");
    lines.push(
        `Against \`${cell(r.source)}\` as of ${isoSeconds(r.asOfMs)} (deploy margin ${r.marginMinutes} min): ${summaryLine(r)}. **${violations.length} mandatory** (\`${IMPACT_RULE}\`).`,
    );
    lines.push("");
    for (const v of violations) lines.push(`- **mandatory**: ${cell(v.violation!)}`);
    if (violations.length > 0) lines.push("");
    const venue = venueLines(r);
    if (venue.length > 0) {
        lines.push(`**Tell the venues** (new ingest address or settings):`);
        lines.push("");
        for (const v of venue) lines.push(`- ${cell(v)}`);
        lines.push("");
    }
    if (r.impacts.length > 0) {
        lines.push("| change | resource | channel, region | properties | why it replaces | live impact |");
        lines.push("| --- | --- | --- | --- | --- | --- |");
        for (const i of r.impacts) {
            const props =
                i.change.properties
                    .slice(0, SHOWN_PROPERTIES)
                    .map((p) => `\`${cell(propertyText(p))}\``)
                    .join("<br>") + (i.change.properties.length > SHOWN_PROPERTIES ? `<br>... and ${i.change.properties.length - SHOWN_PROPERTIES} more` : "");
            const live = i.effects.length === 0 ? "none" : `${i.effects.join(", ")}; ${exposureText(i)}`;
            const why = [...i.change.replaceReasons, ...(i.change.protected ? [PROTECTED] : [])].join("; ");
            lines.push(
                `| ${OP_TEXT[i.change.op]} | \`${cell(i.change.name)}\` (\`${i.change.type}\`) | ${cell(where(i)) || "-"} | ${props || "-"} | ${cell(why) || "-"} | ${cell(live)} |`,
            );
        }
        lines.push("");
    }
    return lines.join("\n");
}

/** The `--json` section: every change with every property (secrets as "(secret)", never values). */
export function impactJson(r: ImpactReport): Record<string, unknown> {
    return {
        source: r.source,
        asOf: isoSeconds(r.asOfMs),
        marginMinutes: r.marginMinutes,
        counts: r.counts,
        unchanged: r.unchanged,
        moved: r.moved,
        changes: r.impacts.map((i) => ({
            urn: i.change.urn,
            type: i.change.type,
            name: i.change.name,
            op: i.change.op,
            region: i.change.region ?? null,
            channel: i.channelId ?? null,
            properties: i.change.properties,
            replaceReasons: i.change.replaceReasons,
            rule: i.change.rule,
            protected: i.change.protected === true,
            effects: i.effects,
            reasons: i.reasons,
            venue: i.venue ?? null,
            exposure: {
                kind: i.exposure.kind,
                ...(i.exposure.window
                    ? {
                          channel: i.exposure.window.channelId,
                          event: i.exposure.window.event,
                          start: isoSeconds(i.exposure.window.startMs),
                          stop: isoSeconds(i.exposure.window.stopMs),
                      }
                    : {}),
            },
        })),
        violations: impactViolations(r).map((i) => ({ policy: IMPACT_RULE, enforcementLevel: "mandatory", urn: i.change.urn, message: i.violation })),
    };
}
