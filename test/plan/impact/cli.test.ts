import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { plan, tmpFile } from "../../helpers/cli";
import { deployedProd } from "../../helpers/against";
import { ROOT, TEST_NOW } from "../../helpers/plan";

describe("npm run plan -- --against (plan/cli.ts)", function () {
    this.timeout(600_000);

    it("plans prod against its own export: no change, the impact section in text, Markdown (with the diagram) and JSON, no ciphertext printed", async () => {
        const { exported } = await deployedProd();
        const state = tmpFile("prod-state.json", JSON.stringify(exported));
        const md = tmpFile("summary.md");
        const json = tmpFile("plan.json");
        const r = await plan("--against", state, "--as-of", TEST_NOW, "--markdown", md, "--json", json);
        assert.strictEqual(r.code, 0, r.err);
        assert.match(
            r.out,
            new RegExp(
                `Change impact against the deployed state \\(${state.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\) as of 2026-11-01T00:00:00Z, deploy margin 45 minutes\\n  0 changes: 0 create, 0 update in place, 0 replace, 0 may replace, 0 delete; \\d+ unchanged`,
            ),
        );
        assert.match(r.out, /mandatory \(onair-stack-changes-disallow-off-air-during-window\): 0/);
        assert.match(r.out, /Verdict: PASS/);
        const summary = fs.readFileSync(md, "utf8");
        assert.match(summary, /### Change impact against the deployed state/);
        assert.match(summary, /### Season as planned[\s\S]*```mermaid\nflowchart LR/);
        const doc = JSON.parse(fs.readFileSync(json, "utf8")) as { impact: { counts: Record<string, number>; violations: unknown[] } };
        assert.deepStrictEqual(doc.impact.counts, { create: 0, update: 0, replace: 0, "may-replace": 0, delete: 0 });
        // The export's secrets are ciphertext envelopes; not one reaches a report.
        const ciphertexts = [...JSON.stringify(exported).matchAll(/"ciphertext":"([^"]+)"/g)].map((m) => m[1]!);
        assert.ok(ciphertexts.length > 0);
        for (const c of ciphertexts) for (const text of [r.out, summary, fs.readFileSync(json, "utf8")]) assert.ok(!text.includes(c), "ciphertext printed");
    });

    it("fails (exit 1) when an encoder change would hit a channel on air at --as-of, and says so in the verdict", async () => {
        const asOf = "2026-12-13T01:00:00Z";
        const { exported } = await deployedProd(asOf);
        const state = tmpFile("prod-state.json", JSON.stringify(exported));
        const doc = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.prod.yaml"), "utf8"));
        doc.config["onair:season"].channels[2].frameRate = "29.97";
        const config = tmpFile("Pulumi.prod.yaml", YAML.stringify(doc));
        const r = await plan("--config", config, "--against", state, "--as-of", asOf);
        assert.strictEqual(r.code, 1, r.err);
        assert.match(
            r.out,
            /mandatory \(onair-stack-changes-disallow-off-air-during-window\): 2\n {4}- use1-hockey-hd-medialive \(update\) changes the running channel of hockey-hd in us-east-1 while hockey-hd 2026-12-12-home is on air/,
        );
        assert.match(r.out, /Verdict: FAIL - 2 mandatory violations\./);
    });

    it("exits 2 naming the file for a missing export or another stack's, and refuses --all with --against", async () => {
        const missing = await plan("--against", "/nonexistent/prod-state.json");
        assert.strictEqual(missing.code, 2);
        assert.match(missing.err, /^Configuration error: --against \/nonexistent\/prod-state\.json cannot be read \(ENOENT\)/);
        const other = tmpFile(
            "s.json",
            JSON.stringify({
                version: 3,
                deployment: {
                    resources: [{ urn: "urn:pulumi:staging::onair::pulumi:pulumi:Stack::onair-staging", type: "pulumi:pulumi:Stack", custom: false }],
                },
            }),
        );
        const wrong = await plan("--against", other);
        assert.strictEqual(wrong.code, 2);
        assert.match(wrong.err, /is the state of stack staging, not prod/);
        const all = await plan("--all", "--against", other);
        assert.strictEqual(all.code, 2);
        assert.match(all.err, /--all plans every stack file; it cannot be combined with .*--against \(a state export is one stack's\)/);
    });
});
