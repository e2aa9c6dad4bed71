import * as pulumi from "@pulumi/pulumi";
import { AdInsertion, adOriginTokens, originKey, originKid, tokenSignature } from "./ads/adInsertion";
import { SeasonConfig } from "./config/types";
import { GlobalDelivery } from "./delivery/globalDelivery";
import { channelViewerPrefix, seasonLayout } from "./delivery/shards";
import { createUrlVending, UrlVending } from "./delivery/vending";
import { RegionalMediaChain } from "./media/regionalMediaChain";
import { SEASON_TAG } from "./naming";
import { SeasonOperations } from "./operations/seasonOperations";
import { providerMap, RegionProviders, regionProviders } from "./providers";
import { seasonProtection, seasonResourceOptions } from "./resourceOptions";
import { serviceQuotaRequests } from "./quotas/serviceQuotas";

/** CloudFront, WAF (scope CLOUDFRONT), ACM certificates for CloudFront and the KeyValueStore live here. */
export const GLOBAL_REGION = "us-east-1";

/** Tags every OnAir resource carries, on top of the season's own. */
export function seasonTags(season: SeasonConfig, stack: string): Record<string, string> {
    return { [SEASON_TAG]: season.name, "onair:stack": stack, "onair:managed-by": "pulumi", ...season.tags };
}

export interface BuiltSeason {
    chains: RegionalMediaChain[];
    delivery: GlobalDelivery;
    vending: UrlVending;
    ads?: AdInsertion;
    /** MediaTailor's origin tokens: kid, jti and the window each covers (never the token). */
    adOriginTokens?: Record<string, pulumi.Output<{ kid: string; jti: string; notBefore: string; expiresAt: string; event?: string }>>;
    operations: SeasonOperations;
}

/**
 * Builds the whole season from a validated configuration: explicit providers per region, one
 * RegionalMediaChain per region and the GlobalDelivery layer over them. Secrets (SRT passphrases,
 * token keys, origin headers) are read here, as Pulumi secrets, from the keys the season names.
 */
export function buildSeason(season: SeasonConfig, config: pulumi.Config, opts: { stack?: string; nowMs?: number } = {}): BuiltSeason {
    const stack = opts.stack ?? pulumi.getStack();
    // Read before any resource exists: a bad onair:protect fails the update with nothing created.
    const transformations = [seasonResourceOptions(seasonProtection(config))];
    const tags = seasonTags(season, stack);
    const passphrases: Record<string, pulumi.Output<string>> = {};
    for (const ch of season.channels) {
        if (ch.contribution.srt) passphrases[ch.id] = config.requireSecret(ch.contribution.srt.passphraseKey);
    }
    const providers: Record<string, RegionProviders> = {};
    for (const r of season.regions) providers[r.region] = regionProviders(r.region, tags);
    const global = providers[GLOBAL_REGION] ?? regionProviders(GLOBAL_REGION, tags);
    // Declared quota increases, filed as Service Quotas requests when the season asks (config quotas.requestIncreases).
    serviceQuotaRequests(season.quotas, providers, global);
    // Large seasons are spread over shards: a distribution and a channel group per region each (docs/adr/026).
    const layout = seasonLayout(season);
    const channelGroups = layout.shards.map((s) => ({ name: s.channelGroup, suffix: s.suffix, channels: s.channels }));

    // The primary region's chain first: each secondary channel is ordered after the primary's, so a
    // live update rolls one region at a time (docs/adr/001).
    const chainOf = (region: SeasonConfig["regions"][number], rollAfter?: Record<string, pulumi.Resource>) => new RegionalMediaChain(region.region, {
        season: season.name,
        region,
        channels: season.channels,
        logLevel: season.observability.channelLogLevel,
        tags,
        passphrases,
        channelGroups,
        ...(rollAfter ? { rollAfter } : {}),
    }, { providers: providerMap(providers[region.region]!), transformations });
    const primaryRegion = season.regions.find((r) => r.role === "primary")!;
    const primaryChain = chainOf(primaryRegion);
    const rollAfter = Object.fromEntries(Object.entries(primaryChain.channels).map(([id, c]) => [id, c.mediaLiveChannel]));
    const chains = season.regions.map((region) => (region === primaryRegion ? primaryChain : chainOf(region, rollAfter)));

    const signer = { kid: season.security.tokens.keys[0]!.kid, key: config.requireSecret(season.security.tokens.keys[0]!.secretKey) };
    const nowMs = opts.nowMs ?? Date.now();
    // MediaTailor's origin tokens: their own kid and key, one run window each (ADR 019).
    const origin = season.ads ? adOriginTokens(season, signer, nowMs) : undefined;
    const originTokens = origin?.tokens ?? {};

    const delivery = new GlobalDelivery("delivery", {
        season,
        regions: chains.map((c) => ({
            region: c.region,
            egressDomain: c.channelGroup.egressDomain,
            egressDomains: Object.fromEntries(Object.entries(c.channelGroups).map(([n, g]) => [n, g.egressDomain])),
            channels: c.channels,
        })),
        shards: layout.shards,
        regionProviders: providers,
        tokenKeys: season.security.tokens.keys.map((k) => ({ kid: k.kid, key: config.requireSecret(k.secretKey) })),
        customOriginSecrets: Object.fromEntries(season.delivery.customOrigins.map((o) => [o.id, config.requireSecret(o.secretKey)])),
        ...(origin
            ? {
                adOriginKey: { kid: originKid(signer.kid), key: pulumi.secret(signer.key.apply(originKey)) },
                adOriginReads: Object.entries(originTokens).map(([id, token]) => ({ prefix: channelViewerPrefix(season, id), signature: tokenSignature(token) })),
            }
            : {}),
    }, { providers: providerMap(global), transformations });

    // Ads and the URL vending hook live in the primary region, next to the viewers' entitlement backend.
    const primary = season.regions.find((r) => r.role === "primary")!.region;
    const ads = season.ads
        ? new AdInsertion("ads", { season, distributionDomain: delivery.domainName, playbackHost: delivery.playbackHost, channelHosts: delivery.channelHosts, originTokens, nowMs }, { providers: providerMap(providers[primary]!), transformations })
        : undefined;
    const adPaths = ads
        ? pulumi.all(Object.entries(ads.channels).map(([id, a]) => pulumi.all([a.hlsPathPrefix, a.dashPathPrefix]).apply(([hls, dash]) => [id, { config: a.configurationName, hls, dash }] as const)))
            .apply((entries) => Object.fromEntries(entries))
        : undefined;
    const vending = createUrlVending(season, primary, signer, delivery.playbackHost, { parent: delivery, provider: providers[primary]!.aws }, adPaths, delivery.channelHosts);

    const operations = new SeasonOperations("operations", {
        season,
        regions: chains.map((c) => ({ region: c.region, role: c.role, channels: c.channels })),
        providers,
        global,
        distributionId: delivery.distribution.id,
        ...(delivery.shards.length > 1 ? { shardDistributionIds: delivery.shards.slice(1).map((s) => ({ shard: s.shard.index, id: s.distribution.id })) } : {}),
        realtimeLogStream: { arn: delivery.realtimeLogStreamArn, name: delivery.realtimeLogStreamName, sizing: delivery.realtimeLogCapacity },
        nowMs,
    }, { transformations });
    return { chains, delivery, vending, ...(ads ? { ads } : {}), ...(origin ? { adOriginTokens: origin.windows } : {}), operations };
}
