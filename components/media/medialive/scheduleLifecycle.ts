import type { ScheduleAction } from "@aws-sdk/client-medialive";
import { containsUnknown, project, sameValue, wireSafe } from "./drift";
import { awsErrorText, errorName, message, partialFailure, providerError } from "./errors";
import { Env } from "./lifecycle";
import { hasWork, planSchedule, SchedulePlan } from "./schedulePlan";
import { patiently } from "./wait";

/** Inputs of the OnAir schedule resource: the actions one channel's schedule must hold. */
export interface ScheduleInputs {
    region: string;
    channelId: string;
    /** Fixed-time actions, API shape; every event of the season (past ones are left alone). */
    actions: ScheduleAction[];
    /** Actions whose name starts with this are OnAir's; every other action (a manual switch) is never touched. */
    ownedPrefix: string;
}

export interface ScheduleOutputs extends ScheduleInputs {
    /** OnAir's actions in the channel's schedule when OnAir last changed or read it. */
    scheduled: ScheduleAction[];
    /** Actions whose time came before the last update could create them. */
    missed: string[];
    /** Actions beyond MediaLive's 14 days at the last update: the next `pulumi up` creates them. */
    deferred: string[];
    /** When the last update planned (ISO-8601): actions after it that never ran are "missed". */
    appliedAt: string;
}

function label(channelId: string): string {
    return `the schedule of MediaLive channel ${channelId}`;
}

/** OnAir's actions as described, cut down to the keys the program sets (DescribeSchedule may add members). */
async function owned(env: Env, inputs: ScheduleInputs): Promise<ScheduleAction[] | undefined> {
    const all = await patiently(() => env.api.describeSchedule(inputs.channelId), env.clock, env.timing);
    if (!all) return undefined;
    const want = new Map((inputs.actions ?? []).map((a) => [a.ActionName, a]));
    return all
        .filter((a) => a.ActionName?.startsWith(inputs.ownedPrefix))
        .map((a) => {
            const w = want.get(a.ActionName);
            return (w ? project(a, w) : a) as ScheduleAction;
        });
}

/** The same plan again: a retry after a refused batch only helps if the fresh read or clock changed it. */
function samePlan(a: SchedulePlan, b: SchedulePlan): boolean {
    return sameValue({ c: a.creates, d: a.deletes }, { c: b.creates, d: b.deletes });
}

interface Previous {
    appliedAtMs: number;
    known: string[];
}

/**
 * Makes the schedule hold `inputs.actions`: reads it (every page), plans against the clock, sends one
 * batch, reads it back. A batch MediaLive refuses (422: an action came too close while the call was
 * throttled, a name already taken by a retried call that did land) is planned again from a fresh
 * read, twice at most; a refusal the fresh plan repeats is reported with MediaLive's reasons.
 * Re-running it converges: actions already there with the same settings are left alone.
 */
export async function convergeSchedule(env: Env, inputs: ScheduleInputs, prev?: Previous): Promise<ScheduleOutputs> {
    const now = env.clock.now();
    const opts = { missedSince: prev?.appliedAtMs ?? now, known: prev?.known ?? [] };
    let refused: { plan: SchedulePlan; error: unknown } | undefined;
    for (let attempt = 0; ; attempt++) {
        const current = await owned(env, inputs);
        if (!current) {
            throw providerError(
                `${label(inputs.channelId)} cannot be read: the channel does not exist; run \`pulumi refresh\`, then \`pulumi up\` creates the channel and its schedule again`,
            );
        }
        const plan = planSchedule(current, inputs.actions, env.clock.now(), opts);
        const outputs = (scheduled: ScheduleAction[]): ScheduleOutputs =>
            wireSafe({ ...inputs, scheduled, missed: plan.missed, deferred: plan.deferred, appliedAt: new Date(now).toISOString() });
        if (!hasWork(plan)) return outputs(current);
        if (refused && samePlan(refused.plan, plan)) throw refusal(inputs, plan, refused.error);
        try {
            await patiently(() => env.api.batchUpdateSchedule(inputs.channelId, { creates: plan.creates, deletes: plan.deletes }), env.clock, env.timing);
        } catch (e) {
            if (errorName(e) === "UnprocessableEntityException" && attempt < 2) {
                refused = { plan, error: e };
                continue;
            }
            throw refusal(inputs, plan, e);
        }
        try {
            return outputs((await owned(env, inputs)) ?? []);
        } catch (e) {
            // The batch landed: record the resource, so nothing it created is forgotten.
            const expected = [...current.filter((a) => !plan.deletes.includes(a.ActionName!)), ...plan.creates];
            throw partialFailure(
                `${label(inputs.channelId)} was updated but could not be read back (${message(e)}); run \`pulumi refresh\``,
                inputs.channelId,
                outputs(expected),
            );
        }
    }
}

function refusal(inputs: ScheduleInputs, plan: SchedulePlan, e: unknown): Error {
    const what = [
        plan.creates.length ? `create ${plan.creates.map((a) => a.ActionName).join(", ")}` : "",
        plan.deletes.length ? `delete ${plan.deletes.join(", ")}` : "",
    ]
        .filter(Boolean)
        .join(" and ");
    return providerError(
        `${label(inputs.channelId)}: MediaLive refused to ${what}: ${awsErrorText(e)}. Nothing in this batch was applied (MediaLive applies a batch as a whole)`,
    );
}

export async function createSchedule(env: Env, inputs: ScheduleInputs): Promise<{ id: string; outs: ScheduleOutputs }> {
    return { id: inputs.channelId, outs: await convergeSchedule(env, inputs) };
}

export async function updateSchedule(env: Env, olds: ScheduleOutputs, news: ScheduleInputs): Promise<ScheduleOutputs> {
    const appliedAtMs = Date.parse(olds.appliedAt ?? "");
    return convergeSchedule(env, news, {
        appliedAtMs: Number.isNaN(appliedAtMs) ? env.clock.now() : appliedAtMs,
        known: (olds.scheduled ?? []).map((a) => a.ActionName!),
    });
}

/** Refresh: OnAir's actions as the channel's schedule holds them; a channel that is gone takes its schedule with it. */
export async function readSchedule(env: Env, id: string, props: ScheduleOutputs): Promise<{ id?: string; props?: ScheduleOutputs }> {
    const current = await owned(env, props);
    if (!current) return {};
    return { id, props: wireSafe({ ...props, scheduled: current }) };
}

/**
 * Removes OnAir's future actions; past and running ones stay (MediaLive refuses their delete and
 * cleans them up an hour after they start, ScheduleAction.ActionName in the API reference).
 */
export async function deleteSchedule(env: Env, props: ScheduleOutputs): Promise<void> {
    const current = await owned(env, props);
    if (!current) return;
    const plan = planSchedule(current, [], env.clock.now());
    if (plan.deletes.length === 0) return;
    try {
        await patiently(() => env.api.batchUpdateSchedule(props.channelId, { creates: [], deletes: plan.deletes }), env.clock, env.timing);
    } catch (e) {
        if (errorName(e) === "NotFoundException") return;
        throw refusal(props, plan, e);
    }
}

export interface ScheduleDiff {
    changes: boolean;
    replaces: string[];
    deleteBeforeReplace: boolean;
    detailedDiff: Record<string, { kind: "add" | "delete" | "update"; inputDiff: boolean }>;
}

/**
 * A schedule belongs to one channel: a new channel id or region is a new schedule. Otherwise it is
 * an update when the configured actions change, or when the clock brings work (an action entering
 * the 14-day horizon, a changed future action): `pulumi preview` then shows what an up would send.
 */
export function diffSchedule(olds: ScheduleOutputs, news: ScheduleInputs, nowMs: number): ScheduleDiff {
    const detailedDiff: ScheduleDiff["detailedDiff"] = {};
    const replaces: string[] = [];
    for (const k of ["region", "channelId"] as const) {
        if (olds[k] !== news[k] && !containsUnknown(news[k])) {
            replaces.push(k);
            detailedDiff[k] = { kind: "update", inputDiff: true };
        }
    }
    if (containsUnknown(news.channelId) || containsUnknown(news.actions)) {
        detailedDiff["actions"] = { kind: "update", inputDiff: true };
        return { changes: true, replaces, deleteBeforeReplace: true, detailedDiff };
    }
    if (!sameValue(olds.actions ?? [], news.actions ?? [])) detailedDiff["actions"] = { kind: "update", inputDiff: true };
    if (olds.ownedPrefix !== news.ownedPrefix) detailedDiff["ownedPrefix"] = { kind: "update", inputDiff: true };
    if (replaces.length === 0 && hasWork(planSchedule(olds.scheduled ?? [], news.actions ?? [], nowMs)))
        detailedDiff["scheduled"] = { kind: "update", inputDiff: false };
    return { changes: Object.keys(detailedDiff).length > 0, replaces, deleteBeforeReplace: true, detailedDiff };
}
