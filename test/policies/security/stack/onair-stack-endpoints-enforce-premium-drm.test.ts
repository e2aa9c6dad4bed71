import * as assert from "assert";
import { T } from "../../../../contracts/resourceTypes";
import { PREMIUM_TAG } from "../../../../contracts/tags";
import { drmGap, enforcePremiumDrm } from "../../../../policies/security/stack/onair-stack-endpoints-enforce-premium-drm";
import { assertPasses, assertPlanPasses } from "../../../helpers/policyAssertions";
import { runPolicy, runPolicyOnPlan } from "../../../helpers/policyRunner";
import { clone, unknownValue, unrelated } from "../../fixtures/fixture";
import { clearEndpoint, premiumDrm } from "../../fixtures/mediapackagev2/originendpoint";
import { emptyPlan, encryptionOf, endpoint, find, plan, state } from "../../fixtures/stack/plan";

// MediaPackage v2 content encryption: SPEKE v2 with at least one DRM system (FairPlay, PlayReady,
// Widevine); CLEAR_KEY_AES_128 and an UNENCRYPTED video preset protect nothing ("Encryption").
// https://docs.aws.amazon.com/mediapackage/latest/userguide/using-encryption.html
describe("onair-stack-endpoints-enforce-premium-drm", function () {
    const packaging = (p: Awaited<ReturnType<typeof plan>>, channel: string, region: string) => find(p, T.mediaPackageChannel, channel, region);

    it("passes the prod plan: the premium UHD channel is encrypted in both regions, the HD channels are not premium", async () => {
        const p = await plan();
        assert.deepStrictEqual(state.packagingChannel(packaging(p, "football-uhd", "us-west-2")).tags, [{ key: PREMIUM_TAG, value: "true" }]);
        assert.strictEqual(state.endpoint(endpoint(p, "hoops-hd", "us-east-1")).segment!.encryption, undefined);
        await assertPlanPasses(enforcePremiumDrm, p);
    });
    it("flags a premium channel's endpoint that serves clear segments in one region", async () => {
        const p = await plan();
        const west = endpoint(p, "football-uhd", "us-west-2");
        delete state.endpoint(west).segment!.encryption;
        const r = await runPolicyOnPlan(enforcePremiumDrm, p);
        assert.deepStrictEqual(r.urns, [west.urn]);
        assert.strictEqual(
            r.violations[0],
            "MediaPackage v2 endpoint rsn-2026-27/football-uhd/cmaf in us-west-2 belongs to a premium channel but serves its segments unencrypted; encrypt it with SPEKE v2 (drm on the channel) or remove the endpoint.",
        );
    });
    it("flags a second, clear endpoint added beside the encrypted one", async () => {
        const p = await plan();
        const east = endpoint(p, "football-uhd", "us-east-1");
        const extra = clone(east);
        extra.urn = east.urn.replace("mp-endpoint", "mp-endpoint-clear");
        extra.name = "use1-football-uhd-mp-endpoint-clear";
        state.endpoint(extra).originEndpointName = "clear";
        delete state.endpoint(extra).segment!.encryption;
        p.resources.push(extra);
        const r = await runPolicyOnPlan(enforcePremiumDrm, p);
        assert.deepStrictEqual(r.urns, [extra.urn]);
        assert.match(
            r.violations[0]!,
            /endpoint rsn-2026-27\/football-uhd\/clear in us-east-1 belongs to a premium channel but serves its segments unencrypted/,
        );
    });
    it("flags ClearKey-only encryption and clear video as not DRM", async () => {
        const p = await plan();
        encryptionOf(endpoint(p, "football-uhd", "us-east-1")).spekeKeyProvider.drmSystems = ["CLEAR_KEY_AES_128"];
        encryptionOf(endpoint(p, "football-uhd", "us-west-2")).spekeKeyProvider.encryptionContractConfiguration.presetSpeke20Video = "UNENCRYPTED";
        const r = await runPolicyOnPlan(enforcePremiumDrm, p);
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations[0]!, /in us-east-1 belongs to a premium channel but names no DRM system \(CLEAR_KEY_AES_128\)/);
        assert.match(r.violations[1]!, /in us-west-2 belongs to a premium channel but leaves the video unencrypted \(PresetSpeke20Video UNENCRYPTED\)/);
    });
    it("treats channels the policy group lists as premium whatever their tags say", async () => {
        const p = await plan();
        delete state.packagingChannel(packaging(p, "football-uhd", "us-east-1")).tags;
        delete state.endpoint(endpoint(p, "football-uhd", "us-east-1")).segment!.encryption;
        const r = await runPolicyOnPlan(enforcePremiumDrm, p, { premiumChannels: ["football-uhd", "hoops-hd"] });
        assert.deepStrictEqual(
            r.urns.sort(),
            [endpoint(p, "football-uhd", "us-east-1").urn, endpoint(p, "hoops-hd", "us-east-1").urn, endpoint(p, "hoops-hd", "us-west-2").urn].sort(),
        );
    });
    it("does not apply to channels that are not premium, or to a stack without MediaPackage", async () => {
        const p = await plan();
        for (const region of ["us-east-1", "us-west-2"]) {
            delete state.packagingChannel(packaging(p, "football-uhd", region)).tags;
            delete state.endpoint(endpoint(p, "football-uhd", region)).segment!.encryption;
        }
        await assertPlanPasses(enforcePremiumDrm, p);
        await assertPlanPasses(enforcePremiumDrm, emptyPlan());
        await assertPasses(enforcePremiumDrm, [unrelated()]);
    });
    it("reads the premium tag as a list (aws-native) or a map (tags of other providers)", async () => {
        const p = await plan();
        // Another provider's tags: a map, not aws-native's list of { key, value }.
        packaging(p, "football-uhd", "us-east-1").outputs["tags"] = { [PREMIUM_TAG]: "true" };
        delete state.endpoint(endpoint(p, "football-uhd", "us-east-1")).segment!.encryption;
        assert.deepStrictEqual((await runPolicyOnPlan(enforcePremiumDrm, p)).urns, [endpoint(p, "football-uhd", "us-east-1").urn]);
    });
    it("counts a SPEKE configuration with one DRM system as protected", () => {
        assert.strictEqual(drmGap({ segment: {} }), "serves its segments unencrypted");
        assert.strictEqual(drmGap({ segment: { encryption: { spekeKeyProvider: { drmSystems: ["WIDEVINE"] } } } }), undefined);
    });
    it("at preview, judges endpoints whose key-provider role ARN is unknown, and catches a clear one", async () => {
        const both = [...premiumDrm("us-east-1", unknownValue()), ...premiumDrm("us-west-2", unknownValue())];
        await assertPasses(enforcePremiumDrm, both, {}, { preview: true });
        const leak = await runPolicy(enforcePremiumDrm, [...both, clearEndpoint("us-east-1")], {}, { preview: true });
        assert.deepStrictEqual([leak.violations.length, leak.undecided], [1, []]);
        assert.match(leak.violations[0]!, /ppv\/fight\/clip in us-east-1 belongs to a premium channel but serves its segments unencrypted/);
    });
});
