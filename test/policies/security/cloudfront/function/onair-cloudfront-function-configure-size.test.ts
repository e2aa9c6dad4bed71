import { configureSize } from "../../../../../policies/security/cloudfront/function/onair-cloudfront-function-configure-size";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { cloudFrontFunction } from "../../../fixtures/cloudfront/function";

// CloudFront Functions: function size at most 10 KB ("Quotas on CloudFront Functions").
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
describe("onair-cloudfront-function-configure-size", () => {
    it("passes OnAir's token check under a 5 KB budget", async () => {
        await assertPasses(configureSize, [cloudFrontFunction()], { maxBytes: 5120 });
    });
    it("flags code over the budget", async () => {
        await assertOneViolation(configureSize, [cloudFrontFunction("x".repeat(11000))], /is 11000 bytes; keep it within 10240 bytes/);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureSize);
    });
});
