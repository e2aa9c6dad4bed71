import * as assert from "assert";
import { configureMediaOriginGroups } from "../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-media-origin-groups";
import { configureQuotas } from "../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-quotas";
import { enableSourceFailover } from "../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-enable-source-failover";
import { enforceEpochLocking } from "../../policies/broadcast/medialive/channel/onair-medialive-channel-enforce-epoch-locking";
import { missingHeadObject } from "../../policies/broadcast/mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-missing-head-object";
import { enforcePrimaryOnlyErrors } from "../../policies/broadcast/stack/onair-stack-endpoints-enforce-primary-only-errors";
import { enforceIdenticalEncryption } from "../../policies/broadcast/stack/onair-stack-endpoints-enforce-identical-encryption";
import { enforceCrossRegion } from "../../policies/broadcast/stack/onair-stack-origingroups-enforce-cross-region";
import { broadcastPack } from "../../policies/broadcast/pack";
import { FixtureResource, fixtureUrn, runPolicy } from "../helpers/policyRunner";
import { T } from "../../policies/lib/types";
import { enableLogging } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enable-logging";
import { enforceProtectedCustomOrigins } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enforce-protected-custom-origins";
import { missingOriginAccessControl } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-origin-access-control";
import { missingWaf } from "../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-waf";
import { enforceSrtEncryption } from "../../policies/security/mediaconnect/flow/onair-mediaconnect-flow-enforce-srt-encryption";
import { disallowPublicAccess } from "../../policies/security/mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-disallow-public-access";
import { securityPack } from "../../policies/security/pack";
import { enforcePremiumDrm } from "../../policies/security/stack/onair-stack-endpoints-enforce-premium-drm";
import { UnknownValue } from "../../plan/resources";
import { clone, mediaConnectFlow, nativeDistribution, onairChannel, premiumDrm } from "./fixtures";

/**
 * Rules during a first preview: ids, ARNs and domains computed by resources not created yet are
 * unknown. A rule decides on what is known, treats an unknown reference as set (not missing), and
 * says it cannot decide (the SDK's UnknownValueError) only when its answer depends on the value.
 */
const U = UnknownValue.instance;
const preview = { preview: true };

/** The compliant distribution as a first preview sees it: origin domains, access control, web ACL and log bucket unknown. */
function previewDistribution(): FixtureResource {
    const d = nativeDistribution();
    const cfg = d.props.distributionConfig as any;
    for (const o of cfg.origins) {
        o.domainName = U;
        o.originAccessControlId = U;
    }
    cfg.webAclId = U;
    cfg.logging = { bucket: U, prefix: "cloudfront/" };
    return d;
}

describe("rules during a first preview (unknown ids, ARNs and domains)", () => {
    it("every distribution rule decides the compliant distribution, its references unknown", async () => {
        for (const policy of [missingOriginAccessControl, enforceProtectedCustomOrigins, configureMediaOriginGroups, configureQuotas, missingWaf, enableLogging]) {
            const r = await runPolicy(policy, [previewDistribution()], {}, preview);
            assert.deepStrictEqual([r.violations, r.undecided], [[], []], policy.name);
        }
    });

    it("an origin with no protection and an unknown domain is undecided, not passed; a legacy identity is decided", async () => {
        const d = previewDistribution();
        delete (d.props.distributionConfig as any).origins[0].originAccessControlId;
        for (const policy of [missingOriginAccessControl, enforceProtectedCustomOrigins]) {
            const r = await runPolicy(policy, [d], {}, preview);
            assert.deepStrictEqual(r.violations, [], policy.name);
            assert.deepStrictEqual(r.undecided, ["string value at .distributionConfig.origins.0.domainName can't be known during preview"], policy.name);
        }
        (d.props.distributionConfig as any).origins[0].s3OriginConfig = { originAccessIdentity: U };
        const r = await runPolicy(missingOriginAccessControl, [d], {}, preview);
        assert.match(r.violations[0]!, /origin "football-us-east-1" \(s3 domain not known until created\) uses a legacy origin access identity/);
    });

    it("a group set up for media quality is decided whatever its unknown members; one that is not is undecided", async () => {
        const d = previewDistribution();
        assert.deepStrictEqual((await runPolicy(configureMediaOriginGroups, [d], {}, preview)).undecided, []);
        (d.props.distributionConfig as any).originGroups.items[0].selectionCriteria = "default";
        const r = await runPolicy(configureMediaOriginGroups, [d], {}, preview);
        assert.deepStrictEqual([r.violations.length, r.undecided.length], [0, 1]);
    });

    it("an absent web ACL or log bucket is still a violation at preview", async () => {
        const d = previewDistribution();
        delete (d.props.distributionConfig as any).webAclId;
        delete (d.props.distributionConfig as any).logging;
        assert.strictEqual((await runPolicy(missingWaf, [d], {}, preview)).violations.length, 1);
        assert.strictEqual((await runPolicy(enableLogging, [d], {}, preview)).violations.length, 1);
    });

    it("the MediaLive rules judge a channel whose role, input and ingest URLs are unknown", async () => {
        const ch = onairChannel();
        const request = ch.props.request as any;
        request.RoleArn = U;
        request.InputAttachments[0].InputId = U;
        request.Destinations[0].Settings = [{ Url: U }, { Url: U }];
        request.ChannelClass = "SINGLE_PIPELINE";
        for (const policy of broadcastPack.policies.filter((p) => p.name.startsWith("onair-medialive-channel-") && "appliesTo" in p)) {
            const r = await runPolicy(policy, [ch], {}, preview);
            assert.deepStrictEqual(r.undecided, [], policy.name);
        }
        const single = broadcastPack.policies.find((p) => p.name === "onair-medialive-channel-disallow-single-pipeline")!;
        assert.strictEqual((await runPolicy(single, [ch], {}, preview)).violations.length, 1);
    });

    it("SRT encryption counts an unknown secret and role ARN as set; a missing one is a violation", async () => {
        const flow = mediaConnectFlow("srt-listener");
        (flow.props as any).source.decryption.secretArn = U;
        (flow.props as any).source.decryption.roleArn = U;
        assert.deepStrictEqual(await runPolicy(enforceSrtEncryption, [flow], {}, preview).then((r) => [r.violations, r.undecided]), [[], []]);
        delete (flow.props as any).source.decryption;
        assert.strictEqual((await runPolicy(enforceSrtEncryption, [flow], {}, preview)).violations.length, 1);
    });

    it("source failover finds a second source by the flow its unknown flowArn was computed from", async () => {
        const flow = mediaConnectFlow("srt-listener");
        (flow.props as any).sourceFailoverConfig = { state: "DISABLED" };
        flow.outputs = { ...clone(flow.props), flowArn: U };
        const extra: FixtureResource = { type: T.mediaConnectFlowSource, name: "second-isp", props: { name: "isp-2", flowArn: U }, propertyDependencies: { flowArn: [fixtureUrn(flow)] } };
        const r = await runPolicy(enableSourceFailover, [flow, extra], {}, preview);
        assert.match(r.violations[0]!, /has 2 sources but source failover is DISABLED/);
        const orphan = { ...extra, propertyDependencies: {} };
        assert.deepStrictEqual((await runPolicy(enableSourceFailover, [flow, orphan], {}, preview)).undecided, ["string value at .flowArn can't be known during preview"]);
    });

    it("an endpoint policy's unknown aws:SourceArn names the distribution it was computed from; with no such distribution it is undecided", async () => {
        const d = previewDistribution();
        const policy: FixtureResource = {
            type: T.mediaPackageOriginEndpointPolicy,
            name: "use1-game-endpoint-policy",
            props: {
                region: "us-east-1",
                channelGroupName: "g",
                channelName: "c",
                originEndpointName: "cmaf",
                policy: { Version: "2012-10-17", Statement: [{ Sid: "Cdn", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: ["mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"], Resource: U, Condition: { StringEquals: { "AWS:SourceArn": U } } }] },
            },
            propertyDependencies: { policy: [fixtureUrn(d)] },
        };
        assert.deepStrictEqual(await runPolicy(disallowPublicAccess, [d, policy], {}, preview).then((r) => [r.violations, r.undecided]), [[], []]);
        assert.strictEqual((await runPolicy(disallowPublicAccess, [d, { ...policy, propertyDependencies: {} }], {}, preview)).undecided.length, 1);
        // HEAD allowed: right wherever the endpoint sits, so decided without the origins' domains.
        assert.deepStrictEqual((await runPolicy(missingHeadObject, [d, policy], {}, preview)).undecided, []);
        (policy.props.policy as any).Statement[0].Action = ["mediapackagev2:GetObject"];
        assert.strictEqual((await runPolicy(missingHeadObject, [d, policy], {}, preview)).undecided.length, 1);
    });

    it("an epoch-locked channel is decided wherever it feeds; one that is not, feeding MediaPackage behind unknown origins, is undecided", async () => {
        const mp: FixtureResource = { type: T.mediaPackageChannel, name: "mp", props: { region: "us-east-1", channelGroupName: "test-season", channelName: "main-uhd" } };
        const ch = onairChannel();
        (ch.props.request as any).Destinations[0].Settings = [{ Url: U }, { Url: U }];
        ch.propertyDependencies = { request: [fixtureUrn(mp)] };
        assert.deepStrictEqual((await runPolicy(enforceEpochLocking, [previewDistribution(), mp, ch], {}, preview)).undecided, []);
        (ch.props.request as any).EncoderSettings.GlobalConfiguration.OutputLockingMode = "PIPELINE_LOCKING";
        assert.strictEqual((await runPolicy(enforceEpochLocking, [previewDistribution(), mp, ch], {}, preview)).undecided.length, 1);
    });

    it("which region an origin with an unknown domain reads from cannot be told at a first preview: the two region rules say so", async () => {
        // A distribution's origins are one property (distributionConfig), so the engine's
        // propertyDependencies list every channel group for all of them, not one per origin.
        const groups = ["us-east-1", "us-west-2"].map((region) => ({ type: T.mediaPackageChannelGroup, name: `group-${region}`, props: { region, channelGroupName: "test-season", egressDomain: U } }));
        const endpoint: FixtureResource = { type: T.mediaPackageOriginEndpoint, name: "ep", props: { region: "us-east-1", channelGroupName: "test-season", channelName: "c", originEndpointName: "cmaf", forceEndpointErrorConfiguration: { endpointErrorConditions: ["STALE_MANIFEST"] } } };
        for (const policy of [enforceCrossRegion, enforcePrimaryOnlyErrors]) {
            const r = await runPolicy(policy, [previewDistribution(), ...groups, endpoint], {}, preview);
            assert.deepStrictEqual(r.violations, [], policy.name);
            assert.match(r.undecided[0] ?? "", /domainName can't be known during preview/, policy.name);
        }
    });

    it("the DRM rules judge a premium channel's endpoints whose key-provider role ARN is unknown (the role is regional, not compared)", async () => {
        const both = [...premiumDrm("us-east-1", U), ...premiumDrm("us-west-2", U)];
        for (const policy of [enforceIdenticalEncryption, enforcePremiumDrm]) {
            assert.deepStrictEqual(await runPolicy(policy, both, {}, preview).then((r) => [r.violations, r.undecided]), [[], []], policy.name);
        }
        const rotated = await runPolicy(enforceIdenticalEncryption, [...premiumDrm("us-east-1", U), ...premiumDrm("us-west-2", U, 600)], {}, preview);
        assert.deepStrictEqual([rotated.violations.length, rotated.undecided], [1, []]);
        assert.match(rotated.violations[0]!, /in us-west-2 encrypts differently from us-east-1 \(key rotation interval 600 vs 300\)/);
        const clear: FixtureResource = { type: T.mediaPackageOriginEndpoint, name: "clip", props: { region: "us-east-1", channelGroupName: "ppv", channelName: "fight", originEndpointName: "clip", containerType: "CMAF", segment: { segmentDurationSeconds: 2 } } };
        const leak = await runPolicy(enforcePremiumDrm, [...both, clear], {}, preview);
        assert.deepStrictEqual([leak.violations.length, leak.undecided], [1, []]);
        assert.match(leak.violations[0]!, /ppv\/fight\/clip in us-east-1 belongs to a premium channel but serves its segments unencrypted/);
    });

    it("no rule of either pack fails with an error on unknown values (reading one is undecided, the SDK's way)", async () => {
        const everything = [previewDistribution(), onairChannel(), mediaConnectFlow("srt-listener"), ...premiumDrm("us-east-1", U), ...premiumDrm("us-west-2", U)];
        for (const policy of [...broadcastPack.policies, ...securityPack.policies]) await runPolicy(policy, everything, {}, preview);
    });
});
