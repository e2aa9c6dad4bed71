import { distributionView } from "../../../lib/cloudfront";
import { resourcePolicy } from "../../../lib/policy";
import { CLOUDFRONT_DISTRIBUTION_TYPES } from "../../../../contracts/resourceTypes";

interface Config {
    minimumProtocolVersion: string;
}

/** CloudFront security policies from weakest to strongest. */
export const TLS_ORDER = ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];

/**
 * TLS 1.0/1.1 and weak ciphers are broken; the default CloudFront certificate
 * also allows them.
 */
export const configureMinimumTls = resourcePolicy<Config>(
    {
        name: "onair-cloudfront-distribution-configure-minimum-tls",
        description: "CloudFront distributions must use a custom certificate with a viewer security policy at least as strong as the configured minimum.",
        rationale:
            "The viewer security policy decides which TLS versions and ciphers CloudFront accepts. The default *.cloudfront.net certificate allows TLS 1.0; a custom certificate with TLSv1.2_2021 or later keeps tokens and media on modern TLS.",
        severity: "medium",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
        remediationSteps: "Attach an ACM certificate (us-east-1) with sslSupportMethod sni-only and minimumProtocolVersion TLSv1.2_2021 or later.",
        appliesTo: CLOUDFRONT_DISTRIBUTION_TYPES,
        configSchema: {
            properties: {
                minimumProtocolVersion: { type: "string", enum: TLS_ORDER, default: "TLSv1.2_2021", description: "Weakest viewer security policy accepted." },
            },
        },
    },
    (props, args, report, config) => {
        const view = distributionView(args.type, props);
        if (view.usesDefaultCertificate) {
            report(
                `CloudFront distribution "${args.name}" uses the default CloudFront certificate, which accepts TLS 1.0; attach an ACM certificate with minimumProtocolVersion ${config.minimumProtocolVersion} or later.`,
            );
            return;
        }
        const got = TLS_ORDER.indexOf(view.minimumProtocolVersion ?? "");
        if (got < TLS_ORDER.indexOf(config.minimumProtocolVersion)) {
            report(
                `CloudFront distribution "${args.name}" accepts viewers down to ${view.minimumProtocolVersion ?? "an unset security policy"}; set minimumProtocolVersion to ${config.minimumProtocolVersion} or later.`,
            );
        }
    },
);
