import * as assert from "assert";
import { drmGap, enforcePremiumDrm, PREMIUM_TAG } from "../../../policies/security/stack/onair-stack-endpoints-enforce-premium-drm";
import { runPolicyOnPlan } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { CapturedResource, PlanCapture } from "../../../plan/resources";
import { prodPlan } from "../../helpers/plan";

/** A fresh copy of the prod plan: football-uhd is premium (tagged) and encrypted in both regions. */
async function plan(): Promise<PlanCapture> {
    return JSON.parse(JSON.stringify(await prodPlan())) as PlanCapture;
}

function find(p: PlanCapture, type: string, channel: string, region: string): CapturedResource {
    const r = p.resources.find((x) => x.type === type && x.name.includes(channel) && x.region === region);
    if (!r) throw new Error(`no ${type} for ${channel} in ${region}`);
    return r;
}

const endpoint = (p: PlanCapture, channel: string, region: string) => find(p, T.mediaPackageOriginEndpoint, channel, region);
const segment = (r: CapturedResource) => r.outputs["segment"] as any;

describe("onair-stack-endpoints-enforce-premium-drm", function () {
    it("passes the prod plan: the premium UHD channel is encrypted in both regions, the HD channels are not premium", async () => {
        const p = await plan();
        assert.deepStrictEqual(find(p, T.mediaPackageChannel, "football-uhd", "us-west-2").outputs["tags"], [{ key: PREMIUM_TAG, value: "true" }]);
        assert.strictEqual(segment(endpoint(p, "hoops-hd", "us-east-1")).encryption, undefined);
        assert.deepStrictEqual((await runPolicyOnPlan(enforcePremiumDrm, p)).violations, []);
    });

    it("flags a premium channel's endpoint that serves clear segments in one region", async () => {
        const p = await plan();
        const west = endpoint(p, "football-uhd", "us-west-2");
        delete segment(west).encryption;
        const r = await runPolicyOnPlan(enforcePremiumDrm, p);
        assert.deepStrictEqual(r.urns, [west.urn]);
        assert.strictEqual(r.violations[0], "MediaPackage v2 endpoint rsn-2026-27/football-uhd/cmaf in us-west-2 belongs to a premium channel but serves its segments unencrypted; encrypt it with SPEKE v2 (drm on the channel) or remove the endpoint.");
    });

    it("flags a second, clear endpoint added beside the encrypted one", async () => {
        const p = await plan();
        const east = endpoint(p, "football-uhd", "us-east-1");
        const extra: CapturedResource = JSON.parse(JSON.stringify(east));
        extra.urn = east.urn.replace("mp-endpoint", "mp-endpoint-clear");
        extra.name = "use1-football-uhd-mp-endpoint-clear";
        extra.outputs["originEndpointName"] = "clear";
        delete segment(extra).encryption;
        p.resources.push(extra);
        const r = await runPolicyOnPlan(enforcePremiumDrm, p);
        assert.deepStrictEqual(r.urns, [extra.urn]);
        assert.match(r.violations[0]!, /endpoint rsn-2026-27\/football-uhd\/clear in us-east-1 belongs to a premium channel but serves its segments unencrypted/);
    });

    it("flags ClearKey-only encryption and clear video as not DRM", async () => {
        const p = await plan();
        segment(endpoint(p, "football-uhd", "us-east-1")).encryption.spekeKeyProvider.drmSystems = ["CLEAR_KEY_AES_128"];
        segment(endpoint(p, "football-uhd", "us-west-2")).encryption.spekeKeyProvider.encryptionContractConfiguration.presetSpeke20Video = "UNENCRYPTED";
        const r = await runPolicyOnPlan(enforcePremiumDrm, p);
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations[0]!, /in us-east-1 belongs to a premium channel but names no DRM system \(CLEAR_KEY_AES_128\)/);
        assert.match(r.violations[1]!, /in us-west-2 belongs to a premium channel but leaves the video unencrypted \(PresetSpeke20Video UNENCRYPTED\)/);
    });

    it("treats channels the policy group lists as premium whatever their tags say", async () => {
        const p = await plan();
        delete find(p, T.mediaPackageChannel, "football-uhd", "us-east-1").outputs["tags"];
        delete segment(endpoint(p, "football-uhd", "us-east-1")).encryption;
        const r = await runPolicyOnPlan(enforcePremiumDrm, p, { premiumChannels: ["football-uhd", "hoops-hd"] });
        assert.deepStrictEqual(r.urns.sort(), [endpoint(p, "football-uhd", "us-east-1").urn, endpoint(p, "hoops-hd", "us-east-1").urn, endpoint(p, "hoops-hd", "us-west-2").urn].sort());
    });

    it("does not apply to channels that are not premium, or to a stack without MediaPackage", async () => {
        const p = await plan();
        for (const region of ["us-east-1", "us-west-2"]) {
            delete find(p, T.mediaPackageChannel, "football-uhd", region).outputs["tags"];
            delete segment(endpoint(p, "football-uhd", region)).encryption;
        }
        assert.deepStrictEqual((await runPolicyOnPlan(enforcePremiumDrm, p)).violations, []);
        const empty: PlanCapture = { project: "onair", stack: "test", resources: [], outputs: {} };
        assert.deepStrictEqual((await runPolicyOnPlan(enforcePremiumDrm, empty)).violations, []);
    });

    it("reads the premium tag as a list (aws-native) or a map (tags of other providers)", async () => {
        const p = await plan();
        find(p, T.mediaPackageChannel, "football-uhd", "us-east-1").outputs["tags"] = { [PREMIUM_TAG]: "true" };
        delete segment(endpoint(p, "football-uhd", "us-east-1")).encryption;
        assert.deepStrictEqual((await runPolicyOnPlan(enforcePremiumDrm, p)).urns, [endpoint(p, "football-uhd", "us-east-1").urn]);
    });

    it("counts a SPEKE configuration with one DRM system as protected", () => {
        assert.strictEqual(drmGap({ segment: {} }), "serves its segments unencrypted");
        assert.strictEqual(drmGap({ segment: { encryption: { spekeKeyProvider: { drmSystems: ["WIDEVINE"] } } } }), undefined);
    });
});
