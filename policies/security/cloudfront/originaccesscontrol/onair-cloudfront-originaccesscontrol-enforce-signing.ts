import { resourcePolicy } from "../../../lib/policy";
import { field, str } from "../../../lib/props";
import { CLOUDFRONT_OAC_TYPES, T } from "../../../../contracts/resourceTypes";

/**
 * An origin access control that does not sign leaves the origin needing a
 * public policy, while every distribution using it reads as protected.
 */
export const enforceSigning = resourcePolicy(
    {
        name: "onair-cloudfront-originaccesscontrol-enforce-signing",
        description: "CloudFront origin access controls must sign every origin request (signingBehavior always, signingProtocol sigv4).",
        rationale:
            "Origin access control protects an origin only if CloudFront signs the requests the origin's policy checks. With signingBehavior never it signs nothing, and with no-override a viewer's own Authorization header reaches the origin unsigned; either way the origin must admit unsigned requests, and the distribution rules would count the access control as protection.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html",
        remediationSteps: "Set signingBehavior to always and signingProtocol to sigv4 on the origin access control.",
        appliesTo: CLOUDFRONT_OAC_TYPES,
    },
    (props, args, report) => {
        // aws-native nests the settings under originAccessControlConfig; aws (Terraform) is flat.
        const cfg = args.type === T.cloudFrontOacNative ? field(props, "originAccessControlConfig") : props;
        const behavior = str(field(cfg, "signingBehavior"));
        const protocol = str(field(cfg, "signingProtocol"));
        const type = str(field(cfg, "originAccessControlOriginType")) ?? "unknown type";
        if (behavior !== "always") {
            report(
                `CloudFront origin access control "${args.name}" (${type}) has signingBehavior ${behavior ?? "unset"}, so ${behavior === "no-override" ? "requests carrying a viewer's Authorization header" : "origin requests"} go unsigned and its origins are not protected; set signingBehavior to always.`,
            );
        }
        if (protocol !== undefined && protocol !== "sigv4") {
            report(`CloudFront origin access control "${args.name}" (${type}) signs with ${protocol}; set signingProtocol to sigv4.`);
        }
    },
);
