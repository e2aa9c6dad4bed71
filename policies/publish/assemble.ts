import * as fs from "fs";
import * as path from "path";
import { unresolvedImports } from "./imports";
import { Lockfile, shrinkwrapFor } from "./shrinkwrap";

/**
 * Builds the folder `pulumi policy publish` uploads for one pack (docs/adr: self-contained policy
 * packs). The CLI runs `npm pack` in that folder and Pulumi Cloud installs the tarball's
 * dependencies and runs it, so the folder holds everything the pack loads: its rules and the
 * shared helpers of policies/lib at the same relative paths as in the repository, a package.json
 * with pinned dependencies (the policy SDK and what the CLI's TypeScript runner needs), an
 * npm-shrinkwrap.json cut from the repository's lock file, and a tsconfig for the runner's type
 * check. Nothing is rewritten: the files are the ones the offline harness runs.
 */
export const SHARED_DIR = "lib";

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
    copyTree(path.join(policiesDir, dir), path.join(out, dir), published);
    copyTree(path.join(policiesDir, SHARED_DIR), path.join(out, SHARED_DIR), () => true);
    fs.copyFileSync(path.join(policiesDir, dir, "PulumiPolicy.yaml"), path.join(out, "PulumiPolicy.yaml"));
    const pkg = {
        name: manifest.name,
        version: manifest.version,
        description: manifest.description,
        private: true,
        license: manifest["license"] ?? "Apache-2.0",
        main: `${dir}/index.ts`,
        // npm packs npm-shrinkwrap.json only when `files` lists it.
        files: [dir, SHARED_DIR, "PulumiPolicy.yaml", "tsconfig.json", "npm-shrinkwrap.json"],
        dependencies,
    };
    fs.writeFileSync(path.join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
    fs.writeFileSync(path.join(out, "npm-shrinkwrap.json"), JSON.stringify(shrinkwrapFor(rootLock, manifest.name, manifest.version, dependencies), null, 2) + "\n");
    fs.writeFileSync(path.join(out, "tsconfig.json"), JSON.stringify(PACK_TSCONFIG, null, 2) + "\n");
    const problems = unresolvedImports(out, Object.keys(dependencies));
    if (problems.length > 0) throw new AssembleError(`policies/${dir} is not self-contained:\n  ${problems.join("\n  ")}`);
    return { dir, name: manifest.name, version: manifest.version, out, dependencies };
}
