import { configureQuotas } from "../../../../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-quotas";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { firstGroup, nativeDistribution, previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate } from "../../../fixtures/fixture";

// Default quotas per distribution: 10 origin groups, 75 cache behaviours, 100 origins (adjustable;
// the rule's settings carry the account's values); "Quotas on distributions".
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
describe("onair-cloudfront-distribution-configure-quotas", () => {
    it("passes the distribution OnAir builds, within the default quotas, also at preview", async () => {
        await assertPasses(configureQuotas, [nativeDistribution()]);
        await assertPasses(configureQuotas, [previewDistribution()], {}, { preview: true });
    });
    it("flags more origin groups than the account allows, unless its quota is raised", async () => {
        const d = mutate(nativeDistribution(), (p) => {
            const g = firstGroup(p);
            p.distributionConfig.originGroups = { quantity: 12, items: Array.from({ length: 12 }, (_, i) => ({ ...g, id: `g${i}` })) };
        });
        await assertOneViolation(configureQuotas, [d], /has 12 origin groups \(quota 10\); request a quota increase/);
        await assertPasses(configureQuotas, [d], { maxOriginGroups: 40 });
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureQuotas);
    });
});
