import * as assert from "assert";
import { runPolicy } from "../../helpers/policyRunner";
import { originService } from "../../../policies/lib/origins";
import { missingOriginAccessControl } from "../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-origin-access-control";
import { classicDistribution, nativeDistribution, unrelated } from "../fixtures";

describe("security pack: onair-cloudfront-distribution-missing-origin-access-control", () => {
    it("classifies origin hostnames by service", () => {
        assert.strictEqual(originService("abc.egress.def.mediapackagev2.us-west-2.amazonaws.com"), "mediapackagev2");
        assert.strictEqual(originService("bucket.s3.us-east-1.amazonaws.com"), "s3");
        assert.strictEqual(originService("bucket.s3.amazonaws.com"), "s3");
        assert.strictEqual(originService("bucket.s3-website-us-east-1.amazonaws.com"), "custom");
        assert.strictEqual(originService("xyz.data.mediastore.us-east-1.amazonaws.com"), "mediastore");
        assert.strictEqual(originService("abcdefghij.lambda-url.us-east-1.on.aws"), "lambda-url");
        assert.strictEqual(originService("origin.example.com"), "custom");
    });
    it("passes OAC on MediaPackage v2 origins (aws-native) and S3 origins (aws)", async () => {
        assert.deepStrictEqual((await runPolicy(missingOriginAccessControl, [nativeDistribution(), classicDistribution()])).violations, []);
    });
    it("flags a MediaPackage v2 origin without OAC, naming the origin id", async () => {
        const d = nativeDistribution();
        delete (d.props.distributionConfig as any).origins[1].originAccessControlId;
        const r = await runPolicy(missingOriginAccessControl, [d]);
        assert.strictEqual(r.violations.length, 1);
        assert.match(r.violations[0]!, /origin "football-us-west-2" \(mediapackagev2 .*\) has no origin access control; attach one \(type mediapackagev2, sigv4, always\)/);
    });
    it("flags a legacy origin access identity on an S3 origin", async () => {
        const d = classicDistribution();
        const origin = (d.props.origins as any)[0];
        delete origin.originAccessControlId;
        origin.s3OriginConfig.originAccessIdentity = "origin-access-identity/cloudfront/E1OAI";
        assert.match((await runPolicy(missingOriginAccessControl, [d])).violations[0]!, /uses a legacy origin access identity; replace it with an origin access control/);
    });
    it("ignores custom origins (covered by the custom-origin rule)", async () => {
        const d = classicDistribution();
        (d.props.origins as any)[0] = { originId: "onprem", domainName: "origin.example.com", customOriginConfig: { originProtocolPolicy: "https-only" } };
        assert.deepStrictEqual((await runPolicy(missingOriginAccessControl, [d])).violations, []);
    });
    it("is not applicable to other types", async () => {
        assert.strictEqual((await runPolicy(missingOriginAccessControl, [unrelated()])).notApplicable.length, 1);
    });
});
