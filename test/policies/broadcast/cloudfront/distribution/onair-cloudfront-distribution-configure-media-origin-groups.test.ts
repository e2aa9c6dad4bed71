import * as assert from "assert";
import { configureMediaOriginGroups } from "../../../../../policies/broadcast/cloudfront/distribution/onair-cloudfront-distribution-configure-media-origin-groups";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { runPolicy } from "../../../../helpers/policyRunner";
import { classicDistribution, EGRESS, firstGroup, nativeDistribution, previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate } from "../../../fixtures/fixture";

// Origin groups over MediaPackage v2 origins select by media quality (SelectionCriteria
// media-quality-based) and must fail over on 404, which MediaPackage returns for stale input.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/media-quality-score.html
describe("onair-cloudfront-distribution-configure-media-origin-groups", () => {
    it("passes the distribution OnAir builds (media-quality-based groups failing over on 404) and one without groups", async () => {
        await assertPasses(configureMediaOriginGroups, [nativeDistribution(), classicDistribution()]);
    });
    it("flags default selection and a missing 404, naming the group", async () => {
        const d = mutate(nativeDistribution(), (p) => {
            const g = firstGroup(p);
            delete g.selectionCriteria;
            g.failoverCriteria.statusCodes = { quantity: 1, items: [503] };
        });
        await assertOneViolation(
            configureMediaOriginGroups,
            [d],
            /origin group "live-main-uhd" over MediaPackage v2 origins: selectionCriteria is default \(use media-quality-based\); failover codes \[503\] lack 404/,
        );
    });
    it("flags a MediaPackage origin group on aws.cloudfront.Distribution, which cannot select by quality", async () => {
        const d = mutate(classicDistribution(), (p) => {
            p.origins = [
                { originId: "east", domainName: EGRESS["us-east-1"], originAccessControlId: "x" },
                { originId: "west", domainName: EGRESS["us-west-2"], originAccessControlId: "x" },
            ];
            p.originGroups = [{ originId: "live", failoverCriteria: { statusCodes: [404] }, members: [{ originId: "east" }, { originId: "west" }] }];
        });
        await assertOneViolation(configureMediaOriginGroups, [d], /aws.cloudfront.Distribution cannot select by media quality/);
    });
    it("at preview, decides a group set up for media quality whatever its unknown members; one that is not is undecided", async () => {
        const d = previewDistribution();
        await assertPasses(configureMediaOriginGroups, [d], {}, { preview: true });
        const defaulted = mutate(d, (p) => {
            firstGroup(p).selectionCriteria = "default";
        });
        const r = await runPolicy(configureMediaOriginGroups, [defaulted], {}, { preview: true });
        assert.deepStrictEqual([r.violations.length, r.undecided.length], [0, 1]);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureMediaOriginGroups);
    });
});
