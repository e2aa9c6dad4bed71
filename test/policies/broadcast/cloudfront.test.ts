import * as assert from "assert";
import { configureMediaOriginGroups } from "../../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-media-origin-groups";
import { configureQuotas } from "../../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-quotas";
import { enforceMqcsSwitching } from "../../../policies/broadcast/mediapackagev2/channel/onair-mediapackagev2-channel-enforce-mqcs-switching";
import { runPolicy } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { packagingChannelArgs } from "../../../components/media/packaging/mediapackage";
import { channelConfig, classicDistribution, clone, nativeDistribution, unrelated } from "../fixtures";

describe("broadcast pack: MediaPackage v2 and CloudFront rules", () => {
    describe("onair-mediapackagev2-channel-enforce-mqcs-switching", () => {
        const channel = () => ({ type: T.mediaPackageChannel, name: "use1-main-uhd-mp-channel", props: clone(packagingChannelArgs("test-season", channelConfig())) as unknown as Record<string, unknown> });
        it("passes the channel OnAir builds", async () => {
            assert.deepStrictEqual((await runPolicy(enforceMqcsSwitching, [channel()])).violations, []);
        });
        it("flags HLS input, switching off and unpublished MQCS in one message", async () => {
            const c = channel();
            c.props["inputType"] = "HLS";
            c.props["inputSwitchConfiguration"] = { mqcsInputSwitching: false };
            delete c.props["outputHeaderConfiguration"];
            const r = await runPolicy(enforceMqcsSwitching, [c]);
            assert.match(r.violations[0]!, /inputType is HLS \(use CMAF\); MQCS input switching is off; MQCS is not published to the CDN/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(enforceMqcsSwitching, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-cloudfront-distribution-configure-media-origin-groups", () => {
        it("passes a media-quality-based group failing over on 404", async () => {
            assert.deepStrictEqual((await runPolicy(configureMediaOriginGroups, [nativeDistribution(), classicDistribution()])).violations, []);
        });
        it("flags default selection and a missing 404, naming the group", async () => {
            const d = nativeDistribution();
            const g = (d.props.distributionConfig as any).originGroups.items[0];
            delete g.selectionCriteria;
            g.failoverCriteria.statusCodes = { quantity: 1, items: [503] };
            assert.match((await runPolicy(configureMediaOriginGroups, [d])).violations[0]!, /origin group "football" over MediaPackage v2 origins: selectionCriteria is default \(use media-quality-based\); failover codes \[503\] lack 404/);
        });
        it("flags a MediaPackage origin group on aws.cloudfront.Distribution, which cannot select by quality", async () => {
            const d = classicDistribution();
            d.props.origins = [
                { originId: "east", domainName: "a.egress.b.mediapackagev2.us-east-1.amazonaws.com", originAccessControlId: "x" },
                { originId: "west", domainName: "c.egress.d.mediapackagev2.us-west-2.amazonaws.com", originAccessControlId: "x" },
            ];
            d.props.originGroups = [{ originId: "live", failoverCriteria: { statusCodes: [404] }, members: [{ originId: "east" }, { originId: "west" }] }];
            assert.match((await runPolicy(configureMediaOriginGroups, [d])).violations[0]!, /aws.cloudfront.Distribution cannot select by media quality/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(configureMediaOriginGroups, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-cloudfront-distribution-configure-quotas", () => {
        it("passes a distribution within the default quotas", async () => {
            assert.deepStrictEqual((await runPolicy(configureQuotas, [nativeDistribution()])).violations, []);
        });
        it("flags more origin groups than the account allows", async () => {
            const d = nativeDistribution();
            const cfg = d.props.distributionConfig as any;
            cfg.originGroups.items = Array.from({ length: 12 }, (_, i) => ({ ...cfg.originGroups.items[0], id: `g${i}` }));
            assert.match((await runPolicy(configureQuotas, [d])).violations[0]!, /has 12 origin groups \(quota 10\); request a quota increase/);
            assert.deepStrictEqual((await runPolicy(configureQuotas, [d], { maxOriginGroups: 40 })).violations, []);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(configureQuotas, [unrelated()])).notApplicable.length, 1);
        });
    });
});
