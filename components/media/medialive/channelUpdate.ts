import type { CreateChannelRequest } from "@aws-sdk/client-medialive";
import { project, sameValue, wireSafe } from "./drift";
import { awsErrorText, message, providerError } from "./errors";
import { ChannelOutputs, ChannelInputs, channelLabel, Env, isGone, settingsOf, waitForState } from "./lifecycle";
import { patiently } from "./wait";

/** States a channel passes through on its own; an update waits for them to settle. */
const TRANSITIONAL = ["CREATING", "UPDATING", "STARTING", "STOPPING", "DELETING"];
const SETTLED = ["IDLE", "RUNNING", "RECOVERING", "CREATE_FAILED", "UPDATE_FAILED", "DELETED"];

/** UpdateChannel members: RoleArn is always re-sent, an UpdateChannel without it removes the role. */
function updateRequest(r: CreateChannelRequest) {
    return {
        Name: r.Name,
        RoleArn: r.RoleArn,
        LogLevel: r.LogLevel,
        InputSpecification: r.InputSpecification,
        InputAttachments: r.InputAttachments,
        Destinations: r.Destinations,
        EncoderSettings: r.EncoderSettings,
    };
}

/**
 * Applies new settings. MediaLive updates only an IDLE channel (the model lists ConflictException
 * for UpdateChannel; MediaLive User Guide, multiplex "Summary of actions": "Edit: The channel must
 * be idle"), and changes the class of an idle channel only (User Guide, "Update the channel
 * class": "To change the channel class, the channel must be idle"). A RUNNING channel is stopped,
 * updated and started again only with allowLiveUpdate; the function returns once it is RUNNING
 * with the new settings, so a dependent region's channel (ordered after this one) starts its own
 * update only then. A failed update of a live channel restores the previous settings, starts the
 * channel again and reports the failure.
 */
export async function updateChannel(env: Env, id: string, olds: ChannelOutputs, news: ChannelInputs): Promise<ChannelOutputs> {
    const label = channelLabel(id, news.request);
    let current = await patiently(() => env.api.describeChannel(id), env.clock, env.timing);
    if (isGone(current)) throw providerError(`${label} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to create it again`);
    if (TRANSITIONAL.includes(current!.state)) {
        current = await waitForState(env, id, SETTLED, { timeoutMs: env.timing.updateMs, what: "settle before the update" });
        if (isGone(current)) throw providerError(`${label} was deleted while OnAir waited to update it; run \`pulumi refresh\``);
    }
    const state = current!.state;
    const before = olds.request ?? ({} as CreateChannelRequest);
    const settingsChange = !sameValue(settingsOf(before), settingsOf(news.request));
    let finalState = state;

    if (settingsChange) {
        if (state === "CREATE_FAILED") {
            throw providerError(
                `${label} is CREATE_FAILED and cannot be updated; run \`pulumi up --replace\` on it (OnAir deletes failed channels straight away)`,
            );
        }
        const live = state === "RUNNING" || state === "RECOVERING";
        if (live && !news.allowLiveUpdate) {
            throw providerError(
                `${label} is ${state} and MediaLive only updates an IDLE channel. OnAir will not restart a live channel on its own: ` +
                    `run \`pulumi up\` again after the event (when the channel is stopped), or set allowLiveUpdate: true on this channel in onair:season ` +
                    `to let pulumi up stop it, apply the change and start it again, one region after the other (viewers of that region see an interruption).`,
            );
        }
        if (live) {
            await patiently(() => env.api.stopChannel(id), env.clock, env.timing);
            await waitForState(env, id, ["IDLE"], { timeoutMs: env.timing.stopMs, what: "stop before the update" });
        }
        try {
            await apply(env, id, before, news.request);
        } catch (e) {
            if (!live) throw providerError(`${label}: the update failed: ${awsErrorText(e)}`);
            throw await restore(env, id, label, before, e);
        }
        if (live) {
            await startAndWait(env, id);
            finalState = "RUNNING";
        } else {
            finalState = "IDLE";
        }
    }
    await syncTags(env, olds.arn, before.Tags ?? {}, news.request.Tags ?? {});
    return wireSafe({ ...news, channelId: id, arn: olds.arn, state: finalState });
}

/** Class change (when it differs), then UpdateChannel, each waited for, then a check that it took. */
async function apply(env: Env, id: string, before: CreateChannelRequest, after: CreateChannelRequest): Promise<void> {
    if (after.ChannelClass && before.ChannelClass !== after.ChannelClass) {
        // UpdateChannelClass takes the destinations that fit the new class (one URL per pipeline).
        await patiently(() => env.api.updateChannelClass(id, after.ChannelClass!, after.Destinations), env.clock, env.timing);
        await waitForState(env, id, ["IDLE"], { timeoutMs: env.timing.updateMs, failOn: ["UPDATE_FAILED"], what: "change the channel class" });
    }
    await patiently(() => env.api.updateChannel(id, updateRequest(after)), env.clock, env.timing);
    const d = await waitForState(env, id, ["IDLE"], { timeoutMs: env.timing.updateMs, failOn: ["UPDATE_FAILED"], what: "apply the update" });
    if (d && !sameValue(settingsOf(project(d.request, after) as CreateChannelRequest), settingsOf(after))) {
        throw providerError(`MediaLive accepted the update but describes different settings afterwards`);
    }
}

async function startAndWait(env: Env, id: string): Promise<void> {
    await patiently(() => env.api.startChannel(id), env.clock, env.timing);
    await waitForState(env, id, ["RUNNING"], { timeoutMs: env.timing.startMs, what: "start again after the update" });
}

/**
 * After a failed live update: put the previous settings back if the channel took part of the
 * change (UPDATE_FAILED, or other settings described), start it, and return the error to report.
 */
async function restore(env: Env, id: string, label: string, before: CreateChannelRequest, failure: unknown): Promise<Error> {
    const reason = awsErrorText(failure);
    try {
        const d = await patiently(() => env.api.describeChannel(id), env.clock, env.timing);
        const drifted = !d || d.state !== "IDLE" || !sameValue(settingsOf(project(d.request, before) as CreateChannelRequest), settingsOf(before));
        if (drifted) await apply(env, id, d?.request ?? before, before);
        await startAndWait(env, id);
    } catch (e) {
        return providerError(
            `${label}: the live update failed (${reason}) and restarting it with its previous configuration also failed (${message(e)}); ` +
                `the channel is not on air: start it from the MediaLive console or \`aws medialive start-channel --channel-id ${id}\``,
        );
    }
    return providerError(
        `${label}: the live update failed (${reason}); OnAir restarted the channel with its previous configuration and it is RUNNING. Fix the change and run \`pulumi up\` again`,
    );
}

async function syncTags(env: Env, arn: string, before: Record<string, string>, after: Record<string, string>): Promise<void> {
    const removed = Object.keys(before).filter((k) => !(k in after));
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
    if (removed.length > 0) await patiently(() => env.api.untagResource(arn, removed), env.clock, env.timing);
    if (Object.keys(changed).length > 0) await patiently(() => env.api.tagResource(arn, changed), env.clock, env.timing);
}
