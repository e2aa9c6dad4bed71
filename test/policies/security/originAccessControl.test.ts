import * as assert from "assert";
import { runPolicy } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { enforceSigning } from "../../../policies/security/cloudfront/originaccesscontrol/onair-cloudfront-originaccesscontrol-enforce-signing";
import { unrelated } from "../fixtures";

// signingBehavior: always (sign every request), never (sign none), no-override (keep a viewer's
// Authorization header); signingProtocol: sigv4 is the only protocol.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/APIReference/API_OriginAccessControlConfig.html
const native = (signingBehavior: string) => ({
    type: T.cloudFrontOacNative,
    name: "mediapackage-oac",
    props: { originAccessControlConfig: { name: "onair-mp", originAccessControlOriginType: "mediapackagev2", signingBehavior, signingProtocol: "sigv4" } },
});
const classic = (signingBehavior: string) => ({
    type: T.cloudFrontOacClassic,
    name: "assets-oac",
    props: { name: "assets", originAccessControlOriginType: "s3", signingBehavior, signingProtocol: "sigv4" },
});

describe("security pack: onair-cloudfront-originaccesscontrol-enforce-signing", () => {
    it("passes access controls that sign every request (aws-native and aws)", async () => {
        assert.deepStrictEqual((await runPolicy(enforceSigning, [native("always"), classic("always")])).violations, []);
    });
    it("flags one that never signs, and one that lets a viewer's Authorization header through unsigned", async () => {
        const r = await runPolicy(enforceSigning, [native("never"), classic("no-override")]);
        assert.deepStrictEqual(r.violations.sort(), [
            'CloudFront origin access control "assets-oac" (s3) has signingBehavior no-override, so requests carrying a viewer\'s Authorization header go unsigned and its origins are not protected; set signingBehavior to always.',
            'CloudFront origin access control "mediapackage-oac" (mediapackagev2) has signingBehavior never, so origin requests go unsigned and its origins are not protected; set signingBehavior to always.',
        ]);
    });
    it("is not applicable to other types", async () => {
        assert.strictEqual((await runPolicy(enforceSigning, [unrelated()])).notApplicable.length, 1);
    });
});
