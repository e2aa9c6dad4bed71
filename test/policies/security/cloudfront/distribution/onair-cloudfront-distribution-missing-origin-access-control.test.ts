import * as assert from "assert";
import { originService } from "../../../../../policies/lib/origins";
import { missingOriginAccessControl } from "../../../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-origin-access-control";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { runPolicy } from "../../../../helpers/policyRunner";
import { classicDistribution, nativeDistribution, previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate, unknownValue } from "../../../fixtures/fixture";

// MediaPackage v2 and S3 origins are reached through an origin access control (OAC); the legacy
// origin access identity (OAI) is S3-only and superseded.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html
describe("onair-cloudfront-distribution-missing-origin-access-control", () => {
    it("classifies origin hostnames by service", () => {
        assert.strictEqual(originService("abc.egress.def.mediapackagev2.us-west-2.amazonaws.com"), "mediapackagev2");
        assert.strictEqual(originService("bucket.s3.us-east-1.amazonaws.com"), "s3");
        assert.strictEqual(originService("bucket.s3.amazonaws.com"), "s3");
        assert.strictEqual(originService("bucket.s3-website-us-east-1.amazonaws.com"), "custom");
        assert.strictEqual(originService("xyz.data.mediastore.us-east-1.amazonaws.com"), "mediastore");
        assert.strictEqual(originService("abcdefghij.lambda-url.us-east-1.on.aws"), "lambda-url");
        assert.strictEqual(originService("origin.example.com"), "custom");
    });
    it("passes OAC on MediaPackage v2 origins (aws-native) and S3 origins (aws), also while the ids are unknown", async () => {
        await assertPasses(missingOriginAccessControl, [nativeDistribution(), classicDistribution()]);
        await assertPasses(missingOriginAccessControl, [previewDistribution()], {}, { preview: true });
    });
    it("flags a MediaPackage v2 origin without OAC, naming the origin id", async () => {
        const d = mutate(nativeDistribution(), (p) => {
            delete p.distributionConfig.origins![1]!.originAccessControlId;
        });
        await assertOneViolation(
            missingOriginAccessControl,
            [d],
            /origin "mediapackage-us-west-2" \(mediapackagev2 .*\) has no origin access control; attach one \(type mediapackagev2, sigv4, always\)/,
        );
    });
    it("flags a legacy origin access identity on an S3 origin", async () => {
        const d = mutate(classicDistribution(), (p) => {
            const origin = p.origins[0]!;
            delete origin.originAccessControlId;
            origin.s3OriginConfig!.originAccessIdentity = "origin-access-identity/cloudfront/E1OAI";
        });
        await assertOneViolation(missingOriginAccessControl, [d], /uses a legacy origin access identity; replace it with an origin access control/);
    });
    it("ignores custom origins (covered by the custom-origin rule)", async () => {
        const d = mutate(classicDistribution(), (p) => {
            p.origins[0] = {
                originId: "onprem",
                domainName: "origin.example.com",
                customOriginConfig: { originProtocolPolicy: "https-only", httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"] },
            };
        });
        await assertPasses(missingOriginAccessControl, [d]);
    });
    it("at preview, an origin with no protection and an unknown domain is undecided, not passed; a legacy identity is decided", async () => {
        const d = mutate(previewDistribution(), (p) => {
            delete p.distributionConfig.origins![0]!.originAccessControlId;
        });
        const r = await runPolicy(missingOriginAccessControl, [d], {}, { preview: true });
        assert.deepStrictEqual(r.violations, []);
        assert.deepStrictEqual(r.undecided, ["string value at .distributionConfig.origins.0.domainName can't be known during preview"]);
        const legacy = mutate(d, (p) => {
            p.distributionConfig.origins![0]!.s3OriginConfig = { originAccessIdentity: unknownValue() };
        });
        const l = await runPolicy(missingOriginAccessControl, [legacy], {}, { preview: true });
        assert.match(l.violations[0]!, /origin "mediapackage-us-east-1" \(s3 domain not known until created\) uses a legacy origin access identity/);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(missingOriginAccessControl);
    });
});
