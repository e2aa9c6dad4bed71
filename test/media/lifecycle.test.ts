import * as assert from "assert";
import type { CreateChannelRequest } from "@aws-sdk/client-medialive";
import { createInput, deleteInput, diffInput, updateInput } from "../../components/media/medialive/inputLifecycle";
import { ChannelInputs, ChannelStateError, createChannel, deleteChannel, diffChannel, readChannel, TIMEOUTS, updateChannel } from "../../components/media/medialive/lifecycle";
import { mediaLiveChannelProvider } from "../../components/media/medialive/provider";
import { onairChannel } from "../policies/fixtures";
import { FakeClock, FakeMediaLive } from "./fakeMediaLive";

function inputs(overrides: Partial<ChannelInputs> = {}): ChannelInputs {
    const request = (onairChannel().props as { request: CreateChannelRequest }).request;
    return { region: "us-east-1", request: { ...request, Tags: { "onair:season": "test" } }, allowLiveUpdate: false, ...overrides };
}

function changed(i: ChannelInputs): ChannelInputs {
    const request = structuredClone(i.request);
    request.EncoderSettings!.VideoDescriptions![0]!.Sharpness = 60;
    return { ...i, request };
}

describe("MediaLive channel lifecycle (dynamic provider CRUD, fake API)", () => {
    it("creates the channel and waits until it is IDLE", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        assert.strictEqual(outs.state, "IDLE");
        assert.strictEqual(outs.channelId, id);
        assert.match(outs.arn, /:channel:/);
        assert.deepStrictEqual(api.mutations, ["createChannel test-season-main-uhd"]);
        assert.strictEqual(clock.sleeps, 1);
        assert.strictEqual(clock.t, TIMEOUTS.pollMs);
    });

    it("fails a create that ends in CREATE_FAILED with the state in the message", async () => {
        const api = new FakeMediaLive();
        api.createOutcome = "CREATE_FAILED";
        await assert.rejects(createChannel(api, inputs(), new FakeClock()), /went to CREATE_FAILED while waiting to finish creating/);
    });

    it("reads drift back in request shape and reports a deleted channel as gone", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        api.channels.get(id)!.request.LogLevel = "DEBUG";
        const read = await readChannel(api, id, outs);
        assert.strictEqual(read.props?.request.LogLevel, "DEBUG");
        api.channels.delete(id);
        assert.deepStrictEqual(await readChannel(api, id, outs), {});
    });

    it("diffs: settings change updates in place; region or class change replaces, deleting first", () => {
        const base = inputs();
        assert.deepStrictEqual(diffChannel(base, structuredClone(base)), { changes: false, replaces: [], deleteBeforeReplace: true });
        assert.deepStrictEqual(diffChannel(base, changed(base)).replaces, []);
        assert.strictEqual(diffChannel(base, changed(base)).changes, true);
        assert.deepStrictEqual(diffChannel(base, { ...base, region: "us-west-2" }).replaces, ["region"]);
        const single = structuredClone(base);
        single.request.ChannelClass = "SINGLE_PIPELINE";
        assert.deepStrictEqual(diffChannel(base, single).replaces, ["request.ChannelClass"]);
        // Key order does not matter: a channel read back from the API compares equal.
        const reordered = { ...base, request: Object.fromEntries(Object.entries(base.request).reverse()) as CreateChannelRequest };
        assert.strictEqual(diffChannel(base, reordered).changes, false);
    });

    it("updates an IDLE channel in place and waits for the update to finish, re-sending the role", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        const result = await updateChannel(api, id, outs, changed(inputs()), clock);
        assert.deepStrictEqual(api.mutations, ["createChannel test-season-main-uhd", `updateChannel ${id}`]);
        assert.strictEqual(api.channels.get(id)!.state, "IDLE");
        assert.strictEqual(api.channels.get(id)!.request.RoleArn, inputs().request.RoleArn);
        assert.strictEqual(result.state, "IDLE");
    });

    it("refuses to touch a RUNNING channel unless allowLiveUpdate is set, with a clear error and no API change", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        api.run(id);
        await assert.rejects(updateChannel(api, id, outs, changed(inputs()), clock), (e: unknown) => {
            assert.ok(e instanceof ChannelStateError);
            assert.match(e.message, /is RUNNING and MediaLive only updates an IDLE channel/);
            assert.match(e.message, /set allowLiveUpdate: true on this channel in onair:season/);
            return true;
        });
        assert.deepStrictEqual(api.mutations, ["createChannel test-season-main-uhd"]);
        assert.strictEqual(api.channels.get(id)!.state, "RUNNING");
    });

    it("with allowLiveUpdate stops, waits, updates, waits, starts and waits, in that order", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        api.run(id);
        const news = changed(inputs({ allowLiveUpdate: true }));
        const result = await updateChannel(api, id, outs, news, clock);
        assert.deepStrictEqual(api.mutations.slice(1), [`stopChannel ${id}`, `updateChannel ${id}`, `startChannel ${id}`]);
        const seq = api.calls.slice(api.calls.indexOf(`stopChannel ${id}`));
        // every mutation is followed by polling until the channel settles
        assert.ok(seq.indexOf(`updateChannel ${id}`) > seq.indexOf(`describeChannel ${id}`));
        assert.strictEqual(api.channels.get(id)!.state, "RUNNING");
        assert.strictEqual(result.state, "RUNNING");
    });

    it("only syncs tags when nothing else changed, in any channel state", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        api.run(id);
        const news = inputs();
        news.request = { ...news.request, Tags: { owner: "ops" } };
        await updateChannel(api, id, outs, news, clock);
        assert.deepStrictEqual(api.mutations.slice(1), ["untagResource onair:season", "tagResource owner"]);
    });

    it("refuses an update while the channel is in a transitional state", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        api.channels.get(id)!.state = "STOPPING";
        await assert.rejects(updateChannel(api, id, outs, changed(inputs({ allowLiveUpdate: true })), clock), /is STOPPING; MediaLive only updates an IDLE channel/);
    });

    it("times out waiting for a channel that never starts, naming the state", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createChannel(api, inputs(), clock);
        api.run(id);
        api.stuckStarting = true;
        await assert.rejects(updateChannel(api, id, outs, changed(inputs({ allowLiveUpdate: true })), clock), /still STARTING after 900 s waiting to start again after the update/);
    });

    it("stops a RUNNING channel before deleting it, then waits for the deletion", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id } = await createChannel(api, inputs(), clock);
        api.run(id);
        await deleteChannel(api, id, clock);
        assert.deepStrictEqual(api.mutations.slice(1), [`stopChannel ${id}`, `deleteChannel ${id}`]);
        assert.strictEqual(api.channels.has(id), false);
    });

    it("deletes an IDLE channel directly and treats an already deleted channel as done", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id } = await createChannel(api, inputs(), clock);
        await deleteChannel(api, id, clock);
        assert.deepStrictEqual(api.mutations.slice(1), [`deleteChannel ${id}`]);
        await deleteChannel(api, id, clock);
        assert.deepStrictEqual(api.mutations.slice(1), [`deleteChannel ${id}`]);
    });

    it("routes provider calls to the API of the resource's region", async () => {
        const regions: string[] = [];
        const api = new FakeMediaLive();
        const provider = mediaLiveChannelProvider((region) => {
            regions.push(region);
            return api;
        }, new FakeClock());
        const created = await provider.create!(inputs({ region: "us-west-2" }));
        await provider.delete!(created.id, created.outs);
        assert.deepStrictEqual(regions, ["us-west-2", "us-west-2"]);
    });
});

describe("MediaLive direct input lifecycle (fake API)", () => {
    const rtp = { region: "us-east-1", request: { Name: "in", Type: "RTP_PUSH" as const, InputSecurityGroups: ["123"], Tags: {} } };

    it("creates an input, waits until DETACHED and reports its push endpoints", async () => {
        const api = new FakeMediaLive();
        const { outs } = await createInput(api, rtp, new FakeClock());
        assert.strictEqual(outs.state, "DETACHED");
        assert.deepStrictEqual(outs.destinations.map((d) => d.ip), ["10.0.0.1", "10.0.0.2"]);
    });

    it("replaces on a type change and updates security groups in place", async () => {
        assert.deepStrictEqual(diffInput(rtp, { ...rtp, request: { ...rtp.request, Type: "SRT_CALLER" } }).replaces, ["request.Type"]);
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id, outs } = await createInput(api, rtp, clock);
        await updateInput(api, id, outs, { ...rtp, request: { ...rtp.request, InputSecurityGroups: ["456"] } });
        assert.deepStrictEqual(api.inputs.get(id)!.request.InputSecurityGroups, ["456"]);
    });

    it("refuses to delete an input still attached to a channel", async () => {
        const api = new FakeMediaLive();
        const clock = new FakeClock();
        const { id } = await createInput(api, rtp, clock);
        api.inputs.get(id)!.state = "ATTACHED";
        await assert.rejects(deleteInput(api, id, clock), /still attached to a channel/);
        api.inputs.get(id)!.state = "DETACHED";
        await deleteInput(api, id, clock);
        assert.strictEqual(api.inputs.has(id), false);
    });
});
