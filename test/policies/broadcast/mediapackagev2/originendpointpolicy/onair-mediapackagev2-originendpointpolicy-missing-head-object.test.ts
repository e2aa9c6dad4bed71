import * as assert from "assert";
import { missingHeadObject } from "../../../../../policies/broadcast/mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-missing-head-object";
import { T } from "../../../../../contracts/resourceTypes";
import { assertPasses, assertPlanPasses } from "../../../../helpers/policyAssertions";
import { runPolicy, runPolicyOnPlan } from "../../../../helpers/policyRunner";
import { previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate, unrelated } from "../../../fixtures/fixture";
import { documentOf, endpointPolicyResource, previewEndpointPolicy } from "../../../fixtures/mediapackagev2/originendpointpolicy";
import { emptyPlan, find, plan, state } from "../../../fixtures/stack/plan";

// A media-quality-based origin group sends GET to the selected origin and HEAD to the other, so the
// endpoint policy must allow mediapackagev2:GetObject and mediapackagev2:GetHeadObject
// ("Media quality-aware resiliency", CloudFront Developer Guide).
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html
describe("onair-mediapackagev2-originendpointpolicy-missing-head-object", function () {
    it("passes the prod plan", async () => {
        await assertPlanPasses(missingHeadObject, await plan());
    });
    it("flags an endpoint policy behind a media-quality group that forgot GetHeadObject", async () => {
        const p = await plan();
        const policy = find(p, T.mediaPackageOriginEndpointPolicy, "hoops-hd", "us-west-2");
        state.endpointPolicy(policy).policy.Statement[0]!.Action = ["mediapackagev2:GetObject"];
        const r = await runPolicyOnPlan(missingHeadObject, p);
        assert.deepStrictEqual(r.urns, [policy.urn]);
        assert.match(r.violations[0]!, /does not allow mediapackagev2:GetHeadObject/);
    });
    it("at preview, decides a policy that allows HEAD wherever the endpoint sits; one without HEAD behind unknown origins is undecided", async () => {
        const d = previewDistribution();
        const policy = previewEndpointPolicy(d);
        await assertPasses(missingHeadObject, [d, policy], {}, { preview: true });
        const getOnly = mutate(policy, (p) => {
            documentOf(p).Statement[0]!.Action = ["mediapackagev2:GetObject"];
        });
        assert.strictEqual((await runPolicy(missingHeadObject, [d, getOnly], {}, { preview: true })).undecided.length, 1);
    });
    it("judges no other resources, and does not apply to a stack without endpoint policies", async () => {
        await assertPasses(missingHeadObject, [unrelated(), endpointPolicyResource()]);
        await assertPlanPasses(missingHeadObject, emptyPlan());
    });
});
