import * as assert from "assert";
import { enforceMultiRegion } from "../../../../policies/broadcast/stack/onair-stack-channels-enforce-multi-region";
import { T } from "../../../../contracts/resourceTypes";
import { assertPasses, assertPlanPasses } from "../../../helpers/policyAssertions";
import { FixtureResource, fixtureUrn, runPolicy, runPolicyOnPlan } from "../../../helpers/policyRunner";
import { ClassicDistributionProps } from "../../fixtures/cloudfront/distribution";
import { mutate, unknownValue, unrelated } from "../../fixtures/fixture";
import { classicChannel, ClassicChannelProps } from "../../fixtures/medialive/channel";
import { PackagingChannelProps } from "../../fixtures/mediapackagev2/channel";
import { emptyPlan, encryptionOf, endpoint, find, plan, state } from "../../fixtures/stack/plan";

// Cross-region failover needs the same channel, encoded and packaged identically, in every region
// ("Cross-region failover": identical encoder, segment and endpoint settings).
// https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html

/** A provider per region, as a program declares them. */
function provider(region: string): FixtureResource<{ region: string }> {
    return { type: "pulumi:providers:aws", name: `aws-${region}`, props: { region }, custom: true };
}

/** The MediaPackage v2 channel `sports/game` in a region. */
function mpChannel(region: string, group = "sports", channel = "game"): FixtureResource<PackagingChannelProps> {
    return {
        type: T.mediaPackageChannel,
        name: `mp-${group}-${channel}-${region}`,
        props: { region, channelGroupName: group, channelName: channel, inputType: "CMAF" },
    };
}

/** The compliant aws.medialive.Channel named `name`, in `region`, pushing to `urls`. */
function channel(name: string, region: string, urls: string[], deps: FixtureResource<object>[] = []): FixtureResource<ClassicChannelProps> {
    return mutate(classicChannel(), (p, r) => {
        p.name = name;
        p.destinations = [{ id: "out", settings: urls.map((url) => ({ url })) }];
        r.name = `${name}-${region}`;
        r.provider = fixtureUrn(provider(region));
        if (deps.length > 0) r.propertyDependencies = { destinations: deps.map(fixtureUrn) };
    });
}

function ingest(region: string, group = "sports", channel = "game"): string[] {
    return [1, 2].map((i) => `https://abc-${i}.ingest.def.mediapackagev2.${region}.amazonaws.com/in/v1/${group}/${i}/${channel}/index`);
}

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];

describe("onair-stack-channels-enforce-multi-region", function () {
    describe("over the prod plan", () => {
        it("passes the prod plan", async () => {
            await assertPlanPasses(enforceMultiRegion, await plan());
        });
        it("flags a channel that runs in one region only", async () => {
            const p = await plan();
            const west = find(p, T.onairMediaLiveChannel, "studio-hd", "us-west-2");
            p.resources = p.resources.filter((r) => r.urn !== west.urn);
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.match(
                r.violations[0]!,
                /MediaLive channel "rsn-2026-27-studio-hd" runs in 1 region \(us-east-1; copies matched by the MediaPackage v2 channel rsn-2026-27\/studio-hd\)/,
            );
        });
        it("flags regions whose encode settings differ", async () => {
            const p = await plan();
            const west = find(p, T.onairMediaLiveChannel, "hockey-hd", "us-west-2");
            state.channel(west).request.EncoderSettings!.VideoDescriptions![0]!.CodecSettings!.H264Settings!.GopSize = 60;
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.deepStrictEqual(r.urns, [west.urn]);
            assert.match(
                r.violations[0]!,
                /"rsn-2026-27-hockey-hd" in us-west-2 is encoded differently from "rsn-2026-27-hockey-hd" in us-east-1 \(copies matched by the MediaPackage v2 channel rsn-2026-27\/hockey-hd\)/,
            );
        });
        it("flags endpoints whose segment settings differ, ignoring the primary's forced errors", async () => {
            const p = await plan();
            state.endpoint(endpoint(p, "football-uhd", "us-west-2")).segment!.segmentDurationSeconds = 4;
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.match(r.violations[0]!, /endpoint rsn-2026-27\/football-uhd\/cmaf in us-west-2 differs from us-east-1/);
        });
        it("flags an endpoint that exists in one region only", async () => {
            const p = await plan();
            const west = endpoint(p, "hoops-hd", "us-west-2");
            p.resources = p.resources.filter((r) => r.urn !== west.urn);
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.match(r.violations.join("\n"), /MediaPackage v2 endpoint rsn-2026-27\/hoops-hd\/cmaf exists in 1 region/);
        });
        it("accepts three regions by configuration", async () => {
            const r = await runPolicyOnPlan(enforceMultiRegion, await plan(), { minRegions: 3 });
            assert.strictEqual(r.violations.length, 8, "four channels and four endpoints in only two regions");
        });
        it("matches a channel's copies by the MediaPackage v2 channel they feed, not by name (game-east / game-west)", async () => {
            const p = await plan();
            for (const [region, suffix] of [
                ["us-east-1", "east"],
                ["us-west-2", "west"],
            ] as const) {
                state.channel(find(p, T.onairMediaLiveChannel, "studio-hd", region)).request.Name = `game-${suffix}`;
            }
            await assertPlanPasses(enforceMultiRegion, p);
            p.resources = p.resources.filter((r) => r.urn !== find(p, T.onairMediaLiveChannel, "studio-hd", "us-west-2").urn);
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.deepStrictEqual(r.violations, [
                'MediaLive channel "game-east" runs in 1 region (us-east-1; copies matched by the MediaPackage v2 channel rsn-2026-27/studio-hd); run it in at least 2 regions behind a media-quality-based origin group.',
            ]);
        });
        it("does not take two different channels with the same name for copies of one", async () => {
            const p = await plan();
            const eastName = state.channel(find(p, T.onairMediaLiveChannel, "football-uhd", "us-east-1")).request.Name;
            state.channel(find(p, T.onairMediaLiveChannel, "hockey-hd", "us-west-2")).request.Name = eastName;
            await assertPlanPasses(enforceMultiRegion, p);
        });
        it("leaves segment encryption to the encryption rule (regional URL and role are expected) but still compares the rest of the segment", async () => {
            const p = await plan();
            const west = endpoint(p, "football-uhd", "us-west-2");
            encryptionOf(west).spekeKeyProvider.resourceId = "something-else";
            await assertPlanPasses(enforceMultiRegion, p);
            state.endpoint(west).segment!.segmentDurationSeconds = 4;
            assert.match((await runPolicyOnPlan(enforceMultiRegion, p)).violations[0]!, /rsn-2026-27\/football-uhd\/cmaf in us-west-2 differs from us-east-1/);
        });
    });

    describe("the same channel across regions is what it feeds", () => {
        it("passes three region-suffixed copies that ingest into the same MediaPackage v2 channel group and channel", async () => {
            const rs = REGIONS.flatMap((r, i) => [provider(r), mpChannel(r), channel(`game-${["east", "west", "eu"][i]}`, r, ingest(r))]);
            await assertPasses(enforceMultiRegion, rs, { minRegions: 3 });
        });
        it("fails one channel in one region, naming how copies were looked for", async () => {
            const r = await runPolicy(enforceMultiRegion, [
                provider("us-east-1"),
                mpChannel("us-east-1"),
                channel("game-east", "us-east-1", ingest("us-east-1")),
            ]);
            assert.deepStrictEqual(r.violations, [
                'MediaLive channel "game-east" runs in 1 region (us-east-1; copies matched by the MediaPackage v2 channel sports/game); run it in at least 2 regions behind a media-quality-based origin group.',
            ]);
        });
        it("keeps channels feeding different MediaPackage channels apart even with the same name", async () => {
            const rs = [
                provider("us-east-1"),
                provider("us-west-2"),
                channel("game", "us-east-1", ingest("us-east-1", "sports", "game")),
                channel("game", "us-west-2", ingest("us-west-2", "sports", "other")),
            ];
            const r = await runPolicy(enforceMultiRegion, rs);
            assert.strictEqual(r.violations.length, 2);
            assert.match(r.violations.join("\n"), /matched by the MediaPackage v2 channel sports\/other/);
        });
        it("at preview, matches copies through the MediaPackage v2 channels their unknown ingest URLs were computed from", async () => {
            const east = mpChannel("us-east-1");
            const west = mpChannel("us-west-2");
            const U = unknownValue();
            const rs = [
                provider("us-east-1"),
                provider("us-west-2"),
                east,
                west,
                channel("game-east", "us-east-1", [U, U], [east]),
                channel("game-west", "us-west-2", [U, U], [west]),
            ];
            await assertPasses(enforceMultiRegion, rs, {}, { preview: true });
            const one = await runPolicy(enforceMultiRegion, rs.slice(0, 5), {}, { preview: true });
            assert.deepStrictEqual(one.undecided, []);
            assert.match(one.violations[0]!, /"game-east" runs in 1 region \(us-east-1; copies matched by the MediaPackage v2 channel sports\/game\)/);
        });
        it("at preview, says it cannot decide when a destination is unknown and nothing tells what it is", async () => {
            const rs = [
                provider("us-east-1"),
                provider("us-west-2"),
                channel("game-east", "us-east-1", ingest("us-east-1")),
                channel("mystery", "us-west-2", [unknownValue()]),
            ];
            const r = await runPolicy(enforceMultiRegion, rs, {}, { preview: true });
            assert.deepStrictEqual(r.violations, [], "the unknown destination may be the missing copy");
            assert.deepStrictEqual(r.undecided, ["string value at .destinations.0.settings.0.url can't be known during preview"]);
        });
        it("matches channels that feed the members of one CloudFront origin group (custom HLS origins)", async () => {
            const channels = [
                channel("game-east", "us-east-1", ["https://origin-east.example.com/live/game/index"]),
                channel("game-west", "us-west-2", ["https://origin-west.example.com/live/game/index"]),
            ];
            const distribution: FixtureResource<Pick<ClassicDistributionProps, "origins" | "originGroups">> = {
                type: T.cloudFrontDistributionClassic,
                name: "cdn",
                props: {
                    origins: [
                        { originId: "east", domainName: "origin-east.example.com" },
                        { originId: "west", domainName: "origin-west.example.com" },
                    ],
                    originGroups: [{ originId: "game", failoverCriteria: { statusCodes: [404, 503] }, members: [{ originId: "east" }, { originId: "west" }] }],
                },
            };
            const base = [provider("us-east-1"), provider("us-west-2"), ...channels];
            assert.strictEqual((await runPolicy(enforceMultiRegion, base)).violations.length, 2, "without the origin group nothing joins them");
            await assertPasses(enforceMultiRegion, [...base, distribution]);
            const lone = await runPolicy(enforceMultiRegion, [provider("us-east-1"), channels[0]!, distribution]);
            assert.match(
                lone.violations[0]!,
                /copies matched by the destination https:\/\/origin-east.example.com\/live\/game\/index and the origin group game of distribution cdn/,
            );
        });
        it("judges no other resources, and does not apply to a stack without channels", async () => {
            await assertPasses(enforceMultiRegion, [mpChannel("us-east-1"), unrelated()]);
            await assertPlanPasses(enforceMultiRegion, emptyPlan());
        });
    });
});
