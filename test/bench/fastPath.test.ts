import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../plan/cli";
import { planJson } from "../../plan/json";
import { FAST_NODE_FLAGS } from "../../plan/fastPath";
import { syntheticSeason } from "../../tools/bench/syntheticSeason";
import { measure } from "../../tools/bench/worker";
import { ROOT } from "../helpers/plan";

type Doc = { resources: { urn: string; type: string }[]; violations: unknown[]; outputs: unknown };

const byUrn = (d: Doc) => [...d.resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));

describe("benchmark fast path (compiled, stack traces and SDK debugging aids off)", function () {
    this.timeout(300_000);
    let fast: Doc;
    let plain: Doc;
    before(async () => {
        execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-fast-")), "plan.json");
        execFileSync(process.execPath, [...FAST_NODE_FLAGS, path.join(ROOT, "build/tools/bench/worker.js"), "3", "--fast", "--dump", file], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
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

    it("captures the same resources, with the same inputs, parents, providers and dependencies", () => {
        assert.strictEqual(fast.resources.length, plain.resources.length);
        assert.deepStrictEqual(byUrn(fast), byUrn(plain));
    });

    it("reaches the same verdict and stack outputs", () => {
        assert.deepStrictEqual(fast.violations, plain.violations);
        assert.deepStrictEqual(fast.outputs, plain.outputs);
    });

    it("npm run plan:fast runs the compiled CLI with the fast path's node flags", () => {
        const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
        assert.ok(scripts["plan:fast"]!.endsWith(`node ${FAST_NODE_FLAGS.join(" ")} build/plan/cli.js --fast`), scripts["plan:fast"]);
    });

    it("lists resources and violations in the same order on both paths (by URN), with object keys sorted", () => {
        assert.deepStrictEqual(fast.resources.map((r) => r.urn), plain.resources.map((r) => r.urn));
        assert.deepStrictEqual(plain.resources, byUrn(plain));
        assert.strictEqual(JSON.stringify(fast), JSON.stringify(plain));
    });

    it("npm run plan:fast -- --json writes the bytes npm run plan -- --json writes, run after run", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onair-json-"));
        const asOf = ["--as-of", "2026-11-01T00:00:00Z"];
        execFileSync(process.execPath, [...FAST_NODE_FLAGS, path.join(ROOT, "build/plan/cli.js"), "--fast", ...asOf, "--json", path.join(dir, "fast.json")], { cwd: ROOT, stdio: "ignore" });
        for (const name of ["plain-1.json", "plain-2.json"]) assert.strictEqual(await main([...asOf, "--json", path.join(dir, name)], () => undefined, () => undefined), 0);
        const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
        assert.ok(read("fast.json") === read("plain-1.json"), "plan:fast and plan --json differ");
        assert.ok(read("plain-1.json") === read("plain-2.json"), "two runs of plan --json differ");
    });

    it("npm run plan:fast prints the report npm run plan prints for the prod stack", async () => {
        const compiled = execFileSync(process.execPath, [...FAST_NODE_FLAGS, path.join(ROOT, "build/plan/cli.js"), "--fast", "--as-of", "2026-11-01T00:00:00Z"], { cwd: ROOT, encoding: "utf8" });
        const out: string[] = [];
        const code = await main(["--as-of", "2026-11-01T00:00:00Z"], (s) => out.push(s), () => undefined);
        assert.strictEqual(code, 0);
        assert.strictEqual(compiled.trimEnd(), out.join("\n").trimEnd());
        assert.match(compiled, /Verdict: PASS/);
    });
});
