import { configureMinimumTls } from "../../../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-configure-minimum-tls";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { classicDistribution, nativeDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate } from "../../../fixtures/fixture";

// Security policies (MinimumProtocolVersion) from SSLv3 to TLSv1.3_2025; the default
// *.cloudfront.net certificate allows TLSv1 ("Supported protocols and ciphers between viewers and
// CloudFront").
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
describe("onair-cloudfront-distribution-configure-minimum-tls", () => {
    it("passes an ACM certificate with TLSv1.2_2021 (aws-native and aws)", async () => {
        await assertPasses(configureMinimumTls, [nativeDistribution(), classicDistribution()]);
    });
    it("flags the default certificate", async () => {
        const d = mutate(classicDistribution(), (p) => {
            p.viewerCertificate = { cloudfrontDefaultCertificate: true };
        });
        await assertOneViolation(configureMinimumTls, [d], /uses the default CloudFront certificate, which accepts TLS 1.0/);
    });
    it("flags weaker policies, and policies below a configured minimum", async () => {
        const d = mutate(nativeDistribution(), (p) => {
            p.distributionConfig.viewerCertificate!.minimumProtocolVersion = "TLSv1.1_2016";
        });
        await assertOneViolation(configureMinimumTls, [d], /accepts viewers down to TLSv1.1_2016; set minimumProtocolVersion to TLSv1.2_2021 or later/);
        await assertOneViolation(
            configureMinimumTls,
            [nativeDistribution()],
            /accepts viewers down to TLSv1.2_2021; set minimumProtocolVersion to TLSv1.3_2025 or later/,
            { minimumProtocolVersion: "TLSv1.3_2025" },
        );
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureMinimumTls);
    });
});
