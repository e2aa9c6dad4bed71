import type { CreateChannelRequest } from "@aws-sdk/client-medialive";
import { ChannelDescription, Clock, MediaLiveApi } from "./api";
import { project, wireSafe } from "./drift";
import { awsErrorText, isNotFound, message, partialFailure, providerError } from "./errors";
import { requestId } from "./requestId";
import { Timing } from "./timing";
import { patiently, waitFor, WaitOptions } from "./wait";

/** Inputs of the OnAir MediaLive channel resource. */
export interface ChannelInputs {
    region: string;
    /** The complete CreateChannel request (see encoding/channelRequest.ts), API (PascalCase) shape. */
    request: CreateChannelRequest;
    /** Allows an update to stop and restart a RUNNING channel. */
    allowLiveUpdate: boolean;
    /** Allows a delete or replacement to stop a RUNNING channel. */
    allowLiveDelete: boolean;
    /** The resource's URN: seeds the CreateChannel RequestId (the host does not pass the URN). */
    resourceUrn: string;
}

export interface ChannelOutputs extends ChannelInputs {
    channelId: string;
    arn: string;
    /** State when OnAir last touched or read the channel. */
    state: string;
}

export interface Env {
    api: MediaLiveApi;
    clock: Clock;
    timing: Timing;
}

/** Everything but tags: the settings UpdateChannel applies (tags have their own API). */
export function settingsOf(r: CreateChannelRequest): Omit<CreateChannelRequest, "Tags" | "RequestId"> {
    const { Tags, RequestId, ...rest } = r;
    void Tags;
    void RequestId;
    return rest;
}

export function channelLabel(id: string, r?: CreateChannelRequest): string {
    return r?.Name ? `MediaLive channel "${r.Name}" (${id})` : `MediaLive channel ${id}`;
}

/** A description that says the channel is gone: NotFound, or DELETED (MediaLive reports DELETED for a while first). */
export function isGone(d: ChannelDescription | undefined): boolean {
    return !d || d.state === "DELETED";
}

export function waitForState(env: Env, id: string, want: readonly string[], opts: Omit<WaitOptions, "label">): Promise<ChannelDescription | undefined> {
    return waitFor(() => env.api.describeChannel(id), want, { ...opts, label: channelLabel(id) }, env.clock, env.timing);
}

/**
 * Creates the channel with a RequestId derived from the URN and request, so a retried create (the
 * engine retrying, or the next `pulumi up` after a failed wait) gets the same channel back.
 * MediaLive keeps a token's answer after the channel is deleted; when the token names a channel that
 * is gone, the next deterministic token is used.
 */
export async function createChannel(env: Env, inputs: ChannelInputs): Promise<{ id: string; outs: ChannelOutputs }> {
    const settings = settingsOf(inputs.request);
    let created: { id: string; arn: string } | undefined;
    for (let attempt = 0; attempt < 3 && !created; attempt++) {
        const RequestId = requestId(inputs.resourceUrn, settings, attempt);
        const answer = await patiently(() => env.api.createChannel({ ...inputs.request, RequestId }), env.clock, env.timing);
        const d = await patiently(() => env.api.describeChannel(answer.id), env.clock, env.timing);
        if (!isGone(d)) created = answer;
    }
    if (!created)
        throw providerError(`MediaLive answered CreateChannel for "${inputs.request.Name}" with channels that are already deleted; retry \`pulumi up\``);
    const { id, arn } = created;
    const outs = (state: string): ChannelOutputs => wireSafe({ ...inputs, channelId: id, arn, state });
    try {
        const d = await waitForState(env, id, ["IDLE"], { timeoutMs: env.timing.createMs, failOn: ["CREATE_FAILED"], what: "finish creating" });
        return { id, outs: outs(d?.state ?? "IDLE") };
    } catch (e) {
        const d = await env.api.describeChannel(id).catch(() => undefined);
        if (d?.state === "CREATE_FAILED") {
            // A failed channel still holds its input (an input attaches to one channel only): delete it now.
            let cleanup: unknown;
            try {
                await deleteFailed(env, id);
            } catch (c) {
                cleanup = c;
            }
            if (cleanup === undefined) {
                throw providerError(`${message(e)}. OnAir deleted the failed channel ${id} so its input is free; fix the request and run \`pulumi up\` again`);
            }
            throw partialFailure(
                `${message(e)}; deleting the failed channel also failed (${awsErrorText(cleanup)}), so it is recorded in the stack and the next \`pulumi up\` replaces it`,
                id,
                outs("CREATE_FAILED"),
            );
        }
        // The channel exists (or may): record it with its id, so nothing is orphaned.
        throw partialFailure(
            `${message(e)}; the channel ${id} exists and is recorded in the stack, and the next \`pulumi up\` continues with it`,
            id,
            outs(d?.state ?? "CREATING"),
        );
    }
}

async function deleteFailed(env: Env, id: string): Promise<void> {
    await patiently(() => env.api.deleteChannel(id), env.clock, env.timing, env.timing.deleteMs);
    await waitForState(env, id, ["DELETED"], { timeoutMs: env.timing.deleteMs, what: "finish deleting" });
}

/**
 * Refresh: the channel's state and, for drift, the described settings cut down to the keys the
 * recorded request has. A DELETED or missing channel reads as gone.
 */
export async function readChannel(env: Env, id: string, props: ChannelOutputs): Promise<{ id?: string; props?: ChannelOutputs }> {
    const d = await patiently(() => env.api.describeChannel(id), env.clock, env.timing);
    if (!d || isGone(d)) return {};
    const request = project(d.request, props.request ?? {}) as CreateChannelRequest;
    return { id, props: wireSafe({ ...props, request, arn: d.arn || props.arn, state: d.state, channelId: id }) };
}

const RUNNING_STATES = ["RUNNING", "RECOVERING", "STARTING"];
/** States MediaLive deletes from (the API's DeleteChannel takes an IDLE or failed channel). */
const DELETABLE = ["IDLE", "CREATE_FAILED", "UPDATE_FAILED"];

/**
 * Deletes the channel. A failed channel (CREATE_FAILED / UPDATE_FAILED) goes straight to
 * DeleteChannel; a RUNNING one is stopped first only when `allowLiveDelete` was recorded, otherwise
 * the delete is refused: deleting or replacing a live channel takes the game off air.
 */
export async function deleteChannel(env: Env, id: string, props: ChannelOutputs): Promise<void> {
    let d = await patiently(() => env.api.describeChannel(id), env.clock, env.timing);
    if (isGone(d)) return;
    const label = channelLabel(id, props.request);
    if (d!.state === "DELETING") {
        await waitForState(env, id, ["DELETED"], { timeoutMs: env.timing.deleteMs, what: "finish deleting" });
        return;
    }
    if (RUNNING_STATES.includes(d!.state)) {
        if (!props.allowLiveDelete) {
            throw providerError(
                `${label} is ${d!.state}: deleting or replacing it takes the channel off air, and OnAir will not stop a live channel on its own. ` +
                    `Run this after the event, when the schedule has stopped it, or set allowLiveDelete: true on this channel in onair:season, run \`pulumi up\` once to record it, and run again.`,
            );
        }
        if (d!.state === "STARTING")
            d = await waitForState(env, id, ["RUNNING", "IDLE"], { timeoutMs: env.timing.startMs, what: "finish starting before it can be stopped" });
        if (d && d.state !== "IDLE") await patiently(() => env.api.stopChannel(id), env.clock, env.timing);
    }
    if (d && !DELETABLE.includes(d.state)) {
        d = await waitForState(env, id, [...DELETABLE, "DELETED"], { timeoutMs: env.timing.stopMs, what: "settle before deletion" });
    }
    if (isGone(d)) return;
    try {
        await patiently(() => env.api.deleteChannel(id), env.clock, env.timing, env.timing.deleteMs);
    } catch (e) {
        if (isNotFound(e)) return;
        throw e;
    }
    await waitForState(env, id, ["DELETED"], { timeoutMs: env.timing.deleteMs, what: "finish deleting" });
}
