import * as fs from "fs";
import * as path from "path";
import { moduleSpecifiers, resolveFile, sourceFiles, unresolvedImports } from "./imports";
import { Lockfile, shrinkwrapFor } from "./shrinkwrap";

/**
 * Builds the folder `pulumi policy publish` uploads for one pack (docs/adr: self-contained policy
 * packs). The CLI runs `npm pack` in that folder and Pulumi Cloud installs the tarball's
 * dependencies and runs it, so the folder holds everything the pack loads, mirroring the
 * repository root: its rules under `policies/<pack>`, the shared helpers under `policies/lib`, the
 * files of `contracts/` the pack's files import (and only those: a pack never carries planner
 * code that needs packages it does not depend on), a package.json with pinned dependencies (the
 * policy SDK and what the CLI's TypeScript runner needs), an npm-shrinkwrap.json cut from the
 * repository's lock file, and a tsconfig for the runner's type check. Nothing is rewritten: the
 * files are the ones the offline harness runs (docs/adr/031-contracts-module.md).
 */
export const SHARED_DIR = "lib";

/** The repository folder (beside policies/) of what the program, the packs and the planner share. */
export const CONTRACTS_DIR = "contracts";

/** Compiler settings the CLI's runner (ts-node with type checking) uses for the pack. */
export const PACK_TSCONFIG = {
    compilerOptions: {
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node",
        lib: ["ES2022"],
        types: ["node"],
        strict: true,
        noImplicitReturns: true,
        noFallthroughCasesInSwitch: true,
        esModuleInterop: true,
        skipLibCheck: true,
        forceConsistentCasingInFileNames: true,
    },
};

export class AssembleError extends Error {}

export interface PackManifest {
    name: string;
    version: string;
    description?: string;
    main?: string;
    dependencies?: Record<string, string>;
    [key: string]: unknown;
}

export interface AssembledPack {
    /** Directory name under policies/, e.g. `broadcast`. */
    dir: string;
    name: string;
    version: string;
    /** The publishable folder. */
    out: string;
    dependencies: Record<string, string>;
}

/** Files of a pack folder that stay in the repository: stack configs are passed with --policy-pack-config, not published. */
function published(name: string): boolean {
    return !/^config\..+\.json$/.test(name) && name !== "package.json" && name !== "PulumiPolicy.yaml" && name !== "node_modules";
}

function copyTree(from: string, to: string, keep: (name: string) => boolean): void {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
        if (!keep(entry.name)) continue;
        const src = path.join(from, entry.name);
        const dst = path.join(to, entry.name);
        if (entry.isDirectory()) copyTree(src, dst, () => true);
        else if (entry.isFile()) fs.copyFileSync(src, dst);
    }
}

/**
 * Copies into `out` (laid out as the repository root `repo`) every file of contracts/ that a file
 * already in `out` imports, transitively; returns their paths relative to `out`.
 */
export function copyReachableContracts(repo: string, out: string): string[] {
    const contracts = path.join(repo, CONTRACTS_DIR);
    const copied = new Set<string>();
    const queue = sourceFiles(out);
    while (queue.length > 0) {
        const file = queue.pop()!;
        const inRepo = path.join(repo, path.relative(out, file));
        for (const spec of moduleSpecifiers(fs.readFileSync(file, "utf8"))) {
            if (!spec.startsWith(".")) continue;
            const source = resolveFile(path.resolve(path.dirname(inRepo), spec));
            if (!source || path.relative(contracts, source).startsWith("..")) continue;
            const rel = path.relative(repo, source);
            if (copied.has(rel)) continue;
            copied.add(rel);
            const dst = path.join(out, rel);
            fs.mkdirSync(path.dirname(dst), { recursive: true });
            fs.copyFileSync(source, dst);
            queue.push(dst);
        }
    }
    return [...copied].sort();
}

export function readManifest(policiesDir: string, dir: string): PackManifest {
    const file = path.join(policiesDir, dir, "package.json");
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as PackManifest;
    if (!manifest.name || !manifest.version) throw new AssembleError(`${file} needs a name and a version (the version is the pack's published version)`);
    return manifest;
}

/**
 * Assembles `policies/<dir>` into `<outRoot>/<dir>`. Throws when the pack pins a dependency the
 * repository does not install at that version, or loads a file or package the folder lacks.
 */
export function assemblePack(policiesDir: string, dir: string, outRoot: string, rootLock: Lockfile): AssembledPack {
    const manifest = readManifest(policiesDir, dir);
    const dependencies = manifest.dependencies ?? {};
    for (const [dep, version] of Object.entries(dependencies)) {
        if (!/^\d+\.\d+\.\d+$/.test(version)) throw new AssembleError(`policies/${dir}/package.json: ${dep} is "${version}"; pin an exact version`);
    }
    const out = path.join(outRoot, dir);
    fs.rmSync(out, { recursive: true, force: true });
    const policiesOut = path.join(out, path.basename(policiesDir));
    copyTree(path.join(policiesDir, dir), path.join(policiesOut, dir), published);
    copyTree(path.join(policiesDir, SHARED_DIR), path.join(policiesOut, SHARED_DIR), () => true);
    const contracts = copyReachableContracts(path.dirname(policiesDir), out);
    fs.copyFileSync(path.join(policiesDir, dir, "PulumiPolicy.yaml"), path.join(out, "PulumiPolicy.yaml"));
    const pkg = {
        name: manifest.name,
        version: manifest.version,
        description: manifest.description,
        private: true,
        license: manifest["license"] ?? "Apache-2.0",
        main: `${path.basename(policiesDir)}/${dir}/index.ts`,
        // npm packs npm-shrinkwrap.json only when `files` lists it.
        files: [path.basename(policiesDir), ...(contracts.length > 0 ? [CONTRACTS_DIR] : []), "PulumiPolicy.yaml", "tsconfig.json", "npm-shrinkwrap.json"],
        dependencies,
    };
    fs.writeFileSync(path.join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
    fs.writeFileSync(
        path.join(out, "npm-shrinkwrap.json"),
        JSON.stringify(shrinkwrapFor(rootLock, manifest.name, manifest.version, dependencies), null, 2) + "\n",
    );
    fs.writeFileSync(path.join(out, "tsconfig.json"), JSON.stringify(PACK_TSCONFIG, null, 2) + "\n");
    const problems = unresolvedImports(out, Object.keys(dependencies));
    if (problems.length > 0) throw new AssembleError(`policies/${dir} is not self-contained:\n  ${problems.join("\n  ")}`);
    return { dir, name: manifest.name, version: manifest.version, out, dependencies };
}
