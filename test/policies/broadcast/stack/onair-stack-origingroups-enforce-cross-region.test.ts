import * as assert from "assert";
import { enforceCrossRegion } from "../../../../policies/broadcast/stack/onair-stack-origingroups-enforce-cross-region";
import { assertPasses, assertPlanPasses } from "../../../helpers/policyAssertions";
import { runPolicy, runPolicyOnPlan } from "../../../helpers/policyRunner";
import { EGRESS, nativeDistribution } from "../../fixtures/cloudfront/distribution";
import { unrelated } from "../../fixtures/fixture";
import { unknownEgressStack } from "../../fixtures/mediapackagev2/channelgroup";
import { emptyPlan, liveDistributionConfig, plan } from "../../fixtures/stack/plan";

// A media-quality-based origin group compares two MediaPackage v2 origins; for cross-region
// resiliency they are in different regions ("Media quality-aware resiliency").
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html
describe("onair-stack-origingroups-enforce-cross-region", function () {
    it("passes the prod plan, and the distribution OnAir builds over another stack's channel groups", async () => {
        await assertPlanPasses(enforceCrossRegion, await plan());
        await assertPasses(enforceCrossRegion, [nativeDistribution()]);
    });
    it("flags a group whose members are both in the primary region", async () => {
        const p = await plan();
        liveDistributionConfig(p).originGroups!.items![0]!.members.items[1]!.originId = "mediapackage-us-east-1";
        const r = await runPolicyOnPlan(enforceCrossRegion, p);
        assert.match(r.violations[0]!, /origin group "live-football-uhd" has both members in us-east-1/);
    });
    it("flags a member that is not a MediaPackage v2 origin", async () => {
        const p = await plan();
        liveDistributionConfig(p).origins![1]!.domainName = "origin.example.com";
        const r = await runPolicyOnPlan(enforceCrossRegion, p);
        assert.strictEqual(r.violations.length, 4);
        assert.match(r.violations[0]!, /member "mediapackage-us-west-2" \(origin.example.com\) is not a MediaPackage v2 origin/);
    });
    it("places members whose channel groups another stack manages by their egress domain's region", async () => {
        const p = await plan();
        const cfg = liveDistributionConfig(p);
        // A delivery stack over channel groups of a media stack: egress domains copied from it.
        cfg.origins![0]!.domainName = EGRESS["us-east-1"];
        cfg.origins![1]!.domainName = EGRESS["us-west-2"];
        await assertPlanPasses(enforceCrossRegion, p);
        cfg.origins![1]!.domainName = "mno345.egress.pqr678.mediapackagev2.us-east-1.amazonaws.com";
        assert.match((await runPolicyOnPlan(enforceCrossRegion, p)).violations[0]!, /origin group "live-football-uhd" has both members in us-east-1/);
    });
    it("at preview, cannot tell which region an origin with an unknown domain reads from, and says so", async () => {
        const r = await runPolicy(enforceCrossRegion, unknownEgressStack(false), {}, { preview: true });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.undecided[0] ?? "", /domainName can't be known during preview/);
    });
    it("judges no other resources, and does not apply to a stack without distributions", async () => {
        await assertPasses(enforceCrossRegion, [unrelated()]);
        await assertPlanPasses(enforceCrossRegion, emptyPlan());
    });
});
