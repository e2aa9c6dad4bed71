import { Cursor } from "./cursor";
import { REGION_ROLES, RegionConfig } from "./types";

/**
 * Regions where MediaConnect, MediaLive and MediaPackage v2 all run: a chain needs the three side by
 * side. Extend the list when AWS adds a region to all three services.
 */
export const MEDIA_REGIONS = [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
    "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
    "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
] as const;

/**
 * The country CloudFront geolocates a region's AWS addresses to: services that read through the
 * distribution from a region (MediaTailor) must not be geo-blocked.
 */
export const REGION_COUNTRY: Record<(typeof MEDIA_REGIONS)[number], string> = {
    "us-east-1": "US", "us-east-2": "US", "us-west-1": "US", "us-west-2": "US", "ca-central-1": "CA", "sa-east-1": "BR",
    "eu-west-1": "IE", "eu-west-2": "GB", "eu-west-3": "FR", "eu-central-1": "DE", "eu-north-1": "SE",
    "ap-northeast-1": "JP", "ap-northeast-2": "KR", "ap-south-1": "IN", "ap-southeast-1": "SG", "ap-southeast-2": "AU",
};

/** Seamless cross-region failover needs at least two regions; more than three adds cost, not safety. */
export const REGION_COUNT = { min: 2, max: 3 } as const;

export function readRegions(c: Cursor): RegionConfig[] {
    const regions = c.list(readRegion, { min: REGION_COUNT.min, max: REGION_COUNT.max, what: "regions" });
    if (!c.present || !Array.isArray(c.value)) return regions;
    const primaries = regions.filter((r) => r.role === "primary");
    if (regions.length === (c.value as unknown[]).length && primaries.length !== 1) {
        c.fail(`has ${primaries.length} primary regions; mark exactly one region role: primary (forced endpoint errors live only there)`);
    }
    const seen = new Set<string>();
    regions.forEach((r, i) => {
        if (seen.has(r.region)) c.index(i).at("region").fail(`${JSON.stringify(r.region)} is listed twice; each region runs one chain`);
        seen.add(r.region);
    });
    return regions;
}

function readRegion(c: Cursor): RegionConfig | undefined {
    if (!c.object(["region", "role", "availabilityZones"])) return undefined;
    const region = c.at("region").oneOf(MEDIA_REGIONS);
    const role = c.at("role").oneOf(REGION_ROLES);
    let zones: [string, string] | undefined;
    const az = c.at("availabilityZones");
    if (region !== undefined) {
        if (az.present) {
            const list = az.list((z) => {
                const name = z.string({ patternHint: `an availability zone of ${region}, e.g. ${region}a` });
                if (name !== undefined && !(name.startsWith(region) && /^[a-z]$/.test(name.slice(region.length)))) {
                    return z.fail(`${JSON.stringify(name)} is not an availability zone of ${region}; use ${region}a, ${region}b, ...`);
                }
                return name;
            }, { min: 2, max: 2, what: "zones" });
            if (list.length === 2) {
                if (list[0] === list[1]) az.fail(`lists ${list[0]} twice; the two pipelines must run in different zones`);
                else zones = [list[0]!, list[1]!];
            }
        } else {
            zones = [`${region}a`, `${region}b`];
        }
    }
    if (region === undefined || role === undefined || zones === undefined) return undefined;
    return { region, role, availabilityZones: zones };
}
