import type { CreateInputRequest } from "@aws-sdk/client-medialive";
import { Clock, InputEndpoint, MediaLiveApi } from "./api";
import { ChannelStateError, stableJson, TIMEOUTS, waitFor } from "./lifecycle";

/** Inputs of the OnAir MediaLive input resource (direct RTP_PUSH / SRT_CALLER contribution). */
export interface InputInputs {
    region: string;
    request: CreateInputRequest;
}

export interface InputOutputs extends InputInputs {
    inputId: string;
    arn: string;
    state: string;
    destinations: InputEndpoint[];
}

export async function createInput(api: MediaLiveApi, inputs: InputInputs, clock: Clock): Promise<{ id: string; outs: InputOutputs }> {
    const { id, arn } = await api.createInput(inputs.request);
    const d = await waitFor(() => api.describeInput(id), ["DETACHED", "ATTACHED"], { timeoutMs: TIMEOUTS.createMs, what: "finish creating", label: `MediaLive input ${id}` }, clock);
    return { id, outs: { ...inputs, inputId: id, arn, state: d?.state ?? "DETACHED", destinations: d?.destinations ?? [] } };
}

export async function readInput(api: MediaLiveApi, id: string, props: InputOutputs): Promise<{ id?: string; props?: InputOutputs }> {
    const d = await api.describeInput(id);
    if (!d) return {};
    return { id, props: { ...props, request: { ...props.request, ...d.request }, arn: d.arn, state: d.state, destinations: d.destinations, inputId: id } };
}

/** The input type and region cannot change in place. */
export function diffInput(olds: InputInputs, news: InputInputs): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean } {
    const replaces: string[] = [];
    if (olds.region !== news.region) replaces.push("region");
    if (olds.request.Type !== news.request.Type) replaces.push("request.Type");
    return { changes: replaces.length > 0 || stableJson(olds.request) !== stableJson(news.request), replaces, deleteBeforeReplace: true };
}

export async function updateInput(api: MediaLiveApi, id: string, olds: InputOutputs, news: InputInputs): Promise<InputOutputs> {
    const r = news.request;
    const { Tags: oldTags, ...oldSettings } = olds.request;
    const { Tags: newTags, ...newSettings } = r;
    if (stableJson(oldSettings) !== stableJson(newSettings)) {
        await api.updateInput(id, { Name: r.Name, InputSecurityGroups: r.InputSecurityGroups, SrtSettings: r.SrtSettings });
    }
    const removed = Object.keys(oldTags ?? {}).filter((k) => !(k in (newTags ?? {})));
    const changed = Object.fromEntries(Object.entries(newTags ?? {}).filter(([k, v]) => oldTags?.[k] !== v));
    if (removed.length > 0) await api.untagResource(olds.arn, removed);
    if (Object.keys(changed).length > 0) await api.tagResource(olds.arn, changed);
    const d = await api.describeInput(id);
    return { ...news, inputId: id, arn: olds.arn, state: d?.state ?? olds.state, destinations: d?.destinations ?? olds.destinations };
}

/** MediaLive deletes only detached inputs; the channel that uses it is deleted first (it depends on the input). */
export async function deleteInput(api: MediaLiveApi, id: string, clock: Clock): Promise<void> {
    const d = await api.describeInput(id);
    if (!d || d.state === "DELETED") return;
    if (d.state === "ATTACHED") {
        throw new ChannelStateError(`MediaLive input ${id} is still attached to a channel; delete or detach that channel first`);
    }
    await api.deleteInput(id);
    await waitFor(() => api.describeInput(id), ["DELETED"], { timeoutMs: TIMEOUTS.deleteMs, what: "finish deleting", label: `MediaLive input ${id}` }, clock);
}
