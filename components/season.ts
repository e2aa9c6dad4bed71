import * as pulumi from "@pulumi/pulumi";
import { AdInsertion } from "./ads/adInsertion";
import { adOriginCredentials, adOriginInputs } from "./ads/adOrigins";
import { SeasonConfig } from "./config/types";
import { GlobalDelivery } from "./delivery/globalDelivery";
import { seasonLayout } from "./delivery/shards";
import { AdPaths, seasonVendingEnvironment, UrlVending } from "./delivery/vending";
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
 * Builds the whole season from a validated configuration, one step after another, each step
 * creating one component from what the steps before it produced (ADR 032): explicit providers per
 * region, one RegionalMediaChain per region, the GlobalDelivery layer over them, ad insertion, the
 * URL vending hook, then season operations. Secrets (SRT passphrases, token keys, origin headers)
 * are read here, as Pulumi secrets, from the keys the season names.
 */
export function buildSeason(season: SeasonConfig, config: pulumi.Config, opts: { stack?: string; nowMs?: number } = {}): BuiltSeason {
    const stack = opts.stack ?? pulumi.getStack();
    // Read before any resource exists: a bad onair:protect fails the update with nothing created.
    const transformations = [seasonResourceOptions(seasonProtection(config))];
    const tags = seasonTags(season, stack);
    const nowMs = opts.nowMs ?? Date.now();
    const passphrases: Record<string, pulumi.Output<string>> = {};
    for (const ch of season.channels) {
        if (ch.contribution.srt) passphrases[ch.id] = config.requireSecret(ch.contribution.srt.passphraseKey);
    }
    const signer = { kid: season.security.tokens.keys[0]!.kid, key: config.requireSecret(season.security.tokens.keys[0]!.secretKey) };

    // 1. Providers: explicit, per region; CloudFront's (us-east-1) whether or not the season has a region there.
    const providers: Record<string, RegionProviders> = {};
    for (const r of season.regions) providers[r.region] = regionProviders(r.region, tags);
    const global = providers[GLOBAL_REGION] ?? regionProviders(GLOBAL_REGION, tags);
    const primaryRegion = season.regions.find((r) => r.role === "primary")!;
    const primary = providers[primaryRegion.region]!;
    // Declared quota increases, filed as Service Quotas requests when the season asks (config quotas.requestIncreases).
    serviceQuotaRequests(season.quotas, providers, global);
    // Large seasons are spread over shards: a distribution and a channel group per region each (docs/adr/026).
    const layout = seasonLayout(season);

    // 2. Media chains, the primary region's first: each secondary channel is ordered after the
    // primary's, so a live update rolls one region at a time (docs/adr/001).
    const chainOf = (region: SeasonConfig["regions"][number], rollAfter?: Record<string, pulumi.Resource>) =>
        new RegionalMediaChain(
            region.region,
            {
                season: season.name,
                region,
                channels: season.channels,
                logLevel: season.observability.channelLogLevel,
                tags,
                passphrases,
                channelGroups: layout.shards.map((s) => ({ name: s.channelGroup, suffix: s.suffix, channels: s.channels })),
                ...(rollAfter ? { rollAfter } : {}),
            },
            { providers: providerMap(providers[region.region]!), transformations },
        );
    const primaryChain = chainOf(primaryRegion);
    const rollAfter = Object.fromEntries(Object.entries(primaryChain.channels).map(([id, c]) => [id, c.mediaLiveChannel]));
    const chains = season.regions.map((region) => (region === primaryRegion ? primaryChain : chainOf(region, rollAfter)));

    // 3. Delivery over every region's origins. MediaTailor's origin tokens come first (their own kid
    // and key, one run window each, ADR 019): the edge stores the key and the Web ACL labels the reads.
    const adOrigin = season.ads ? adOriginCredentials(season, signer, nowMs) : undefined;
    const delivery = new GlobalDelivery(
        "delivery",
        {
            season,
            regions: chains.map((c) => ({
                region: c.region,
                egressDomains: Object.fromEntries(Object.entries(c.channelGroups).map(([n, g]) => [n, g.egressDomain])),
                channels: c.channels,
            })),
            shards: layout.shards,
            endpointProviders: Object.fromEntries(Object.entries(providers).map(([r, p]) => [r, p.native])),
            tokenKeys: season.security.tokens.keys.map((k) => ({ kid: k.kid, key: config.requireSecret(k.secretKey) })),
            customOriginSecrets: Object.fromEntries(season.delivery.customOrigins.map((o) => [o.id, config.requireSecret(o.secretKey)])),
            ...(adOrigin ? { adOriginKey: adOrigin.key, adOriginReads: adOrigin.reads } : {}),
        },
        { providers: providerMap(global), transformations },
    );

    // 4. Ads and 5. the URL vending hook live in the primary region, next to the viewers' entitlement backend.
    const ads =
        season.ads && adOrigin
            ? new AdInsertion(
                  "ads",
                  {
                      season: season.name,
                      ads: season.ads,
                      schedule: season.schedule,
                      channels: season.channels.filter((c) => c.ads),
                      origins: adOriginInputs(season, delivery.channelHosts, adOrigin.tokens),
                      nowMs,
                  },
                  { providers: providerMap(primary), transformations },
              )
            : undefined;
    const vending = new UrlVending(
        "url-vending",
        {
            season: season.name,
            region: primaryRegion.region,
            signer,
            callerRoleArns: season.delivery.urlVending.callerRoleArns,
            environment: seasonVendingEnvironment(season, delivery.playbackHost, delivery.channelHosts, ads ? adPaths(ads) : undefined),
            // Its resources were the delivery component's children until ADR 032: aliases move them.
            formerParent: delivery.urn,
        },
        { providers: providerMap(primary), transformations },
    );

    // 6. Operations over the chains and the distributions.
    const operations = new SeasonOperations(
        "operations",
        {
            season,
            regions: chains.map((c) => ({ region: c.region, role: c.role, channels: c.channels })),
            awsProviders: Object.fromEntries(Object.entries(providers).map(([r, p]) => [r, p.aws])),
            globalProvider: global.aws,
            distributionId: delivery.distribution.id,
            ...(delivery.shards.length > 1
                ? { shardDistributionIds: delivery.shards.slice(1).map((s) => ({ shard: s.shard.index, id: s.distribution.id })) }
                : {}),
            realtimeLogStream: { arn: delivery.realtimeLogStreamArn, name: delivery.realtimeLogStreamName, sizing: delivery.realtimeLogCapacity },
            nowMs,
        },
        { transformations },
    );
    return { chains, delivery, vending, ...(ads ? { ads } : {}), ...(adOrigin ? { adOriginTokens: adOrigin.windows } : {}), operations };
}

/** Each ad channel's personalised-manifest paths, as MediaTailor answers them, for the vending hook. */
function adPaths(ads: AdInsertion): pulumi.Output<AdPaths> {
    return pulumi
        .all(
            Object.entries(ads.channels).map(([id, a]) =>
                pulumi.all([a.hlsPathPrefix, a.dashPathPrefix]).apply(([hls, dash]) => [id, { config: a.configurationName, hls, dash }] as const),
            ),
        )
        .apply((entries) => Object.fromEntries(entries));
}
