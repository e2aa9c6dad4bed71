/**
 * Origin Shield per region. CloudFront asks for "the AWS Region that has the lowest latency to your
 * origin" (CloudFront API Reference, OriginShield.OriginShieldRegion); Origin Shield runs in a subset
 * of regions, and the Developer Guide's "Choosing the AWS Region for Origin Shield" table maps every
 * other origin region to its nearest shield region. OnAir shields every region's origin in its own
 * region, so after a failover the secondary's traffic is collapsed as the primary's was.
 */
export const ORIGIN_SHIELD_REGIONS = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "sa-east-1",
] as const;

/** Media regions without Origin Shield, and the shield region the CloudFront table names for them. */
const NEAREST_SHIELD: Record<string, (typeof ORIGIN_SHIELD_REGIONS)[number]> = {
    "us-west-1": "us-west-2",
    "ca-central-1": "us-east-1",
    "eu-west-3": "eu-west-2",
    "eu-north-1": "eu-central-1",
};

export function originShieldRegion(region: string): string {
    if ((ORIGIN_SHIELD_REGIONS as readonly string[]).includes(region)) return region;
    const nearest = NEAREST_SHIELD[region];
    if (!nearest)
        throw new Error(
            `no Origin Shield region is known for ${region}; add it to components/delivery/originShield.ts from CloudFront's "Choosing the AWS Region for Origin Shield" table`,
        );
    return nearest;
}
