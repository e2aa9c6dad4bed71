import * as assert from "assert";
import { runProgram } from "../../plan/run";
import { isProviderType, isUnknown } from "../../contracts/capturedPlan";
import { readStackConfig } from "../../components/config/stackConfig";
import { outputProperties, sdkModuleOf } from "../../plan/sdkOutputs";
import { PROGRAM, ROOT } from "../helpers/plan";

describe("provider-computed outputs, from each type's SDK", () => {
    it("maps type tokens to the generated module that declares them", () => {
        assert.strictEqual(sdkModuleOf("aws:wafv2/webAcl:WebAcl"), "@pulumi/aws/wafv2/webAcl");
        assert.strictEqual(sdkModuleOf("aws-native:mediapackagev2:OriginEndpoint"), "@pulumi/aws-native/mediapackagev2/originEndpoint");
        assert.strictEqual(sdkModuleOf("pulumiservice:index:PolicyGroup"), "@pulumi/pulumiservice/policyGroup");
        assert.strictEqual(sdkModuleOf("pulumi-nodejs:dynamic/medialive:Channel"), undefined);
    });

    it("reads the output-only properties with their kinds (codegen marks them /*out*/)", () => {
        // aws.wafv2.WebAcl: arn, capacity, lockToken, tagsAll and applicationIntegrationUrl are computed.
        const waf = Object.fromEntries(outputProperties("aws:wafv2/webAcl:WebAcl").map((p) => [p.name, p.kind]));
        assert.deepStrictEqual(waf, { applicationIntegrationUrl: "string", arn: "string", capacity: "number", lockToken: "string", tagsAll: "object" });
        // aws-native MediaPackage v2 channel: the ingest endpoints are computed, the names are inputs.
        assert.deepStrictEqual(
            outputProperties("aws-native:mediapackagev2:Channel").map((p) => p.name),
            ["arn", "createdAt", "ingestEndpointUrls", "ingestEndpoints", "modifiedAt"],
        );
    });

    it("gives every resource of the prod plan each output its SDK declares: a value at update, unknown at preview", async function () {
        const stack = readStackConfig(ROOT, "prod");
        const update = await runProgram({ program: PROGRAM, stack });
        const preview = await runProgram({ program: PROGRAM, stack, preview: true });
        const byUrn = new Map(preview.resources.map((r) => [r.urn, r]));
        let checked = 0;
        for (const r of update.resources.filter((x) => x.custom && !isProviderType(x.type))) {
            for (const p of outputProperties(r.type)) {
                if (p.name in r.inputs) continue;
                assert.ok(r.outputs[p.name] !== undefined, `${r.type} ${r.name}: ${p.name} at update`);
                assert.ok(isUnknown(byUrn.get(r.urn)!.outputs[p.name]), `${r.type} ${r.name}: ${p.name} unknown at preview`);
                checked++;
            }
        }
        assert.ok(checked > 300, `${checked} outputs checked`);
    });
});
