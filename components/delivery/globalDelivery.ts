import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { GEO_REQUIRED_TAG, GEO_REQUIRED_VALUE } from "../../contracts/tags";
import { ChannelChainOutputs } from "../media/outputs";
import { ACCESS_LOG_PREFIX, accessLogBucket } from "../observability/accessLogs";
import { logAnalytics } from "../observability/logAnalytics";
import { realtimeLogs } from "../observability/realtimeLogs";
import { PACKAGING, regionShort } from "../naming";
import {
    adSegmentCachePolicyArgs,
    adsManifestCachePolicyArgs,
    mediaCachePolicyArgs,
    mediaTailorOriginRequestPolicyArgs,
    originRequestPolicyArgs,
    viewerGeoOriginRequestPolicyArgs,
} from "./caching";
import { distributionConfig, TOKEN_PATH_PREFIX } from "./distributionConfig";
import { signingKeyEntry, viewerRequestCode } from "./edgeFunction";
import { endpointPolicy } from "./endpointPolicy";
import { adPlayerCorsPolicyArgs } from "./cors";
import { createRevocationHook, RevocationHook } from "./revocation";
import { DeliverySeason } from "./deliverySeason";
import { Shard } from "./shards";
import { deliverySummary, DeliverySummary } from "./summary";
import { AdOriginRead, webAclArgs } from "./waf";

/** What the distribution and the endpoint policies need of one channel's chain in a region. */
export type ChannelOrigin = Pick<ChannelChainOutputs, "channelId" | "channelGroupName" | "originEndpointName" | "originEndpointArn" | "hlsPath" | "dashPath">;

export interface RegionalOrigins {
    region: string;
    /** Every channel group's egress domain, by group name (one group per shard). */
    egressDomains: Record<string, pulumi.Output<string>>;
    channels: Record<string, ChannelOrigin>;
}

export interface GlobalDeliveryArgs {
    season: DeliverySeason;
    regions: RegionalOrigins[];
    /** The season's shards (components/delivery/shards.ts seasonLayout): one distribution each. */
    shards: Shard[];
    /** Each region's aws-native provider: the endpoint policies live next to their endpoints. */
    endpointProviders: Record<string, pulumi.ProviderResource>;
    /** HS256 keys by kid, as Pulumi secrets; the first one signs. */
    tokenKeys: { kid: string; key: pulumi.Output<string> }[];
    /** Secret header values of custom origins, by origin id. */
    customOriginSecrets: Record<string, pulumi.Output<string>>;
    /** MediaTailor's origin-token key (its own kid), stored next to the viewer keys (ads/adOrigins.ts). */
    adOriginKey?: { kid: string; key: pulumi.Output<string> };
    /** MediaTailor's origin reads by channel (prefix and secret token signature): the Web ACL labels them. */
    adOriginReads?: AdOriginRead[];
}

/** One shard's distribution and what viewers reach it by. */
export interface ShardDelivery {
    shard: Shard;
    distribution: awsnative.cloudfront.Distribution;
    distributionArn: pulumi.Output<string>;
    /** The shard's viewer hostname: its first alias, else its distribution's own name. */
    playbackHost: pulumi.Output<string>;
    summary: DeliverySummary;
}

export interface ChannelPlayback {
    hls: pulumi.Output<string>;
    dash: pulumi.Output<string>;
}

/**
 * The global delivery layer: one CloudFront distribution (aws-native, the only one with
 * media-quality-based origin groups) over every region's MediaPackage v2 endpoints, with origin
 * access control, a token-checking viewer-request function backed by a KeyValueStore, WAF and geo
 * rules, VPC and secret-header origins, real-time and standard logs, and the operators' revocation
 * hook. Pass us-east-1 providers in `opts.providers`: CloudFront, WAF (scope CLOUDFRONT) and the
 * KeyValueStore live there. Its children keep the logical names they were first deployed with
 * (not prefixed with `name`): renaming them would move every live resource (ADR 032).
 */
export class GlobalDelivery extends pulumi.ComponentResource {
    /** Shard 1's distribution (a season of one shard has only this one). */
    readonly distribution: awsnative.cloudfront.Distribution;
    /** Every shard's distribution, shard 1 first. */
    readonly shards: ShardDelivery[];
    /** Per channel: its shard's playback host and distribution domain (the vending hook and MediaTailor use them). */
    readonly channelHosts: Record<string, { playbackHost: pulumi.Output<string>; distributionDomain: pulumi.Output<string>; clientRoutingDomain?: string }>;
    readonly distributionArn: pulumi.Output<string>;
    readonly domainName: pulumi.Output<string>;
    readonly keyValueStoreArn: pulumi.Output<string>;
    readonly restreamerIpSetIds: { v4: pulumi.Output<string>; v6: pulumi.Output<string> };
    readonly playback: Record<string, ChannelPlayback>;
    /** The hostname viewers use: the first alias, else the distribution's own name. */
    readonly playbackHost: pulumi.Output<string>;
    /** Kinesis stream with every viewer request (CMCD included): for live dashboards and partners. */
    readonly realtimeLogStreamArn: pulumi.Output<string>;
    /** Its name, which IAM documents use to name it before it exists. */
    readonly realtimeLogStreamName: string;
    /** The real-time log configuration as created: name, sampling rate and fields in record order. */
    readonly realtimeLogConfig: { name: pulumi.Output<string>; samplingRate: pulumi.Output<number>; fields: pulumi.Output<string[]> };
    /** How the real-time log stream is sized for the peak audience (mode, shards or warm throughput, the arithmetic). */
    readonly realtimeLogCapacity: ReturnType<typeof realtimeLogs>["sizing"];
    /** Behaviours (order, origin, token check), Origin Shields, WAF rules and vending callers, for the plan. */
    readonly summary: DeliverySummary;
    /** The operators' narrow revocation path: a hook that writes only r:/s: entries. */
    readonly revocation: RevocationHook;

    constructor(name: string, args: GlobalDeliveryArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("onair:delivery:GlobalDelivery", name, {}, opts);
        const { season } = args;
        const here = { parent: this };
        const account = aws.getCallerIdentityOutput({}, here).accountId;

        const oac = new awsnative.cloudfront.OriginAccessControl(
            "mediapackage-oac",
            {
                originAccessControlConfig: {
                    name: `onair-${season.name}-mediapackage`,
                    description: "CloudFront signs every MediaPackage v2 request (SigV4)",
                    originAccessControlOriginType: "mediapackagev2",
                    signingBehavior: "always",
                    signingProtocol: "sigv4",
                },
            },
            here,
        );

        const lengths = [...new Set(season.channels.map((c) => c.segment.lengthSeconds))].sort((a, b) => a - b);
        const cachePolicyIds: Record<number, pulumi.Output<string>> = {};
        for (const s of lengths)
            cachePolicyIds[s] = new awsnative.cloudfront.CachePolicy(`media-cache-${s}s`, mediaCachePolicyArgs(season.name, s), here).awsId;
        const originRequest = new awsnative.cloudfront.OriginRequestPolicy("mediapackage-origin-request", originRequestPolicyArgs(season.name), here);
        // Every behaviour the token check runs on names the viewer-geography headers (caching.ts).
        const viewerGeo = new awsnative.cloudfront.OriginRequestPolicy("viewer-geo-origin-request", viewerGeoOriginRequestPolicyArgs(season.name), here);
        const mediaTailorRequest = season.ads
            ? new awsnative.cloudfront.OriginRequestPolicy("mediatailor-origin-request", mediaTailorOriginRequestPolicyArgs(season.name), here)
            : undefined;
        const adsPolicyIds = season.ads
            ? {
                  manifests: new awsnative.cloudfront.CachePolicy("ads-manifests-cache", adsManifestCachePolicyArgs(season.name), here).awsId,
                  adSegments: new awsnative.cloudfront.CachePolicy("ads-segments-cache", adSegmentCachePolicyArgs(season.name), here).awsId,
                  cors: new awsnative.cloudfront.ResponseHeadersPolicy(
                      "ads-player-cors",
                      adPlayerCorsPolicyArgs(season.name, season.ads.playerOrigins, season.ads.cookieDomain !== undefined),
                      here,
                  ).awsId,
              }
            : undefined;

        // Token check at the edge: signing keys (by kid) and revocations live in the KeyValueStore.
        const kvs = new awsnative.cloudfront.KeyValueStore(
            "viewer-tokens",
            { name: `onair-${season.name}-tokens`, comment: "Signing keys (k:<kid>) and revoked token ids (r:<jti>) and sessions (s:<sid>)" },
            here,
        );
        const keys = [...args.tokenKeys, ...(args.adOriginKey ? [args.adOriginKey] : [])];
        const keyEntries = keys.map(
            (k) =>
                new aws.cloudfront.KeyvaluestoreKey(
                    `token-key-${k.kid}`,
                    {
                        keyValueStoreArn: kvs.arn,
                        key: signingKeyEntry(k.kid),
                        value: k.key,
                    },
                    here,
                ),
        );
        const fn = new awsnative.cloudfront.Function(
            "viewer-token-check",
            {
                name: `onair-${season.name}-token-check`,
                functionCode: viewerRequestCode(),
                functionConfig: {
                    comment: "Viewer tokens: JWT HS256, key by kid, revocation list (OnAir)",
                    runtime: "cloudfront-js-2.0",
                    keyValueStoreAssociations: [{ keyValueStoreArn: kvs.arn }],
                },
                autoPublish: true,
            },
            { parent: this, dependsOn: keyEntries },
        );

        // Re-streamer block lists: operators edit the addresses during events (AWS console or CLI);
        // `pulumi up` never reverts them. Nothing else on the sets changes, so no update resends them.
        const ipSet = (version: "IPV4" | "IPV6") =>
            new awsnative.wafv2.IpSet(
                `restreamers-${version.toLowerCase()}`,
                {
                    name: `onair-${season.name}-restreamers-${version.toLowerCase()}`,
                    description: "Operator-managed: addresses of unauthorised re-streamers",
                    scope: "CLOUDFRONT",
                    ipAddressVersion: version,
                    addresses: [],
                },
                { parent: this, ignoreChanges: ["addresses"] },
            );
        const v4 = ipSet("IPV4");
        const v6 = ipSet("IPV6");
        const aclArgs = webAclArgs(season.name, season.security.waf, { v4: v4.arn, v6: v6.arn }, args.adOriginReads);
        const webAcl = new awsnative.wafv2.WebAcl("viewer-web-acl", aclArgs, here);

        const vpcOriginIds: Record<string, pulumi.Output<string>> = {};
        for (const o of season.delivery.vpcOrigins) {
            vpcOriginIds[o.id] = new awsnative.cloudfront.VpcOrigin(
                `vpc-origin-${o.id}`,
                {
                    vpcOriginEndpointConfig: {
                        arn: o.arn,
                        name: `onair-${season.name}-${o.id}`,
                        httpsPort: o.httpsPort,
                        originProtocolPolicy: "https-only",
                        originSslProtocols: ["TLSv1.2"],
                    },
                },
                here,
            ).awsId;
        }

        const logs = accessLogBucket(season.name, season.observability.standardLogs, here);
        const realtime = realtimeLogs(season, "us-east-1", { bucketArn: logs.bucket.arn }, here);
        this.realtimeLogCapacity = realtime.sizing;
        logAnalytics(season.name, logs.bucket.bucket, ACCESS_LOG_PREFIX, season.observability.athenaScanLimitGb, here);
        this.realtimeLogStreamArn = realtime.stream.arn;
        this.realtimeLogStreamName = realtime.streamName;
        this.realtimeLogConfig = { name: realtime.config.name, samplingRate: realtime.config.samplingRate, fields: realtime.config.fields };

        const shards = args.shards;
        const wiring = (shard: Shard) => ({
            egressDomains: Object.fromEntries(args.regions.map((r) => [r.region, egressDomain(r, shard)])),
            oacId: oac.awsId,
            cachePolicyIds,
            originRequestPolicyIds: {
                media: originRequest.awsId,
                viewerGeo: viewerGeo.awsId,
                ...(mediaTailorRequest ? { mediaTailor: mediaTailorRequest.awsId } : {}),
            },
            functionArn: fn.functionArn,
            webAclArn: webAcl.arn,
            vpcOriginIds,
            customOriginHeaders: args.customOriginSecrets,
            logging: { bucket: logs.domainName, prefix: ACCESS_LOG_PREFIX },
            realtimeLogConfigArn: realtime.configArn,
            ...(adsPolicyIds ? { adsPolicyIds } : {}),
        });
        // One distribution per shard, each within its quotas, with its own hostnames (docs/adr/026).
        this.shards = shards.map((shard) => {
            const cfg = distributionConfig(season, wiring(shard), shard);
            const distribution = new awsnative.cloudfront.Distribution(
                `live${shard.suffix}`,
                {
                    // The stack's rights requirement travels with the distribution, where the security pack reads it.
                    ...(season.security.requireGeoRestriction ? { tags: [{ key: GEO_REQUIRED_TAG, value: GEO_REQUIRED_VALUE }] } : {}),
                    distributionConfig: cfg,
                },
                here,
            );
            return {
                shard,
                distribution,
                distributionArn: pulumi.interpolate`arn:aws:cloudfront::${account}:distribution/${distribution.id}`,
                playbackHost: shard.aliases.length > 0 ? pulumi.output(shard.aliases[0]!) : distribution.domainName,
                summary: deliverySummary(cfg, aclArgs.rules as awsnative.types.input.wafv2.WebAclRuleArgs[], season.delivery.urlVending.callerRoleArns),
            };
        });
        const first = this.shards[0]!;
        this.distribution = first.distribution;
        this.summary = first.summary;
        this.distributionArn = first.distributionArn;
        this.domainName = this.distribution.domainName;
        const shardOf = new Map(this.shards.flatMap((s) => s.shard.channels.map((id) => [id, s] as const)));
        this.channelHosts = Object.fromEntries(
            season.channels.map((c) => {
                const s = shardOf.get(c.id) ?? first;
                return [
                    c.id,
                    {
                        playbackHost: s.playbackHost,
                        distributionDomain: s.distribution.domainName,
                        ...(s.shard.clientRoutingDomain ? { clientRoutingDomain: s.shard.clientRoutingDomain } : {}),
                    },
                ];
            }),
        );

        // Each region's endpoints admit only their shard's distribution (origin access control).
        for (const r of args.regions) {
            const native = args.endpointProviders[r.region];
            if (!native) throw new Error(`GlobalDelivery: no aws-native provider for ${r.region}, where its endpoint policies live`);
            for (const ch of Object.values(r.channels)) {
                const d = (shardOf.get(ch.channelId) ?? first).distributionArn;
                new awsnative.mediapackagev2.OriginEndpointPolicy(
                    `${regionShort(r.region)}-${ch.channelId}-endpoint-policy`,
                    {
                        channelGroupName: ch.channelGroupName,
                        channelName: ch.channelId,
                        originEndpointName: ch.originEndpointName,
                        policy: endpointPolicy(ch.originEndpointArn, d),
                    },
                    { parent: this, provider: native },
                );
            }
        }

        this.playbackHost = first.playbackHost;

        this.keyValueStoreArn = kvs.arn;
        // Operators revoke through the hook; the store's write access stays with the deployment role.
        this.revocation = createRevocationHook(season, "us-east-1", kvs.arn, here);
        this.restreamerIpSetIds = { v4: v4.awsId, v6: v6.awsId };
        this.playback = {};
        for (const ch of Object.values(args.regions[0]!.channels)) {
            // Token-less templates on the channel's shard host: the vending hook inserts /tk/<token> after it.
            const host = this.channelHosts[ch.channelId]?.playbackHost ?? first.playbackHost;
            this.playback[ch.channelId] = {
                hls: pulumi.interpolate`https://${host}${TOKEN_PATH_PREFIX}<token>${ch.hlsPath}`,
                dash: pulumi.interpolate`https://${host}${TOKEN_PATH_PREFIX}<token>${ch.dashPath}`,
            };
        }
        this.registerOutputs({
            distributionDomain: this.domainName,
            keyValueStoreArn: this.keyValueStoreArn,
            restreamerIpSetIds: this.restreamerIpSetIds,
            revocationHook: this.revocation.functionName,
            manifests: PACKAGING,
        });
    }
}

/** The region's egress domain of the shard's channel group: the shard's origins read it. */
function egressDomain(r: RegionalOrigins, shard: Shard): pulumi.Output<string> {
    const domain = r.egressDomains[shard.channelGroup];
    if (!domain) throw new Error(`GlobalDelivery: ${r.region} has no channel group ${shard.channelGroup} for shard ${shard.index}`);
    return domain;
}
