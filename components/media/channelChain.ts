import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { mediaConnectFlowArnPattern, mediaPackageChannelArn, secretArnPattern } from "../arns";
import { ChannelConfig, LogLevel, RegionConfig } from "../config/types";
import { chainName, PACKAGING, viewerPathPrefix } from "../naming";
import { directInputRequest } from "./contribution/directInput";
import { buildExtraInputs, extraFlowArns } from "./contribution/extraInputs";
import { RTP_PUSH_PORT } from "../config/defaults";
import { FlowSecrets, flowArgs, listenerPort, PIPELINES, SECOND_SOURCE_PORT_OFFSET, sourceArgs } from "./contribution/flows";
import { channelRequest } from "./encoding/channelRequest";
import { mediaConnectSecretPolicy, mediaConnectVpcPolicy, mediaLiveRolePolicy, mediaPackageIngestPolicy, serviceRole } from "./iam";
import { MediaLiveChannel } from "./medialive/channel";
import { MediaLiveInput } from "./medialive/input";
import { ChannelChainOutputs, ContributionEndpoint } from "./outputs";
import { keyProviderEncryption } from "./packaging/keyProvider";
import { originEndpointArgs, packagingChannelArgs } from "./packaging/mediapackage";

export interface ChannelChainContext {
    parent: pulumi.ComponentResource;
    season: string;
    region: RegionConfig;
    account: pulumi.Output<string>;
    channelGroup: awsnative.mediapackagev2.ChannelGroup;
    /** The channel group's name (the same in every region): the viewer path and IAM scopes use it. */
    channelGroupName: string;
    logLevel: LogLevel;
    tags: Record<string, string>;
    /** SRT passphrase of this channel, as a Pulumi secret. */
    passphrase?: pulumi.Output<string>;
    /**
     * The primary region's MediaLive channel for this channel id, in a secondary region: this
     * region's channel depends on it, so a live update reaches it only once the primary is RUNNING
     * again with the new settings (docs/adr/001, "Rolling live updates").
     */
    rollAfter?: pulumi.Resource;
}

/**
 * Builds one channel's chain in one region: contribution -> MediaLive -> MediaPackage v2. Every
 * resource is a child of the regional component and so uses that region's explicit providers.
 */
export function buildChannelChain(ch: ChannelConfig, ctx: ChannelChainContext): ChannelChainOutputs {
    const { parent, region } = ctx;
    const r = region.region;
    const n = (what: string) => chainName(r, ch.id, what);
    const opts = (extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions => ({ parent, ...extra });
    const physical = `${ctx.season}-${ch.id}`;
    const pipelines = ch.singlePipeline ? 1 : 2;
    const contribution = ch.contribution;

    // MediaPackage v2 channel: CMAF input, MQCS switching between the two pipelines, MQCS in CMSD.
    const mpChannel = new awsnative.mediapackagev2.Channel(n("mp-channel"), { ...packagingChannelArgs(ctx.channelGroup.channelGroupName, ch) }, opts());

    // SRT passphrase: a Secrets Manager secret in this region (services read secrets from their own region only).
    // Its name starts with a prefix of ours, so roles can name it before it exists.
    const secretPrefix = `${physical}-srt-passphrase-`;
    let secretArn: pulumi.Output<string> | undefined;
    let secretVersion: aws.secretsmanager.SecretVersion | undefined;
    if (contribution.srt && ctx.passphrase) {
        const secret = new aws.secretsmanager.Secret(
            n("srt-passphrase"),
            { namePrefix: secretPrefix, description: `SRT passphrase for ${physical} contribution`, recoveryWindowInDays: 7 },
            opts(),
        );
        secretVersion = new aws.secretsmanager.SecretVersion(n("srt-passphrase"), { secretId: secret.id, secretString: ctx.passphrase }, opts());
        secretArn = secret.arn;
    }

    const flowSecrets: FlowSecrets = {};
    const flowDeps: pulumi.Resource[] = secretVersion ? [secretVersion] : [];
    if (contribution.via === "mediaconnect") {
        if (secretArn) {
            const mcRole = serviceRole(
                n("mediaconnect-srt-role"),
                {
                    description: `MediaConnect reads the SRT passphrase of ${physical}`,
                    service: "mediaconnect.amazonaws.com",
                    account: ctx.account,
                    policyName: "read-srt-passphrase",
                    policy: ctx.account.apply((a) => mediaConnectSecretPolicy(secretArnPattern(r, a, secretPrefix))),
                },
                opts(),
            );
            flowDeps.push(mcRole);
            flowSecrets.secretArn = secretArn;
            flowSecrets.secretRoleArn = mcRole.arn;
        }
        if (contribution.vpcInterface) {
            const vpcRole = serviceRole(
                n("mediaconnect-vpc-role"),
                {
                    description: `MediaConnect VPC interfaces of ${physical}`,
                    service: "mediaconnect.amazonaws.com",
                    account: ctx.account,
                    policyName: "vpc-interfaces",
                    policy: mediaConnectVpcPolicy(),
                },
                opts(),
            );
            flowDeps.push(vpcRole);
            flowSecrets.vpcRoleArn = vpcRole.arn;
        }
    }

    // Contribution: one MediaConnect flow per pipeline, each in its own AZ, a second source for dual ISP.
    const flowNames = contribution.via === "mediaconnect" ? PIPELINES.slice(0, pipelines).map((p) => `${physical}-${p}`) : [];
    const flows: awsnative.mediaconnect.Flow[] = [];
    const extraSources: awsnative.mediaconnect.FlowSource[] = [];
    if (contribution.via === "mediaconnect") {
        for (let p = 0; p < pipelines; p++) {
            const flow = new awsnative.mediaconnect.Flow(
                n(`flow-${PIPELINES[p]}`),
                flowArgs(ch, flowNames[p]!, region.availabilityZones[p]!, p, flowSecrets, r),
                opts({ dependsOn: flowDeps }),
            );
            flows.push(flow);
            contribution.networks.slice(1).forEach((network, i) => {
                const src = sourceArgs(ch, network, i + 1, p, flowSecrets, r);
                extraSources.push(
                    new awsnative.mediaconnect.FlowSource(
                        n(`flow-${PIPELINES[p]}-${network.name}`),
                        {
                            ...src,
                            description: `${ch.name}: ${network.name} (pipeline ${PIPELINES[p]})`,
                            flowArn: flow.flowArn,
                        },
                        opts({ dependsOn: [flow, ...flowDeps] }),
                    ),
                );
            });
        }
    }

    // MediaLive role, scoped to this channel's flows, secret and MediaPackage channel, named by the
    // ARNs the program knows before they exist (so the document is known during preview).
    const readsSecret = contribution.via === "medialive" && secretArn !== undefined;
    const mlRole = serviceRole(
        n("medialive-role"),
        {
            description: `MediaLive channel ${physical} in ${r}`,
            service: "medialive.amazonaws.com",
            account: ctx.account,
            policyName: "medialive-channel",
            policy: ctx.account.apply((account) =>
                mediaLiveRolePolicy({
                    region: r,
                    account,
                    mediaPackageChannelArn: mediaPackageChannelArn(r, account, ctx.season, ch.id),
                    flowArns: [...flowNames.map((f) => mediaConnectFlowArnPattern(r, account, f)), ...extraFlowArns(ch, r)],
                    secretArns: readsSecret ? [secretArnPattern(r, account, secretPrefix)] : [],
                }),
            ),
        },
        opts(),
    );

    // MediaLive input: the two flows (one per pipeline), or a direct push/pull input.
    const input = mediaLiveInput(ch, ctx, n, physical, flows, extraSources, mlRole, secretArn, opts);
    // Studio and backup feeds (channels[].extraInputs), attached after the venue's input.
    const extra = buildExtraInputs(ch, { parent, region: r, physical, tags: ctx.tags, roleArn: mlRole.arn, name: n });

    const channelPolicy = new awsnative.mediapackagev2.ChannelPolicy(
        n("mp-channel-policy"),
        {
            channelGroupName: mpChannel.channelGroupName,
            channelName: mpChannel.channelName,
            policy: mediaPackageIngestPolicy(mpChannel.arn, mlRole.arn),
        },
        opts(),
    );

    // DRM channels: SPEKE v2 encryption, identical in every region but this region's key provider URL and role.
    const encryption = keyProviderEncryption(ch, { parent, region: r, account: ctx.account, channelGroup: ctx.channelGroupName }, n("speke-role"));
    const endpoint = new awsnative.mediapackagev2.OriginEndpoint(
        n("mp-endpoint"),
        {
            ...originEndpointArgs(ctx.channelGroup.channelGroupName, ch, region.role, encryption),
            channelName: mpChannel.channelName,
        },
        opts(),
    );

    // The request as a plain object: only the role, the input and the ingest URLs are Outputs, so
    // the encoder settings stay known (and judged) during preview.
    const ingestUrls = [0, 1].map((i) => mpChannel.ingestEndpointUrls.apply((urls) => urls[i]!));
    const mediaLive = new MediaLiveChannel(
        n("medialive"),
        {
            region: r,
            allowLiveUpdate: ch.allowLiveUpdate,
            allowLiveDelete: ch.allowLiveDelete,
            request: channelRequest(ch, {
                name: physical,
                roleArn: mlRole.arn,
                inputId: input.inputId,
                ingestUrls,
                logLevel: ctx.logLevel,
                tags: ctx.tags,
                extraInputIds: extra.ids,
            }),
        },
        opts({ dependsOn: [channelPolicy, ...extraSources, ...(secretVersion ? [secretVersion] : []), ...(ctx.rollAfter ? [ctx.rollAfter] : [])] }),
    );

    const prefix = viewerPathPrefix(ctx.channelGroupName, ch.id);
    const hlsPath = `${prefix}/${PACKAGING.endpointName}/${PACKAGING.hlsManifest}.m3u8`;
    const dashPath = `${prefix}/${PACKAGING.endpointName}/${PACKAGING.dashManifest}.mpd`;
    return {
        channelId: ch.id,
        region: r,
        role: region.role,
        egressDomain: ctx.channelGroup.egressDomain,
        channelGroupName: ctx.channelGroupName,
        originEndpointName: PACKAGING.endpointName,
        originEndpointArn: endpoint.arn,
        hlsPath,
        dashPath,
        hlsUrl: pulumi.interpolate`https://${ctx.channelGroup.egressDomain}${hlsPath}`,
        dashUrl: pulumi.interpolate`https://${ctx.channelGroup.egressDomain}${dashPath}`,
        mediaLiveChannel: mediaLive,
        mediaLiveChannelId: mediaLive.channelId,
        mediaLiveChannelArn: mediaLive.arn,
        mediaPackageChannelArn: mpChannel.arn,
        flowArns: flows.map((f) => f.flowArn),
        flowNames,
        contribution: input.endpoints,
        extraInputs: extra.endpoints,
    };
}

interface BuiltInput {
    inputId: pulumi.Output<string>;
    endpoints: pulumi.Output<ContributionEndpoint[]>;
}

function mediaLiveInput(
    ch: ChannelConfig,
    ctx: ChannelChainContext,
    n: (what: string) => string,
    physical: string,
    flows: awsnative.mediaconnect.Flow[],
    extraSources: awsnative.mediaconnect.FlowSource[],
    mlRole: aws.iam.Role,
    secretArn: pulumi.Output<string> | undefined,
    opts: (extra?: pulumi.CustomResourceOptions) => pulumi.CustomResourceOptions,
): BuiltInput {
    const c = ch.contribution;
    if (c.via === "mediaconnect") {
        const input = new aws.medialive.Input(
            n("input"),
            {
                name: physical,
                type: "MEDIACONNECT",
                mediaConnectFlows: flows.map((f) => ({ flowArn: f.flowArn })),
                roleArn: mlRole.arn,
            },
            opts(),
        );
        return { inputId: input.id, endpoints: flowEndpoints(ch, flows, extraSources, ctx.region.region) };
    }
    let securityGroupId: pulumi.Output<string> | undefined;
    if (c.protocol === "rtp-fec") {
        // RTP_PUSH: MediaLive opens one endpoint per pipeline; only the venue's range may send to them.
        const isg = new aws.medialive.InputSecurityGroup(
            n("input-sg"),
            {
                whitelistRules: c.networks.filter((x) => x.allowedCidr).map((x) => ({ cidr: x.allowedCidr! })),
            },
            opts(),
        );
        securityGroupId = isg.id;
    }
    const input = new MediaLiveInput(
        n("input"),
        {
            region: ctx.region.region,
            request: directInputRequest(ch, physical, {
                ...(securityGroupId ? { securityGroupId } : {}),
                ...(secretArn ? { secretArn } : {}),
                tags: ctx.tags,
                region: ctx.region.region,
            }),
        },
        opts(),
    );
    const network = c.networks[0]!;
    const endpoints =
        c.protocol === "srt-caller"
            ? pulumi.output(
                  (network.callerTargets?.[ctx.region.region] ?? [])
                      .slice(0, ch.singlePipeline ? 1 : 2)
                      .map((t, i) => endpointOf(c.protocol, network.name, PIPELINES[i]!, undefined, 0, t)),
              )
            : // The port MediaLive reports for the endpoint (always 5000 for RTP_PUSH), not one the config asked for.
              input.destinations.apply((ds) =>
                  (ds ?? []).map((d, i) => endpointOf(c.protocol, network.name, PIPELINES[i] ?? String(i), d.ip, Number(d.port) || RTP_PUSH_PORT)),
              );
    return { inputId: input.inputId, endpoints };
}

function flowEndpoints(
    ch: ChannelConfig,
    flows: awsnative.mediaconnect.Flow[],
    extra: awsnative.mediaconnect.FlowSource[],
    region: string,
): pulumi.Output<ContributionEndpoint[]> {
    const c = ch.contribution;
    const others = c.networks.length - 1;
    const endpoints: pulumi.Output<ContributionEndpoint>[] = [];
    flows.forEach((f, p) => {
        const first = c.networks[0]!;
        const port = c.protocol === "srt-caller" ? 0 : listenerPort(c);
        endpoints.push(f.source.apply((s) => endpointOf(c.protocol, first.name, PIPELINES[p]!, s?.ingestIp, port, first.callerTargets?.[region]?.[p])));
        extra.slice(p * others, (p + 1) * others).forEach((src, i) => {
            const net = c.networks[i + 1]!;
            endpoints.push(
                src.ingestIp.apply((ip) =>
                    endpointOf(c.protocol, net.name, PIPELINES[p]!, ip, port + (i + 1) * SECOND_SOURCE_PORT_OFFSET, net.callerTargets?.[region]?.[p]),
                ),
            );
        });
    });
    return pulumi.all(endpoints) as pulumi.Output<ContributionEndpoint[]>;
}

function endpointOf(
    protocol: string,
    network: string,
    pipeline: string,
    ingestIp: string | undefined,
    port: number,
    target?: { address: string; port: number },
): ContributionEndpoint {
    return protocol === "srt-caller"
        ? { pipeline, network, protocol, address: target?.address ?? "", port: target?.port ?? 0 }
        : { pipeline, network, protocol, address: ingestIp ?? "", port };
}
