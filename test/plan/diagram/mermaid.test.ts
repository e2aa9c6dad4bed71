import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { marksOf, renderMermaid, seasonDiagramMarkdown } from "../../../plan/diagram/mermaid";
import { seasonModel } from "../../../plan/diagram/model";
import { ImpactReport } from "../../../plan/impact/assess";
import { BENCH_SECRETS, syntheticSeason } from "../../../tools/bench/syntheticSeason";
import { mermaidBlocks, mermaidParser } from "../../helpers/mermaid";
import { planSeason, prodPlan, ROOT } from "../../helpers/plan";
import { BEGIN, END } from "../../../tools/seasonDiagram";

function impactWith(ops: [string, ImpactReport["impacts"][number]["change"]["op"]][]): ImpactReport {
    return {
        source: "s",
        asOfMs: 0,
        marginMinutes: 45,
        moved: [],
        unchanged: 0,
        counts: { create: 0, update: 0, replace: 0, "may-replace": 0, delete: 0 },
        impacts: ops.map(([urn, op]) => ({
            change: { urn, type: "t", name: "n", op, properties: [], replaceReasons: [], rule: "r" },
            effects: [],
            reasons: [],
            exposure: { kind: "clear" },
        })),
    };
}

describe("the season as a Mermaid diagram (plan/diagram)", function () {
    this.timeout(600_000);

    it("prod: both regions (primary first), each channel's chain, one origin group per channel joining the regions, the distribution; mermaid parses it", async () => {
        const plan = await prodPlan();
        const md = seasonDiagramMarkdown(plan);
        const [block] = mermaidBlocks(md);
        assert.ok(block, md);
        assert.match(block!, /^flowchart LR\n {2}subgraph n0\["us-east-1 \(primary\)"\]/);
        assert.match(block!, /subgraph n\d+\["us-west-2 \(secondary\)"\]/);
        assert.match(block!, /"football-uhd: MediaConnect 2 flows, SRT listener \+ 1 direct input"\]/);
        assert.match(block!, /"hockey-hd: MediaConnect 2 flows, RIST \+ 1 backup source \(merge\)"\]/);
        assert.match(block!, /"MediaLive STANDARD, 2160p top of 4"/);
        assert.match(block!, /"MediaPackage v2 CMAF HLS \+ DASH, DRM \(3 systems\)"/);
        assert.strictEqual((block!.match(/\{\{"origin group live-[a-z-]+ \(media-quality-based\)"\}\}/g) ?? []).length, 4);
        assert.strictEqual((block!.match(/-->\|primary\|/g) ?? []).length, 4);
        assert.strictEqual((block!.match(/-->\|secondary\|/g) ?? []).length, 4);
        assert.match(block!, /\("CloudFront live: live\.example-rsn\.com"\)/);
        assert.ok(!/classDef/.test(block!), "no marks without --against");
        assert.deepStrictEqual(await (await mermaidParser()).parse(block!), { diagramType: "flowchart-v2", config: {} });
    });

    it("with --against, created, replaced and changed steps are labelled and coloured; the marked diagram parses", async () => {
        const plan = await prodPlan();
        const flow = plan.resources.find((r) => r.name === "use1-hockey-hd-flow-b")!.urn;
        const ml = plan.resources.find((r) => r.name === "usw2-hoops-hd-medialive")!.urn;
        const cf = plan.resources.find((r) => r.type === "aws-native:cloudfront:Distribution")!.urn;
        const text = renderMermaid(
            seasonModel(plan),
            marksOf(
                impactWith([
                    [flow, "replace"],
                    [ml, "update"],
                    [cf, "create"],
                ]),
            ),
        );
        assert.match(text, /"hockey-hd: MediaConnect 2 flows, RIST \+ 1 backup source \(merge\) \(REPLACED\)"/);
        assert.strictEqual((text.match(/\(REPLACED\)/g) ?? []).length, 1, "only us-east-1's hockey contribution");
        assert.strictEqual((text.match(/\(CHANGED\)/g) ?? []).length, 1);
        assert.match(text, /\("CloudFront live: live\.example-rsn\.com \(NEW\)"\)/);
        assert.match(text, /classDef replaced fill:#ffebe9/);
        assert.match(text, /^ {2}class n\d+ replaced$/m);
        await (await mermaidParser()).parse(text);
    });

    it("the README embeds prod's diagram as the plan draws it (npm run docs:check fails otherwise)", async () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const embedded = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END));
        assert.deepStrictEqual(mermaidBlocks(embedded), mermaidBlocks(seasonDiagramMarkdown(await prodPlan())));
    });

    it("the parser test can fail: mermaid rejects a broken flowchart", async () => {
        await assert.rejects((await mermaidParser()).parse("flowchart LR\n  n0 -->"), /Parse error/);
    });

    it("a 40-channel, three-region, sharded season groups channels of the same shape and stays small; it parses", async () => {
        const plan = await planSeason(syntheticSeason(40), BENCH_SECRETS);
        const model = seasonModel(plan);
        assert.strictEqual(model.channels.length, 40);
        assert.strictEqual(model.regions.length, 3);
        assert.ok(model.distributions.length > 1, "sharded: several distributions");
        const text = renderMermaid(model);
        const nodes = (text.match(/^ +n\d+[[({]/gm) ?? []).length;
        // Ungrouped it would be 40 channels x 3 regions x 3 steps = 360 nodes; grouped, one chain per shape.
        assert.ok(nodes <= 100, `${nodes} nodes`);
        // mermaid refuses diagrams longer than its maxTextSize, 50,000 characters by default (mermaid
        // configuration reference, "maxTextSize"); GitHub renders with the defaults.
        assert.ok(text.length < 20_000, `${text.length} characters`);
        assert.match(text, /"\d+ channels: [a-z0-9-]+, [a-z0-9-]+, [a-z0-9-]+ and \d+ more: /);
        for (const d of model.distributions) assert.ok(text.includes(`"CloudFront ${d.name}`), d.name);
        await (await mermaidParser()).parse(text);
    });
});
