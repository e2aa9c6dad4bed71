import type { CreateChannelRequest, CreateInputRequest } from "@aws-sdk/client-medialive";
import { ChannelDescription, Clock, InputDescription, MediaLiveApi } from "../../components/media/medialive/api";

interface FakeChannel {
    state: string;
    request: CreateChannelRequest;
    arn: string;
    /** Describes left before a transitional state settles. */
    pending: number;
    next?: string;
}

interface FakeInput {
    state: string;
    attachedTo?: string;
    request: CreateInputRequest;
    arn: string;
    pending: number;
    next?: string;
}

/**
 * An in-memory MediaLive: channels move through MediaLive's states, transitional states settle
 * after a few describes, every call is recorded in order. Failures are injected per operation.
 */
export class FakeMediaLive implements MediaLiveApi {
    readonly calls: string[] = [];
    readonly channels = new Map<string, FakeChannel>();
    readonly inputs = new Map<string, FakeInput>();
    /** How many describes a transition takes. */
    settleAfter = 2;
    /** State a create lands in (CREATE_FAILED to simulate a bad request). */
    createOutcome = "IDLE";
    updateOutcome = "IDLE";
    /** Never leave STARTING (a channel that cannot start). */
    stuckStarting = false;
    private nextId = 1000;

    private transition(c: { state: string; pending: number; next?: string }, via: string, to: string) {
        c.state = via;
        c.pending = this.settleAfter;
        c.next = to;
    }

    private settle(c: { state: string; pending: number; next?: string }) {
        if (c.next === undefined) return;
        if (c.state === "STARTING" && this.stuckStarting) return;
        if (--c.pending <= 0) {
            c.state = c.next;
            delete c.next;
        }
    }

    async createChannel(request: CreateChannelRequest) {
        const id = String(this.nextId++);
        this.calls.push(`createChannel ${request.Name}`);
        const c: FakeChannel = {
            state: "CREATING",
            request: structuredClone(request),
            arn: `arn:aws:medialive:us-east-1:123456789012:channel:${id}`,
            pending: 0,
        };
        this.transition(c, "CREATING", this.createOutcome);
        this.channels.set(id, c);
        return { id, arn: c.arn };
    }

    async describeChannel(id: string): Promise<ChannelDescription | undefined> {
        this.calls.push(`describeChannel ${id}`);
        const c = this.channels.get(id);
        if (!c) return undefined;
        this.settle(c);
        if (c.state === "DELETED") {
            this.channels.delete(id);
            return undefined;
        }
        return { id, arn: c.arn, state: c.state, request: structuredClone(c.request) };
    }

    private channel(id: string, op: string, allowed: string[]): FakeChannel {
        const c = this.channels.get(id);
        if (!c) throw Object.assign(new Error(`channel ${id} not found`), { name: "NotFoundException" });
        if (!allowed.includes(c.state)) throw Object.assign(new Error(`${op}: channel ${id} is ${c.state}`), { name: "ConflictException" });
        return c;
    }

    async updateChannel(id: string, request: Omit<CreateChannelRequest, "Tags">) {
        this.calls.push(`updateChannel ${id}`);
        const c = this.channel(id, "UpdateChannel", ["IDLE"]);
        c.request = { ...c.request, ...structuredClone(request) };
        this.transition(c, "UPDATING", this.updateOutcome);
    }

    async updateChannelClass(id: string, channelClass: string, destinations: CreateChannelRequest["Destinations"]) {
        this.calls.push(`updateChannelClass ${id} ${channelClass}`);
        const c = this.channel(id, "UpdateChannelClass", ["IDLE"]);
        c.request = { ...c.request, ChannelClass: channelClass as "STANDARD", ...(destinations ? { Destinations: destinations } : {}) };
        this.transition(c, "UPDATING", "IDLE");
    }

    async startChannel(id: string) {
        this.calls.push(`startChannel ${id}`);
        this.transition(this.channel(id, "StartChannel", ["IDLE"]), "STARTING", "RUNNING");
    }

    async stopChannel(id: string) {
        this.calls.push(`stopChannel ${id}`);
        this.transition(this.channel(id, "StopChannel", ["RUNNING", "RECOVERING"]), "STOPPING", "IDLE");
    }

    async deleteChannel(id: string) {
        this.calls.push(`deleteChannel ${id}`);
        this.transition(this.channel(id, "DeleteChannel", ["IDLE", "CREATE_FAILED", "UPDATE_FAILED"]), "DELETING", "DELETED");
    }

    async tagResource(arn: string, tags: Record<string, string>) {
        this.calls.push(`tagResource ${Object.keys(tags).sort().join(",")}`);
        for (const c of this.channels.values()) if (c.arn === arn) c.request.Tags = { ...c.request.Tags, ...tags };
    }

    async untagResource(arn: string, keys: string[]) {
        this.calls.push(`untagResource ${keys.sort().join(",")}`);
        for (const c of this.channels.values()) if (c.arn === arn) for (const k of keys) delete c.request.Tags?.[k];
    }

    async createInput(request: CreateInputRequest) {
        const id = String(this.nextId++);
        this.calls.push(`createInput ${request.Type}`);
        const i: FakeInput = { state: "CREATING", request: structuredClone(request), arn: `arn:aws:medialive:us-east-1:123456789012:input:${id}`, pending: 0 };
        this.transition(i, "CREATING", "DETACHED");
        this.inputs.set(id, i);
        return { id, arn: i.arn };
    }

    async describeInput(id: string): Promise<InputDescription | undefined> {
        this.calls.push(`describeInput ${id}`);
        const i = this.inputs.get(id);
        if (!i) return undefined;
        this.settle(i);
        if (i.state === "DELETED") {
            this.inputs.delete(id);
            return undefined;
        }
        const push = i.request.Type === "RTP_PUSH";
        const destinations = push ? [0, 1].map((n) => ({ ip: `10.0.0.${n + 1}`, port: "5000", url: `rtp://10.0.0.${n + 1}:5000` })) : [];
        return { id, arn: i.arn, state: i.state, destinations, attachedChannels: i.attachedTo ? [i.attachedTo] : [], request: structuredClone(i.request) };
    }

    async updateInput(id: string, request: Partial<CreateInputRequest>) {
        this.calls.push(`updateInput ${id}`);
        const i = this.inputs.get(id)!;
        i.request = { ...i.request, ...structuredClone(request) } as CreateInputRequest;
    }

    async deleteInput(id: string) {
        this.calls.push(`deleteInput ${id}`);
        const i = this.inputs.get(id)!;
        this.transition(i, "DELETING", "DELETED");
    }

    // The schedule provider is tested against the emulator (test/emulators/medialive), through the real SDK.
    async describeSchedule(): Promise<never> {
        throw new Error("the in-memory fake has no schedule; schedule tests run against the MediaLive emulator");
    }

    async batchUpdateSchedule(): Promise<never> {
        throw new Error("the in-memory fake has no schedule; schedule tests run against the MediaLive emulator");
    }

    /** Marks a channel as running (as if the schedule had started it). */
    run(id: string) {
        const c = this.channels.get(id)!;
        c.state = "RUNNING";
        delete c.next;
    }

    /** The calls that change something, without the polling. */
    get mutations(): string[] {
        return this.calls.filter((c) => !c.startsWith("describe"));
    }
}

/** A clock that never waits: sleeping advances time; jitter is always the midpoint. */
export class FakeClock implements Clock {
    t = 0;
    sleeps = 0;
    async sleep(ms: number) {
        this.t += ms;
        this.sleeps++;
    }
    random() {
        return 0.5;
    }
    now() {
        return this.t;
    }
}
