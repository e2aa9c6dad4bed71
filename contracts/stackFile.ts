import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

/** A problem with the stack or project file itself (not with the season's content). */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/**
 * Reads a Pulumi YAML file, saying in one sentence what is wrong with it when it cannot be: a
 * folder, a UTF-16 file (Windows editors save those; Pulumi reads UTF-8), or a YAML error with its
 * line, column and the line's text.
 */
export function readYamlFile(file: string): unknown {
    if (fs.statSync(file).isDirectory()) {
        throw new StackFileError(`${file} is a folder, not a stack file; pass the file itself, e.g. --config ${path.join(file, "Pulumi.prod.yaml")}`);
    }
    const bytes = fs.readFileSync(file);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0)) {
        throw new StackFileError(`${file} is UTF-16 (or binary), not text Pulumi can read; save it as UTF-8`);
    }
    const text = bytes.toString("utf8");
    try {
        return YAML.parse(text);
    } catch (e) {
        const err = e as Error & { linePos?: { line: number; col: number }[] };
        const reason = err.message
            .split("\n")[0]!
            .replace(/ at line \d+, column \d+:?$/, "")
            .replace(/:$/, "");
        const pos = err.linePos?.[0];
        if (!pos) throw new StackFileError(`${file} is not valid YAML: ${reason}`);
        const line = text.split(/\r?\n/)[pos.line - 1] ?? "";
        throw new StackFileError(
            `${file} is not valid YAML at line ${pos.line}, column ${pos.col}: ${reason}${line.trim() ? ` (the line reads ${JSON.stringify(line)})` : ""}`,
        );
    }
}

/** A stack file is a map; its values come from `config:`. Anything else is named, with the fix. */
export function stackDocument(doc: unknown, file: string): Record<string, unknown> {
    if (doc === null || doc === undefined) return {};
    if (Array.isArray(doc) || typeof doc !== "object") {
        throw new StackFileError(
            `${file} holds ${Array.isArray(doc) ? "a list" : `a ${typeof doc}`} at the top; a stack file is a map whose config: key holds the settings (config:\\n  onair:season: ...)`,
        );
    }
    const d = doc as Record<string, unknown>;
    if ("runtime" in d || ("name" in d && "main" in d)) {
        throw new StackFileError(
            `${file} is a project file (Pulumi.yaml), not a stack file; pass --config with a stack file such as Pulumi.prod.yaml, or --stack prod`,
        );
    }
    return d;
}

function show(v: number): string {
    return Number.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
}

/**
 * Non-finite numbers in a stack file's values: YAML reads `.nan` and `.inf` as numbers, and JSON
 * (how the values reach the program) turns them into null, which would then fall back to a default.
 */
export function nonFinite(value: unknown, at: string): string[] {
    if (typeof value === "number") return Number.isFinite(value) ? [] : [`${at} is ${show(value)}, not a finite number`];
    if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${at}[${i}]`));
    if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${at}.${k}`));
    return [];
}
