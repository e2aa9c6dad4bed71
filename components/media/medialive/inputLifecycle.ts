import type { CreateInputRequest } from "@aws-sdk/client-medialive";
import { InputDescription, InputEndpoint } from "./api";
import { changedPaths, containsUnknown, project, sameValue, wireSafe } from "./drift";
import { awsErrorText, isNotFound, message, partialFailure, providerError } from "./errors";
import { Env } from "./lifecycle";
import { requestId } from "./requestId";
import { patiently, waitFor } from "./wait";

/** Inputs of the OnAir MediaLive input resource (direct RTP_PUSH / SRT_CALLER contribution). */
export interface InputInputs {
    region: string;
    request: CreateInputRequest;
    /** The resource's URN: seeds the CreateInput RequestId. */
    resourceUrn: string;
}

export interface InputOutputs extends InputInputs {
    inputId: string;
    arn: string;
    state: string;
    destinations: InputEndpoint[];
}

function label(id: string, r?: CreateInputRequest): string {
    return r?.Name ? `MediaLive input "${r.Name}" (${id})` : `MediaLive input ${id}`;
}

function settingsOf(r: CreateInputRequest): Omit<CreateInputRequest, "Tags" | "RequestId"> {
    const { Tags, RequestId, ...rest } = r;
    void Tags;
    void RequestId;
    return rest;
}

function describeInputOf(env: Env, id: string): Promise<InputDescription | undefined> {
    return patiently(() => env.api.describeInput(id), env.clock, env.timing);
}

function isGone(d: InputDescription | undefined): boolean {
    return !d || d.state === "DELETED";
}

/** Push endpoints as the engine's host can encode them (no undefined members). */
function endpoints(d: InputDescription | undefined): InputEndpoint[] {
    return (d?.destinations ?? []).map((x) => ({ ip: x.ip ?? "", port: x.port ?? "", url: x.url ?? "" }));
}

export async function createInput(env: Env, inputs: InputInputs): Promise<{ id: string; outs: InputOutputs }> {
    const settings = settingsOf(inputs.request);
    let created: { id: string; arn: string } | undefined;
    for (let attempt = 0; attempt < 3 && !created; attempt++) {
        const RequestId = requestId(inputs.resourceUrn, settings, attempt);
        const answer = await patiently(() => env.api.createInput({ ...inputs.request, RequestId }), env.clock, env.timing);
        if (!isGone(await describeInputOf(env, answer.id))) created = answer;
    }
    if (!created) throw providerError(`MediaLive answered CreateInput for "${inputs.request.Name}" with inputs that are already deleted; retry \`pulumi up\``);
    const { id, arn } = created;
    const outs = (state: string, d?: InputDescription): InputOutputs => wireSafe({ ...inputs, inputId: id, arn, state, destinations: endpoints(d) });
    try {
        const d = await waitFor(
            () => env.api.describeInput(id),
            ["DETACHED", "ATTACHED"],
            { timeoutMs: env.timing.createMs, what: "finish creating", label: label(id, inputs.request) },
            env.clock,
            env.timing,
        );
        return { id, outs: outs(d?.state ?? "DETACHED", d) };
    } catch (e) {
        throw partialFailure(`${message(e)}; the input ${id} exists and is recorded in the stack`, id, outs("CREATING"));
    }
}

/** Refresh: gone when DELETED or missing; otherwise state, endpoints and the request's keys only. */
export async function readInput(env: Env, id: string, props: InputOutputs): Promise<{ id?: string; props?: InputOutputs }> {
    const d = await describeInputOf(env, id);
    if (isGone(d)) return {};
    const request = project(d!.request, props.request ?? {}) as CreateInputRequest;
    return { id, props: wireSafe({ ...props, request, arn: d!.arn || props.arn, state: d!.state, destinations: endpoints(d), inputId: id }) };
}

/** The input type and region cannot change in place (UpdateInputRequest has no Type). */
export function diffInput(
    olds: InputOutputs,
    news: InputInputs,
): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean; detailedDiff: Record<string, { kind: string; inputDiff: boolean }> } {
    const replaces: string[] = [];
    const detailedDiff: Record<string, { kind: string; inputDiff: boolean }> = {};
    if (olds.region !== news.region && !containsUnknown(news.region)) replaces.push("region");
    if (news.request === undefined || containsUnknown(news.request)) {
        return { changes: true, replaces, deleteBeforeReplace: true, detailedDiff: { request: { kind: "update", inputDiff: true } } };
    }
    if (olds.request?.Type !== news.request.Type) replaces.push("request.Type");
    for (const [path, kind] of Object.entries(changedPaths(olds.request ?? {}, news.request))) detailedDiff[`request.${path}`] = { kind, inputDiff: true };
    for (const r of replaces) detailedDiff[r] = { kind: "update", inputDiff: true };
    return { changes: Object.keys(detailedDiff).length > 0, replaces, deleteBeforeReplace: true, detailedDiff };
}

/**
 * UpdateInput changes the endpoints or sources a live channel ingests from, so OnAir refuses it
 * while the attached channel runs (DescribeInput.AttachedChannels names that channel). Whether
 * MediaLive itself would accept it is not documented; the decision is OnAir's, like allowLiveUpdate.
 */
export async function updateInput(env: Env, id: string, olds: InputOutputs, news: InputInputs): Promise<InputOutputs> {
    const r = news.request;
    let d = await describeInputOf(env, id);
    if (isGone(d)) throw providerError(`${label(id, r)} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to create it again`);
    if (!sameValue(settingsOf(olds.request ?? ({} as CreateInputRequest)), settingsOf(r))) {
        for (const channelId of d!.attachedChannels) {
            const ch = await patiently(() => env.api.describeChannel(channelId), env.clock, env.timing);
            if (ch && ["RUNNING", "RECOVERING", "STARTING"].includes(ch.state)) {
                throw providerError(
                    `${label(id, r)} feeds MediaLive channel ${channelId}, which is ${ch.state}; OnAir does not change a live channel's input. Run \`pulumi up\` again after the event`,
                );
            }
        }
        try {
            await patiently(
                () =>
                    env.api.updateInput(id, {
                        Name: r.Name,
                        InputSecurityGroups: r.InputSecurityGroups,
                        ...(r.SrtSettings ? { SrtSettings: r.SrtSettings } : {}),
                    }),
                env.clock,
                env.timing,
            );
        } catch (e) {
            throw providerError(`${label(id, r)}: the update failed: ${awsErrorText(e)}`);
        }
        d = await describeInputOf(env, id);
    }
    const before = olds.request?.Tags ?? {};
    const after = r.Tags ?? {};
    const removed = Object.keys(before).filter((k) => !(k in after));
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
    if (removed.length > 0) await patiently(() => env.api.untagResource(olds.arn, removed), env.clock, env.timing);
    if (Object.keys(changed).length > 0) await patiently(() => env.api.tagResource(olds.arn, changed), env.clock, env.timing);
    return wireSafe({ ...news, inputId: id, arn: olds.arn, state: d?.state ?? olds.state, destinations: d ? endpoints(d) : olds.destinations });
}

/**
 * MediaLive deletes only a DETACHED input. The channel using it is deleted first (it depends on the
 * input), and MediaLive detaches the input once that channel is gone, so the delete waits for it.
 */
export async function deleteInput(env: Env, id: string, props: InputOutputs): Promise<void> {
    let d = await describeInputOf(env, id);
    if (isGone(d)) return;
    const name = label(id, props.request);
    if (d!.state !== "DETACHED" && d!.state !== "DELETING") {
        try {
            d = await waitFor(
                () => env.api.describeInput(id),
                ["DETACHED", "DELETED"],
                { timeoutMs: env.timing.detachMs, what: "detach from its channel before deletion", label: name },
                env.clock,
                env.timing,
            );
        } catch (e) {
            const channels = d!.attachedChannels.join(", ") || "a channel";
            throw providerError(`${message(e)}; it is attached to ${channels}: delete that channel first`);
        }
        if (isGone(d)) return;
    }
    if (d!.state === "DETACHED") {
        try {
            await patiently(() => env.api.deleteInput(id), env.clock, env.timing, env.timing.deleteMs);
        } catch (e) {
            if (isNotFound(e)) return;
            throw e;
        }
    }
    await waitFor(
        () => env.api.describeInput(id),
        ["DELETED"],
        { timeoutMs: env.timing.deleteMs, what: "finish deleting", label: name },
        env.clock,
        env.timing,
    );
}
