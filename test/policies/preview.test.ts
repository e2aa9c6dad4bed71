import * as assert from "assert";
import { configureMediaOriginGroups } from "../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-media-origin-groups";
import { configureQuotas } from "../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-quotas";
import { broadcastPack } from "../../policies/broadcast/pack";
import { enableLogging } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enable-logging";
import { enforceProtectedCustomOrigins } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enforce-protected-custom-origins";
import { missingOriginAccessControl } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-origin-access-control";
import { missingWaf } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-waf";
import { securityPack } from "../../policies/security/pack";
import { runPolicy } from "../helpers/policyRunner";
import { previewDistribution } from "./fixtures/cloudfront/distribution";
import { mutate, unknownValue } from "./fixtures/fixture";
import { mediaConnectFlow } from "./fixtures/mediaconnect/flow";
import { onairChannel } from "./fixtures/medialive/channel";
import { premiumDrm } from "./fixtures/mediapackagev2/originendpoint";

/**
 * Rules during a first preview, across the packs: ids, ARNs and domains computed by resources not
 * created yet are unknown. A rule decides on what is known, treats an unknown reference as set
 * (not missing), and says it cannot decide (the SDK's UnknownValueError) only when its answer
 * depends on the value. Each rule's own preview cases live in its test file
 * (test/policies/<pack>/<service>/<resource>/<rule>.test.ts).
 */
const preview = { preview: true };

describe("rules during a first preview (unknown ids, ARNs and domains)", () => {
    it("every distribution rule decides the compliant distribution, its references unknown", async () => {
        for (const policy of [
            missingOriginAccessControl,
            enforceProtectedCustomOrigins,
            configureMediaOriginGroups,
            configureQuotas,
            missingWaf,
            enableLogging,
        ]) {
            const r = await runPolicy(policy, [previewDistribution()], {}, preview);
            assert.deepStrictEqual([r.violations, r.undecided], [[], []], policy.name);
        }
    });

    it("the MediaLive rules judge a channel whose role, input and ingest URLs are unknown", async () => {
        const ch = mutate(onairChannel(), (p) => {
            p.request.RoleArn = unknownValue();
            p.request.InputAttachments![0]!.InputId = unknownValue();
            p.request.Destinations![0]!.Settings = [{ Url: unknownValue() }, { Url: unknownValue() }];
            p.request.ChannelClass = "SINGLE_PIPELINE";
        });
        for (const policy of broadcastPack.policies.filter((p) => p.name.startsWith("onair-medialive-channel-") && "appliesTo" in p)) {
            const r = await runPolicy(policy, [ch], {}, preview);
            assert.deepStrictEqual(r.undecided, [], policy.name);
        }
        const single = broadcastPack.policies.find((p) => p.name === "onair-medialive-channel-disallow-single-pipeline")!;
        assert.strictEqual((await runPolicy(single, [ch], {}, preview)).violations.length, 1);
    });

    it("no rule of either pack fails with an error on unknown values (reading one is undecided, the SDK's way)", async () => {
        const everything = [
            previewDistribution(),
            onairChannel(),
            mediaConnectFlow("srt-listener"),
            ...premiumDrm("us-east-1", unknownValue()),
            ...premiumDrm("us-west-2", unknownValue()),
        ];
        for (const policy of [...broadcastPack.policies, ...securityPack.policies]) await runPolicy(policy, everything, {}, preview);
    });
});
