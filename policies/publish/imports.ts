import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import * as ts from "typescript";

/**
 * Module specifiers a TypeScript or JavaScript file loads: static imports (type-only too),
 * re-exports, require() and import(), read by the TypeScript preprocessor, so comments and strings
 * that mention paths load nothing. The architecture test draws the import graph with it too.
 */
export function moduleSpecifiers(source: string): string[] {
    return [...new Set(ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName))].sort();
}

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`. */
export function packageName(specifier: string): string {
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

const EXTENSIONS = ["", ".ts", ".js", ".json", "/index.ts", "/index.js"];

/** The file a relative import of `target` (an absolute path without extension) loads, or undefined. */
export function resolveFile(target: string): string | undefined {
    const ext = EXTENSIONS.find((e) => fs.existsSync(target + e) && fs.statSync(target + e).isFile());
    return ext === undefined ? undefined : target + ext;
}

/**
 * Every import of every file under `root` that a published pack could not load: a relative path
 * that leaves the folder or names no file in it, or a package the pack does not depend on.
 */
export function unresolvedImports(root: string, dependencies: readonly string[]): string[] {
    const problems: string[] = [];
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const file of sourceFiles(root)) {
        const rel = path.relative(root, file);
        for (const spec of moduleSpecifiers(fs.readFileSync(file, "utf8"))) {
            if (spec.startsWith(".")) {
                const target = path.resolve(path.dirname(file), spec);
                if (path.relative(root, target).startsWith("..")) {
                    problems.push(`${rel} imports ${spec}, outside the pack`);
                } else if (!resolveFile(target)) {
                    problems.push(`${rel} imports ${spec}, which is not in the pack`);
                }
            } else if (!builtins.has(spec) && !dependencies.includes(packageName(spec))) {
                problems.push(`${rel} imports ${spec}, but the pack does not depend on ${packageName(spec)}`);
            }
        }
    }
    return problems;
}

export function sourceFiles(root: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
        const p = path.join(root, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== "node_modules") out.push(...sourceFiles(p));
        } else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
            out.push(p);
        }
    }
    return out.sort();
}
