import * as assert from "assert";
import { ImpactReport, IMPACT_RULE, impactViolations } from "../../../plan/impact/assess";
import { DeployedState } from "../../../plan/impact/stateExport";
import { impactJson, renderImpactText } from "../../../plan/impact/render";
import { deployedProd, planAgainst, prodSeason, prodStackWith } from "../../helpers/against";

/**
 * The fixtures: prod as deployed (the plan's own resources written as a `pulumi stack
 * export`), then config changes with known effects, each planned against it.
 */
describe("change impact against prod's deployed state (--against)", function () {
    this.timeout(600_000);
    let deployed: DeployedState;

    before(async () => {
        deployed = (await deployedProd()).state;
    });

    const ops = (r: ImpactReport, name: string) => r.impacts.filter((i) => i.change.name === name).map((i) => i.change.op);

    it("the unchanged program against its own export: nothing to do, no live impact", async () => {
        const { impact } = await planAgainst(prodStackWith(prodSeason()), deployed);
        assert.deepStrictEqual(
            impact.impacts.map((i) => `${i.change.op} ${i.change.name}`),
            [],
        );
        assert.ok(impact.unchanged > 250, String(impact.unchanged));
    });

    it("a new channel: its own chain is created in both regions and no existing channel is touched", async () => {
        const season = prodSeason();
        const hockey = season["channels"][2];
        season["channels"].push({
            ...hockey,
            id: "lacrosse-hd",
            name: "Lacrosse HD",
            contribution: {
                ...hockey.contribution,
                networks: hockey.contribution.networks.map((n: Record<string, unknown>, i: number) => ({ ...n, allowedCidr: `192.0.2.${64 + 16 * i}/28` })),
            },
            events: [{ name: "2027-02-01-opener", start: "2027-02-01T20:00:00Z", end: "2027-02-01T23:00:00Z" }],
        });
        const { impact } = await planAgainst(prodStackWith(season), deployed);
        const mine = impact.impacts.filter((i) => i.channelId === "lacrosse-hd");
        assert.ok(mine.length > 20, String(mine.length));
        assert.deepStrictEqual([...new Set(mine.map((i) => i.change.op))], ["create"]);
        for (const t of ["aws-native:mediaconnect:Flow", "pulumi-nodejs:dynamic/medialive:Channel", "aws-native:mediapackagev2:OriginEndpoint"]) {
            assert.deepStrictEqual(
                mine
                    .filter((i) => i.change.type === t)
                    .map((i) => i.change.region)
                    .sort(),
                t.endsWith("Flow") ? ["us-east-1", "us-east-1", "us-west-2", "us-west-2"] : ["us-east-1", "us-west-2"],
                t,
            );
        }
        // Nothing of the four channels on air this season is created, replaced, deleted or restarted.
        const others = impact.impacts.filter((i) => i.channelId !== undefined && i.channelId !== "lacrosse-hd");
        assert.deepStrictEqual(
            others.map((i) => i.change.name),
            [],
        );
        assert.ok(!impact.impacts.some((i) => i.change.op === "replace" || i.change.op === "delete"), renderImpactText(impact));
        // Shared resources update in place: the distribution gains the channel's origin group.
        const cf = impact.impacts.find((i) => i.change.type === "aws-native:cloudfront:Distribution")!;
        assert.strictEqual(cf.change.op, "update");
        assert.ok(cf.change.properties.some((p) => p.path === "distributionConfig.originGroups.quantity" && p.before === "4" && p.after === "5"));
        assert.deepStrictEqual(cf.effects, []);
        assert.deepStrictEqual(impactViolations(impact), []);
    });

    it("a changed availability zone replaces the region's b flows and names each venue that needs the new ingest address", async () => {
        const season = prodSeason();
        season["regions"][0].availabilityZones = ["us-east-1a", "us-east-1c"];
        const { impact } = await planAgainst(prodStackWith(season), deployed);
        // AWS::MediaConnect::Flow lists /properties/AvailabilityZone in createOnlyProperties (CloudFormation
        // resource schema; CloudFormation User Guide, AWS::MediaConnect::Flow AvailabilityZone: "Update requires: Replacement").
        const flow = impact.impacts.find((i) => i.change.name === "use1-hockey-hd-flow-b")!;
        assert.strictEqual(flow.change.op, "replace");
        assert.deepStrictEqual(
            flow.change.properties.map((p) => [p.path, p.before, p.after]),
            [["availabilityZone", '"us-east-1b"', '"us-east-1c"']],
        );
        assert.match(flow.change.replaceReasons[0]!, /availabilityZone: AvailabilityZone is create-only in AWS::MediaConnect::Flow/);
        assert.match(flow.change.rule, /CloudFormation createOnlyProperties \(@aws-cdk\/aws-service-spec /);
        // Prod protects its flows (onair:protect, ADR 011): the engine refuses the replacement, and the report says so.
        assert.strictEqual(flow.change.protected, true);
        // MediaConnect assigns the source's ingest IP when the flow is created (Source.IngestIp is read-only in the schema).
        assert.deepStrictEqual(flow.effects, ["venue-address", "channel-input"]);
        const deployedIp = (deployed.resources.get(flow.change.urn)!.outputs["source"] as Record<string, unknown>)["ingestIp"];
        assert.strictEqual(flow.venue?.network, "isp-a");
        assert.strictEqual(flow.venue?.pipeline, "b");
        assert.strictEqual(flow.venue?.before, `rist://${deployedIp}:5000`);
        assert.match(
            flow.venue!.after,
            /^rist:\/\/<new address assigned by MediaConnect in us-east-1c>:5000, allowed from 192\.0\.2\.32\/28; read it from `pulumi stack output channels` -> hockey-hd\.us-east-1\.contribution \(network isp-a, pipeline b\)/,
        );
        // The hockey flow's second source (isp-b) is created on the flow by ARN (AWS::MediaConnect::FlowSource FlowArn is create-only): replaced too.
        assert.deepStrictEqual(ops(impact, "use1-hockey-hd-flow-b-isp-b"), ["replace"]);
        // Pipeline a and the other region are untouched.
        assert.deepStrictEqual(ops(impact, "use1-hockey-hd-flow-a"), []);
        assert.ok(!impact.impacts.some((i) => i.change.region === "us-west-2" && i.change.op !== "update"));
        // The MediaLive input that reads the flows updates in place (Terraform's aws_medialive_input: only `type` is ForceNew).
        assert.deepStrictEqual(ops(impact, "use1-hockey-hd-input"), ["update"]);
        const text = renderImpactText(impact);
        assert.match(text, /Tell the venues \(new ingest address or settings\):\n {4}- /);
        assert.match(text, /hockey-hd, us-east-1, network isp-a, pipeline b \(use1-hockey-hd-flow-b\): rist:\/\/[\d.]+:5000 -> rist:\/\/<new address/);
        // 2026-11-01 is clear of every window: no violation, but the effects are listed.
        assert.deepStrictEqual(impactViolations(impact), []);
    });

    it("a changed segment length updates the endpoints and channels in place (the endpoint is not replaced: CloudFormation's data)", async () => {
        const season = prodSeason();
        season["channels"][2].segment = { ...(season["channels"][2].segment ?? {}), lengthSeconds: 4 };
        const { impact } = await planAgainst(prodStackWith(season), deployed);
        // AWS::MediaPackageV2::OriginEndpoint createOnlyProperties are ChannelGroupName, ChannelName and
        // OriginEndpointName only (CloudFormation resource schema; User Guide: Segment "Update requires: No
        // interruption"), so a new segment duration is an update of the same endpoint, URL unchanged.
        const ep = impact.impacts.find((i) => i.change.name === "use1-hockey-hd-mp-endpoint")!;
        assert.strictEqual(ep.change.op, "update");
        assert.ok(ep.change.properties.some((p) => p.path === "segment.segmentDurationSeconds" && p.before === "2" && p.after === "4"));
        assert.deepStrictEqual(ep.effects, []);
        // MediaLive's CMAF Ingest segment length follows (2.002 s -> 4.004 s at 59.94 fps): an UpdateChannel, which
        // MediaLive applies only to an idle channel (channelUpdate.ts).
        const ml = impact.impacts.find((i) => i.change.name === "use1-hockey-hd-medialive")!;
        assert.strictEqual(ml.change.op, "update");
        assert.ok(ml.change.properties.some((p) => p.path.endsWith("CmafIngestGroupSettings.SegmentLength") && p.after === "4004"));
        assert.deepStrictEqual(ml.effects, ["channel-settings"]);
        assert.strictEqual(ml.exposure.kind, "clear");
        // The segment cache policy is named by its length: a new one is created beside the 2 s one still in use.
        assert.deepStrictEqual(ops(impact, "media-cache-4s"), ["create"]);
        assert.ok(!impact.impacts.some((i) => i.change.op === "replace"), renderImpactText(impact));
    });

    it("an encoder setting on a channel whose game is on air at --as-of is a mandatory violation naming the window", async () => {
        // Hockey's 2026-12-12 home game: 2026-12-13T00:00Z-03:00Z, on air from 23:00Z (60 min lead) to 03:30Z (30 min tail).
        const asOf = "2026-12-13T01:00:00Z";
        const atGame = (await deployedProd(asOf)).state;
        const season = prodSeason();
        season["channels"][2].frameRate = "29.97";
        const { impact } = await planAgainst(prodStackWith(season), atGame, asOf);
        assert.deepStrictEqual(impact.impacts.map((i) => `${i.change.op} ${i.change.name}`).sort(), [
            "update use1-hockey-hd-medialive",
            "update usw2-hockey-hd-medialive",
        ]);
        const v = impactViolations(impact);
        assert.strictEqual(v.length, 2);
        assert.deepStrictEqual(v[0]!.exposure.window && [v[0]!.exposure.kind, v[0]!.exposure.window.event], ["on-air", "2026-12-12-home"]);
        // allowLiveUpdate is false in prod: the provider refuses to stop a RUNNING channel (channelUpdate.ts), so
        // `pulumi up` would fail part-way through the game.
        assert.match(
            v[0]!.violation!,
            /^use1-hockey-hd-medialive \(update\) changes the running channel of hockey-hd in us-east-1 while hockey-hd 2026-12-12-home is on air \(until 2026-12-13T03:30:00Z, tail included\): MediaLive updates only an idle channel/,
        );
        const json = impactJson(impact);
        assert.deepStrictEqual(
            (json["violations"] as { policy: string; enforcementLevel: string }[]).map((x) => [x.policy, x.enforcementLevel]),
            [
                [IMPACT_RULE, "mandatory"],
                [IMPACT_RULE, "mandatory"],
            ],
        );
        // The same change an hour after the tail is clear.
        const after = "2026-12-13T04:30:00Z";
        const later = await planAgainst(prodStackWith(season), (await deployedProd(after)).state, after);
        assert.deepStrictEqual(impactViolations(later.impact), []);
        assert.ok(later.impact.impacts.some((i) => i.effects.includes("channel-settings")));
    });

    it("a changed season tag updates providers and channels' tags in place, with no live impact", async () => {
        const season = prodSeason();
        season["tags"].owner = "broadcast-ops";
        const { impact } = await planAgainst(prodStackWith(season), deployed);
        assert.ok(impact.impacts.length > 0);
        assert.deepStrictEqual([...new Set(impact.impacts.map((i) => i.change.op))], ["update"]);
        // The channels' change is their Tags alone: TagResource, no UpdateChannel (channelUpdate.ts syncTags).
        const ch = impact.impacts.find((i) => i.change.name === "use1-football-uhd-medialive")!;
        assert.deepStrictEqual(
            ch.change.properties.map((p) => p.path),
            ["request.Tags"],
        );
        assert.deepStrictEqual(
            impact.impacts.flatMap((i) => i.effects),
            [],
        );
        assert.deepStrictEqual(impactViolations(impact), []);
    });
});
