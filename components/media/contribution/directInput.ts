import type { CreateInputRequest } from "@aws-sdk/client-medialive";
import { ChannelConfig } from "../../config/types";

const ALGORITHM = { aes128: "AES128", aes192: "AES192", aes256: "AES256" } as const;

/**
 * CreateInput request for contribution that lands directly on MediaLive: RTP_PUSH behind an input
 * security group, or SRT_CALLER dialling the venue's two encoder listeners (one per pipeline).
 */
export function directInputRequest(ch: ChannelConfig, name: string, ctx: { securityGroupId?: string; secretArn?: string; tags: Record<string, string> }): CreateInputRequest {
    const c = ch.contribution;
    if (c.protocol === "rtp-fec") {
        return { Name: name, Type: "RTP_PUSH", InputSecurityGroups: ctx.securityGroupId ? [ctx.securityGroupId] : [], Tags: ctx.tags };
    }
    if (c.protocol === "srt-caller") {
        const targets = c.networks[0]?.callerTargets ?? [];
        const pipelines = ch.singlePipeline ? 1 : 2;
        return {
            Name: name,
            Type: "SRT_CALLER",
            SrtSettings: {
                SrtCallerSources: targets.slice(0, pipelines).map((t) => ({
                    SrtListenerAddress: t.address,
                    SrtListenerPort: String(t.port),
                    MinimumLatency: c.latencyMs,
                    ...(t.streamId ? { StreamId: t.streamId } : {}),
                    ...(c.srt && ctx.secretArn ? { Decryption: { Algorithm: ALGORITHM[c.srt.algorithm ?? "aes256"], PassphraseSecretArn: ctx.secretArn } } : {}),
                })),
            },
            Tags: ctx.tags,
        };
    }
    throw new Error(`channel ${ch.id}: ${c.protocol} cannot land directly on MediaLive; use via: mediaconnect`);
}
