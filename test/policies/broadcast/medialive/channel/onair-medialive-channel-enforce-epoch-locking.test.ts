import * as assert from "assert";
import { enforceEpochLocking } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-enforce-epoch-locking";
import { T } from "../../../../../contracts/resourceTypes";
import { assertPasses, assertPlanPasses } from "../../../../helpers/policyAssertions";
import { FixtureResource, fixtureUrn, runPolicy, runPolicyOnPlan } from "../../../../helpers/policyRunner";
import { previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate, unknownValue, unrelated } from "../../../fixtures/fixture";
import { onairChannel } from "../../../fixtures/medialive/channel";
import { PackagingChannelProps } from "../../../fixtures/mediapackagev2/channel";
import { emptyPlan, find, liveDistributionConfig, plan, state } from "../../../fixtures/stack/plan";

// Cross-region failover with media-quality-based origin groups needs epoch-locked encoders in
// every region, so segments line up ("Cross-region failover", requirements).
// https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html
describe("onair-medialive-channel-enforce-epoch-locking", function () {
    it("passes the prod plan", async () => {
        await assertPlanPasses(enforceEpochLocking, await plan());
    });
    it("flags a channel behind the cross-region group that only pipeline-locks", async () => {
        const p = await plan();
        const ml = find(p, T.onairMediaLiveChannel, "football-uhd", "us-west-2");
        state.channel(ml).request.EncoderSettings!.GlobalConfiguration!.OutputLockingMode = "PIPELINE_LOCKING";
        const r = await runPolicyOnPlan(enforceEpochLocking, p);
        assert.deepStrictEqual(r.urns, [ml.urn]);
        assert.match(
            r.violations[0]!,
            /"usw2-football-uhd-medialive" feeds a MediaPackage channel group behind a cross-region media-quality-based origin group but uses output locking PIPELINE_LOCKING/,
        );
    });
    it("leaves channels alone when no origin group spans regions", async () => {
        const p = await plan();
        state.channel(find(p, T.onairMediaLiveChannel, "football-uhd", "us-west-2")).request.EncoderSettings!.GlobalConfiguration!.OutputLockingMode =
            "PIPELINE_LOCKING";
        for (const g of liveDistributionConfig(p).originGroups!.items!) g.selectionCriteria = "default";
        await assertPlanPasses(enforceEpochLocking, p);
    });
    it("at preview, decides an epoch-locked channel wherever it feeds; one that is not, feeding MediaPackage behind unknown origins, is undecided", async () => {
        const mp: FixtureResource<PackagingChannelProps> = {
            type: T.mediaPackageChannel,
            name: "mp",
            props: { region: "us-east-1", channelGroupName: "test-season", channelName: "main-uhd" },
        };
        const ch = mutate(onairChannel(), (p, r) => {
            p.request.Destinations![0]!.Settings = [{ Url: unknownValue() }, { Url: unknownValue() }];
            r.propertyDependencies = { request: [fixtureUrn(mp)] };
        });
        await assertPasses(enforceEpochLocking, [previewDistribution(), mp, ch], {}, { preview: true });
        const pipelineLocked = mutate(ch, (p) => {
            p.request.EncoderSettings!.GlobalConfiguration!.OutputLockingMode = "PIPELINE_LOCKING";
        });
        const r = await runPolicy(enforceEpochLocking, [previewDistribution(), mp, pipelineLocked], {}, { preview: true });
        assert.deepStrictEqual([r.violations.length, r.undecided.length], [0, 1]);
    });
    it("judges no other resources, and does not apply to a stack without channels", async () => {
        await assertPasses(enforceEpochLocking, [unrelated()]);
        await assertPlanPasses(enforceEpochLocking, emptyPlan());
    });
});
