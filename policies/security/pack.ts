import { PackDefinition } from "../lib/pack";
import { configureMinimumTls } from "./cloudfront/distribution/onair-cloudfront-distribution-configure-minimum-tls";
import { enableLogging } from "./cloudfront/distribution/onair-cloudfront-distribution-enable-logging";
import { enforceProtectedCustomOrigins } from "./cloudfront/distribution/onair-cloudfront-distribution-enforce-protected-custom-origins";
import { enforceViewerHttps } from "./cloudfront/distribution/onair-cloudfront-distribution-enforce-viewer-https";
import { missingGeoRestriction } from "./cloudfront/distribution/onair-cloudfront-distribution-missing-geo-restriction";
import { missingOriginAccessControl } from "./cloudfront/distribution/onair-cloudfront-distribution-missing-origin-access-control";
import { missingWaf } from "./cloudfront/distribution/onair-cloudfront-distribution-missing-waf";
import { configureSize } from "./cloudfront/function/onair-cloudfront-function-configure-size";
import { enforceSigning } from "./cloudfront/originaccesscontrol/onair-cloudfront-originaccesscontrol-enforce-signing";
import { disallowWildcardAdmin } from "./iam/policy/onair-iam-policy-disallow-wildcard-admin";
import { enforceSrtEncryption } from "./mediaconnect/flow/onair-mediaconnect-flow-enforce-srt-encryption";
import { disallowPublicAccess } from "./mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-disallow-public-access";
import { enforcePremiumDrm } from "./stack/onair-stack-endpoints-enforce-premium-drm";

/** Content and origin protection: who can reach the media, and through which door. */
export const securityPack: PackDefinition = {
    name: "onair-security",
    dir: "security",
    description:
        "OnAir content and origin protection rules: origins reachable only through CloudFront, viewers only with valid tokens, contribution encrypted, least-privilege roles.",
    enforcementLevel: "advisory",
    policies: [
        missingOriginAccessControl,
        enforceSigning,
        enforceProtectedCustomOrigins,
        disallowPublicAccess,
        missingWaf,
        missingGeoRestriction,
        enforceViewerHttps,
        configureMinimumTls,
        enableLogging,
        configureSize,
        enforceSrtEncryption,
        disallowWildcardAdmin,
        enforcePremiumDrm,
    ],
};
