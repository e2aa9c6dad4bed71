import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ALL_PACKS, POLICIES_DIR } from "../../policies/harness/packs";
import { OnAirPolicy } from "../../policies/lib/policy";
import { renderPolicyDocs } from "../../tools/policyDocs";

/**
 * The layout every rule follows (docs/adr/035-policy-tests-mirror-rules.md):
 * - `policies/<pack>/<service>/<resource>/onair-<service>-<resource>-<verb>-<thing>.ts` (stack rules
 *   `policies/<pack>/stack/onair-stack-<resources>-<verb>-<thing>.ts`) exports one policy, named
 *   camelCase(`<verb>-<thing>`): `onair-medialive-channel-disallow-single-pipeline` is
 *   `disallowSinglePipeline`;
 * - its tests are `test/policies/<same path>.test.ts`, and every test file under a pack's folder
 *   mirrors a rule;
 * - its severity, default level and AWS reference URL are written once, in its metadata: the
 *   JSDoc says why, not how severe; docs/policies.md is generated from the metadata; README and
 *   ADRs link there instead of restating them.
 */
const ROOT = path.resolve(__dirname, "../..");
const TESTS_DIR = path.join(ROOT, "test", "policies");

function files(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

/** `disallow-single-pipeline` -> `disallowSinglePipeline`. */
function exportNameFor(ruleName: string): string {
    const [, , , ...verbThing] = ruleName.split("-");
    return verbThing.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
}

/** The folders a rule lives in: `<service>/<resource>`, or `stack` for whole-stack rules. */
function ruleDirFor(ruleName: string): string {
    const [, service, resource] = ruleName.split("-");
    return service === "stack" ? "stack" : `${service}/${resource}`;
}

function isPolicy(v: unknown): v is OnAirPolicy {
    return (
        !!v &&
        typeof v === "object" &&
        typeof (v as { name?: unknown }).name === "string" &&
        /^onair-/.test((v as { name: string }).name) &&
        (typeof (v as { validateResource?: unknown }).validateResource === "function" || typeof (v as { validateStack?: unknown }).validateStack === "function")
    );
}

interface RuleFile {
    pack: string;
    file: string;
    /** Path under `policies/<pack>/`, without `.ts`. */
    within: string;
}

/** Rule files: every `onair-*.ts` under a pack's folder. */
function ruleFiles(): RuleFile[] {
    return ALL_PACKS.flatMap((pack) => {
        const dir = path.join(POLICIES_DIR, pack.dir);
        return files(dir)
            .filter((f) => /^onair-.*\.ts$/.test(path.basename(f)))
            .map((file) => ({ pack: pack.dir, file, within: path.relative(dir, file).split(path.sep).join("/").replace(/\.ts$/, "") }));
    });
}

/** Where a rule's tests live: the rule's path under test/policies. */
function mirroredTestPath(r: Pick<RuleFile, "pack" | "within">): string {
    return path.join(TESTS_DIR, r.pack, `${r.within}.test.ts`);
}

/** Test files under the packs' folders that mirror no rule file. */
function orphanTests(rules: readonly Pick<RuleFile, "pack" | "within">[]): string[] {
    const expected = new Set(rules.map(mirroredTestPath));
    return ALL_PACKS.flatMap((pack) => files(path.join(TESTS_DIR, pack.dir))).filter((f) => f.endsWith(".test.ts") && !expected.has(f));
}

/** Rules whose mirrored test file is missing. */
function rulesWithoutTests(rules: readonly RuleFile[]): string[] {
    return rules.filter((r) => !fs.existsSync(mirroredTestPath(r))).map((r) => `${rel(r.file)} has no ${rel(mirroredTestPath(r))}`);
}

const LEVEL_OR_SEVERITY = "mandatory|advisory|remediate|disabled|critical|high|medium|low";

describe("policy conventions: rules, their tests and their metadata", () => {
    const rules = ruleFiles();
    const packPolicies = new Map(ALL_PACKS.flatMap((p) => p.policies.map((policy) => [policy.name, { pack: p.dir, policy }] as const)));

    it("finds every pack's rules in rule files, and nothing else in them", () => {
        assert.strictEqual(rules.length, packPolicies.size, "one rule file per pack policy");
        for (const r of rules) assert.ok(packPolicies.has(path.basename(r.within)), `${rel(r.file)} is not a policy of any pack`);
    });

    it("gives every rule file its test file at the mirrored path", () => {
        assert.deepStrictEqual(rulesWithoutTests(rules), []);
    });

    it("has no test file under a pack's folder that mirrors no rule (rename tests with their rule)", () => {
        assert.deepStrictEqual(orphanTests(rules).map(rel), []);
    });

    for (const r of rules) {
        const name = path.basename(r.within);
        describe(name, () => {
            const text = fs.readFileSync(r.file, "utf8");
            it(`lives in policies/${r.pack}/${ruleDirFor(name)}/ and exports one policy named ${exportNameFor(name)}`, async () => {
                assert.strictEqual(path.dirname(r.within), ruleDirFor(name));
                const exported = Object.entries((await import(r.file)) as Record<string, unknown>).filter(([, v]) => isPolicy(v));
                assert.deepStrictEqual(
                    exported.map(([k, v]) => [k, (v as OnAirPolicy).name]),
                    [[exportNameFor(name), name]],
                );
                assert.strictEqual(exported[0]![1], packPolicies.get(name)?.policy, `the ${r.pack} pack lists this export`);
                assert.strictEqual(packPolicies.get(name)?.pack, r.pack, "the rule is in the pack whose folder holds it");
            });
            it("writes its severity, default level and reference URL once, in its metadata", () => {
                const policy = packPolicies.get(name)!.policy;
                for (const key of ["severity", "enforcementLevel", "url"] as const) {
                    const literals = [...text.matchAll(new RegExp(`\\b${key}: "([^"]*)"`, "g"))].map((m) => m[1]);
                    assert.deepStrictEqual(literals, [policy[key]], `${key}: one string literal in the metadata`);
                }
                assert.strictEqual(text.split(policy.url).length - 1, 1, `${policy.url} appears once (no @see restating it)`);
                const prose = text
                    .split("\n")
                    .filter((l) => /^\s*(\*|\/\/)/.test(l) && new RegExp(`\\b(severity|level)\\b[^.]*\\b(${LEVEL_OR_SEVERITY})\\b`, "i").test(l));
                assert.deepStrictEqual(prose, [], "comments say why the rule matters, not its severity or level");
            });
        });
    }

    it("generates docs/policies.md from the metadata, and no other document restates a rule's level, severity or URL", () => {
        const generated = renderPolicyDocs();
        const docs = [
            path.join(ROOT, "README.md"),
            path.join(ROOT, "stacks", "README.md"),
            ...files(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md") && path.basename(f) !== "policies.md"),
        ];
        const restated: string[] = [];
        for (const [name, { policy }] of packPolicies) {
            assert.ok(
                generated.includes(`### ${name}`) && generated.includes(policy.url) && generated.includes(`${policy.severity} / ${policy.enforcementLevel}`),
                `docs/policies.md renders ${name}'s metadata`,
            );
            const nextToName = new RegExp(`\`${name}\`[^\\n\`]{0,3}\\((${LEVEL_OR_SEVERITY})\\b`);
            for (const doc of docs) {
                const lines = fs.readFileSync(doc, "utf8").split("\n");
                // Markdown wraps lines: a rule name at a line's end may carry "(mandatory)" on the next.
                lines.forEach((line, i) => {
                    if (nextToName.test(`${line} ${lines[i + 1] ?? ""}`.replace(/\s+/g, " ")) || (line.includes(name) && line.includes(policy.url)))
                        restated.push(`${rel(doc)}:${i + 1} ${name}`);
                });
            }
        }
        assert.deepStrictEqual(restated, [], "link docs/policies.md instead");
    });
});
