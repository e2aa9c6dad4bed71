import * as assert from "assert";
import { enforceIdenticalEncryption } from "../../../policies/broadcast/stack/onair-stack-endpoints-enforce-identical-encryption";
import { enforceMultiRegion } from "../../../policies/broadcast/stack/onair-stack-channels-enforce-multi-region";
import { runPolicyOnPlan } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { CapturedResource, PlanCapture } from "../../../plan/resources";
import { prodPlan } from "../../helpers/plan";

/** A fresh copy of the prod plan, whose UHD channel is encrypted in both regions. */
async function plan(): Promise<PlanCapture> {
    return JSON.parse(JSON.stringify(await prodPlan())) as PlanCapture;
}

function endpoint(p: PlanCapture, channel: string, region: string): CapturedResource {
    const r = p.resources.find((x) => x.type === T.mediaPackageOriginEndpoint && x.name.includes(channel) && x.region === region);
    if (!r) throw new Error(`no endpoint for ${channel} in ${region}`);
    return r;
}

function enc(r: CapturedResource): any {
    return (r.outputs["segment"] as any).encryption;
}

describe("onair-stack-endpoints-enforce-identical-encryption", function () {
    it("passes the prod plan, whose regions differ only in key provider URL and role", async () => {
        const p = await plan();
        const [east, west] = [enc(endpoint(p, "football-uhd", "us-east-1")), enc(endpoint(p, "football-uhd", "us-west-2"))];
        assert.notStrictEqual(east.spekeKeyProvider.url, west.spekeKeyProvider.url);
        assert.notStrictEqual(east.spekeKeyProvider.roleArn, west.spekeKeyProvider.roleArn);
        assert.deepStrictEqual((await runPolicyOnPlan(enforceIdenticalEncryption, p)).violations, []);
    });

    it("flags a region whose resource id differs, naming the field and both values", async () => {
        const p = await plan();
        const west = endpoint(p, "football-uhd", "us-west-2");
        enc(west).spekeKeyProvider.resourceId = "rsn-2026-27-football-uhd-west";
        const r = await runPolicyOnPlan(enforceIdenticalEncryption, p);
        assert.deepStrictEqual(r.urns, [west.urn]);
        assert.strictEqual(r.violations[0], 'MediaPackage v2 endpoint rsn-2026-27/football-uhd/cmaf in us-west-2 encrypts differently from us-east-1 (resource id "rsn-2026-27-football-uhd-west" vs "rsn-2026-27-football-uhd"); players could not decrypt segments after a failover, so use one drm definition for every region.');
    });

    it("flags a region with other DRM systems, presets, rotation, method or IV", async () => {
        const changes: [string, (e: any) => void, RegExp][] = [
            ["systems", (e) => { e.spekeKeyProvider.drmSystems = ["WIDEVINE", "PLAYREADY"]; }, /DRM systems \["PLAYREADY","WIDEVINE"\] vs \["FAIRPLAY","PLAYREADY","WIDEVINE"\]/],
            ["video preset", (e) => { e.spekeKeyProvider.encryptionContractConfiguration.presetSpeke20Video = "PRESET_VIDEO_1"; }, /video preset "PRESET_VIDEO_1" vs "PRESET_VIDEO_3"/],
            ["audio preset", (e) => { e.spekeKeyProvider.encryptionContractConfiguration.presetSpeke20Audio = "PRESET_AUDIO_2"; }, /audio preset "PRESET_AUDIO_2" vs "PRESET_AUDIO_1"/],
            ["rotation", (e) => { e.keyRotationIntervalSeconds = 1800; }, /key rotation interval 1800 vs 3600/],
            ["no rotation", (e) => { delete e.keyRotationIntervalSeconds; }, /key rotation interval null vs 3600/],
            ["method", (e) => { e.encryptionMethod.cmafEncryptionMethod = "CENC"; }, /encryption method \{"cmafEncryptionMethod":"CENC"\} vs \{"cmafEncryptionMethod":"CBCS"\}/],
            ["IV", (e) => { delete e.constantInitializationVector; }, /constant IV null vs "[0-9A-F]{32}"/],
        ];
        for (const [what, change, says] of changes) {
            const p = await plan();
            const west = endpoint(p, "football-uhd", "us-west-2");
            change(enc(west));
            const r = await runPolicyOnPlan(enforceIdenticalEncryption, p);
            assert.deepStrictEqual(r.urns, [west.urn], what);
            assert.match(r.violations[0]!, says, what);
        }
    });

    it("compares DRM systems as a set: their order does not change the keys", async () => {
        const p = await plan();
        enc(endpoint(p, "football-uhd", "us-west-2")).spekeKeyProvider.drmSystems = ["FAIRPLAY", "WIDEVINE", "PLAYREADY"];
        assert.deepStrictEqual((await runPolicyOnPlan(enforceIdenticalEncryption, p)).violations, []);
    });

    it("flags an endpoint encrypted in one region and clear in the other, whichever region is clear", async () => {
        for (const clearRegion of ["us-west-2", "us-east-1"]) {
            const p = await plan();
            const clear = endpoint(p, "football-uhd", clearRegion);
            delete (clear.outputs["segment"] as any).encryption;
            const r = await runPolicyOnPlan(enforceIdenticalEncryption, p);
            assert.strictEqual(r.violations.length, 1, clearRegion);
            const encrypted = clearRegion === "us-east-1" ? "us-west-2" : "us-east-1";
            assert.match(r.violations[0]!, new RegExp(`rsn-2026-27/football-uhd/cmaf is encrypted in ${encrypted} but not in ${clearRegion}`));
        }
    });

    it("does not apply to clear channels, to endpoints in one region only, or to a stack without endpoints", async () => {
        const p = await plan();
        // One region only: nothing to compare (onair-stack-channels-enforce-multi-region flags that).
        p.resources = p.resources.filter((r) => !(r.type === T.mediaPackageOriginEndpoint && r.region === "us-west-2" && r.name.includes("football-uhd")));
        assert.deepStrictEqual((await runPolicyOnPlan(enforceIdenticalEncryption, p)).violations, []);
        const empty: PlanCapture = { project: "onair", stack: "test", resources: [], outputs: {} };
        assert.deepStrictEqual((await runPolicyOnPlan(enforceIdenticalEncryption, empty)).violations, []);
    });
});

describe("onair-stack-channels-enforce-multi-region with encrypted endpoints", function () {
    it("leaves segment encryption to the encryption rule (regional URL and role are expected) but still compares the rest of the segment", async () => {
        const p = await plan();
        const west = endpoint(p, "football-uhd", "us-west-2");
        enc(west).spekeKeyProvider.resourceId = "something-else";
        assert.deepStrictEqual((await runPolicyOnPlan(enforceMultiRegion, p)).violations, []);
        (west.outputs["segment"] as any).segmentDurationSeconds = 4;
        assert.match((await runPolicyOnPlan(enforceMultiRegion, p)).violations[0]!, /rsn-2026-27\/football-uhd\/cmaf in us-west-2 differs from us-east-1/);
    });
});
