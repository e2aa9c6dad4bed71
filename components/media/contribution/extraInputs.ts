import type { CreateInputRequest } from "@aws-sdk/client-medialive";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ExtraInputConfig } from "../../config/inputs";
import { ChannelConfig } from "../../config/types";
import { MediaLiveInput } from "../medialive/input";
import { PIPELINES } from "./flows";
import { DeepInput } from "../../deepInput";

/** Where a studio or backup feed is sent (rtp-push), per pipeline, as MediaLive reports it. */
export interface ExtraInputEndpoint {
    input: string;
    role: string;
    pipeline: string;
    type: string;
    /** rtp-push: the endpoint MediaLive opened; mediaconnect: the flow the input reads. */
    address: string;
    port: number;
}

export interface BuiltExtraInputs {
    /** MediaLive input id per extra input name: one Output each, so the channel request stays known around them at preview. */
    ids: Record<string, pulumi.Output<string>>;
    endpoints: pulumi.Output<ExtraInputEndpoint[]>;
}

export interface ExtraInputContext {
    parent: pulumi.Resource;
    region: string;
    /** `<season>-<channel>`: each input is `<physical>-<name>` in MediaLive. */
    physical: string;
    tags: Record<string, string>;
    /** The channel's MediaLive role, which may read the MediaConnect flows (see extraFlowArns). */
    roleArn: pulumi.Input<string>;
    /** Logical name of a per-region, per-channel resource. */
    name: (what: string) => string;
}

/** The MediaConnect flows the channel's extra inputs read in `region`: the MediaLive role must be allowed to attach to them. */
export function extraFlowArns(ch: ChannelConfig, region: string): string[] {
    return ch.extraInputs.flatMap((x) => x.flowArns?.[region] ?? []);
}

/** CreateInput request of an rtp-push extra input: two endpoints (one per pipeline) behind its security group. */
export function rtpPushRequest<S extends pulumi.Input<string>>(name: string, securityGroupId: S, tags: Record<string, string>): DeepInput<CreateInputRequest> {
    // A plain object with the group id as its only Output leaf: the rest stays known at preview.
    return { Name: name, Type: "RTP_PUSH", InputSecurityGroups: [securityGroupId], Tags: tags };
}

/**
 * The MediaLive inputs of a channel's studio and backup feeds, in one region. rtp-push: an input
 * security group admitting only `allowedCidr` and a direct RTP_PUSH input (the dynamic resource the
 * venue's direct inputs use); mediaconnect: a MEDIACONNECT input on the flows the config names.
 */
export function buildExtraInputs(ch: ChannelConfig, ctx: ExtraInputContext): BuiltExtraInputs {
    const opts: pulumi.CustomResourceOptions = { parent: ctx.parent };
    const ids: Record<string, pulumi.Output<string>> = {};
    const endpoints: pulumi.Output<ExtraInputEndpoint[]>[] = [];
    for (const x of ch.extraInputs) {
        const physical = `${ctx.physical}-${x.name}`;
        if (x.type === "rtp-push") {
            const sg = new aws.medialive.InputSecurityGroup(ctx.name(`extra-${x.name}-sg`), { whitelistRules: [{ cidr: x.allowedCidr! }] }, opts);
            const input = new MediaLiveInput(ctx.name(`extra-${x.name}`), { region: ctx.region, request: rtpPushRequest(physical, sg.id, ctx.tags) }, opts);
            ids[x.name] = input.inputId;
            endpoints.push(
                input.destinations.apply((ds) => (ds ?? []).slice(0, ch.singlePipeline ? 1 : 2).map((d, i) => endpoint(x, i, d.ip, Number(d.port) || 0))),
            );
        } else {
            const flows = x.flowArns?.[ctx.region] ?? [];
            const input = new aws.medialive.Input(
                ctx.name(`extra-${x.name}`),
                {
                    name: physical,
                    type: "MEDIACONNECT",
                    mediaConnectFlows: flows.map((flowArn) => ({ flowArn })),
                    roleArn: ctx.roleArn,
                },
                opts,
            );
            ids[x.name] = input.id;
            endpoints.push(pulumi.output(flows.map((f, i) => endpoint(x, i, f, 0))));
        }
    }
    return {
        ids,
        endpoints: pulumi.all(endpoints).apply((lists) => lists.flat()),
    };
}

function endpoint(x: ExtraInputConfig, pipeline: number, address: string, port: number): ExtraInputEndpoint {
    return { input: x.name, role: x.role, pipeline: PIPELINES[pipeline] ?? String(pipeline), type: x.type, address, port };
}
