import * as assert from "assert";
import { ConfigError } from "../../components/config/errors";
import { validateSeason } from "../../components/config/season";
import { SeasonConfig } from "../../components/config/types";
import { assignShards, channelGroupName, shardHost } from "../../components/delivery/shards";
import { checksMandatory, runOfflineChecks } from "../../plan/checks";
import { PlanCapture } from "../../contracts/capturedPlan";
import { evaluatePacks } from "../../policies/harness/evaluate";
import { packRunsForStack } from "../../policies/harness/packs";
import { syntheticStack } from "../../tools/bench/stack";
import { BENCH_SECRETS, syntheticSeason } from "../../tools/bench/syntheticSeason";
import { planSeason } from "../helpers/plan";
import { secretLookup } from "../helpers/season";

/** The benchmark's season of n channels (every feature on), validated as the program validates it. */
function season(n: number, change: (raw: Record<string, any>) => void = () => {}): SeasonConfig {
    const raw = syntheticSeason(n) as Record<string, any>;
    change(raw);
    return validateSeason(raw, secretLookup(BENCH_SECRETS));
}

function configError(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        if (e instanceof ConfigError) return e.message;
        throw e;
    }
    assert.fail("expected a ConfigError");
}

const shardsOf = (s: SeasonConfig) => assignShards(s).layout.shards.map((x) => x.channels);

describe("Shards: large seasons spread over distributions and channel groups (ADR 026)", () => {
    it("fits a season of 10 channels in one shard with the season's own names", () => {
        const [only, ...rest] = assignShards(season(10)).layout.shards;
        assert.strictEqual(rest.length, 0);
        assert.strictEqual(only!.channelGroup, "bench-10");
        assert.deepStrictEqual(only!.aliases, ["live.bench.example.com"]);
        assert.strictEqual(only!.clientRoutingDomain, "cr.bench.example.com");
    });

    it("shards 12 channels into two: 10 origin groups per distribution, 10 channels per channel group (AWS defaults)", () => {
        // CloudFront quotas: 10 origin groups per distribution; MediaPackage v2 quotas: 10 channels per channel group.
        const { layout } = assignShards(season(12));
        assert.deepStrictEqual(layout.limits, { originGroupsPerDistribution: 10, cacheBehaviorsPerDistribution: 75, channelsPerChannelGroup: 10 });
        assert.deepStrictEqual(
            layout.shards.map((s) => s.channels.length),
            [10, 2],
        );
        assert.deepStrictEqual(layout.shards[1]!.channels, ["ch11-uhd", "ch12-hd"]);
        assert.strictEqual(layout.shards[1]!.channelGroup, "bench-12_s2");
        assert.deepStrictEqual(layout.shards[1]!.aliases, ["live-2.bench.example.com"]);
        assert.strictEqual(layout.shards[1]!.clientRoutingDomain, "cr-2.bench.example.com");
    });

    it("never moves a channel when channels are added at the end, from 1 to 60", () => {
        let before = new Map<string, number>();
        for (let n = 1; n <= 60; n++) {
            const after = new Map(assignShards(season(n)).layout.shards.flatMap((s) => s.channels.map((id) => [id, s.index] as const)));
            for (const [id, shard] of before) assert.strictEqual(after.get(id), shard, `${id} moved when channel ${n} was added`);
            before = after;
        }
        assert.strictEqual(Math.max(...before.values()), 6);
    });

    it("keeps a pinned channel on its shard, and fills the rest in order", () => {
        const s = season(12, (raw) => (raw["channels"][2].shard = 2));
        assert.deepStrictEqual(shardsOf(s)[1], ["ch03-hd", "ch12-hd"]);
        assert.ok(shardsOf(s)[0]!.includes("ch11-uhd"));
    });

    it("sizes shards from declared quota increases", () => {
        const s = season(
            12,
            (raw) => (raw["quotas"]["increases"] = { ...raw["quotas"]["increases"], "cloudfront-origin-groups": 20, "mediapackagev2-channels": 20 }),
        );
        assert.deepStrictEqual(
            shardsOf(s).map((c) => c.length),
            [12],
        );
    });

    it("refuses a pin to a full shard or one that leaves a shard empty, naming the key", () => {
        const full = configError(() =>
            season(11, (raw) => {
                for (const ch of raw["channels"]) ch.shard = 1;
            }),
        );
        assert.match(full, /onair:season\.channels\[10\]\.shard: shard 1 is full: a distribution takes 10 origin groups/);
        const gap = configError(() => season(3, (raw) => (raw["channels"][0].shard = 3)));
        assert.match(gap, /onair:season\.channels\[0\]\.shard: leaves shard 2 empty/);
        assert.match(
            configError(() => season(3, (raw) => (raw["channels"][0].shard = 0))),
            /channels\[0\]\.shard: 0 is out of range/,
        );
    });

    it("refuses an alias that a later shard's derived hostname would take", () => {
        const msg = configError(() => season(12, (raw) => (raw["delivery"]["domain"]["aliases"] = ["live.bench.example.com", "live-2.bench.example.com"])));
        assert.match(msg, /onair:season\.delivery\.domain\.aliases: "live-2\.bench\.example\.com" is also shard 2's hostname/);
        assert.doesNotThrow(() => season(10, (raw) => (raw["delivery"]["domain"]["aliases"] = ["live.bench.example.com", "live-2.bench.example.com"])));
    });

    it("names shards past the first without colliding with another season", () => {
        // Season names are [a-z0-9-]: "_s2" cannot be another season's name.
        assert.strictEqual(channelGroupName("rsn", 2), "rsn_s2");
        assert.strictEqual(shardHost("live.example-rsn.com", 3), "live-3.example-rsn.com");
        assert.strictEqual(shardHost("live.example-rsn.com", 1), "live.example-rsn.com");
    });

    describe("the 12-channel season as planned", function () {
        let plan: PlanCapture;
        before(async () => {
            plan = await planSeason(syntheticSeason(12), BENCH_SECRETS);
        });
        const of = (type: string) => plan.resources.filter((r) => r.type === type);
        const cfg = (name: string) => of("aws-native:cloudfront:Distribution").find((d) => d.name === name)!.inputs["distributionConfig"] as any;

        it("has two distributions, each with its channels' origin groups, its own aliases and its channel group's origins", () => {
            assert.deepStrictEqual(
                of("aws-native:cloudfront:Distribution")
                    .map((d) => d.name)
                    .sort(),
                ["live", "live-2"],
            );
            assert.deepStrictEqual(
                cfg("live-2").originGroups.items.map((g: any) => g.id),
                ["live-ch11-uhd", "live-ch12-hd"],
            );
            assert.strictEqual(cfg("live").originGroups.quantity, 10);
            assert.deepStrictEqual(cfg("live-2").aliases, ["live-2.bench.example.com", "*.cr-2.bench.example.com"]);
            assert.deepStrictEqual(cfg("live").aliases, ["live.bench.example.com", "*.cr.bench.example.com"]);
            // Each region's origin is the egress domain of shard 2's channel group in that region.
            const groups = of("aws-native:mediapackagev2:ChannelGroup").filter((g) => g.inputs["channelGroupName"] === "bench-12_s2");
            assert.strictEqual(groups.length, 3);
            const egress = new Map(groups.map((g) => [g.region!, g.outputs["egressDomain"]]));
            for (const o of cfg("live-2").origins.filter((x: any) => x.id.startsWith("mediapackage-")))
                assert.strictEqual(o.domainName, egress.get(o.id.slice("mediapackage-".length)));
            // Shard 2's channel paths are on its channel group; the private and custom origins stay on shard 1.
            assert.ok(cfg("live-2").cacheBehaviors.some((b: any) => b.pathPattern === "/tk/*/out/v1/bench-12_s2/ch12-hd/*"));
            assert.ok(!cfg("live-2").origins.some((o: any) => o.id === "stats-api" || o.id === "venue-graphics"));
            assert.ok(cfg("live").origins.some((o: any) => o.id === "stats-api"));
        });

        it("puts shard 2's MediaPackage channels in its channel group, in every region, and admits only its distribution", () => {
            const channels = of("aws-native:mediapackagev2:Channel").filter((c) => c.inputs["channelName"] === "ch12-hd");
            assert.deepStrictEqual(
                channels.map((c) => c.inputs["channelGroupName"]),
                ["bench-12_s2", "bench-12_s2", "bench-12_s2"],
            );
            const dist2 = of("aws-native:cloudfront:Distribution").find((d) => d.name === "live-2")!;
            for (const p of of("aws-native:mediapackagev2:OriginEndpointPolicy").filter((x) => x.inputs["channelName"] === "ch12-hd")) {
                assert.strictEqual(p.inputs["channelGroupName"], "bench-12_s2");
                assert.match(JSON.stringify(p.inputs["policy"]), new RegExp(`distribution/${dist2.id}`));
            }
        });

        it("gives the vending hook, MediaTailor and the playback outputs each channel's own host", () => {
            const vending = of("aws:lambda/function:Function").find((f) => f.name === "url-vending")!;
            const channels = JSON.parse((vending.inputs["environment"] as any).variables.CHANNELS);
            assert.deepStrictEqual(channels["ch12-hd"], {
                prefix: "/out/v1/bench-12_s2/ch12-hd/",
                hls: "/out/v1/bench-12_s2/ch12-hd/cmaf/hls.m3u8",
                dash: "/out/v1/bench-12_s2/ch12-hd/cmaf/dash.mpd",
                host: "live-2.bench.example.com",
                clientRoutingDomain: "cr-2.bench.example.com",
            });
            assert.strictEqual(channels["ch01-uhd"].host, undefined);
            const playback = plan.outputs["playback"] as Record<string, { hls: string }>;
            assert.strictEqual(playback["ch12-hd"]!.hls, "https://live-2.bench.example.com/tk/<token>/out/v1/bench-12_s2/ch12-hd/cmaf/hls.m3u8");
            assert.strictEqual(playback["ch01-uhd"]!.hls, "https://live.bench.example.com/tk/<token>/out/v1/bench-12/ch01-uhd/cmaf/hls.m3u8");
            const mt = of("aws-native:mediatailor:PlaybackConfiguration").find((p) => p.name === "ads-ch09-hd")!;
            assert.strictEqual((mt.inputs["cdnConfiguration"] as any).contentSegmentUrlPrefix, "https://live.bench.example.com/out/v1/bench-12/ch09-hd");
            const shards = plan.outputs["shards"] as { shard: number; channels: string[]; channelGroup: string }[];
            assert.deepStrictEqual(
                shards.map((s) => [s.shard, s.channelGroup, s.channels.length]),
                [
                    [1, "bench-12", 10],
                    [2, "bench-12_s2", 2],
                ],
            );
        });

        it("tells the QoE consumer each shard-2 channel's channel group, taken from the chains (ADR 032), so its requests are attributed", () => {
            const consumer = of("aws:lambda/function:Function").find((f) => f.name === "qoe-consumer")!;
            const channels = JSON.parse((consumer.inputs["environment"] as any).variables.CHANNELS);
            assert.deepStrictEqual(
                [channels["ch11-uhd"], channels["ch12-hd"], channels["ch01-uhd"]],
                [{ segmentSeconds: 2, channelGroup: "bench-12_s2" }, { segmentSeconds: 2, channelGroup: "bench-12_s2" }, { segmentSeconds: 2 }],
            );
        });

        it("passes every stack rule with two distributions (origin groups cross-region, multi-region, explicit providers)", async () => {
            const verdict = await evaluatePacks(plan, packRunsForStack("prod"));
            assert.deepStrictEqual(
                verdict.violations.map((v) => `${v.policy}: ${v.message}`),
                [],
            );
        });

        it("monitors and alarms on both distributions", () => {
            const subs = of("aws:cloudfront/monitoringSubscription:MonitoringSubscription")
                .map((s) => s.name)
                .sort();
            assert.deepStrictEqual(subs, ["cloudfront-additional-metrics", "cloudfront-additional-metrics-2"]);
            assert.ok(of("aws:cloudwatch/metricAlarm:MetricAlarm").some((a) => a.inputs["name"] === "onair-bench-12-cloudfront-5xx-rate-shard-2"));
        });
    });

    it("plans a 60-channel season (the config maximum) in six shards with no mandatory finding", async function () {
        // About 25 s on an idle 2-core machine; several times that when other suites share the cores.
        this.timeout(600_000);
        const plan = await planSeason(syntheticSeason(60), BENCH_SECRETS);
        const distributions = plan.resources.filter((r) => r.type === "aws-native:cloudfront:Distribution");
        assert.deepStrictEqual(
            distributions.map((d) => (d.inputs["distributionConfig"] as any).originGroups.quantity),
            [10, 10, 10, 10, 10, 10],
        );
        const verdict = await evaluatePacks(plan, packRunsForStack("prod"));
        assert.deepStrictEqual(
            verdict.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.message),
            [],
        );
        const checks = await runOfflineChecks(plan, syntheticStack(60));
        assert.strictEqual(
            checksMandatory(checks),
            0,
            JSON.stringify(checks.schema.violations.slice(0, 3)) + JSON.stringify(checks.quotas.rows.filter((r) => r.status !== "ok")),
        );
    });
});
