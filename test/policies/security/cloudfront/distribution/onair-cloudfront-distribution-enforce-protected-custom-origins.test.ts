import * as assert from "assert";
import { enforceProtectedCustomOrigins } from "../../../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enforce-protected-custom-origins";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { runPolicy } from "../../../../helpers/policyRunner";
import { classicDistribution, nativeDistribution, previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate } from "../../../fixtures/fixture";

// Custom origins are protected by a VPC origin (private), or HTTPS plus a secret custom header
// the origin checks ("Restrict access to files on custom origins").
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-overview.html
describe("onair-cloudfront-distribution-enforce-protected-custom-origins", () => {
    it("passes VPC origins, secret-header HTTPS origins and AWS origins", async () => {
        const d = mutate(nativeDistribution(), (p) => {
            p.distributionConfig.origins!.push(
                { id: "stats", domainName: "internal-stats.us-east-1.elb.amazonaws.com", vpcOriginConfig: { vpcOriginId: "vo_1" } },
                {
                    id: "graphics",
                    domainName: "graphics.venue.example.net",
                    customOriginConfig: { originProtocolPolicy: "https-only" },
                    originCustomHeaders: [{ headerName: "X-Origin-Verify", headerValue: "[secret]" }],
                },
            );
        });
        await assertPasses(enforceProtectedCustomOrigins, [d, classicDistribution()]);
        await assertPasses(enforceProtectedCustomOrigins, [previewDistribution()], {}, { preview: true });
    });
    it("flags a public custom origin over HTTP without a secret header", async () => {
        const d = mutate(classicDistribution(), (p) => {
            p.origins.push({
                originId: "onprem",
                domainName: "origin.example.com",
                customOriginConfig: { originProtocolPolicy: "match-viewer", httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"] },
            });
        });
        await assertOneViolation(
            enforceProtectedCustomOrigins,
            [d],
            /custom origin "onprem" \(origin.example.com\) is not protected: originProtocolPolicy is match-viewer \(use https-only\); no secret origin header/,
        );
    });
    it("at preview, an origin with no protection and an unknown domain is undecided, not passed", async () => {
        const d = mutate(previewDistribution(), (p) => {
            delete p.distributionConfig.origins![0]!.originAccessControlId;
        });
        const r = await runPolicy(enforceProtectedCustomOrigins, [d], {}, { preview: true });
        assert.deepStrictEqual(r.violations, []);
        assert.deepStrictEqual(r.undecided, ["string value at .distributionConfig.origins.0.domainName can't be known during preview"]);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(enforceProtectedCustomOrigins);
    });
});
