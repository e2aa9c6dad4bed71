import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { moduleSpecifiers, sourceFiles } from "../../policies/publish/imports";
import { ROOT } from "../helpers/plan";

/**
 * The one-way import graph of docs/adr/031-contracts-module.md: components, policies and the
 * planner share contracts/ and do not reach into each other. Every .ts and .js file of the
 * program, the packs, the planner, the automation stack and contracts/ is read with the scanner
 * packs:build uses (policies/publish/imports.ts: the TypeScript preprocessor; static imports,
 * export-from, require(), import(); comments load nothing).
 */

/** The folders the graph is drawn between; policies/ counts per subfolder (lib, harness, publish, each pack). */
const SCANNED = ["components", "policies", "plan", "stacks", "contracts"];

/** A file's node in the directory graph: its top-level folder, or `policies/<sub>`. */
export function directoryOf(rel: string): string {
    const parts = rel.split(/[\\/]/);
    if (parts.length === 1) return parts[0]!;
    return parts[0] === "policies" && parts.length > 2 ? `policies/${parts[1]}` : parts[0]!;
}

/** Why an edge between two directory nodes is forbidden, or undefined when it is allowed. */
export function forbiddenEdge(from: string, to: string): string | undefined {
    if (from === to) return undefined;
    const top = (d: string) => d.split("/")[0]!;
    if (from === "contracts") return "contracts/ imports nothing of the project outside itself";
    if (top(from) === "components" && (top(to) === "policies" || top(to) === "plan"))
        return "components/ must not import policies/ or plan/ (share through contracts/)";
    if (top(from) === "policies" && ["plan", "components", "stacks"].includes(top(to)))
        return "policies/ must not import plan/, components/ or stacks/ (share through contracts/)";
    if (top(from) === "stacks" && top(to) === "plan") return "stacks/ must not import plan/ (share through contracts/ or components/)";
    return undefined;
}

export interface ImportEdge {
    file: string;
    specifier: string;
    target: string;
}

/** Every relative import of one source text, resolved against its file (paths relative to root). */
export function importsOf(root: string, file: string, source: string): ImportEdge[] {
    const rel = path.relative(root, file);
    return moduleSpecifiers(source)
        .filter((s) => s.startsWith("."))
        .map((specifier) => ({ file: rel, specifier, target: path.relative(root, path.resolve(path.dirname(file), specifier)) }));
}

export function projectImports(root: string): ImportEdge[] {
    const files = [...SCANNED.flatMap((d) => (fs.existsSync(path.join(root, d)) ? sourceFiles(path.join(root, d)) : [])), path.join(root, "index.ts")];
    return files.flatMap((f) => importsOf(root, f, fs.readFileSync(f, "utf8")));
}

/** Imports that break a rule, one line each naming the file and the import. */
export function forbiddenImports(edges: ImportEdge[]): string[] {
    return edges.flatMap((e) => {
        const why = forbiddenEdge(directoryOf(e.file), directoryOf(e.target));
        return why ? [`${e.file} imports "${e.specifier}": ${why}`] : [];
    });
}

/** Directory-level cycles (strongly connected components of more than one node), each with the imports that close it. */
export function directoryCycles(edges: ImportEdge[]): string[] {
    const graph = new Map<string, Map<string, ImportEdge[]>>();
    for (const e of edges) {
        const a = directoryOf(e.file);
        const b = directoryOf(e.target);
        if (a === b) continue;
        if (!graph.has(a)) graph.set(a, new Map());
        if (!graph.has(b)) graph.set(b, new Map());
        const out = graph.get(a)!;
        out.set(b, [...(out.get(b) ?? []), e]);
    }
    // Tarjan's strongly connected components.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const components: string[][] = [];
    const visit = (v: string): void => {
        idx.set(v, index);
        low.set(v, index++);
        stack.push(v);
        on.add(v);
        for (const w of graph.get(v)!.keys()) {
            if (!idx.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        }
        if (low.get(v) === idx.get(v)) {
            const c: string[] = [];
            let w: string;
            do {
                w = stack.pop()!;
                on.delete(w);
                c.push(w);
            } while (w !== v);
            if (c.length > 1) components.push(c.sort());
        }
    };
    for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
    return components.map((c) => {
        const inside = c.flatMap((a) => c.flatMap((b) => graph.get(a)!.get(b) ?? []));
        return `cycle between ${c.join(", ")}:\n    ${inside.map((e) => `${e.file} imports "${e.specifier}"`).join("\n    ")}`;
    });
}

describe("architecture: the import graph flows one way (ADR 031)", () => {
    const edges = projectImports(ROOT);

    it("scans the project (the parser sees imports, re-exports, require() and import())", () => {
        assert.ok(edges.length > 500, `${edges.length} relative imports found`);
        const src = [
            `// import { a } from "../plan/commented";`,
            `/* export * from "../plan/blockComment"; */`,
            `import { b } from "../plan/b";`,
            `import type { T } from "../plan/t";`,
            `export { c } from "../plan/c";`,
            `const d = require("../plan/d");`,
            `const e = import("../plan/e");`,
            `import "lodash";`,
        ].join("\n");
        const found = importsOf(ROOT, path.join(ROOT, "components", "x.ts"), src)
            .map((e) => e.specifier)
            .sort();
        assert.deepStrictEqual(found, ["../plan/b", "../plan/c", "../plan/d", "../plan/e", "../plan/t"]);
        assert.strictEqual(forbiddenImports(importsOf(ROOT, path.join(ROOT, "components", "x.ts"), src)).length, 5);
    });

    it("no forbidden edge: components -/-> policies|plan, policies -/-> plan|components|stacks, stacks -/-> plan, contracts -/-> project", () => {
        const bad = forbiddenImports(edges);
        assert.deepStrictEqual(bad, [], `forbidden imports:\n  ${bad.join("\n  ")}`);
    });

    it("no import cycle between directories", () => {
        const cycles = directoryCycles(edges);
        assert.deepStrictEqual(cycles, [], cycles.join("\n"));
    });

    it("the cycle finder names a cycle it is given", () => {
        const e = (file: string, specifier: string) => importsOf(ROOT, path.join(ROOT, file), `import "${specifier}";`);
        const cycles = directoryCycles([
            ...e("plan/a.ts", "../policies/harness/b"),
            ...e("policies/harness/b.ts", "../../plan/a"),
            ...e("plan/a.ts", "../components/c"),
        ]);
        assert.strictEqual(cycles.length, 1);
        assert.match(cycles[0]!, /cycle between plan, policies\/harness/);
        assert.match(cycles[0]!, /policies\/harness\/b\.ts imports "\.\.\/\.\.\/plan\/a"/);
    });
});
