import { regionShort } from "../../components/naming";

/** The season's channels and regions, as the impact report names them. */
export interface SeasonShape {
    channels: { id: string; name: string }[];
    regions: string[];
}

/**
 * The channel a resource belongs to, from OnAir's logical names: per-region chain resources are
 * `<region short>-<channel>-<what>` (components/naming.ts chainName) or `<region short>-<channel>.<event>...`
 * (schedules), ad resources `ads-<channel>`
 * or `ads.<channel>.<event>`. The longest matching id wins (`hoops` vs `hoops-hd`).
 */
export function channelOf(name: string, shape: SeasonShape): string | undefined {
    const prefixes = shape.regions.map(regionShort);
    let best: string | undefined;
    for (const ch of shape.channels) {
        const hit =
            prefixes.some((p) => name.startsWith(`${p}-${ch.id}-`) || name.startsWith(`${p}-${ch.id}.`)) ||
            name === `ads-${ch.id}` ||
            name.startsWith(`ads.${ch.id}.`);
        if (hit && (!best || ch.id.length > best.length)) best = ch.id;
    }
    return best;
}
