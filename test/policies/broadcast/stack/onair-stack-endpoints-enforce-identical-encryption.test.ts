import * as assert from "assert";
import { enforceIdenticalEncryption } from "../../../../policies/broadcast/stack/onair-stack-endpoints-enforce-identical-encryption";
import { T } from "../../../../contracts/resourceTypes";
import { assertPasses, assertPlanPasses } from "../../../helpers/policyAssertions";
import { runPolicy, runPolicyOnPlan } from "../../../helpers/policyRunner";
import { unknownValue, unrelated } from "../../fixtures/fixture";
import { premiumDrm } from "../../fixtures/mediapackagev2/originendpoint";
import { emptyPlan, encryptionOf, endpoint, plan, state } from "../../fixtures/stack/plan";

type Encryption = ReturnType<typeof encryptionOf>;

// After a cross-region failover players keep the keys they have: every region must encrypt with
// the same method, key (SPEKE resource id), systems and presets; only each region's key provider
// URL and role differ ("Cross-region failover"; SPEKE v2 presets in "Encryption").
// https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html
describe("onair-stack-endpoints-enforce-identical-encryption", function () {
    it("passes the prod plan, whose regions differ only in key provider URL and role", async () => {
        const p = await plan();
        const [east, west] = [encryptionOf(endpoint(p, "football-uhd", "us-east-1")), encryptionOf(endpoint(p, "football-uhd", "us-west-2"))];
        assert.notStrictEqual(east.spekeKeyProvider.url, west.spekeKeyProvider.url);
        assert.notStrictEqual(east.spekeKeyProvider.roleArn, west.spekeKeyProvider.roleArn);
        await assertPlanPasses(enforceIdenticalEncryption, p);
    });
    it("flags a region whose resource id differs, naming the field and both values", async () => {
        const p = await plan();
        const west = endpoint(p, "football-uhd", "us-west-2");
        encryptionOf(west).spekeKeyProvider.resourceId = "rsn-2026-27-football-uhd-west";
        const r = await runPolicyOnPlan(enforceIdenticalEncryption, p);
        assert.deepStrictEqual(r.urns, [west.urn]);
        assert.strictEqual(
            r.violations[0],
            'MediaPackage v2 endpoint rsn-2026-27/football-uhd/cmaf in us-west-2 encrypts differently from us-east-1 (resource id "rsn-2026-27-football-uhd-west" vs "rsn-2026-27-football-uhd"); players could not decrypt segments after a failover, so use one drm definition for every region.',
        );
    });
    it("flags a region with other DRM systems, presets, rotation, method or IV", async () => {
        const changes: [string, (e: Encryption) => void, RegExp][] = [
            [
                "systems",
                (e) => {
                    e.spekeKeyProvider.drmSystems = ["WIDEVINE", "PLAYREADY"];
                },
                /DRM systems \["PLAYREADY","WIDEVINE"\] vs \["FAIRPLAY","PLAYREADY","WIDEVINE"\]/,
            ],
            [
                "video preset",
                (e) => {
                    e.spekeKeyProvider.encryptionContractConfiguration.presetSpeke20Video = "PRESET_VIDEO_1";
                },
                /video preset "PRESET_VIDEO_1" vs "PRESET_VIDEO_3"/,
            ],
            [
                "audio preset",
                (e) => {
                    e.spekeKeyProvider.encryptionContractConfiguration.presetSpeke20Audio = "PRESET_AUDIO_2";
                },
                /audio preset "PRESET_AUDIO_2" vs "PRESET_AUDIO_1"/,
            ],
            [
                "rotation",
                (e) => {
                    e.keyRotationIntervalSeconds = 1800;
                },
                /key rotation interval 1800 vs 3600/,
            ],
            [
                "no rotation",
                (e) => {
                    delete e.keyRotationIntervalSeconds;
                },
                /key rotation interval null vs 3600/,
            ],
            [
                "method",
                (e) => {
                    e.encryptionMethod.cmafEncryptionMethod = "CENC";
                },
                /encryption method \{"cmafEncryptionMethod":"CENC"\} vs \{"cmafEncryptionMethod":"CBCS"\}/,
            ],
            [
                "IV",
                (e) => {
                    delete e.constantInitializationVector;
                },
                /constant IV null vs "[0-9A-F]{32}"/,
            ],
        ];
        for (const [what, change, says] of changes) {
            const p = await plan();
            const west = endpoint(p, "football-uhd", "us-west-2");
            change(encryptionOf(west));
            const r = await runPolicyOnPlan(enforceIdenticalEncryption, p);
            assert.deepStrictEqual(r.urns, [west.urn], what);
            assert.match(r.violations[0]!, says, what);
        }
    });
    it("compares DRM systems as a set: their order does not change the keys", async () => {
        const p = await plan();
        encryptionOf(endpoint(p, "football-uhd", "us-west-2")).spekeKeyProvider.drmSystems = ["FAIRPLAY", "WIDEVINE", "PLAYREADY"];
        await assertPlanPasses(enforceIdenticalEncryption, p);
    });
    it("flags an endpoint encrypted in one region and clear in the other, whichever region is clear", async () => {
        for (const clearRegion of ["us-west-2", "us-east-1"]) {
            const p = await plan();
            delete state.endpoint(endpoint(p, "football-uhd", clearRegion)).segment!.encryption;
            const r = await runPolicyOnPlan(enforceIdenticalEncryption, p);
            assert.strictEqual(r.violations.length, 1, clearRegion);
            const encrypted = clearRegion === "us-east-1" ? "us-west-2" : "us-east-1";
            assert.match(r.violations[0]!, new RegExp(`rsn-2026-27/football-uhd/cmaf is encrypted in ${encrypted} but not in ${clearRegion}`));
        }
    });
    it("at preview, judges endpoints whose key-provider role ARN is unknown (the role is regional, not compared)", async () => {
        const U = unknownValue();
        await assertPasses(enforceIdenticalEncryption, [...premiumDrm("us-east-1", U), ...premiumDrm("us-west-2", U)], {}, { preview: true });
        const rotated = await runPolicy(enforceIdenticalEncryption, [...premiumDrm("us-east-1", U), ...premiumDrm("us-west-2", U, 600)], {}, { preview: true });
        assert.deepStrictEqual([rotated.violations.length, rotated.undecided], [1, []]);
        assert.match(rotated.violations[0]!, /in us-west-2 encrypts differently from us-east-1 \(key rotation interval 600 vs 300\)/);
    });
    it("does not apply to clear channels, to endpoints in one region only, or to a stack without endpoints", async () => {
        const p = await plan();
        // One region only: nothing to compare (onair-stack-channels-enforce-multi-region flags that).
        p.resources = p.resources.filter((r) => !(r.type === T.mediaPackageOriginEndpoint && r.region === "us-west-2" && r.name.includes("football-uhd")));
        await assertPlanPasses(enforceIdenticalEncryption, p);
        await assertPlanPasses(enforceIdenticalEncryption, emptyPlan());
        await assertPasses(enforceIdenticalEncryption, [unrelated()]);
    });
});
