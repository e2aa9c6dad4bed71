import { enforceViewerHttps } from "../../../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enforce-viewer-https";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { classicDistribution, nativeDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate } from "../../../fixtures/fixture";

// ViewerProtocolPolicy: allow-all, redirect-to-https or https-only, per cache behaviour.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
describe("onair-cloudfront-distribution-enforce-viewer-https", () => {
    it("passes https-only (OnAir's) and redirect-to-https", async () => {
        await assertPasses(enforceViewerHttps, [nativeDistribution(), classicDistribution()]);
    });
    it("flags a cache behaviour that allows plain HTTP, naming its path", async () => {
        const d = mutate(nativeDistribution(), (p) => {
            p.distributionConfig.cacheBehaviors![0]!.viewerProtocolPolicy = "allow-all";
        });
        const path = nativeDistribution().props.distributionConfig.cacheBehaviors![0]!.pathPattern.replace(/[*/]/g, (c) => `\\${c}`);
        await assertOneViolation(enforceViewerHttps, [d], new RegExp(`cache behaviour "${path}" allows viewers over allow-all`));
    });
    it("flags a default behaviour that allows plain HTTP", async () => {
        const d = mutate(classicDistribution(), (p) => {
            p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all";
        });
        await assertOneViolation(enforceViewerHttps, [d], /allows viewers over allow-all/);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(enforceViewerHttps);
    });
});
