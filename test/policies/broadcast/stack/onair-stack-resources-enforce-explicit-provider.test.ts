import * as assert from "assert";
import { enforceExplicitProvider } from "../../../../policies/broadcast/stack/onair-stack-resources-enforce-explicit-provider";
import { T } from "../../../../contracts/resourceTypes";
import { assertPasses, assertPlanPasses, violations } from "../../../helpers/policyAssertions";
import { runPolicyOnPlan } from "../../../helpers/policyRunner";
import { unrelated } from "../../fixtures/fixture";
import { emptyPlan, find, plan } from "../../fixtures/stack/plan";

// With pulumi:disable-default-providers a resource must name its provider; one that falls back to
// the default lands in the deploying environment's region.
// https://www.pulumi.com/docs/iac/concepts/resources/providers/#disabling-default-providers
describe("onair-stack-resources-enforce-explicit-provider", function () {
    it("passes the prod plan: every AWS resource has a provider with a region", async () => {
        await assertPlanPasses(enforceExplicitProvider, await plan());
    });
    it("flags a resource on the default provider and one whose provider has no region", async () => {
        const p = await plan();
        const logs = find(p, "aws:cloudwatch/logGroup:LogGroup", "url-vending-logs");
        delete logs.provider;
        const bucket = find(p, "aws:s3/bucket:Bucket", "access-logs");
        p.resources.push({
            ...find(p, "pulumi:providers:aws", "aws-use1"),
            urn: "urn:pulumi:prod::onair::pulumi:providers:aws::no-region",
            name: "no-region",
            inputs: {},
            outputs: {},
        });
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
    it("does not apply to a stack without AWS resources", async () => {
        await assertPlanPasses(enforceExplicitProvider, emptyPlan());
        await assertPasses(enforceExplicitProvider, [{ type: "random:index/randomPet:RandomPet", name: "pet", props: {} }]);
    });
    it("judges every AWS resource, whatever its type", async () => {
        assert.match((await violations(enforceExplicitProvider, [unrelated()]))[0] ?? "", /aws:s3\/bucket:Bucket "logs" uses the default provider/);
    });
});
