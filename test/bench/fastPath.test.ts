import * as assert from "assert";
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { parseArgs } from "../../plan/args";
import { planJson } from "../../plan/json";
import { FAST_NODE_FLAGS } from "../../plan/fastPath";
import { childExecArgv, REGISTER } from "../../plan/supervisor";
import { writeSeasonStackFile } from "../../tools/bench/seasonFile";
import { syntheticSeason } from "../../tools/bench/syntheticSeason";
import { measure } from "../../tools/bench/worker";
import { FIXTURES } from "../helpers/cli";
import { ROOT } from "../helpers/plan";

type Doc = { resources: { urn: string; type: string }[]; violations: unknown[]; outputs: unknown };

const byUrn = (d: Doc) => [...d.resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
const AS_OF = ["--as-of", "2026-11-01T00:00:00Z"];
const exec = promisify(execFile);

/**
 * The CLI as a shell runs it: exit code, stdout, and the --json file it wrote. Exit 1 (mandatory
 * violations) is a result like 0; anything else fails the test with the CLI's stderr.
 */
async function cli(node: string[], args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; json: string }> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-paths-")), "plan.json");
    try {
        const { stdout } = await exec(process.execPath, [...node, ...args, ...AS_OF, "--json", file], {
            cwd: ROOT,
            maxBuffer: 64 << 20,
            env: { ...process.env, ...env },
        });
        return { code: 0, out: stdout, json: fs.readFileSync(file, "utf8") };
    } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        if (err.code === 1) return { code: 1, out: err.stdout, json: fs.readFileSync(file, "utf8") };
        throw new Error(`${[...node, ...args].join(" ")} exited ${err.code}: ${err.stderr}`, { cause: e });
    }
}

/** Every cache of the launcher and the specification in `dir` (empty: a fresh clone's first start). */
const cachesIn = (dir: string) => ({ ONAIR_TS_CACHE: path.join(dir, "ts"), ONAIR_CODE_CACHE: path.join(dir, "v8"), ONAIR_SPEC_CACHE: path.join(dir, "spec") });
/** The old path reads the whole CloudFormation database, as before issue 20. */
const WHOLE_SPEC = { ONAIR_SPEC_CACHE: "off" };

/** `npm run plan` as package.json runs it: plan/launch/plan.js, caches and fast path on. */
const NEW_DEFAULT = [path.join(ROOT, "plan/launch/plan.js")];
/** `npm run plan` before issue 20: ts-node in both processes, stack traces and SDK aids on (today's --verbose). */
const OLD_PATH = ["-r", "ts-node/register/transpile-only", path.join(ROOT, "plan/cli.ts")];

describe("npm run plan (launcher, caches, fast path) against the plain path", function () {
    this.timeout(600_000);

    describe("in process: the fast path's SDK patches capture what the plain path captures", () => {
        let fast: Doc;
        let plain: Doc;
        before(async () => {
            const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-fast-")), "plan.json");
            execFileSync(process.execPath, ["-r", REGISTER, ...FAST_NODE_FLAGS, path.join(ROOT, "tools/bench/worker.ts"), "3", "--fast", "--dump", file], {
                cwd: ROOT,
                stdio: ["ignore", "ignore", "inherit"],
            });
            fast = JSON.parse(fs.readFileSync(file, "utf8"));
            const sample = await measure(3, path.join(ROOT, "index.ts"));
            plain = JSON.parse(JSON.stringify(planJson(sample.plan, sample.verdict, sample.checks)));
        });

        it("plans a synthetic season with every feature on", () => {
            const season = syntheticSeason(3) as { regions: unknown[]; ads: { channels: string[] } };
            assert.strictEqual(season.regions.length, 3);
            assert.ok(plain.resources.length > 150);
            for (const t of [
                "aws-native:mediatailor:PlaybackConfiguration",
                "aws-native:cloudfront:VpcOrigin",
                "aws:sfn/stateMachine:StateMachine",
                "aws-native:mediaconnect:FlowSource",
            ]) {
                assert.ok(
                    plain.resources.some((r) => r.type === t),
                    t,
                );
            }
        });

        it("captures the same resources, with the same inputs, parents, providers and dependencies, in the same order", () => {
            assert.strictEqual(fast.resources.length, plain.resources.length);
            assert.deepStrictEqual(byUrn(fast), byUrn(plain));
            assert.deepStrictEqual(plain.resources, byUrn(plain));
        });

        it("reaches the same verdict and stack outputs, byte for byte", () => {
            assert.deepStrictEqual(fast.violations, plain.violations);
            assert.deepStrictEqual(fast.outputs, plain.outputs);
            assert.strictEqual(JSON.stringify(fast), JSON.stringify(plain));
        });
    });

    describe("whole process: npm run plan prints and writes the bytes the old ts-node path does", () => {
        const season = () => writeSeasonStackFile(fs.mkdtempSync(path.join(os.tmpdir(), "onair-season-")), 3);
        const cases: [string, () => string[], number][] = [
            ["the prod stack", () => [], 0],
            ["the prod stack at --preview", () => ["--preview"], 0],
            ["a 3-channel synthetic season with every feature on", () => ["--config", season()], 0],
            ["a program AWS's resource schemas refuse (exit 1)", () => ["--program", path.join(FIXTURES, "schemaViolations.ts")], 1],
        ];
        for (const [name, args, code] of cases) {
            it(name, async () => {
                const a = args();
                const [now, old] = await Promise.all([cli(NEW_DEFAULT, a), cli(OLD_PATH, [...a, "--verbose"], WHOLE_SPEC)]);
                assert.deepStrictEqual([now.code, old.code], [code, code]);
                assert.ok(now.json === old.json, `--json differs for ${name}`);
                assert.ok(now.out === old.out, `the report differs for ${name}`);
                assert.match(now.out, code === 0 ? /Verdict: PASS/ : /Verdict: FAIL/);
            });
        }

        describe("a fresh clone (empty caches), a warm start and a checkout whose caches cannot be written", () => {
            let work: string;
            before(() => {
                work = fs.mkdtempSync(path.join(os.tmpdir(), "onair-clone-"));
            });
            after(() => fs.rmSync(work, { recursive: true, force: true }));

            it("gives the same bytes with empty caches, with the caches it just filled, and with none writable", async () => {
                const fresh = cachesIn(path.join(work, "fresh"));
                const cold = await cli(NEW_DEFAULT, [], fresh);
                for (const dir of Object.values(fresh)) assert.ok(fs.readdirSync(dir).length > 0, `${dir} filled`);
                const warm = await cli(NEW_DEFAULT, [], fresh);
                // A regular file where each cache directory would go: nothing can be written (even as root).
                const blocked = path.join(work, "blocked");
                fs.writeFileSync(blocked, "");
                const readOnly = await cli(NEW_DEFAULT, [], cachesIn(blocked));
                const old = await cli(OLD_PATH, ["--verbose"], WHOLE_SPEC);
                for (const [name, r] of [
                    ["cold", cold],
                    ["warm", warm],
                    ["read-only", readOnly],
                ] as const) {
                    assert.strictEqual(r.code, 0, name);
                    assert.ok(r.json === old.json, `--json differs (${name})`);
                    assert.ok(r.out === old.out, `the report differs (${name})`);
                }
            });
        });
    });

    describe("start-up of the CLI and its plan process", () => {
        it("npm run plan is the launcher, with no build step", () => {
            const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
            assert.strictEqual(scripts["plan"], "node plan/launch/plan.js");
        });

        it("plans with the fast path by default; --verbose turns it off for stack traces, --fast is still accepted", () => {
            assert.strictEqual(parseArgs([]).fast, true);
            assert.strictEqual(parseArgs(["--fast"]).fast, true);
            assert.strictEqual(parseArgs(["--verbose"]).fast, false);
        });

        it("the plan process gets the launcher's loader and the fast path's flags when the CLI has no loader in its flags", () => {
            assert.deepStrictEqual(childExecArgv([], true, false), ["-r", REGISTER, ...FAST_NODE_FLAGS]);
        });

        it("keeps a loader the CLI was started with (ts-node runs both processes of the old path), adding no flag twice", () => {
            const tsNode = ["-r", "ts-node/register/transpile-only"];
            assert.deepStrictEqual(childExecArgv(tsNode, true, false), [...tsNode, ...FAST_NODE_FLAGS]);
            assert.deepStrictEqual(childExecArgv(["-r", REGISTER, FAST_NODE_FLAGS[0]!], true, false), ["-r", REGISTER, ...FAST_NODE_FLAGS]);
        });

        it("a --verbose plan process maps stack traces to the TypeScript (ts-node maps its own), a compiled one needs no loader", () => {
            assert.deepStrictEqual(childExecArgv([], false, false), ["-r", REGISTER, "--enable-source-maps"]);
            assert.deepStrictEqual(childExecArgv(["-r", "ts-node/register"], false, false), ["-r", "ts-node/register"]);
            assert.deepStrictEqual(childExecArgv([], true, true), FAST_NODE_FLAGS);
        });
    });
});
