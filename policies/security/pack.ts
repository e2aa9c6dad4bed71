import { PackDefinition } from "../lib/pack";
import { missingOriginAccessControl } from "./cloudfront/distribution/onair-cloudfront-distribution-missing-origin-access-control";

/** Content and origin protection: who can reach the media, and through which door. */
export const securityPack: PackDefinition = {
    name: "onair-security",
    dir: "security",
    description: "OnAir content and origin protection rules: origins reachable only through CloudFront, viewers only with valid tokens.",
    enforcementLevel: "advisory",
    policies: [missingOriginAccessControl],
};
