import { Cursor } from "./cursor";
import { MEDIA_REGIONS, REGION_COUNT, REGION_COUNTRY } from "./enums";
import { REGION, SEASON } from "./schema/season";
import { keysOf, readNode } from "./schema/read";
import { RegionConfig } from "./types";

export { MEDIA_REGIONS, REGION_COUNT, REGION_COUNTRY };

export function readRegions(c: Cursor): RegionConfig[] {
    const regions = c.list(readRegion, SEASON.fields.regions);
    if (!c.present || !Array.isArray(c.value)) return regions;
    const primaries = regions.filter((r) => r.role === "primary");
    if (regions.length === (c.value as unknown[]).length && primaries.length !== 1) {
        c.fail(`has ${primaries.length} primary regions; mark exactly one region role: primary (forced endpoint errors live only there)`);
    }
    const seen = new Set<string>();
    regions.forEach((r, i) => {
        if (seen.has(r.region))
            c.index(i)
                .at("region")
                .fail(`${JSON.stringify(r.region)} is listed twice; each region runs one chain`);
        seen.add(r.region);
    });
    return regions;
}

function readRegion(c: Cursor): RegionConfig | undefined {
    if (!c.object(keysOf(REGION.fields))) return undefined;
    const region = readNode(c.at("region"), REGION.fields.region);
    const role = readNode(c.at("role"), REGION.fields.role);
    let zones: [string, string] | undefined;
    const az = c.at("availabilityZones");
    if (region !== undefined) {
        if (az.present) {
            const list = az.list(
                (z) => {
                    const name = z.string({ patternHint: `an availability zone of ${region}, e.g. ${region}a` });
                    if (name !== undefined && !(name.startsWith(region) && /^[a-z]$/.test(name.slice(region.length)))) {
                        return z.fail(`${JSON.stringify(name)} is not an availability zone of ${region}; use ${region}a, ${region}b, ...`);
                    }
                    return name;
                },
                { min: 2, max: 2, what: "zones" },
            );
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
