import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { registeredProviders } from "../helpers/dynamicHost";
import { ROOT } from "../helpers/plan";

import * as cache from "../../plan/launch/transpileCache";
const REGISTER = path.join(ROOT, "plan/launch/register.js");

/** Runs `node -r plan/launch/register.js file` with its caches in `dir`; returns stdout. */
function runThroughLauncher(dir: string, file: string, extra: Record<string, string> = {}): string {
    return execFileSync(process.execPath, ["-r", REGISTER, file], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, ONAIR_TS_CACHE: path.join(dir, "ts"), ONAIR_CODE_CACHE: path.join(dir, "v8"), ...extra },
    });
}

const entries = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => !fs.statSync(path.join(dir, String(f))).isDirectory()).length : 0;

/** Rewrites a file with text of the same length and puts its modification time back. */
function editInPlace(file: string, from: string, to: string): void {
    assert.strictEqual(from.length, to.length);
    const { atime, mtime } = fs.statSync(file);
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace(from, to));
    fs.utimesSync(file, atime, mtime);
}

describe("the launcher's caches (plan/launch, ADR 028)", function () {
    this.timeout(300_000);
    let work: string;
    beforeEach(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "onair-launch-"));
    });
    afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

    it("transpiles every TypeScript and JavaScript file of the repository to ts-node's text, from the cache as when made", function () {
        // ts-node in transpile-only mode with tsconfig.json is what Pulumi's language host runs for `pulumi up`.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- ts-node is loaded only by this test, as the language host loads it
        const tsNode = (require("ts-node") as typeof import("ts-node")).create({ transpileOnly: true, project: path.join(ROOT, "tsconfig.json") });
        const files = execFileSync("git", ["ls-files", "*.ts", "*.js"], { cwd: ROOT, encoding: "utf8" })
            .split("\n")
            .filter(Boolean)
            .map((f) => path.join(ROOT, f));
        assert.ok(files.length > 150);
        process.env["ONAIR_TS_CACHE"] = path.join(work, "ts");
        try {
            for (const file of files) {
                assert.strictEqual(cache.handles(file), !tsNode.ignored(file), file);
                if (!cache.handles(file)) continue;
                const code = fs.readFileSync(file, "utf8");
                const expected = tsNode.compile(code, file);
                assert.strictEqual(cache.transpile(code, file), expected, `made: ${file}`);
                assert.strictEqual(cache.transpile(code, file), expected, `cached: ${file}`);
            }
        } finally {
            delete process.env["ONAIR_TS_CACHE"];
        }
        for (const file of ["node_modules/@pulumi/pulumi/index.js", "node_modules/x/y.ts"].map((f) => path.join(ROOT, f)))
            assert.strictEqual(cache.handles(file), false, file);
    });

    it("never serves an older file's code: an edit of the same length, with its modification time put back, runs the new code", () => {
        const program = path.join(work, "answer.ts");
        fs.writeFileSync(program, "const answer: number = 41;\nconsole.log(`answer ${answer}`);\n");
        assert.strictEqual(runThroughLauncher(work, program), "answer 41\n");
        assert.strictEqual(runThroughLauncher(work, program), "answer 41\n");
        const made = { ts: entries(path.join(work, "ts")), v8: entries(path.join(work, "v8")) };
        assert.ok(made.ts >= 1 && made.v8 >= 1, JSON.stringify(made));
        editInPlace(program, "41", "42");
        assert.strictEqual(runThroughLauncher(work, program), "answer 42\n");
        // One new entry in each cache: the edited file's.
        assert.deepStrictEqual({ ts: entries(path.join(work, "ts")), v8: entries(path.join(work, "v8")) }, { ts: made.ts + 1, v8: made.v8 + 1 });
    });

    it("a second start reads the caches instead of making entries again", () => {
        const program = path.join(work, "loads.ts");
        fs.writeFileSync(
            program,
            `import * as yaml from ${JSON.stringify(path.join(ROOT, "node_modules/yaml"))};\nconsole.log(yaml.stringify({ ok: true }).trim());\n`,
        );
        assert.strictEqual(runThroughLauncher(work, program), "ok: true\n");
        const v8 = fs.readdirSync(path.join(work, "v8"), { recursive: true }).map(String).sort();
        assert.ok(v8.length > 50, `the yaml package's modules are cached too (${v8.length} entries)`);
        assert.strictEqual(runThroughLauncher(work, program), "ok: true\n");
        assert.deepStrictEqual(fs.readdirSync(path.join(work, "v8"), { recursive: true }).map(String).sort(), v8);
    });

    it("compiles afresh over a damaged code cache entry, and repairs it", () => {
        const program = path.join(work, "damaged.ts");
        fs.writeFileSync(program, "console.log(['intact'].join(''));\n");
        // Transpiled first, so that the code cache then holds only what a start with a warm
        // transpile cache loads (ts-node is not among it).
        runThroughLauncher(work, program);
        fs.rmSync(path.join(work, "v8"), { recursive: true });
        runThroughLauncher(work, program);
        const folder = path.join(work, "v8", fs.readdirSync(path.join(work, "v8"))[0]!);
        const damaged = fs.readdirSync(folder).map((f) => path.join(folder, f));
        for (const f of damaged) fs.writeFileSync(f, Buffer.alloc(fs.statSync(f).size, 7));
        assert.strictEqual(runThroughLauncher(work, program), "intact\n");
        for (const f of damaged) assert.notDeepStrictEqual(fs.readFileSync(f), Buffer.alloc(fs.statSync(f).size, 7), `${f} rewritten`);
    });

    it("leaves what Node's loader must see to it: a syntax error is reported with its file, a hashbang file runs", () => {
        const broken = path.join(work, "broken.ts");
        fs.writeFileSync(broken, "const x = ;\n");
        assert.throws(
            () => runThroughLauncher(work, broken),
            (e: { stderr: string }) => /broken\.ts/.test(e.stderr) && /Expression expected|SyntaxError/.test(e.stderr),
        );
        const script = path.join(work, "tool.js");
        fs.writeFileSync(script, "#!/usr/bin/env node\nconsole.log(typeof require.resolve.paths);\n");
        assert.strictEqual(runThroughLauncher(work, script), "function\n");
        assert.strictEqual(runThroughLauncher(work, script, { ONAIR_CODE_CACHE: "off" }), "function\n");
    });

    it("runs import() from a warm cache, in a module's code and in code it builds (Node 20 loses the callback in cached code)", () => {
        fs.writeFileSync(path.join(work, "esm.mjs"), "export const answer = 42;\n");
        const program = path.join(work, "dynamic.ts");
        fs.writeFileSync(
            program,
            [
                'const load = new Function("u", "return import(u)") as (u: string) => Promise<{ answer: number }>;',
                'Promise.all([import("./esm.mjs" as string), load("./esm.mjs")]).then(([a, b]) => console.log(`${a.answer} ${b.answer}`));',
                "",
            ].join("\n"),
        );
        for (const run of ["cold", "warm"]) assert.strictEqual(runThroughLauncher(work, program), "42 42\n", run);
    });

    it("serializes the MediaLive providers to the text they get under ts-node (the text the dynamic-provider host runs)", async () => {
        // This suite runs through the launcher (.mocharc.json), so the host tests in test/media/host do too.
        assert.ok(
            (JSON.parse(fs.readFileSync(path.join(ROOT, ".mocharc.json"), "utf8")) as { require: string[] }).require.includes("./plan/launch/register.js"),
        );
        const here = await registeredProviders();
        // A script file, as a program is (under `node -e` the SDK captures module objects differently).
        const script = path.join(work, "providers.js");
        fs.writeFileSync(
            script,
            `require(${JSON.stringify(path.join(ROOT, "test/helpers/dynamicHost.ts"))}).registeredProviders().then((p) => process.stdout.write(JSON.stringify(p)));\n`,
        );
        const underTsNode = JSON.parse(
            execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 }),
        ) as typeof here;
        assert.ok(here.channel.length > 10_000);
        assert.ok(here.channel === underTsNode.channel, "the channel provider's text differs");
        assert.ok(here.input === underTsNode.input, "the input provider's text differs");
    });
});
