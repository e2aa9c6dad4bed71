import * as assert from "assert";
import { enforceSigning } from "../../../../../policies/security/cloudfront/originaccesscontrol/onair-cloudfront-originaccesscontrol-enforce-signing";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses, violations } from "../../../../helpers/policyAssertions";
import { classicOac, nativeOac } from "../../../fixtures/cloudfront/originaccesscontrol";
import { mutate } from "../../../fixtures/fixture";

// signingBehavior: always (sign every request), never (sign none), no-override (keep a viewer's
// Authorization header); signingProtocol: sigv4 is the only protocol.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/APIReference/API_OriginAccessControlConfig.html
describe("onair-cloudfront-originaccesscontrol-enforce-signing", () => {
    it("passes access controls that sign every request (aws-native and aws)", async () => {
        await assertPasses(enforceSigning, [nativeOac(), classicOac()]);
    });
    it("flags one that never signs, and one that lets a viewer's Authorization header through unsigned", async () => {
        const v = await violations(enforceSigning, [
            mutate(nativeOac(), (p) => {
                p.originAccessControlConfig.signingBehavior = "never";
            }),
            mutate(classicOac(), (p) => {
                p.signingBehavior = "no-override";
            }),
        ]);
        assert.deepStrictEqual(v.sort(), [
            'CloudFront origin access control "assets-oac" (s3) has signingBehavior no-override, so requests carrying a viewer\'s Authorization header go unsigned and its origins are not protected; set signingBehavior to always.',
            'CloudFront origin access control "mediapackage-oac" (mediapackagev2) has signingBehavior never, so origin requests go unsigned and its origins are not protected; set signingBehavior to always.',
        ]);
    });
    it("flags a signing protocol other than sigv4", async () => {
        await assertOneViolation(
            enforceSigning,
            [
                mutate(classicOac(), (p) => {
                    p.signingProtocol = "sigv4a";
                }),
            ],
            /"assets-oac" \(s3\) signs with sigv4a; set signingProtocol/,
        );
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(enforceSigning);
    });
});
