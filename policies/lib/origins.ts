/** What kind of service an origin domain belongs to, from its hostname alone. */
export type OriginService = "s3" | "mediapackagev2" | "mediastore" | "lambda-url" | "mediatailor" | "custom";

/** Origins of these kinds can (and must) be reached through an origin access control. */
export const OAC_CAPABLE: readonly OriginService[] = ["s3", "mediapackagev2", "mediastore", "lambda-url"];

const PATTERNS: [OriginService, RegExp][] = [
    // S3 REST endpoints (website endpoints `s3-website` cannot use OAC; they are custom origins).
    ["s3", /^[a-z0-9.-]+\.s3(\.dualstack)?(\.[a-z]{2}(-gov)?-[a-z]+-\d)?\.amazonaws\.com(\.cn)?$/],
    ["s3", /^[a-z0-9.-]+\.s3-[a-z]{2}-[a-z]+-\d\.amazonaws\.com$/],
    ["mediapackagev2", /\.mediapackagev2\.[a-z]{2}(-gov)?-[a-z]+-\d\.amazonaws\.com$/],
    ["mediastore", /\.data\.mediastore\.[a-z]{2}-[a-z]+-\d\.amazonaws\.com$/],
    ["lambda-url", /\.lambda-url\.[a-z]{2}(-gov)?-[a-z]+-\d\.on\.aws$/],
    // MediaTailor's shared manifest and segment endpoints: public AWS service hosts, not an origin you run.
    ["mediatailor", /^(manifests|segments|[a-z0-9]+)\.mediatailor\.[a-z]{2}-[a-z]+-\d\.amazonaws\.com$/],
];

export function originService(domainName: string): OriginService {
    const d = domainName.toLowerCase().replace(/\.$/, "");
    if (d.includes(".s3-website")) return "custom";
    for (const [service, re] of PATTERNS) if (re.test(d)) return service;
    return "custom";
}

/**
 * The region of a MediaPackage v2 egress domain (`<id>.egress.<id>.mediapackagev2.<region>.amazonaws.com`),
 * for origins whose channel group another stack manages.
 */
export function mediaPackageRegion(domainName: string): string | undefined {
    return /\.mediapackagev2\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com\.?$/.exec(domainName.toLowerCase())?.[1];
}

/** The OAC origin type CloudFront expects for a service. */
export function oacOriginType(service: OriginService): string | undefined {
    switch (service) {
        case "s3":
            return "s3";
        case "mediapackagev2":
            return "mediapackagev2";
        case "mediastore":
            return "mediastore";
        case "lambda-url":
            return "lambda";
        default:
            return undefined;
    }
}
