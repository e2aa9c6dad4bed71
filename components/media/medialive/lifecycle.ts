import type { CreateChannelRequest } from "@aws-sdk/client-medialive";
import { stableJson } from "../../stableJson";
import { ChannelDescription, Clock, MediaLiveApi } from "./api";

export { stableJson };

/** Inputs of the OnAir MediaLive channel resource. */
export interface ChannelInputs {
    region: string;
    /** The complete CreateChannel request (see encoding/channelRequest.ts). */
    request: CreateChannelRequest;
    /** Allows an update to stop and restart a RUNNING channel. */
    allowLiveUpdate: boolean;
}

export interface ChannelOutputs extends ChannelInputs {
    channelId: string;
    arn: string;
    /** State when OnAir last touched the channel. */
    state: string;
}

export const TIMEOUTS = {
    createMs: 10 * 60_000,
    updateMs: 10 * 60_000,
    stopMs: 10 * 60_000,
    startMs: 15 * 60_000,
    deleteMs: 10 * 60_000,
    pollMs: 5_000,
};

export class ChannelStateError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ChannelStateError";
    }
}

function settingsOf(r: CreateChannelRequest): unknown {
    const { Tags, ...rest } = r;
    void Tags;
    return rest;
}

/**
 * Polls until the resource reaches one of `want`. A missing resource satisfies "DELETED" only;
 * a state in `failOn` or the timeout ends the wait with an error naming the state.
 */
export async function waitFor<T extends { state: string }>(
    describe: () => Promise<T | undefined>,
    want: readonly string[],
    opts: { timeoutMs: number; failOn?: readonly string[]; what: string; label: string },
    clock: Clock,
    pollMs = TIMEOUTS.pollMs,
): Promise<T | undefined> {
    const started = clock.now();
    for (;;) {
        const d = await describe();
        if (!d) {
            if (want.includes("DELETED")) return undefined;
            throw new ChannelStateError(`${opts.label} disappeared while waiting to ${opts.what}`);
        }
        if (want.includes(d.state)) return d;
        if (opts.failOn?.includes(d.state)) {
            throw new ChannelStateError(`${opts.label} went to ${d.state} while waiting to ${opts.what}; see its alerts in the MediaLive console`);
        }
        if (clock.now() - started >= opts.timeoutMs) {
            throw new ChannelStateError(`${opts.label} is still ${d.state} after ${Math.round(opts.timeoutMs / 1000)} s waiting to ${opts.what}`);
        }
        await clock.sleep(pollMs);
    }
}

export function waitForState(
    api: MediaLiveApi,
    id: string,
    want: readonly string[],
    opts: { timeoutMs: number; failOn?: readonly string[]; what: string },
    clock: Clock,
): Promise<ChannelDescription | undefined> {
    return waitFor(() => api.describeChannel(id), want, { ...opts, label: `MediaLive channel ${id}` }, clock);
}

export async function createChannel(api: MediaLiveApi, inputs: ChannelInputs, clock: Clock): Promise<{ id: string; outs: ChannelOutputs }> {
    const { id, arn } = await api.createChannel(inputs.request);
    const d = await waitForState(api, id, ["IDLE"], { timeoutMs: TIMEOUTS.createMs, failOn: ["CREATE_FAILED"], what: "finish creating" }, clock);
    return { id, outs: { ...inputs, channelId: id, arn, state: d?.state ?? "IDLE" } };
}

export async function readChannel(api: MediaLiveApi, id: string, props: ChannelOutputs): Promise<{ id?: string; props?: ChannelOutputs }> {
    const d = await api.describeChannel(id);
    if (!d) return {};
    return { id, props: { ...props, request: d.request, arn: d.arn, state: d.state, channelId: id } };
}

export interface ChannelDiff {
    changes: boolean;
    replaces: string[];
    deleteBeforeReplace: boolean;
}

/**
 * Region or channel class changes replace the channel (delete first: an input attaches to one
 * channel only). Any other settings change is an in-place update.
 */
export function diffChannel(olds: ChannelInputs, news: ChannelInputs): ChannelDiff {
    const replaces: string[] = [];
    if (olds.region !== news.region) replaces.push("region");
    if (olds.request.ChannelClass !== news.request.ChannelClass) replaces.push("request.ChannelClass");
    const changes = replaces.length > 0 || stableJson(olds.request) !== stableJson(news.request) || olds.allowLiveUpdate !== news.allowLiveUpdate;
    return { changes, replaces, deleteBeforeReplace: true };
}

export async function updateChannel(api: MediaLiveApi, id: string, olds: ChannelOutputs, news: ChannelInputs, clock: Clock): Promise<ChannelOutputs> {
    const current = await api.describeChannel(id);
    if (!current) throw new ChannelStateError(`MediaLive channel ${id} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to recreate it`);
    let state = current.state;
    const label = `MediaLive channel "${news.request.Name ?? id}" (${id})`;

    if (stableJson(settingsOf(olds.request)) !== stableJson(settingsOf(news.request))) {
        const apply = async () => {
            const r = news.request;
            // RoleArn is always re-sent: an UpdateChannel without it removes the role.
            await api.updateChannel(id, {
                Name: r.Name,
                RoleArn: r.RoleArn,
                LogLevel: r.LogLevel,
                InputSpecification: r.InputSpecification,
                InputAttachments: r.InputAttachments,
                Destinations: r.Destinations,
                EncoderSettings: r.EncoderSettings,
            });
            await waitForState(api, id, ["IDLE"], { timeoutMs: TIMEOUTS.updateMs, failOn: ["UPDATE_FAILED"], what: "apply the update" }, clock);
        };
        if (state === "IDLE") {
            await apply();
        } else if (state === "RUNNING") {
            if (!news.allowLiveUpdate) {
                throw new ChannelStateError(
                    `${label} is RUNNING and MediaLive only updates an IDLE channel. OnAir will not restart a live channel on its own: ` +
                        `run \`pulumi up\` again after the event (when the channel is stopped), or set allowLiveUpdate: true on this channel in onair:season ` +
                        `to let pulumi up stop it, apply the change and start it again (viewers see an interruption).`,
                );
            }
            await api.stopChannel(id);
            await waitForState(api, id, ["IDLE"], { timeoutMs: TIMEOUTS.stopMs, what: "stop before the update" }, clock);
            await apply();
            await api.startChannel(id);
            await waitForState(api, id, ["RUNNING"], { timeoutMs: TIMEOUTS.startMs, what: "start again after the update" }, clock);
            state = "RUNNING";
        } else {
            throw new ChannelStateError(`${label} is ${state}; MediaLive only updates an IDLE channel. Retry when it is IDLE (or RUNNING with allowLiveUpdate).`);
        }
    }
    await syncTags(api, olds.arn, olds.request.Tags ?? {}, news.request.Tags ?? {});
    return { ...news, channelId: id, arn: olds.arn, state };
}

async function syncTags(api: MediaLiveApi, arn: string, before: Record<string, string>, after: Record<string, string>): Promise<void> {
    const removed = Object.keys(before).filter((k) => !(k in after));
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
    if (removed.length > 0) await api.untagResource(arn, removed);
    if (Object.keys(changed).length > 0) await api.tagResource(arn, changed);
}

/** Stops a channel that is running (MediaLive deletes only IDLE channels), then deletes it. */
export async function deleteChannel(api: MediaLiveApi, id: string, clock: Clock): Promise<void> {
    let d = await api.describeChannel(id);
    if (!d || d.state === "DELETED") return;
    if (d.state === "STARTING") {
        d = await waitForState(api, id, ["RUNNING", "IDLE"], { timeoutMs: TIMEOUTS.startMs, what: "finish starting before it can be stopped" }, clock);
    }
    if (d && (d.state === "RUNNING" || d.state === "RECOVERING")) {
        await api.stopChannel(id);
    }
    if (d && d.state !== "IDLE") {
        d = await waitForState(api, id, ["IDLE", "DELETED"], { timeoutMs: TIMEOUTS.stopMs, what: "stop before deletion" }, clock);
    }
    if (!d || d.state === "DELETED") return;
    await api.deleteChannel(id);
    await waitForState(api, id, ["DELETED"], { timeoutMs: TIMEOUTS.deleteMs, what: "finish deleting" }, clock);
}
