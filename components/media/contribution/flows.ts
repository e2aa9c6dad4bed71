import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { CallerTarget, ChannelConfig, ContributionNetwork } from "../../config/types";

type SourceArgs = awsnative.types.input.mediaconnect.FlowSourceArgs;

/** Pipeline 0 ("a") and pipeline 1 ("b"): one flow each, in the region's two availability zones. */
export const PIPELINES = ["a", "b"] as const;

/** The second network's source listens on its own port: rtp-fec uses port, +2 and +4; RIST port and +1. */
export const SECOND_SOURCE_PORT_OFFSET = 10;

export const VPC_INTERFACE_NAME = "venue-private";

export interface FlowSecrets {
    /** ARN of the Secrets Manager secret holding the SRT passphrase, and the role MediaConnect uses to read it. */
    secretArn?: pulumi.Input<string>;
    secretRoleArn?: pulumi.Input<string>;
    /** Role MediaConnect uses to create VPC interfaces. */
    vpcRoleArn?: pulumi.Input<string>;
}

/** The port a listener flow opens (set for every listener protocol by the validator). */
export function listenerPort(c: ChannelConfig["contribution"]): number {
    if (c.ingestPort === undefined) throw new Error(`${c.protocol} contribution has no ingestPort`);
    return c.ingestPort;
}

/**
 * The encoder listener one region's flow dials on one network (srt-caller). Each region and pipeline
 * has its own: the config refuses two flows dialling one address and port.
 */
export function callerTarget(network: ContributionNetwork, region: string, pipeline: number): CallerTarget {
    const target = network.callerTargets?.[region]?.[pipeline];
    if (!target) throw new Error(`network ${network.name} has no caller target for ${region} pipeline ${PIPELINES[pipeline]}`);
    return target;
}

/**
 * The source definition for one network on one pipeline in one region, in MediaConnect's terms.
 * Pure: listener sources are the same in every region; caller sources dial the region's own targets.
 */
export function sourceArgs(
    channel: ChannelConfig,
    network: ContributionNetwork,
    index: number,
    pipeline: number,
    secrets: FlowSecrets,
    region?: string,
): SourceArgs {
    const c = channel.contribution;
    const base: SourceArgs = {
        name: network.name,
        description: `${channel.name}: ${network.name} (pipeline ${PIPELINES[pipeline]})`,
        protocol: c.protocol,
    };
    const port = c.protocol === "srt-caller" ? 0 : listenerPort(c) + index * SECOND_SOURCE_PORT_OFFSET;
    const listenerAccess: SourceArgs = c.vpcInterface
        ? { vpcInterfaceName: VPC_INTERFACE_NAME }
        : network.allowedCidr
          ? { whitelistCidr: network.allowedCidr }
          : {};
    const srtDecryption: SourceArgs =
        c.srt && secrets.secretArn && secrets.secretRoleArn
            ? { decryption: { keyType: "srt-password", roleArn: secrets.secretRoleArn, secretArn: secrets.secretArn } }
            : {};
    switch (c.protocol) {
        case "srt-listener":
            return { ...base, ...listenerAccess, ...srtDecryption, ingestPort: port, minLatency: c.latencyMs, maxBitrate: c.maxBitrateMbps * 1_000_000 };
        case "srt-caller": {
            if (region === undefined) throw new Error(`channel ${channel.id}: an srt-caller source needs its region to pick the caller target`);
            const target = callerTarget(network, region, pipeline);
            return {
                ...base,
                ...srtDecryption,
                sourceListenerAddress: target.address,
                sourceListenerPort: target.port,
                ...(target.streamId ? { streamId: target.streamId } : {}),
                ...(c.vpcInterface ? { vpcInterfaceName: VPC_INTERFACE_NAME } : {}),
                minLatency: c.latencyMs,
            };
        }
        case "rist":
            return { ...base, ...listenerAccess, ingestPort: port, maxLatency: c.latencyMs, maxBitrate: c.maxBitrateMbps * 1_000_000 };
        case "rtp-fec":
            return { ...base, ...listenerAccess, ingestPort: port, maxBitrate: c.maxBitrateMbps * 1_000_000 };
    }
}

/** Failover between the two networks: MERGE (SMPTE 2022-7 hitless) or FAILOVER with network 1 preferred. */
export function failoverConfig(channel: ChannelConfig): awsnative.types.input.mediaconnect.FlowFailoverConfigArgs | undefined {
    const f = channel.contribution.failover;
    if (!f || channel.contribution.networks.length < 2) return undefined;
    const primary = channel.contribution.networks[0]!.name;
    return f.mode === "merge"
        ? { state: "ENABLED", failoverMode: "MERGE", recoveryWindow: f.recoveryWindowMs }
        : { state: "ENABLED", failoverMode: "FAILOVER", sourcePriority: { primarySource: primary } };
}

export function flowArgs(
    channel: ChannelConfig,
    flowName: string,
    availabilityZone: string,
    pipeline: number,
    secrets: FlowSecrets,
    region?: string,
): awsnative.mediaconnect.FlowArgs {
    const first = channel.contribution.networks[0]!;
    const vpc = channel.contribution.vpcInterface;
    const failover = failoverConfig(channel);
    return {
        name: flowName,
        availabilityZone,
        source: sourceArgs(channel, first, 0, pipeline, secrets, region),
        ...(failover ? { sourceFailoverConfig: failover } : {}),
        ...(vpc && secrets.vpcRoleArn
            ? {
                  vpcInterfaces: [
                      { name: VPC_INTERFACE_NAME, roleArn: secrets.vpcRoleArn, securityGroupIds: vpc.securityGroupIds, subnetId: vpc.subnetIds[pipeline]! },
                  ],
              }
            : {}),
    };
}
