import * as pulumi from "@pulumi/pulumi";
import { SeasonConfig } from "./config/types";
import { RegionalMediaChain } from "./media/regionalMediaChain";
import { providerMap, regionProviders } from "./providers";

/** Tags every OnAir resource carries, on top of the season's own. */
export function seasonTags(season: SeasonConfig, stack: string): Record<string, string> {
    return { "onair:season": season.name, "onair:stack": stack, "onair:managed-by": "pulumi", ...season.tags };
}

export interface BuiltSeason {
    chains: RegionalMediaChain[];
}

/**
 * Builds the whole season from a validated configuration: one set of explicit providers and one
 * RegionalMediaChain per region. Secrets (SRT passphrases) are read here as Pulumi secrets.
 */
export function buildSeason(season: SeasonConfig, config: pulumi.Config, stack = pulumi.getStack()): BuiltSeason {
    const tags = seasonTags(season, stack);
    const passphrases: Record<string, pulumi.Output<string>> = {};
    for (const ch of season.channels) {
        if (ch.contribution.srt) passphrases[ch.id] = config.requireSecret(ch.contribution.srt.passphraseKey);
    }
    const chains = season.regions.map((region) => {
        const providers = regionProviders(region.region, tags);
        return new RegionalMediaChain(region.region, {
            season: season.name,
            region,
            channels: season.channels,
            logLevel: season.observability.channelLogLevel,
            tags,
            passphrases,
        }, { providers: providerMap(providers) });
    });
    return { chains };
}
