import * as assert from "assert";
import { enableSourceFailover } from "../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-enable-source-failover";
import { enforceEpochLocking } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-enforce-epoch-locking";
import { missingHeadObject } from "../../../policies/broadcast/mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-missing-head-object";
import { enforceMultiRegion } from "../../../policies/broadcast/stack/onair-stack-channels-enforce-multi-region";
import { enforcePrimaryOnlyErrors } from "../../../policies/broadcast/stack/onair-stack-endpoints-enforce-primary-only-errors";
import { enforceCrossRegion } from "../../../policies/broadcast/stack/onair-stack-origingroups-enforce-cross-region";
import { enforceExplicitProvider } from "../../../policies/broadcast/stack/onair-stack-resources-enforce-explicit-provider";
import { runPolicyOnPlan } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { CapturedResource, PlanCapture } from "../../../plan/resources";
import { prodPlan } from "../../helpers/plan";

/** A fresh copy of the prod plan (secrets become "[secret]"), so each test changes one thing. */
async function plan(): Promise<PlanCapture> {
    return JSON.parse(JSON.stringify(await prodPlan())) as PlanCapture;
}

function find(p: PlanCapture, type: string, nameIncludes: string, region?: string): CapturedResource {
    const r = p.resources.find((x) => x.type === type && x.name.includes(nameIncludes) && (!region || x.region === region));
    if (!r) throw new Error(`no ${type} *${nameIncludes}*`);
    return r;
}

function distributionConfig(p: PlanCapture): any {
    return find(p, T.cloudFrontDistributionNative, "live").outputs["distributionConfig"];
}

describe("broadcast pack: stack rules over the multi-region prod plan", function () {
    const STACK_POLICIES = [enforceEpochLocking, enableSourceFailover, missingHeadObject, enforceMultiRegion, enforceCrossRegion, enforcePrimaryOnlyErrors, enforceExplicitProvider];

    it("the prod plan is a compliant baseline for every stack rule", async () => {
        const p = await plan();
        for (const policy of STACK_POLICIES) assert.deepStrictEqual((await runPolicyOnPlan(policy, p)).violations, [], policy.name);
    });

    it("stack rules do not apply to a stack without the resources they judge", async () => {
        const empty: PlanCapture = { project: "onair", stack: "test", resources: [], outputs: {} };
        for (const policy of STACK_POLICIES) assert.deepStrictEqual((await runPolicyOnPlan(policy, empty)).violations, [], policy.name);
    });

    describe("onair-medialive-channel-enforce-epoch-locking", () => {
        it("flags a channel behind the cross-region group that only pipeline-locks", async () => {
            const p = await plan();
            const ml = find(p, T.onairMediaLiveChannel, "football-uhd", "us-west-2");
            (ml.outputs["request"] as any).EncoderSettings.GlobalConfiguration.OutputLockingMode = "PIPELINE_LOCKING";
            const r = await runPolicyOnPlan(enforceEpochLocking, p);
            assert.deepStrictEqual(r.urns, [ml.urn]);
            assert.match(r.violations[0]!, /"usw2-football-uhd-medialive" feeds a MediaPackage channel group behind a cross-region media-quality-based origin group but uses output locking PIPELINE_LOCKING/);
        });
        it("leaves channels alone when no origin group spans regions", async () => {
            const p = await plan();
            (find(p, T.onairMediaLiveChannel, "football-uhd", "us-west-2").outputs["request"] as any).EncoderSettings.GlobalConfiguration.OutputLockingMode = "PIPELINE_LOCKING";
            for (const g of distributionConfig(p).originGroups.items) g.selectionCriteria = "default";
            assert.deepStrictEqual((await runPolicyOnPlan(enforceEpochLocking, p)).violations, []);
        });
    });

    describe("onair-mediaconnect-flow-enable-source-failover", () => {
        it("flags a dual-ISP flow whose failover is disabled", async () => {
            const p = await plan();
            const flow = find(p, T.mediaConnectFlow, "hockey-hd-flow-a", "us-east-1");
            (flow.outputs["sourceFailoverConfig"] as any).state = "DISABLED";
            const r = await runPolicyOnPlan(enableSourceFailover, p);
            assert.deepStrictEqual(r.urns, [flow.urn]);
            assert.match(r.violations[0]!, /has 2 sources but source failover is DISABLED/);
        });
    });

    describe("onair-mediapackagev2-originendpointpolicy-missing-head-object", () => {
        it("flags an endpoint policy behind a media-quality group that forgot GetHeadObject", async () => {
            const p = await plan();
            const policy = find(p, T.mediaPackageOriginEndpointPolicy, "hoops-hd", "us-west-2");
            (policy.outputs["policy"] as any).Statement[0].Action = ["mediapackagev2:GetObject"];
            const r = await runPolicyOnPlan(missingHeadObject, p);
            assert.deepStrictEqual(r.urns, [policy.urn]);
            assert.match(r.violations[0]!, /does not allow mediapackagev2:GetHeadObject/);
        });
    });

    describe("onair-stack-channels-enforce-multi-region", () => {
        it("flags a channel that runs in one region only", async () => {
            const p = await plan();
            const west = find(p, T.onairMediaLiveChannel, "studio-hd", "us-west-2");
            p.resources = p.resources.filter((r) => r.urn !== west.urn);
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.match(r.violations[0]!, /MediaLive channel "rsn-2026-27-studio-hd" runs in 1 region \(us-east-1; copies matched by the MediaPackage v2 channel rsn-2026-27\/studio-hd\)/);
        });
        it("flags regions whose encode settings differ", async () => {
            const p = await plan();
            const west = find(p, T.onairMediaLiveChannel, "hockey-hd", "us-west-2");
            (west.outputs["request"] as any).EncoderSettings.VideoDescriptions[0].CodecSettings.H264Settings.GopSize = 60;
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.deepStrictEqual(r.urns, [west.urn]);
            assert.match(r.violations[0]!, /"rsn-2026-27-hockey-hd" in us-west-2 is encoded differently from "rsn-2026-27-hockey-hd" in us-east-1 \(copies matched by the MediaPackage v2 channel rsn-2026-27\/hockey-hd\)/);
        });
        it("flags endpoints whose segment settings differ, ignoring the primary's forced errors", async () => {
            const p = await plan();
            const west = find(p, T.mediaPackageOriginEndpoint, "football-uhd", "us-west-2");
            (west.outputs["segment"] as any).segmentDurationSeconds = 4;
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.match(r.violations[0]!, /endpoint rsn-2026-27\/football-uhd\/cmaf in us-west-2 differs from us-east-1/);
        });
        it("accepts three regions by configuration", async () => {
            const r = await runPolicyOnPlan(enforceMultiRegion, await plan(), { minRegions: 3 });
            assert.strictEqual(r.violations.length, 8, "four channels and four endpoints in only two regions");
        });
        it("matches a channel's copies by the MediaPackage v2 channel they feed, not by name (game-east / game-west)", async () => {
            const p = await plan();
            for (const [region, suffix] of [["us-east-1", "east"], ["us-west-2", "west"]] as const) {
                (find(p, T.onairMediaLiveChannel, "studio-hd", region).outputs["request"] as any).Name = `game-${suffix}`;
            }
            assert.deepStrictEqual((await runPolicyOnPlan(enforceMultiRegion, p)).violations, []);
            p.resources = p.resources.filter((r) => r.urn !== find(p, T.onairMediaLiveChannel, "studio-hd", "us-west-2").urn);
            const r = await runPolicyOnPlan(enforceMultiRegion, p);
            assert.deepStrictEqual(r.violations, ['MediaLive channel "game-east" runs in 1 region (us-east-1; copies matched by the MediaPackage v2 channel rsn-2026-27/studio-hd); run it in at least 2 regions behind a media-quality-based origin group.']);
        });
        it("does not take two different channels with the same name for copies of one", async () => {
            const p = await plan();
            const eastName = (find(p, T.onairMediaLiveChannel, "football-uhd", "us-east-1").outputs["request"] as any).Name;
            (find(p, T.onairMediaLiveChannel, "hockey-hd", "us-west-2").outputs["request"] as any).Name = eastName;
            assert.deepStrictEqual((await runPolicyOnPlan(enforceMultiRegion, p)).violations, []);
        });
    });

    describe("onair-stack-origingroups-enforce-cross-region", () => {
        it("flags a group whose members are both in the primary region", async () => {
            const p = await plan();
            const cfg = distributionConfig(p);
            cfg.originGroups.items[0].members.items[1].originId = "mediapackage-us-east-1";
            const r = await runPolicyOnPlan(enforceCrossRegion, p);
            assert.match(r.violations[0]!, /origin group "live-football-uhd" has both members in us-east-1/);
        });
        it("flags a member that is not a MediaPackage v2 origin", async () => {
            const p = await plan();
            distributionConfig(p).origins[1].domainName = "origin.example.com";
            const r = await runPolicyOnPlan(enforceCrossRegion, p);
            assert.strictEqual(r.violations.length, 4);
            assert.match(r.violations[0]!, /member "mediapackage-us-west-2" \(origin.example.com\) is not a MediaPackage v2 origin/);
        });
        it("places members whose channel groups another stack manages by their egress domain's region", async () => {
            const p = await plan();
            const cfg = distributionConfig(p);
            // A delivery stack over channel groups of a media stack: egress domains copied from it.
            cfg.origins[0].domainName = "abc123.egress.def456.mediapackagev2.us-east-1.amazonaws.com";
            cfg.origins[1].domainName = "ghi789.egress.jkl012.mediapackagev2.us-west-2.amazonaws.com";
            assert.deepStrictEqual((await runPolicyOnPlan(enforceCrossRegion, p)).violations, []);
            cfg.origins[1].domainName = "mno345.egress.pqr678.mediapackagev2.us-east-1.amazonaws.com";
            assert.match((await runPolicyOnPlan(enforceCrossRegion, p)).violations[0]!, /origin group "live-football-uhd" has both members in us-east-1/);
        });
    });

    describe("onair-stack-endpoints-enforce-primary-only-errors", () => {
        it("flags forced errors on the secondary region", async () => {
            const p = await plan();
            const west = find(p, T.mediaPackageOriginEndpoint, "studio-hd", "us-west-2");
            west.outputs["forceEndpointErrorConfiguration"] = { endpointErrorConditions: ["STALE_MANIFEST"] };
            const r = await runPolicyOnPlan(enforcePrimaryOnlyErrors, p);
            assert.deepStrictEqual(r.urns, [west.urn]);
            assert.match(r.violations[0]!, /in secondary region us-west-2 forces errors \(STALE_MANIFEST\)/);
        });
    });

    describe("onair-stack-resources-enforce-explicit-provider", () => {
        it("flags a resource on the default provider and one whose provider has no region", async () => {
            const p = await plan();
            const logs = find(p, "aws:cloudwatch/logGroup:LogGroup", "url-vending-logs");
            delete logs.provider;
            const bucket = find(p, "aws:s3/bucket:Bucket", "access-logs");
            p.resources.push({ ...find(p, "pulumi:providers:aws", "aws-use1"), urn: "urn:pulumi:prod::onair::pulumi:providers:aws::no-region", name: "no-region", inputs: {}, outputs: {} });
            bucket.provider = "urn:pulumi:prod::onair::pulumi:providers:aws::no-region";
            const r = await runPolicyOnPlan(enforceExplicitProvider, p);
            assert.strictEqual(r.violations.length, 2);
            assert.ok(r.violations.some((v) => /"url-vending-logs" uses the default provider/.test(v)));
            assert.ok(r.violations.some((v) => /"access-logs" uses provider "no-region", which sets no region/.test(v)));
        });
        it("flags a dynamic resource without a region", async () => {
            const p = await plan();
            const ml = find(p, T.onairMediaLiveChannel, "hoops-hd", "us-east-1");
            delete ml.outputs["region"];
            const r = await runPolicyOnPlan(enforceExplicitProvider, p);
            assert.match(r.violations[0]!, /Dynamic resource "use1-hoops-hd-medialive" \(pulumi-nodejs:dynamic\/medialive:Channel\) names no region/);
        });
    });
});
