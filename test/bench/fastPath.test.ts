import * as assert from "assert";
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { planJson } from "../../plan/json";
import { FAST_NODE_FLAGS } from "../../plan/fastPath";
import { childExecArgv, REGISTER } from "../../plan/supervisor";
import { writeSeasonStackFile } from "../../tools/bench/seasonFile";
import { syntheticSeason } from "../../tools/bench/syntheticSeason";
import { measure } from "../../tools/bench/worker";
import { ROOT } from "../helpers/plan";

type Doc = { resources: { urn: string; type: string }[]; violations: unknown[]; outputs: unknown };

const byUrn = (d: Doc) => [...d.resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
const AS_OF = ["--as-of", "2026-11-01T00:00:00Z"];
const exec = promisify(execFile);

/** The CLI as a shell runs it: exit code, stdout, and the --json file it wrote. */
async function cli(node: string[], args: string[]): Promise<{ code: number; out: string; json: string }> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-paths-")), "plan.json");
    try {
        const { stdout } = await exec(process.execPath, [...node, ...args, ...AS_OF, "--json", file], { cwd: ROOT, maxBuffer: 64 << 20 });
        return { code: 0, out: stdout, json: fs.readFileSync(file, "utf8") };
    } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        throw new Error(`${[...node, ...args].join(" ")} exited ${err.code}: ${err.stderr}`);
    }
}

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
            execFileSync(process.execPath, ["-r", REGISTER, ...FAST_NODE_FLAGS, path.join(ROOT, "tools/bench/worker.ts"), "3", "--fast", "--dump", file], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
            fast = JSON.parse(fs.readFileSync(file, "utf8"));
            const sample = await measure(3, path.join(ROOT, "index.ts"));
            plain = JSON.parse(JSON.stringify(planJson(sample.plan, sample.verdict, sample.checks)));
        });

        it("plans a synthetic season with every feature on", () => {
            const season = syntheticSeason(3) as { regions: unknown[]; ads: { channels: string[] } };
            assert.strictEqual(season.regions.length, 3);
            assert.ok(plain.resources.length > 150);
            for (const t of ["aws-native:mediatailor:PlaybackConfiguration", "aws-native:cloudfront:VpcOrigin", "aws:sfn/stateMachine:StateMachine", "aws-native:mediaconnect:FlowSource"]) {
                assert.ok(plain.resources.some((r) => r.type === t), t);
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
        const cases: [string, () => string[]][] = [
            ["the prod stack", () => []],
            ["the prod stack at --preview", () => ["--preview"]],
            ["a 3-channel synthetic season with every feature on", () => ["--config", season()]],
        ];
        for (const [name, args] of cases) {
            it(name, async () => {
                const a = args();
                const [now, old] = await Promise.all([cli(NEW_DEFAULT, a), cli(OLD_PATH, [...a, "--verbose"])]);
                assert.ok(now.json === old.json, `--json differs for ${name}`);
                assert.ok(now.out === old.out, `the report differs for ${name}`);
                assert.match(now.out, /Verdict: PASS/);
            });
        }

        it("gives the same bytes run after run (the second start reads every cache)", async () => {
            const [first, second] = [await cli(NEW_DEFAULT, []), await cli(NEW_DEFAULT, [])];
            assert.ok(first.json === second.json && first.out === second.out);
        });
    });

    describe("start-up of the CLI and its plan process", () => {
        it("npm run plan is the launcher, with no build step", () => {
            const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
            assert.strictEqual(scripts["plan"], "node plan/launch/plan.js");
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
