import type { CreateInputRequest } from "@aws-sdk/client-medialive";
import type * as pulumi from "@pulumi/pulumi";
import { ChannelConfig } from "../../config/types";
import type { DeepInput } from "../../deepInput";
import { callerTarget } from "./flows";

const ALGORITHM = { aes128: "AES128", aes192: "AES192", aes256: "AES256" } as const;

/**
 * CreateInput request for contribution that lands directly on MediaLive: RTP_PUSH behind an input
 * security group, or SRT_CALLER dialling the venue's two encoder listeners (one per pipeline).
 */
export function directInputRequest(
    ch: ChannelConfig,
    name: string,
    ctx: { securityGroupId?: pulumi.Input<string>; secretArn?: pulumi.Input<string>; tags: Record<string, string>; region?: string },
): DeepInput<CreateInputRequest> {
    const c = ch.contribution;
    if (c.protocol === "rtp-fec") {
        return { Name: name, Type: "RTP_PUSH", InputSecurityGroups: ctx.securityGroupId ? [ctx.securityGroupId] : [], Tags: ctx.tags };
    }
    if (c.protocol === "srt-caller") {
        const network = c.networks[0]!;
        const region = ctx.region;
        if (region === undefined) throw new Error(`channel ${ch.id}: an SRT_CALLER input needs its region to pick the caller targets`);
        const pipelines = ch.singlePipeline ? 1 : 2;
        // Each region dials its own listeners: one caller per encoder port.
        const targets = [0, 1].slice(0, pipelines).map((p) => callerTarget(network, region, p));
        return {
            Name: name,
            Type: "SRT_CALLER",
            SrtSettings: {
                SrtCallerSources: targets.map((t) => ({
                    SrtListenerAddress: t.address,
                    SrtListenerPort: String(t.port),
                    MinimumLatency: c.latencyMs,
                    ...(t.streamId ? { StreamId: t.streamId } : {}),
                    ...(c.srt && ctx.secretArn
                        ? { Decryption: { Algorithm: ALGORITHM[c.srt.algorithm ?? "aes256"], PassphraseSecretArn: ctx.secretArn } }
                        : {}),
                })),
            },
            Tags: ctx.tags,
        };
    }
    throw new Error(`channel ${ch.id}: ${c.protocol} cannot land directly on MediaLive; use via: mediaconnect`);
}
