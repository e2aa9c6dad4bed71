import * as assert from "assert";
import { missingWaf } from "../../../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-waf";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses, violations } from "../../../../helpers/policyAssertions";
import { classicDistribution, nativeDistribution, previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate } from "../../../fixtures/fixture";

// AWS WAF protects a distribution through its web ACL (WebACLId, scope CLOUDFRONT).
// https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html
describe("onair-cloudfront-distribution-missing-waf", () => {
    it("passes distributions with a web ACL (aws-native and aws), also while its ARN is unknown", async () => {
        await assertPasses(missingWaf, [nativeDistribution(), classicDistribution()]);
        await assertPasses(missingWaf, [previewDistribution()], {}, { preview: true });
    });
    it("flags a distribution without one (aws-native and aws)", async () => {
        await assertOneViolation(
            missingWaf,
            [
                mutate(nativeDistribution(), (p) => {
                    delete p.distributionConfig.webAclId;
                }),
            ],
            /"delivery-distribution" has no web ACL/,
        );
        await assertOneViolation(
            missingWaf,
            [
                mutate(classicDistribution(), (p) => {
                    delete p.webAclId;
                }),
            ],
            /"classic-distribution" has no web ACL/,
        );
    });
    it("at preview, an absent web ACL is still a violation", async () => {
        const d = mutate(previewDistribution(), (p) => {
            delete p.distributionConfig.webAclId;
        });
        assert.strictEqual((await violations(missingWaf, [d], {}, { preview: true })).length, 1);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(missingWaf);
    });
});
