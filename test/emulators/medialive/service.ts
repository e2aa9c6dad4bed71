import { createHash } from "crypto";
import { describedChannel, describedInput } from "./defaults";
import { ChannelSchedule } from "./schedule";

type Json = Record<string, any>;

/**
 * An error answer, as the model declares the shape: `smithy.api#httpError` gives the status
 * (ConflictException 409, NotFoundException 404, TooManyRequestsException 429,
 * UnprocessableEntityException 422, BadRequestException 400, InternalServerErrorException 500).
 */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly shape: string,
        message: string,
        readonly body: Json = {},
    ) {
        super(message);
        this.name = shape;
    }
}

const conflict = (m: string) => new ApiError(409, "ConflictException", m);
const notFound = (m: string) => new ApiError(404, "NotFoundException", m);

export interface Delays {
    createMs: number;
    startMs: number;
    stopMs: number;
    updateMs: number;
    deleteMs: number;
    /** How long a deleted resource answers DELETED before NotFound. */
    goneMs: number;
    /** How long after its channel is deleted an input reads DETACHED. */
    detachMs: number;
}

export interface EmulatorEvent {
    at: number;
    region: string;
    kind: "call" | "state";
    op: string;
    id?: string;
    state?: string;
}

interface Channel {
    id: string;
    arn: string;
    region: string;
    state: string;
    /** The settings in wire (camelCase) form, without requestId and tags. */
    body: Json;
    tags: Record<string, string>;
    inputIds: string[];
    schedule: ChannelSchedule;
}

interface Input {
    id: string;
    arn: string;
    region: string;
    state: string;
    body: Json;
    tags: Record<string, string>;
    attachedTo?: string;
    destinations: Json[];
}

/** Faults a test arranges; each is consumed by the calls it applies to. */
export class Faults {
    /** Answer the next N calls of an operation (or "*") with 429 TooManyRequestsException. */
    throttled: Record<string, number> = {};
    /** Outcome of the next creates, in order (default IDLE). */
    createOutcomes: string[] = [];
    /** Outcome of the next accepted UpdateChannel calls (default IDLE). UPDATE_FAILED keeps the old settings. */
    updateOutcomes: string[] = [];
    /** Answer the next UpdateChannel calls with 422 UnprocessableEntityException and these validation errors. */
    rejectUpdates: { message: string; validationErrors: { elementPath: string; errorMessage: string }[] }[] = [];
    /** Perform the next N CreateChannel calls, then answer 500 (the answer is lost on the way). */
    lostCreateAnswers = 0;
    /** Answer the next N DeleteChannel calls with 500 InternalServerErrorException. */
    failedDeletes = 0;

    throttle(op: string, times: number): void {
        this.throttled[op] = (this.throttled[op] ?? 0) + times;
    }

    takeThrottle(op: string): boolean {
        for (const key of [op, "*"]) {
            if ((this.throttled[key] ?? 0) > 0) {
                this.throttled[key]!--;
                return true;
            }
        }
        return false;
    }
}

export const DEFAULT_DELAYS: Delays = { createMs: 60, startMs: 60, stopMs: 60, updateMs: 60, deleteMs: 60, goneMs: 300, detachMs: 60 };

/**
 * MediaLive's behaviour behind the HTTP bindings: asynchronous state transitions on timers,
 * RequestId idempotency, one channel per input, UpdateChannel only on IDLE, DELETED before
 * NotFound. What each rule rests on is cited where it is enforced.
 */
export class MediaLiveService {
    readonly faults = new Faults();
    readonly events: EmulatorEvent[] = [];
    readonly channels = new Map<string, Channel>();
    readonly inputs = new Map<string, Input>();
    /** The emulator's clock: schedule actions are judged past or ahead by it (tests may shift it). */
    now: () => number = () => Date.now();
    /** Largest DescribeSchedule page the emulator returns (the model allows up to 1000). */
    schedulePageCap = 1000;
    /** requestId -> [hash of the request body, resource id]. */
    private readonly tokens = new Map<string, [string, string]>();
    /** Last description of channels that are gone: a reused RequestId still answers them. */
    private readonly graveyard = new Map<string, Json>();
    private nextId = 1_000_000;
    private timers = new Set<NodeJS.Timeout>();

    constructor(readonly delays: Delays = { ...DEFAULT_DELAYS }) {}

    close(): void {
        for (const t of this.timers) clearTimeout(t);
        this.timers.clear();
    }

    record(region: string, kind: EmulatorEvent["kind"], op: string, id?: string, state?: string): void {
        this.events.push({ at: Date.now(), region, kind, op, ...(id ? { id } : {}), ...(state ? { state } : {}) });
    }

    private later(ms: number, run: () => void): void {
        const t = setTimeout(() => {
            this.timers.delete(t);
            run();
        }, ms);
        this.timers.add(t);
    }

    private setState(r: Channel | Input, state: string, op: string): void {
        r.state = state;
        this.record(r.region, "state", op, r.id, state);
    }

    /** Moves `r` to `via` now and to `to` after `ms`, unless something else changed it meanwhile. */
    private transition(r: Channel | Input, via: string, to: string, ms: number, op: string, then?: () => void): void {
        this.setState(r, via, op);
        this.later(ms, () => {
            if (r.state !== via) return;
            this.setState(r, to, op);
            then?.();
        });
    }

    private channel(id: string): Channel {
        const c = this.channels.get(id);
        if (!c) throw notFound(`Channel ${id} not found`);
        return c;
    }

    private input(id: string): Input {
        const i = this.inputs.get(id);
        if (!i) throw notFound(`Input ${id} not found`);
        return i;
    }

    /**
     * RequestId is the model's idempotency token for CreateChannel / CreateInput: the same token
     * with the same request answers the resource it made (even once deleted); the same token with
     * another request is a conflict.
     */
    private idempotent(requestId: string | undefined, body: Json): string | undefined {
        if (!requestId) return undefined;
        const seen = this.tokens.get(requestId);
        if (!seen) return undefined;
        if (seen[0] !== hash(body)) throw conflict(`RequestId ${requestId} was already used with a different request`);
        return seen[1];
    }

    // ---- channels

    createChannel(region: string, req: Json): Json {
        const { requestId, tags, ...body } = req;
        const again = this.idempotent(requestId, body);
        if (again) return { channel: this.graveyard.get(again) ?? this.describeChannelAny(again) };
        const inputIds: string[] = (body["inputAttachments"] ?? []).map((a: Json) => a.inputId);
        for (const inputId of inputIds) {
            const input = this.inputs.get(inputId);
            if (!input || input.state === "DELETED")
                throw new ApiError(422, "UnprocessableEntityException", `Input ${inputId} does not exist`, {
                    validationErrors: [{ elementPath: "inputAttachments", errorMessage: `input ${inputId} not found` }],
                });
            // An input can be attached to one channel only (DescribeInput.AttachedChannels: "currently an
            // input can only be attached to one channel").
            if (input.attachedTo && input.attachedTo !== "") throw conflict(`Input ${inputId} is already attached to channel ${input.attachedTo}`);
        }
        const id = String(this.nextId++);
        this.checkAttachments(body);
        const c: Channel = {
            id,
            arn: `arn:aws:medialive:${region}:123456789012:channel:${id}`,
            region,
            state: "CREATING",
            body,
            tags: { ...(tags ?? {}) },
            inputIds,
            schedule: new ChannelSchedule(),
        };
        this.channels.set(id, c);
        if (requestId) this.tokens.set(requestId, [hash(body), id]);
        for (const inputId of inputIds) {
            const input = this.inputs.get(inputId)!;
            input.attachedTo = id;
            this.setState(input, "ATTACHED", "CreateChannel");
        }
        this.transition(c, "CREATING", this.faults.createOutcomes.shift() ?? "IDLE", this.delays.createMs, "CreateChannel");
        if (this.faults.lostCreateAnswers > 0) {
            this.faults.lostCreateAnswers--;
            throw new ApiError(500, "InternalServerErrorException", "the answer to CreateChannel was lost");
        }
        return { channel: this.describeChannelAny(id) };
    }

    private describeChannelAny(id: string): Json {
        const c = this.channel(id);
        return describedChannel(c.body, { id: c.id, arn: c.arn, state: c.state, tags: { ...c.tags } });
    }

    describeChannel(id: string): Json {
        return this.describeChannelAny(id);
    }

    /**
     * What MediaLive attaches together (User Guide, "AWS Elemental MediaLive feature rules and
     * limits"): 0 to 2 push inputs per channel, up to 20 inputs; an automatic input failover pair is
     * two push inputs ("You can't set up pull inputs as a failover pair") of the same type ("Setting
     * up automatic input failover with RTMP and RTP inputs"), its secondary attached to the channel.
     * Push and pull per "Push and pull AWS Cloud inputs" (SRT caller is pull).
     */
    private checkAttachments(body: Json): void {
        const attachments: Json[] = body["inputAttachments"] ?? [];
        const typeOf = (inputId: string) => this.inputs.get(inputId)?.body["type"] ?? "MEDIACONNECT";
        const push = (t: string) => ["RTP_PUSH", "MEDIACONNECT", "RTMP_PUSH", "UDP_PUSH", "SRT_LISTENER", "INPUT_DEVICE", "AWS_CDI"].includes(t);
        const errors: { elementPath: string; errorMessage: string }[] = [];
        if (attachments.length > 20) errors.push({ elementPath: "inputAttachments", errorMessage: "a channel has at most 20 inputs" });
        if (attachments.filter((a) => push(typeOf(a["inputId"]))).length > 2)
            errors.push({ elementPath: "inputAttachments", errorMessage: "a channel has at most 2 push inputs" });
        attachments.forEach((a, i) => {
            const aif = a["automaticInputFailoverSettings"];
            if (!aif) return;
            const at = `inputAttachments[${i}].automaticInputFailoverSettings.secondaryInputId`;
            const secondary = aif["secondaryInputId"];
            if (!attachments.some((b) => b["inputId"] === secondary && b !== a))
                errors.push({ elementPath: at, errorMessage: `input ${secondary} is not attached to the channel` });
            else if (!push(typeOf(a["inputId"])) || !push(typeOf(secondary)))
                errors.push({ elementPath: at, errorMessage: "only push inputs can be an automatic input failover pair" });
            else if (typeOf(a["inputId"]) !== typeOf(secondary))
                errors.push({ elementPath: at, errorMessage: `the failover pair mixes ${typeOf(a["inputId"])} and ${typeOf(secondary)} inputs` });
        });
        if (errors.length > 0) throw new ApiError(422, "UnprocessableEntityException", "Invalid input attachments", { validationErrors: errors });
    }

    /** UpdateChannel only on IDLE (ConflictException otherwise, the model's error; User Guide: "The channel must be idle"). */
    updateChannel(id: string, req: Json): Json {
        const c = this.channel(id);
        // UPDATE_FAILED accepts a new update (a retry, or the previous settings put back): an
        // emulator assumption, see docs/adr (segment/GOP ADR lists what is verified and what is not).
        if (c.state !== "IDLE" && c.state !== "UPDATE_FAILED") throw conflict(`Channel ${id} is ${c.state}; only an IDLE channel can be updated`);
        const rejection = this.faults.rejectUpdates.shift();
        if (rejection) throw new ApiError(422, "UnprocessableEntityException", rejection.message, { validationErrors: rejection.validationErrors });
        if (req["inputAttachments"]) this.checkAttachments(req);
        const outcome = this.faults.updateOutcomes.shift() ?? "IDLE";
        const next: Json = { ...c.body, ...req };
        // UpdateChannelRequest.RoleArn: "If you do not specify this on an update call but the role was
        // previously set, the role will be removed from the channel."
        if (req["roleArn"] === undefined) delete next["roleArn"];
        if (outcome === "IDLE") c.body = next;
        this.transition(c, "UPDATING", outcome, this.delays.updateMs, "UpdateChannel");
        return { channel: this.describeChannelAny(id) };
    }

    /** The channel must be idle to change its class (User Guide, "Update the channel class"). */
    updateChannelClass(id: string, req: Json): Json {
        const c = this.channel(id);
        if (c.state !== "IDLE") throw conflict(`Channel ${id} is ${c.state}; the class of a running channel cannot change`);
        c.body = { ...c.body, channelClass: req["channelClass"], ...(req["destinations"] ? { destinations: req["destinations"] } : {}) };
        this.transition(c, "UPDATING", "IDLE", this.delays.updateMs, "UpdateChannelClass");
        return { channel: this.describeChannelAny(id) };
    }

    startChannel(id: string): Json {
        const c = this.channel(id);
        if (c.state !== "IDLE") throw conflict(`Channel ${id} is ${c.state}; only an IDLE channel can start`);
        this.transition(c, "STARTING", "RUNNING", this.delays.startMs, "StartChannel");
        return this.describeChannelAny(id);
    }

    stopChannel(id: string): Json {
        const c = this.channel(id);
        if (c.state !== "RUNNING" && c.state !== "RECOVERING") throw conflict(`Channel ${id} is ${c.state}; only a running channel can stop`);
        this.transition(c, "STOPPING", "IDLE", this.delays.stopMs, "StopChannel");
        return this.describeChannelAny(id);
    }

    /** DeleteChannel from IDLE or a failed state; DELETING, then DELETED, then NotFound. */
    deleteChannel(id: string): Json {
        const c = this.channel(id);
        if (this.faults.failedDeletes > 0) {
            this.faults.failedDeletes--;
            throw new ApiError(500, "InternalServerErrorException", `deleting channel ${id} failed`);
        }
        if (!["IDLE", "CREATE_FAILED", "UPDATE_FAILED"].includes(c.state)) throw conflict(`Channel ${id} is ${c.state}; stop it before deleting it`);
        this.transition(c, "DELETING", "DELETED", this.delays.deleteMs, "DeleteChannel", () => this.afterChannelDeleted(c));
        return this.describeChannelAny(id);
    }

    private afterChannelDeleted(c: Channel): void {
        for (const inputId of c.inputIds) {
            const input = this.inputs.get(inputId);
            if (!input || input.attachedTo !== c.id) continue;
            this.later(this.delays.detachMs, () => {
                input.attachedTo = undefined;
                if (input.state === "ATTACHED") this.setState(input, "DETACHED", "DeleteChannel");
            });
        }
        this.later(this.delays.goneMs, () => {
            this.graveyard.set(c.id, { ...this.describeChannelAny(c.id), state: "DELETED" });
            this.channels.delete(c.id);
        });
    }

    /** A delete behind OnAir's back (console, another tool). */
    deleteOutOfBand(id: string): void {
        const c = this.channel(id);
        this.setState(c, "DELETED", "out-of-band delete");
        this.afterChannelDeleted(c);
    }

    /** A channel started by the schedule (or an operator). */
    run(id: string): void {
        const c = this.channel(id);
        this.setState(c, "RUNNING", "StartChannel (schedule)");
    }

    // ---- schedule (rules in schedule.ts)

    private scheduled(id: string): Channel {
        const c = this.channel(id);
        if (c.state === "DELETED") throw notFound(`Channel ${id} not found`);
        return c;
    }

    describeSchedule(id: string, query: URLSearchParams): Json {
        const c = this.scheduled(id);
        const raw = query.get("maxResults");
        const maxResults = raw === null ? 1000 : Number(raw);
        if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000)
            throw new ApiError(400, "BadRequestException", `maxResults ${raw} is not 1-1000`);
        return c.schedule.page(this.now(), maxResults, query.get("nextToken") ?? undefined, this.schedulePageCap);
    }

    batchUpdateSchedule(id: string, body: Json): Json {
        const c = this.scheduled(id);
        const attachments = ((c.body["inputAttachments"] ?? []) as Json[]).map((a) => a["inputAttachmentName"]);
        const r = c.schedule.batch(body, { now: this.now(), attachments, standard: c.body["channelClass"] !== "SINGLE_PIPELINE" });
        if (r.errors.length > 0) throw new ApiError(422, "UnprocessableEntityException", "Invalid schedule actions", { validationErrors: r.errors });
        return { creates: { scheduleActions: r.created }, deletes: { scheduleActions: r.deleted } };
    }

    /** An action an earlier run left in the schedule (no validation: it may be past already). */
    seedAction(id: string, action: Json): void {
        const c = this.channel(id);
        const t = action["scheduleActionStartSettings"]?.["fixedModeScheduleActionStartSettings"]?.["time"];
        c.schedule.actions.push({ action: structuredClone(action), startMs: Date.parse(t) });
    }

    /** The attachment a running channel ingests: the last input switch due, else the first attachment. */
    activeInput(id: string): string | undefined {
        const c = this.channel(id);
        return c.schedule.activeInput(this.now()) ?? c.body["inputAttachments"]?.[0]?.["inputAttachmentName"];
    }

    // ---- tags

    createTags(arn: string, tags: Record<string, string>): void {
        const r = this.byArn(arn);
        r.tags = { ...r.tags, ...tags };
    }

    deleteTags(arn: string, keys: string[]): void {
        const r = this.byArn(arn);
        for (const k of keys) delete r.tags[k];
    }

    private byArn(arn: string): Channel | Input {
        const r = [...this.channels.values(), ...this.inputs.values()].find((x) => x.arn === arn);
        if (!r) throw notFound(`Resource ${arn} not found`);
        return r;
    }

    // ---- inputs

    createInput(region: string, req: Json): Json {
        const { requestId, tags, ...body } = req;
        const again = this.idempotent(requestId, body);
        if (again) return { input: this.describeInput(again) };
        const id = String(this.nextId++);
        const n = this.inputs.size;
        // RTP push inputs get two endpoints, both on port 5000 (User Guide, "Creating an RTP input":
        // "These endpoints include the port 5000"), whatever the upstream system planned.
        const destinations =
            body["type"] === "RTP_PUSH"
                ? [1, 2].map((k) => ({ ip: `198.51.100.${(n * 2 + k) % 250}`, port: "5000", url: `rtp://198.51.100.${(n * 2 + k) % 250}:5000` }))
                : [];
        const input: Input = {
            id,
            arn: `arn:aws:medialive:${region}:123456789012:input:${id}`,
            region,
            state: "CREATING",
            body,
            tags: { ...(tags ?? {}) },
            destinations,
        };
        this.inputs.set(id, input);
        if (requestId) this.tokens.set(requestId, [hash(body), id]);
        this.transition(input, "CREATING", "DETACHED", this.delays.createMs, "CreateInput");
        return { input: this.describeInput(id) };
    }

    describeInput(id: string): Json {
        const i = this.input(id);
        return describedInput(i.body, {
            id: i.id,
            arn: i.arn,
            state: i.state,
            tags: { ...i.tags },
            attachedChannels: i.attachedTo ? [i.attachedTo] : [],
            destinations: i.destinations,
        });
    }

    /** UpdateInput while the attached channel runs: answered 409 (an emulator assumption, ADR 001). */
    updateInput(id: string, req: Json): Json {
        const i = this.input(id);
        const channel = i.attachedTo ? this.channels.get(i.attachedTo) : undefined;
        if (channel && ["RUNNING", "STARTING", "RECOVERING"].includes(channel.state))
            throw conflict(`Input ${id} is attached to channel ${channel.id}, which is ${channel.state}`);
        i.body = { ...i.body, ...req };
        return { input: this.describeInput(id) };
    }

    /** DeleteInput only for a detached input (ConflictException while attached). */
    deleteInput(id: string): Json {
        const i = this.input(id);
        if (i.state === "ATTACHED" || i.attachedTo) throw conflict(`Input ${id} is attached to channel ${i.attachedTo}; delete the channel first`);
        this.transition(i, "DELETING", "DELETED", this.delays.deleteMs, "DeleteInput", () => this.later(this.delays.goneMs, () => this.inputs.delete(id)));
        return {};
    }

    /** Channels that exist (not deleted) whose name is `name`. */
    liveChannelsNamed(name: string): Channel[] {
        return [...this.channels.values()].filter((c) => c.body["name"] === name && c.state !== "DELETED" && c.state !== "DELETING");
    }
}

function hash(body: Json): string {
    return createHash("sha256")
        .update(JSON.stringify(sortKeys(body)))
        .digest("hex");
}

function sortKeys(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === "object")
        return Object.fromEntries(
            Object.keys(v)
                .sort()
                .map((k) => [k, sortKeys((v as Json)[k])]),
        );
    return v;
}
