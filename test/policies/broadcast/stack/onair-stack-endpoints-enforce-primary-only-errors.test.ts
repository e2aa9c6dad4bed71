import * as assert from "assert";
import { enforcePrimaryOnlyErrors } from "../../../../policies/broadcast/stack/onair-stack-endpoints-enforce-primary-only-errors";
import { assertPasses, assertPlanPasses } from "../../../helpers/policyAssertions";
import { runPolicy, runPolicyOnPlan } from "../../../helpers/policyRunner";
import { unrelated } from "../../fixtures/fixture";
import { unknownEgressStack } from "../../fixtures/mediapackagev2/channelgroup";
import { emptyPlan, endpoint, plan, state } from "../../fixtures/stack/plan";

// ForceEndpointErrorConfiguration makes an endpoint answer 404 on STALE_MANIFEST,
// INCOMPLETE_MANIFEST, SLATE_INPUT or MISSING_DRM_KEY so the origin group fails over: only the
// primary may, or both regions can answer 404 at once ("Endpoint settings").
// https://docs.aws.amazon.com/mediapackage/latest/userguide/endpoints-settings.html
describe("onair-stack-endpoints-enforce-primary-only-errors", function () {
    it("passes the prod plan (forced errors on us-east-1 only)", async () => {
        const p = await plan();
        assert.ok(state.endpoint(endpoint(p, "studio-hd", "us-east-1")).forceEndpointErrorConfiguration, "the primary forces errors");
        await assertPlanPasses(enforcePrimaryOnlyErrors, p);
    });
    it("flags forced errors on the secondary region", async () => {
        const p = await plan();
        const west = endpoint(p, "studio-hd", "us-west-2");
        state.endpoint(west).forceEndpointErrorConfiguration = { endpointErrorConditions: ["STALE_MANIFEST"] };
        const r = await runPolicyOnPlan(enforcePrimaryOnlyErrors, p);
        assert.deepStrictEqual(r.urns, [west.urn]);
        assert.match(r.violations[0]!, /in secondary region us-west-2 forces errors \(STALE_MANIFEST\)/);
    });
    it("at preview, cannot tell which region an origin with an unknown domain reads from, and says so", async () => {
        const r = await runPolicy(enforcePrimaryOnlyErrors, unknownEgressStack(true), {}, { preview: true });
        assert.deepStrictEqual(r.violations, []);
        assert.match(r.undecided[0] ?? "", /domainName can't be known during preview/);
    });
    it("judges no other resources, and does not apply to a stack without endpoints", async () => {
        await assertPasses(enforcePrimaryOnlyErrors, [unrelated()]);
        await assertPlanPasses(enforcePrimaryOnlyErrors, emptyPlan());
    });
});
