import { GEO_REQUIRED_TAG } from "../../../../../contracts/tags";
import { missingGeoRestriction } from "../../../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-geo-restriction";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { nativeDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate } from "../../../fixtures/fixture";

const open = (d = nativeDistribution()) =>
    mutate(d, (p) => {
        p.distributionConfig.restrictions = { geoRestriction: { restrictionType: "none" } };
    });
const untagged = () =>
    mutate(nativeDistribution(), (p) => {
        delete p.tags;
    });

// GeoRestriction: restrictionType whitelist / blacklist with country codes, or none.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html
describe("onair-cloudfront-distribution-missing-geo-restriction", () => {
    it("passes the tagged distribution OnAir builds (country allow-list), and untagged ones without", async () => {
        await assertPasses(missingGeoRestriction, [nativeDistribution(), open(untagged())]);
    });
    it(`flags a distribution tagged ${GEO_REQUIRED_TAG} without a restriction`, async () => {
        await assertOneViolation(missingGeoRestriction, [open()], /must be geo-restricted but has restrictionType none/);
    });
    it("requires it everywhere when configured to", async () => {
        const d = mutate(untagged(), (p) => {
            delete p.distributionConfig.restrictions;
        });
        await assertPasses(missingGeoRestriction, [d]);
        await assertOneViolation(missingGeoRestriction, [d], /must be geo-restricted but has restrictionType unset/, { alwaysRequired: true });
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(missingGeoRestriction);
    });
});
