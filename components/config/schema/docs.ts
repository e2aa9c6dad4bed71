/**
 * The README configuration tables, generated from the schema: one row per key, its type and bounds,
 * its default (or "required"), and what it does. tools/configDocs.ts writes them between markers;
 * `npm run docs:check` and test/config/schema.test.ts fail when the README's copy is stale.
 */
import { Fields, Node } from "./nodes";

export interface DocRow {
    key: string;
    type: string;
    default: string;
    doc: string;
}

const code = (v: unknown) => `\`${String(v)}\``;

function range(min: number | undefined, max: number | undefined): string {
    if (min !== undefined && max !== undefined) return min === max ? `${min}` : min < 0 ? `${min} to ${max}` : `${min}-${max}`;
    if (max !== undefined) return `up to ${max}`;
    return min !== undefined ? `at least ${min}` : "";
}

/** Units in words ("seconds") belong in the type column; parenthesised ones only explain errors. */
function unit(u: string | undefined): string {
    return u && !u.startsWith("(") ? ` ${u}` : "";
}

function enumText(values: readonly string[]): string {
    return values.map(code).join(values.length <= 3 ? " \\| " : " ");
}

export function typeText(n: Node): string {
    if (n.secret) return "name of a secret config key";
    if (n.typeDoc !== undefined) return n.typeDoc;
    switch (n.kind) {
        case "int":
            return `${range(n.min, n.max)}${unit(n.unit)}`;
        case "number":
            return `${range(n.min, n.max)} (${n.what})`;
        case "string":
            return n.hint ?? (n.maxLength !== undefined ? `string, up to ${n.maxLength} characters` : "string");
        case "enum":
            return enumText(n.values);
        case "bool":
            return "boolean";
        case "list": {
            const count = range(n.min, n.max);
            if (n.item.kind === "object") return count ? `${count} entries` : "entries";
            return `list${count ? ` (${count})` : ""} of: ${typeText(n.item)}`;
        }
        case "object":
            return "object";
        case "custom":
            return n.fields ? `{ ${Object.keys(n.fields).join(", ")} }` : "";
    }
}

export function defaultText(n: Node): string {
    if (n.defaultDoc !== undefined) return n.defaultDoc;
    switch (n.kind) {
        case "int":
        case "string":
        case "enum":
            return n.default !== undefined ? code(n.default) : n.optional ? "none" : "required";
        case "bool":
            return code(n.default);
        case "number":
            return "required";
        case "list":
            return (n.min ?? 0) > 0 ? "required" : "none";
        case "object":
            return n.optional ? "the defaults below" : "required";
        case "custom":
            return "";
    }
}

/** Rows for `fields` under `prefix`, depth first in the schema's order. */
export function docRows(fields: Fields, prefix = ""): DocRow[] {
    const rows: DocRow[] = [];
    for (const [key, n] of Object.entries(fields)) {
        const path = prefix ? `${prefix}.${key}` : key;
        const listOfObjects = n.kind === "list" && n.item.kind === "object";
        const shown = listOfObjects ? `${path}[]` : path;
        rows.push({ key: shown, type: typeText(n), default: defaultText(n), doc: n.doc });
        if (n.kind === "object") rows.push(...docRows(n.fields, path));
        else if (n.kind === "list" && n.item.kind === "object") rows.push(...docRows(n.item.fields, shown));
        else if (n.kind === "custom" && n.fields) rows.push(...docRows(n.fields, `${path}${n.childPath ?? ""}`));
    }
    return rows;
}

function cell(text: string): string {
    return text.replace(/\n/g, " ").replace(/(?<!\\)\|/g, "\\|");
}

/** A markdown table of the rows, keys as code. */
export function docTable(rows: DocRow[]): string {
    return [
        "| key | type | default | meaning |",
        "| --- | --- | --- | --- |",
        ...rows.map((r) => `| \`${r.key}\` | ${cell(r.type)} | ${cell(r.default)} | ${cell(r.doc)} |`),
    ].join("\n");
}
