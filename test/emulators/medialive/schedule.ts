type Json = Record<string, any>;

/**
 * A channel's schedule as MediaLive keeps it, behind DescribeSchedule and BatchUpdateSchedule
 * (wire names are the model's jsonName traits: actionName, scheduleActionStartSettings,
 * fixedModeScheduleActionStartSettings.time, inputSwitchSettings.inputAttachmentNameReference, ...).
 * The rules it enforces, from the MediaLive User Guide:
 *  - create: a fixed start "at least 15 seconds in the future (and no more than 14 days in the
 *    future)"; delete: "must have a UTC start time ... at least 15 seconds in the future (In other
 *    words, it must not be already received in the channel)" ("Submitting a batch update schedule
 *    command");
 *  - "If the validation fails for any one action, it fails for all the actions in the batch" and
 *    "MediaLive processes all the delete requests before the create requests" ("How a batch
 *    request works");
 *  - an action name "must be unique within the schedule"; "The schedule is automatically cleaned
 *    up to remove actions with a start time of more than 1 hour ago" (API model,
 *    ScheduleAction.ActionName);
 *  - an input switch names an attachment of the channel ("The input must already be attached to
 *    the channel", "How input switch actions work"); an immediate switch in a standard channel
 *    starts 10 seconds after it is received (same page).
 * Emulator assumptions (not documented): every refusal is one 422 UnprocessableEntityException with
 * a validation error per offending element, a delete of a name not in the schedule included; a
 * described input switch carries `urlPath: []` (a list never set comes back empty, as
 * DescribeChannel does).
 */
export const MIN_LEAD_MS = 15_000;
export const MAX_AHEAD_MS = 14 * 24 * 3_600_000;
export const CLEANUP_AFTER_MS = 3_600_000;
const IMMEDIATE_DELAY_STANDARD_MS = 10_000;
/** FixedModeScheduleActionStartSettings.Time: "UTC format: yyyy-mm-ddThh:mm:ss.nnnZ". */
const FIXED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface Scheduled {
    action: Json;
    startMs: number;
}

export interface ValidationError {
    elementPath: string;
    errorMessage: string;
}

export interface ScheduleContext {
    now: number;
    /** The channel's input attachment names. */
    attachments: string[];
    standard: boolean;
}

export class ChannelSchedule {
    actions: Scheduled[] = [];

    constructor(private readonly cleanupAfterMs = CLEANUP_AFTER_MS) {}

    /** Actions still in the schedule at `now`, in start order. */
    list(now: number): Scheduled[] {
        this.actions = this.actions.filter((a) => a.startMs >= now - this.cleanupAfterMs);
        return [...this.actions].sort((a, b) => a.startMs - b.startMs);
    }

    /** One page (maxResults 1-1000, the model's MaxResults range); nextToken is the offset. */
    page(now: number, maxResults: number, nextToken: string | undefined, cap: number): { scheduleActions: Json[]; nextToken?: string } {
        const all = this.list(now);
        const from = nextToken ? Number(nextToken) : 0;
        const size = Math.min(maxResults, cap);
        const slice = all.slice(from, from + size).map((s) => described(s.action));
        return from + size < all.length ? { scheduleActions: slice, nextToken: String(from + size) } : { scheduleActions: slice };
    }

    /** Validates the whole batch first; applies nothing unless every element is valid. */
    batch(body: Json, ctx: ScheduleContext): { errors: ValidationError[]; created: Json[]; deleted: Json[] } {
        const errors: ValidationError[] = [];
        const current = this.list(ctx.now);
        const names: string[] = body["deletes"]?.["actionNames"] ?? [];
        const creates: Json[] = body["creates"]?.["scheduleActions"] ?? [];
        const deleting: Scheduled[] = [];
        names.forEach((name, i) => {
            const at = `deletes.actionNames[${i}]`;
            const s = current.find((a) => a.action["actionName"] === name);
            if (!s) return void errors.push({ elementPath: at, errorMessage: `action ${name} is not in the schedule` });
            if (s.startMs < ctx.now + MIN_LEAD_MS)
                return void errors.push({
                    elementPath: at,
                    errorMessage: `action ${name} starts less than 15 seconds from now or has already been received by the channel; it cannot be deleted`,
                });
            deleting.push(s);
        });
        const remaining = current.filter((a) => !deleting.includes(a));
        const taken = new Set(remaining.map((a) => a.action["actionName"]));
        const adding: Scheduled[] = [];
        creates.forEach((a, i) => {
            const at = `creates.scheduleActions[${i}]`;
            const name = a["actionName"];
            if (typeof name !== "string" || name === "") return void errors.push({ elementPath: `${at}.actionName`, errorMessage: "actionName is required" });
            if (taken.has(name)) return void errors.push({ elementPath: `${at}.actionName`, errorMessage: `action name ${name} is already in the schedule` });
            taken.add(name);
            const start = startOf(a, ctx, [...remaining, ...adding]);
            if (typeof start === "string") return void errors.push({ elementPath: `${at}.scheduleActionStartSettings`, errorMessage: start });
            const sw = a["scheduleActionSettings"]?.["inputSwitchSettings"];
            if (sw && !ctx.attachments.includes(sw["inputAttachmentNameReference"])) {
                return void errors.push({
                    elementPath: `${at}.scheduleActionSettings.inputSwitchSettings.inputAttachmentNameReference`,
                    errorMessage: `the channel has no input attachment named ${sw["inputAttachmentNameReference"]}`,
                });
            }
            if (!a["scheduleActionSettings"] || Object.keys(a["scheduleActionSettings"]).length !== 1) {
                return void errors.push({ elementPath: `${at}.scheduleActionSettings`, errorMessage: "exactly one action type is required" });
            }
            adding.push({ action: structuredClone(a), startMs: start });
        });
        if (errors.length > 0) return { errors, created: [], deleted: [] };
        this.actions = [...remaining, ...adding];
        return { errors, created: adding.map((s) => described(s.action)), deleted: deleting.map((s) => described(s.action)) };
    }

    /** The attachment an input switch made current by `now` (the last one due), if any. */
    activeInput(now: number): string | undefined {
        const due = this.list(now).filter((s) => s.startMs <= now && s.action["scheduleActionSettings"]?.["inputSwitchSettings"]);
        return due[due.length - 1]?.action["scheduleActionSettings"]["inputSwitchSettings"]["inputAttachmentNameReference"];
    }
}

/** The start instant, or why the start settings are refused. "Only one of the options must be selected." */
function startOf(a: Json, ctx: ScheduleContext, schedule: Scheduled[]): number | string {
    const s = a["scheduleActionStartSettings"] ?? {};
    const modes = Object.keys(s);
    if (modes.length !== 1)
        return "exactly one of fixedModeScheduleActionStartSettings, followModeScheduleActionStartSettings, immediateModeScheduleActionStartSettings is required";
    if (s["fixedModeScheduleActionStartSettings"]) {
        const time = s["fixedModeScheduleActionStartSettings"]["time"];
        if (typeof time !== "string" || !FIXED_TIME.test(time) || Number.isNaN(Date.parse(time)))
            return `time ${JSON.stringify(time)} is not yyyy-mm-ddThh:mm:ss.nnnZ`;
        const ms = Date.parse(time);
        if (ms < ctx.now + MIN_LEAD_MS) return `start time ${time} is less than 15 seconds in the future`;
        if (ms > ctx.now + MAX_AHEAD_MS) return `start time ${time} is more than 14 days in the future`;
        return ms;
    }
    if (s["immediateModeScheduleActionStartSettings"]) return ctx.now + (ctx.standard ? IMMEDIATE_DELAY_STANDARD_MS : 0);
    const ref = s["followModeScheduleActionStartSettings"]?.["referenceActionName"];
    const target = schedule.find((x) => x.action["actionName"] === ref);
    // A follow action starts when its reference ends, which only a file input has; the emulator has no files.
    return target ? target.startMs : `reference action ${ref} is not in the schedule`;
}

function described(a: Json): Json {
    const out = structuredClone(a);
    const sw = out["scheduleActionSettings"]?.["inputSwitchSettings"];
    if (sw && sw["urlPath"] === undefined) sw["urlPath"] = [];
    return out;
}
