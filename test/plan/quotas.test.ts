import * as assert from "assert";
import * as path from "path";
import { ConfigError } from "../../components/config/errors";
import { validateSeason } from "../../components/config/season";
import { runOfflineChecks, renderChecksText } from "../../plan/checks";
import { PlanCapture } from "../../contracts/capturedPlan";
import { quotaPlan, QuotaRow } from "../../plan/quotas/plan";
import { quotaSettingsOf } from "../../plan/quotas/settings";
import { readStackConfig } from "../../components/config/stackConfig";
import { webAclCapacityOf } from "../../plan/quotas/wcu";
import { BENCH_SECRETS, syntheticSeason } from "../../tools/bench/syntheticSeason";
import { syntheticStack } from "../../tools/bench/stack";
import { FIXTURES, plan as cli } from "../helpers/cli";
import { planSeason, prodPlan, ROOT, stackWith } from "../helpers/plan";
import { secretLookup } from "../helpers/season";

/** Rows as `id region: needed/limit status`, the table a reader checks against AWS's documents. */
function table(rows: QuotaRow[]): string[] {
    return rows.map((r) => `${r.id} ${r.region}: ${r.needed}/${r.limit} ${r.status}`);
}

describe("Quota plan", function () {
    describe("prod (two regions, four channels)", () => {
        let plan: PlanCapture;
        before(async () => {
            plan = await prodPlan();
        });

        it("fits AWS's default quotas", async () => {
            const q = quotaPlan(plan, quotaSettingsOf(readStackConfig(ROOT, "prod")));
            const rows = table(q.rows);
            // Defaults as the AWS documents print them (components/quotas/catalog.ts cites each):
            // CloudFront 10 origin groups, 75 cache behaviours, 100 origins per distribution;
            // MediaPackage v2 3 channel groups per account, 10 channels per group; MediaConnect 20
            // flows per Region and 2 sources per flow; MediaLive 5 channels and 5 inputs per Region
            // (prod's four channels have one input each, and one has an extra studio input for
            // input switching: Pulumi.prod.yaml's extraInputs).
            for (const expected of [
                "cloudfront-origin-groups us-east-1: 4/10 ok",
                "cloudfront-cache-behaviors us-east-1: 9/75 ok",
                "cloudfront-origins us-east-1: 4/100 ok",
                "cloudfront-distributions us-east-1: 1/500 ok",
                "mediapackagev2-channel-groups us-east-1: 1/3 ok",
                "mediapackagev2-channel-groups us-west-2: 1/3 ok",
                "mediapackagev2-channels us-east-1: 4/10 ok",
                "mediaconnect-flows us-east-1: 8/20 ok",
                "mediaconnect-flows us-west-2: 8/20 ok",
                "mediaconnect-sources us-east-1: 2/2 ok",
                "medialive-channels us-east-1: 4/5 ok",
                "medialive-inputs us-west-2: 5/5 ok",
                "mediatailor-configurations us-east-1: 2/1000 ok",
                "wafv2-web-acls us-east-1: 1/100 ok",
            ])
                assert.ok(rows.includes(expected), `${expected} in\n${rows.join("\n")}`);
            assert.deepStrictEqual(
                q.rows.filter((r) => r.status !== "ok"),
                [],
            );
            const waf = q.rows.find((r) => r.id === "wafv2-web-acl-capacity")!;
            assert.ok(waf.needed > 100 && waf.needed <= 1500, `${waf.needed} WCUs`);
        });

        it("counts the other stacks in the account: three of prod's size still fit the 3 channel groups, four do not", () => {
            const three = quotaPlan(plan, { otherStacks: 2, increases: {}, requestIncreases: false });
            assert.ok(table(three.rows).includes("mediapackagev2-channel-groups us-east-1: 3/3 ok"));
            const four = quotaPlan(plan, { otherStacks: 3, increases: {}, requestIncreases: false });
            assert.ok(table(four.rows).includes("mediapackagev2-channel-groups us-east-1: 4/3 needs-increase"));
            // Per-distribution quotas are not shared: each stack has its own distribution.
            assert.ok(table(four.rows).includes("cloudfront-origin-groups us-east-1: 4/10 ok"));
        });
    });

    describe("the benchmark's 40-channel season (three regions, every feature on)", () => {
        let plan: PlanCapture;
        before(async function () {
            // Planning 40 channels: tens of seconds idle, minutes when other suites share the 2 cores.
            this.timeout(600_000);
            plan = await planSeason(syntheticSeason(40), BENCH_SECRETS);
        });

        it("needs no increase beyond the ones it declares, and has no schema error", async () => {
            const checks = await runOfflineChecks(plan, syntheticStack(40));
            assert.deepStrictEqual(checks.schema.violations, []);
            const rows = table(checks.quotas.rows);
            for (const expected of [
                // Four shards: 10 origin groups in each distribution, 10 channels in each channel group.
                "cloudfront-origin-groups us-east-1: 10/10 ok",
                "cloudfront-distributions us-east-1: 4/500 ok",
                "mediapackagev2-channel-groups us-east-2: 4/6 ok",
                "mediapackagev2-channels us-west-2: 10/10 ok",
                "mediaconnect-flows us-east-1: 80/150 ok",
                "medialive-channels us-west-2: 40/60 ok",
                "medialive-inputs us-east-2: 40/60 ok",
            ])
                assert.ok(rows.includes(expected), `${expected} in\n${rows.join("\n")}`);
            assert.deepStrictEqual(
                checks.quotas.rows.filter((r) => r.status !== "ok"),
                [],
            );
        });

        it("without the declared increases, fails on each adjustable quota it exceeds, naming what to request", () => {
            const q = quotaPlan(plan, { otherStacks: 0, increases: {}, requestIncreases: false });
            const failing = table(q.rows.filter((r) => r.status !== "ok"));
            assert.deepStrictEqual(
                failing.filter(
                    (r) =>
                        r.endsWith("us-east-1: 4/3 needs-increase") ||
                        r.startsWith("mediaconnect-flows us-east-1") ||
                        r.startsWith("medialive-channels us-east-1"),
                ),
                [
                    "mediapackagev2-channel-groups us-east-1: 4/3 needs-increase",
                    "mediaconnect-flows us-east-1: 80/20 needs-increase",
                    "medialive-channels us-east-1: 40/5 needs-increase",
                ],
            );
            assert.ok(!failing.some((r) => r.startsWith("cloudfront-")), "sharding keeps every distribution within CloudFront's defaults");
        });
    });

    it("fails the plan (exit 1) on a quota AWS does not raise and on one that needs an increase", async () => {
        const r = await cli("--program", path.join(FIXTURES, "tooManyFlows.ts"));
        assert.strictEqual(r.code, 1, r.out + r.err);
        assert.match(r.out, /mediaconnect: Flows\s+us-east-1\s+21\s+20\s+yes\s+-\s+NEEDS INCREASE/);
        assert.match(r.out, /mediaconnect: Sources per flow\s+us-east-1\s+3 \(flow-0, largest of 21\)\s+2\s+no\s+-\s+EXCEEDS \(not adjustable\)/);
        assert.match(r.out, /- mediaconnect "Sources per flow" in us-east-1 \(flow-0\): needs 3, AWS's limit is 2 and cannot be raised/);
        assert.match(r.out, /AWS resource schemas \([^)]*\): 23 aws-native resources of 2 types checked; mandatory: 0/);
    });

    it("shows the table in the text report of a plan", async () => {
        const stack = stackWith(syntheticSeason(1), BENCH_SECRETS);
        const p = await planSeason(syntheticSeason(1), BENCH_SECRETS);
        const text = renderChecksText(await runOfflineChecks(p, stack));
        assert.match(text, /Service quotas \(this stack's account\); mandatory: 0/);
        assert.match(text, /mediapackagev2: Maximum channel groups\s+us-east-1\s+1\s+6 \(declared; default 3\)\s+yes/);
    });

    it("adds a web ACL's capacity from AWS's published costs", () => {
        // String match STARTS_WITH 2, IP set 1, rate-based 2 + 30 per custom key; AWS Anonymous IP list 50.
        const c = webAclCapacityOf([
            { statement: { orStatement: { statements: [{ ipSetReferenceStatement: {} }, { ipSetReferenceStatement: {} }] } } },
            { statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesAnonymousIpList" } } },
            {
                statement: {
                    rateBasedStatement: {
                        customKeys: [{ header: {} }],
                        scopeDownStatement: { byteMatchStatement: { positionalConstraint: "STARTS_WITH", textTransformations: [{ type: "NONE" }] } },
                    },
                },
            },
            { statement: { regexMatchStatement: {} } },
        ]);
        assert.deepStrictEqual(c, { wcus: 2 + 50 + 2 + 30 + 2, unknown: ["regexMatchStatement"] });
    });

    describe("onair:season.quotas", () => {
        const check = (quotas: unknown) => {
            const raw = syntheticSeason(1) as Record<string, unknown>;
            raw["quotas"] = quotas;
            try {
                validateSeason(raw, secretLookup(BENCH_SECRETS));
                return "";
            } catch (e) {
                if (e instanceof ConfigError) return e.message;
                throw e;
            }
        };
        it("accepts raised values by OnAir id, Service Quotas name, per region or for every region", () => {
            assert.strictEqual(
                check({
                    otherStacks: 2,
                    requestIncreases: true,
                    increases: { "Maximum channel groups": { "us-east-1": 5 }, "mediaconnect-flows": 40, "cloudfront-origin-groups": 25 },
                }),
                "",
            );
        });
        it("refuses an unknown quota, a quota AWS does not raise, a value not above the default and a region outside the season", () => {
            assert.match(
                check({ increases: { "mediaconnect-flow": 40 } }),
                /onair:season\.quotas\.increases\.mediaconnect-flow: is not a quota OnAir counts; did you mean mediaconnect-flows\?/,
            );
            assert.match(
                check({ increases: { "mediaconnect-sources": 3 } }),
                /increases\.mediaconnect-sources: "Sources per flow" \(mediaconnect\) cannot be raised/,
            );
            assert.match(check({ increases: { "mediapackagev2-channel-groups": 3 } }), /increases\.mediapackagev2-channel-groups: 3 is out of range; use 4 to/);
            assert.match(
                check({ increases: { "medialive-channels": { "eu-west-1": 10 } } }),
                /increases\.medialive-channels\.eu-west-1: is not a known setting; use one of us-east-1, us-west-2, us-east-2/,
            );
            assert.match(check({ otherStacks: -1 }), /quotas\.otherStacks: -1 is out of range/);
        });
    });

    it("files each declared increase as a Service Quotas request when asked", async () => {
        const season = syntheticSeason(1) as Record<string, any>;
        season["quotas"] = { requestIncreases: true, increases: { "mediapackagev2-channel-groups": { "us-east-1": 5 }, "cloudfront-origin-groups": 20 } };
        const p = await planSeason(season, BENCH_SECRETS);
        const requests = p.resources.filter((r) => r.type === "aws:servicequotas/serviceQuota:ServiceQuota");
        assert.deepStrictEqual(requests.map((r) => [r.name, r.inputs["serviceCode"], r.inputs["value"], r.region]).sort(), [
            ["quota-cloudfront-origin-groups-us-east-1", "cloudfront", 20, "us-east-1"],
            ["quota-mediapackagev2-channel-groups-us-east-1", "mediapackagev2", 5, "us-east-1"],
        ]);
        // Looked up by name at deploy time (no AWS document prints these codes).
        for (const r of requests) assert.match(String(r.inputs["quotaCode"]), /^L-[0-9A-Z]{8}$/);
    });
});
