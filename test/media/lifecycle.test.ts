import * as assert from "assert";
import type { CreateChannelRequest } from "@aws-sdk/client-medialive";
import { diffChannel } from "../../components/media/medialive/channelDiff";
import { updateChannel } from "../../components/media/medialive/channelUpdate";
import { canonical, changedPaths, project, UNKNOWN, wireSafe } from "../../components/media/medialive/drift";
import { createInput, deleteInput, diffInput, readInput, updateInput } from "../../components/media/medialive/inputLifecycle";
import { ChannelInputs, createChannel, deleteChannel, Env, readChannel } from "../../components/media/medialive/lifecycle";
import { mediaLiveChannelProvider } from "../../components/media/medialive/provider";
import { requestId } from "../../components/media/medialive/requestId";
import { DEFAULT_TIMING, providerTiming } from "../../components/media/medialive/timing";
import { nextDelay } from "../../components/media/medialive/wait";
import { onairChannel } from "../policies/fixtures/medialive/channel";
import { FakeClock, FakeMediaLive } from "./fakeMediaLive";

function inputs(overrides: Partial<ChannelInputs> = {}): ChannelInputs {
    const request = (onairChannel().props as { request: CreateChannelRequest }).request;
    return {
        region: "us-east-1",
        request: { ...request, Tags: { "onair:season": "test" } },
        allowLiveUpdate: false,
        allowLiveDelete: false,
        resourceUrn: "urn:pulumi:test::onair::x::ch",
        ...overrides,
    };
}

function changed(i: ChannelInputs): ChannelInputs {
    const request = structuredClone(i.request);
    request.EncoderSettings!.VideoDescriptions![0]!.Sharpness = 60;
    return { ...i, request };
}

function world(): { api: FakeMediaLive; clock: FakeClock; env: Env } {
    const api = new FakeMediaLive();
    const clock = new FakeClock();
    return { api, clock, env: { api, clock, timing: DEFAULT_TIMING } };
}

describe("MediaLive channel lifecycle (in process, fake API)", () => {
    it("creates the channel with a RequestId derived from URN and request, and waits until it is IDLE", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        assert.strictEqual(outs.state, "IDLE");
        assert.strictEqual(outs.channelId, id);
        assert.deepStrictEqual(api.mutations, ["createChannel test-season-main-uhd"]);
        assert.strictEqual(requestId("urn:a", { x: 1 }), requestId("urn:a", { x: 1 }));
        assert.notStrictEqual(requestId("urn:a", { x: 1 }), requestId("urn:b", { x: 1 }));
        assert.notStrictEqual(requestId("urn:a", { x: 1 }), requestId("urn:a", { x: 2 }));
        assert.notStrictEqual(requestId("urn:a", { x: 1 }, 0), requestId("urn:a", { x: 1 }, 1));
    });

    it("deletes a channel that ends in CREATE_FAILED straight away and says so", async () => {
        const { api, env } = world();
        api.createOutcome = "CREATE_FAILED";
        await assert.rejects(createChannel(env, inputs()), /went to CREATE_FAILED while waiting to finish creating.*OnAir deleted the failed channel/);
        assert.ok(api.mutations.some((m) => m.startsWith("deleteChannel")));
    });

    it("reads drift back on the request's keys only, and a deleted channel as gone", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        api.channels.get(id)!.request.LogLevel = "DEBUG";
        (api.channels.get(id)!.request as Record<string, unknown>)["Maintenance"] = { MaintenanceDay: "MONDAY" };
        const read = await readChannel(env, id, outs);
        assert.strictEqual(read.props?.request.LogLevel, "DEBUG");
        assert.strictEqual((read.props?.request as Record<string, unknown>)["Maintenance"], undefined);
        api.channels.get(id)!.state = "DELETED";
        api.channels.get(id)!.pending = 99;
        assert.deepStrictEqual(await readChannel(env, id, outs), {});
    });

    it("diffs: settings change updates in place with detailedDiff; only a region change replaces; unknowns never replace", () => {
        const base = { ...inputs(), channelId: "1", arn: "a", state: "IDLE" };
        assert.strictEqual(diffChannel(base, inputs()).changes, false);
        const d = diffChannel(base, changed(inputs()));
        assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
        assert.deepStrictEqual(Object.keys(d.detailedDiff), ["request.EncoderSettings.VideoDescriptions[0].Sharpness"]);
        assert.deepStrictEqual(diffChannel(base, { ...inputs(), region: "us-west-2" }).replaces, ["region"]);
        const single = inputs();
        single.request.ChannelClass = "SINGLE_PIPELINE";
        assert.deepStrictEqual(diffChannel(base, single).replaces, []);
        assert.deepStrictEqual(diffChannel(base, { ...inputs(), request: UNKNOWN as never }), {
            changes: true,
            replaces: [],
            deleteBeforeReplace: true,
            detailedDiff: { request: { kind: "update", inputDiff: true } },
        });
        assert.deepStrictEqual(diffChannel({ ...base, state: "CREATE_FAILED" }, inputs()).replaces, ["state"]);
        // Key order and empty lists the program never set do not matter.
        const reordered = {
            ...inputs(),
            request: { ...(Object.fromEntries(Object.entries(inputs().request).reverse()) as CreateChannelRequest), CdiInputSpecification: undefined },
        };
        assert.strictEqual(diffChannel(base, reordered).changes, false);
        assert.strictEqual(diffChannel(base, { ...inputs(), allowLiveDelete: true }).changes, true);
    });

    it("projects described values onto the request's shape and compares without empty lists", () => {
        assert.deepStrictEqual(project({ A: 1, B: { C: 2, D: 3 }, L: [{ X: 1, Y: 2 }, { X: 3 }] }, { A: 0, B: { C: 0 }, L: [{ X: 0 }] }), {
            A: 1,
            B: { C: 2 },
            L: [{ X: 1 }, { X: 3 }],
        });
        assert.deepStrictEqual(canonical({ a: [], b: null, c: { d: undefined, e: {} } }), { c: { e: {} } });
        assert.deepStrictEqual(changedPaths({ a: { b: 1 } }, { a: { b: 2, c: 3 } }), { "a.b": "update", "a.c": "add" });
        assert.deepStrictEqual(wireSafe({ a: undefined, b: [1, undefined], c: { d: undefined } }), { b: [1], c: {} });
    });

    it("updates an IDLE channel in place, waits for the update, re-sends the role and checks the new settings took", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        const result = await updateChannel(env, id, outs, changed(inputs()));
        assert.deepStrictEqual(api.mutations, ["createChannel test-season-main-uhd", `updateChannel ${id}`]);
        assert.strictEqual(api.channels.get(id)!.request.RoleArn, inputs().request.RoleArn);
        assert.strictEqual(result.state, "IDLE");
    });

    it("refuses to touch a RUNNING channel unless allowLiveUpdate is set, with a plain Error and no API change", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        api.run(id);
        await assert.rejects(updateChannel(env, id, outs, changed(inputs())), (e: Error) => {
            assert.strictEqual(e.constructor, Error);
            assert.match(e.message, /is RUNNING and MediaLive only updates an IDLE channel/);
            return true;
        });
        assert.deepStrictEqual(api.mutations, ["createChannel test-season-main-uhd"]);
    });

    it("with allowLiveUpdate stops, updates, starts and returns RUNNING", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        api.run(id);
        const result = await updateChannel(env, id, outs, changed(inputs({ allowLiveUpdate: true })));
        assert.deepStrictEqual(api.mutations.slice(1), [`stopChannel ${id}`, `updateChannel ${id}`, `startChannel ${id}`]);
        assert.strictEqual(result.state, "RUNNING");
    });

    it("changes the channel class with UpdateChannelClass before the settings", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        const single = inputs();
        single.request = { ...single.request, ChannelClass: "SINGLE_PIPELINE" };
        await updateChannel(env, id, outs, single);
        assert.deepStrictEqual(api.mutations.slice(1), [`updateChannelClass ${id} SINGLE_PIPELINE`, `updateChannel ${id}`]);
    });

    it("only syncs tags when nothing else changed, in any channel state", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        api.run(id);
        const news = inputs();
        news.request = { ...news.request, Tags: { owner: "ops" } };
        await updateChannel(env, id, outs, news);
        assert.deepStrictEqual(api.mutations.slice(1), ["untagResource onair:season", "tagResource owner"]);
    });

    it("times out waiting for a channel that never starts, naming the state", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        api.run(id);
        api.stuckStarting = true;
        await assert.rejects(
            updateChannel(env, id, outs, changed(inputs({ allowLiveUpdate: true }))),
            /still STARTING after 900 s waiting to start again after the update/,
        );
    });

    it("refuses to delete a RUNNING channel without allowLiveDelete; with it, stops first", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        api.run(id);
        await assert.rejects(deleteChannel(env, id, outs), /takes the channel off air/);
        await deleteChannel(env, id, { ...outs, allowLiveDelete: true });
        assert.deepStrictEqual(api.mutations.slice(1), [`stopChannel ${id}`, `deleteChannel ${id}`]);
        assert.strictEqual(api.channels.has(id), false);
    });

    it("deletes an IDLE channel directly and treats an already deleted channel as done", async () => {
        const { api, env } = world();
        const { id, outs } = await createChannel(env, inputs());
        await deleteChannel(env, id, outs);
        await deleteChannel(env, id, outs);
        assert.deepStrictEqual(api.mutations.slice(1), [`deleteChannel ${id}`]);
    });

    it("routes provider calls to the API of the resource's region", async () => {
        const regions: string[] = [];
        const api = new FakeMediaLive();
        const provider = mediaLiveChannelProvider(
            (region) => {
                regions.push(region);
                return api;
            },
            new FakeClock(),
            () => DEFAULT_TIMING,
        );
        const created = await provider.create!(inputs({ region: "us-west-2" }));
        await provider.delete!(created.id, created.outs);
        assert.deepStrictEqual(regions, ["us-west-2", "us-west-2"]);
    });
});

describe("MediaLive provider timing and backoff", () => {
    it("polls every 5 s by default and takes ONAIR_MEDIALIVE_POLL_MS within 10-60000 ms", () => {
        assert.strictEqual(providerTiming({}).pollMs, 5000);
        assert.strictEqual(providerTiming({ ONAIR_MEDIALIVE_POLL_MS: "25" }).pollMs, 25);
        assert.strictEqual(providerTiming({ ONAIR_MEDIALIVE_POLL_MS: "5" }).pollMs, 5000);
        assert.strictEqual(providerTiming({ ONAIR_MEDIALIVE_POLL_MS: "fast" }).pollMs, 5000);
        assert.strictEqual(providerTiming({ ONAIR_MEDIALIVE_POLL_MS: "25" }).createMs, DEFAULT_TIMING.createMs);
    });

    it("jitters polls by +/-20% and backs off exponentially with full jitter, capped, after throttling", () => {
        const at = (r: number) => ({ sleep: async () => undefined, now: () => 0, random: () => r });
        assert.strictEqual(nextDelay(0, at(0), DEFAULT_TIMING), 4000);
        assert.strictEqual(nextDelay(0, at(0.999999), DEFAULT_TIMING), 6000);
        assert.strictEqual(nextDelay(3, at(0.999999), DEFAULT_TIMING), 40000);
        assert.strictEqual(nextDelay(10, at(0.999999), DEFAULT_TIMING), 60000);
        assert.strictEqual(nextDelay(3, at(0), DEFAULT_TIMING), 2500);
    });
});

describe("MediaLive direct input lifecycle (in process, fake API)", () => {
    const rtp = { region: "us-east-1", resourceUrn: "urn:in", request: { Name: "in", Type: "RTP_PUSH" as const, InputSecurityGroups: ["123"], Tags: {} } };

    it("creates an input, waits until DETACHED and reports its push endpoints", async () => {
        const { env } = world();
        const { outs } = await createInput(env, rtp);
        assert.strictEqual(outs.state, "DETACHED");
        assert.deepStrictEqual(
            outs.destinations.map((d) => d.port),
            ["5000", "5000"],
        );
    });

    it("reads an RTP_PUSH input without undefined members (the host cannot encode them)", async () => {
        const { env } = world();
        const { id, outs } = await createInput(env, rtp);
        const read = await readInput(env, id, outs);
        const has = (v: unknown): boolean => v === undefined || (typeof v === "object" && v !== null && Object.values(v).some(has));
        assert.strictEqual(has(read.props), false);
    });

    it("replaces on a type change and updates security groups in place", async () => {
        const { api, env } = world();
        const { id, outs } = await createInput(env, rtp);
        assert.deepStrictEqual(diffInput(outs, { ...rtp, request: { ...rtp.request, Type: "SRT_CALLER" } }).replaces, ["request.Type"]);
        await updateInput(env, id, outs, { ...rtp, request: { ...rtp.request, InputSecurityGroups: ["456"] } });
        assert.deepStrictEqual(api.inputs.get(id)!.request.InputSecurityGroups, ["456"]);
    });

    it("waits for an attached input to detach before deleting it", async () => {
        const { api, env } = world();
        const { id, outs } = await createInput(env, rtp);
        const i = api.inputs.get(id)!;
        i.state = "ATTACHED";
        i.pending = 2;
        i.next = "DETACHED";
        await deleteInput(env, id, outs);
        assert.strictEqual(api.inputs.has(id), false);
    });
});
