import * as assert from "assert";
import { enableSourceFailover } from "../../../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-enable-source-failover";
import { T } from "../../../../../contracts/resourceTypes";
import { assertPasses, assertPlanPasses } from "../../../../helpers/policyAssertions";
import { fixtureUrn, runPolicy, runPolicyOnPlan } from "../../../../helpers/policyRunner";
import { mutate, unknownValue, unrelated } from "../../../fixtures/fixture";
import { flowSource, mediaConnectFlow } from "../../../fixtures/mediaconnect/flow";
import { emptyPlan, find, plan, state } from "../../../fixtures/stack/plan";

// Source failover: FAILOVER (switch to the backup) or MERGE (SMPTE 2022-7, hitless); a flow with
// two sources and failover disabled uses one.
// https://docs.aws.amazon.com/mediaconnect/latest/ug/source-failover.html
describe("onair-mediaconnect-flow-enable-source-failover", function () {
    it("passes the prod plan", async () => {
        await assertPlanPasses(enableSourceFailover, await plan());
    });
    it("flags a dual-ISP flow whose failover is disabled", async () => {
        const p = await plan();
        const flow = find(p, T.mediaConnectFlow, "hockey-hd-flow-a", "us-east-1");
        state.flow(flow).sourceFailoverConfig!.state = "DISABLED";
        const r = await runPolicyOnPlan(enableSourceFailover, p);
        assert.deepStrictEqual(r.urns, [flow.urn]);
        assert.match(r.violations[0]!, /has 2 sources but source failover is DISABLED/);
    });
    it("at preview, finds a second source by the flow its unknown flowArn was computed from; an orphan source is undecided", async () => {
        const flow = mutate(mediaConnectFlow("srt-listener"), (p, r) => {
            p.sourceFailoverConfig = { state: "DISABLED" };
            r.outputs = { ...p, flowArn: unknownValue() };
        });
        const second = mutate(flowSource({ name: "isp-2", flowArn: unknownValue() }), (_, r) => {
            r.propertyDependencies = { flowArn: [fixtureUrn(flow)] };
        });
        const r = await runPolicy(enableSourceFailover, [flow, second], {}, { preview: true });
        assert.match(r.violations[0]!, /has 2 sources but source failover is DISABLED/);
        const orphan = mutate(second, (_, s) => {
            s.propertyDependencies = {};
        });
        assert.deepStrictEqual((await runPolicy(enableSourceFailover, [flow, orphan], {}, { preview: true })).undecided, [
            "string value at .flowArn can't be known during preview",
        ]);
    });
    it("judges no other resources, and does not apply to a stack without flows", async () => {
        await assertPasses(enableSourceFailover, [unrelated(), mediaConnectFlow("srt-listener")]);
        await assertPlanPasses(enableSourceFailover, emptyPlan());
    });
});
