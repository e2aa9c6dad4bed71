import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { assemblePack, readManifest } from "../../policies/publish/assemble";
import { moduleSpecifiers, sourceFiles, unresolvedImports } from "../../policies/publish/imports";
import { Lockfile, shrinkwrapFor } from "../../policies/publish/shrinkwrap";
import { ROOT } from "../helpers/plan";

const POLICIES = path.join(ROOT, "policies");
const lock = (): Lockfile => JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as Lockfile;

function tmp(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "onair-assemble-"));
}

describe("publishable policy packs (assembly for pulumi policy publish)", () => {
    it("reads every kind of module specifier, and none from comments", () => {
        const src = [
            `import { a } from "./a";`,
            `import type { B } from "../lib/b";`,
            `export { c } from "@pulumi/policy";`,
            `import "side-effect";`,
            `const d = require("@pulumi/policy/proxy");`,
            `const e = await import("./e");`,
            `// import { x } from "../../components/never";`,
            `/* require("../../plan/never") */`,
        ].join("\n");
        assert.deepStrictEqual(moduleSpecifiers(src), ["../lib/b", "./a", "./e", "@pulumi/policy", "@pulumi/policy/proxy", "side-effect"]);
    });

    for (const dir of ["broadcast", "security"]) {
        it(`policies/${dir} as it sits in the repository would not load from a tarball (its helpers are one folder up)`, () => {
            const deps = Object.keys(readManifest(POLICIES, dir).dependencies ?? {});
            const problems = unresolvedImports(path.join(POLICIES, dir), deps);
            assert.ok(
                problems.some((p) => /imports \.\.\/(\.\.\/)*lib\/\w+, outside the pack/.test(p)),
                problems.join("\n"),
            );
        });

        it(`policies/${dir} assembles into a folder that loads only its own files and its pinned dependencies`, () => {
            const out = tmp();
            try {
                const built = assemblePack(POLICIES, dir, out, lock());
                assert.deepStrictEqual(unresolvedImports(built.out, Object.keys(built.dependencies)), []);
                const pkg = JSON.parse(fs.readFileSync(path.join(built.out, "package.json"), "utf8"));
                assert.ok(fs.existsSync(path.join(built.out, pkg.main)), `main ${pkg.main} exists`);
                // The runner the CLI starts needs the SDKs, and ts-node with a TypeScript it supports.
                assert.deepStrictEqual(Object.keys(pkg.dependencies).sort(), ["@pulumi/policy", "@pulumi/pulumi", "@types/node", "ts-node", "typescript"]);
                const rootLock = lock();
                for (const [dep, version] of Object.entries(pkg.dependencies))
                    assert.strictEqual(version, rootLock.packages[`node_modules/${dep}`]!.version, dep);
                const shrink = JSON.parse(fs.readFileSync(path.join(built.out, "npm-shrinkwrap.json"), "utf8")) as Lockfile;
                assert.strictEqual(shrink.packages["node_modules/@pulumi/pulumi"]!.version, "3.248.0");
                for (const [at, e] of Object.entries(shrink.packages)) {
                    if (at === "") continue;
                    assert.ok(e.integrity, `${at} is pinned by integrity`);
                    assert.deepStrictEqual(
                        e,
                        Object.fromEntries(Object.entries(rootLock.packages[at]!).filter(([k]) => !["dev", "devOptional", "peer"].includes(k))),
                        `${at} as the repository installs it`,
                    );
                }
                assert.ok(!fs.readdirSync(path.join(built.out, "policies", dir)).some((f) => /^config\./.test(f)), "stack configs stay in the repository");
                // contracts/ files ride along only when a file of the pack imports them, byte for byte.
                const contracts = fs.readdirSync(path.join(built.out, "contracts")).sort();
                assert.ok(contracts.includes("resourceTypes.ts"), contracts.join(", "));
                const loaded = new Set(
                    sourceFiles(built.out).flatMap((f) =>
                        moduleSpecifiers(fs.readFileSync(f, "utf8"))
                            .filter((s) => s.startsWith("."))
                            .map((s) => path.resolve(path.dirname(f), s)),
                    ),
                );
                for (const c of contracts) {
                    assert.ok(loaded.has(path.join(built.out, "contracts", c.replace(/\.ts$/, ""))), `contracts/${c} is imported by the pack`);
                    assert.ok(
                        fs.readFileSync(path.join(built.out, "contracts", c)).equals(fs.readFileSync(path.join(POLICIES, "..", "contracts", c))),
                        `contracts/${c} as in the repository`,
                    );
                }
            } finally {
                fs.rmSync(out, { recursive: true, force: true });
            }
        });
    }

    it("refuses a pack whose rule imports the program tree, naming the file and the import", () => {
        const policies = tmp();
        try {
            fs.mkdirSync(path.join(policies, "lib"));
            fs.writeFileSync(path.join(policies, "lib", "props.ts"), "export const x = 1;\n");
            fs.mkdirSync(path.join(policies, "leaky", "rules"), { recursive: true });
            fs.writeFileSync(
                path.join(policies, "leaky", "package.json"),
                JSON.stringify({ name: "leaky", version: "1.0.0", dependencies: { "@pulumi/policy": "1.21.0" } }),
            );
            fs.writeFileSync(path.join(policies, "leaky", "PulumiPolicy.yaml"), "runtime: nodejs\n");
            fs.writeFileSync(path.join(policies, "leaky", "index.ts"), `import { x } from "../lib/props";\nimport { y } from "./rules/r";\n`);
            fs.writeFileSync(
                path.join(policies, "leaky", "rules", "r.ts"),
                `import { stableJson } from "../../../components/stableJson";\nimport * as yaml from "yaml";\nexport const y = 1;\n`,
            );
            assert.throws(
                () => assemblePack(policies, "leaky", path.join(policies, "out"), lock()),
                (e: Error) => {
                    assert.match(e.message, /leaky\/rules\/r\.ts imports \.\.\/\.\.\/\.\.\/components\/stableJson, which is not in the pack/);
                    assert.match(e.message, /leaky\/rules\/r\.ts imports yaml, but the pack does not depend on yaml/);
                    return true;
                },
            );
        } finally {
            fs.rmSync(policies, { recursive: true, force: true });
        }
    });

    it("refuses a pin that differs from what the repository installs and tests", () => {
        assert.throws(
            () => shrinkwrapFor(lock(), "p", "1.0.0", { "@pulumi/policy": "1.20.0" }),
            /pins @pulumi\/policy 1\.20\.0, but the repository installs 1\.21\.0/,
        );
        assert.throws(() => shrinkwrapFor(lock(), "p", "1.0.0", { "left-pad": "1.3.0" }), /does not install; add it to the root package.json/);
    });
});
