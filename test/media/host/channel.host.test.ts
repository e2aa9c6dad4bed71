import * as assert from "assert";
import { CHANNEL_TYPE } from "../../../components/media/medialive/channel";
import { HostError, UNKNOWN } from "../../helpers/dynamicHost";
import { channelInputs, createChain, createThroughHost, eventually, HostWorld, startWorld, urnOf, withSharpness } from "./fixture";

/**
 * The MediaLive channel provider as the engine runs it: the serialized `__provider` text in
 * Pulumi's dynamic-provider host, over gRPC, against the MediaLive emulator through the real SDK.
 */
describe("MediaLive channel provider in the engine's dynamic-provider host (emulated MediaLive)", function () {
    this.timeout(120_000);
    let w: HostWorld;
    before(async () => {
        w = await startWorld();
    });
    after(async () => {
        await w?.stop();
    });
    afterEach(() => {
        // Faults a failed test left behind must not leak into the next one.
        Object.assign(w.emulator.service.faults, {
            throttled: {},
            createOutcomes: [],
            updateOutcomes: [],
            rejectUpdates: [],
            lostCreateAnswers: 0,
            failedDeletes: 0,
        });
    });
    const svc = () => w.emulator.service;
    const callsFor = (id: string) =>
        svc()
            .events.filter((e) => e.kind === "call" && e.id === id)
            .map((e) => e.op);

    it("creates a channel that reads back IDLE, and a refresh followed by a diff with the same config is a no-op", async () => {
        const { channel, urn } = await createChain(w, "refresh-noop");
        assert.strictEqual(channel.state["state"], "IDLE");
        const refreshed = await w.host.read(urn, channel.id, channel.state);
        assert.strictEqual(refreshed.id, channel.id);
        // DescribeChannel added server defaults (FeatureActivations, H264 FlickerAq, empty lists...);
        // the refreshed state keeps only the keys the program sets.
        const described = svc().describeChannel(channel.id);
        assert.ok(described.encoderSettings.featureActivations && described.encoderSettings.videoDescriptions[0].codecSettings.h265Settings.flickerAq);
        assert.strictEqual(refreshed.props["request"].EncoderSettings.FeatureActivations, undefined);
        assert.strictEqual(refreshed.props["request"].EncoderSettings.VideoDescriptions[0].CodecSettings.H265Settings.FlickerAq, undefined);
        const diff = await w.host.diff(urn, channel.id, refreshed.props, channel.inputs);
        assert.deepStrictEqual({ changes: diff.changes, replaces: diff.replaces }, { changes: "none", replaces: [] });
    });

    it("reports a real change as an in-place update after a refresh", async () => {
        const { channel, urn } = await createChain(w, "refresh-change");
        const refreshed = await w.host.read(urn, channel.id, channel.state);
        const diff = await w.host.diff(urn, channel.id, refreshed.props, withSharpness(channel.inputs, 70));
        assert.strictEqual(diff.changes, "some");
        assert.deepStrictEqual(diff.replaces, []);
    });

    it("refuses to update a RUNNING channel without allowLiveUpdate, and the refusal's text reaches the engine intact", async () => {
        const { channel, urn } = await createChain(w, "refused-live");
        svc().run(channel.id);
        await assert.rejects(w.host.update(urn, channel.id, channel.state, withSharpness(channel.inputs, 60)), (e: HostError) => {
            assert.match(e.message, /is RUNNING and MediaLive only updates an IDLE channel/);
            assert.match(e.message, /set allowLiveUpdate: true on this channel in onair:season/);
            assert.doesNotMatch(e.message, /\[object Object\]/);
            return true;
        });
        assert.strictEqual(svc().channels.get(channel.id)!.state, "RUNNING");
        assert.ok(!callsFor(channel.id).includes("StopChannel"));
    });

    it("creates exactly one channel through five leading 429 TooManyRequestsException answers", async () => {
        svc().faults.throttle("CreateChannel", 5);
        const { channel } = await createChain(w, "throttled-create");
        assert.strictEqual(svc().liveChannelsNamed("throttled-create").length, 1);
        assert.strictEqual(w.emulator.calls.filter((c) => c.op === "CreateChannel" && c.status === 429).length, 5);
        assert.strictEqual(channel.state["state"], "IDLE");
    });

    it("gets the same channel back when the CreateChannel answer is lost, and when the engine retries the create", async () => {
        const input = await createThroughHost(w, "pulumi-nodejs:dynamic/medialive:Input", "retried-input", {
            __provider: w.providers.input,
            region: "us-east-1",
            request: { Name: "retried-input", Type: "RTP_PUSH", InputSecurityGroups: ["1"] },
            resourceUrn: "urn:retried-input",
        });
        svc().faults.lostCreateAnswers = 1;
        const inputs = channelInputs(w, "retried", input.id);
        const first = await createThroughHost(w, CHANNEL_TYPE, "retried", inputs);
        // The next `pulumi up` after a run that recorded nothing: same URN, same request, same RequestId.
        const again = await createThroughHost(w, CHANNEL_TYPE, "retried", inputs);
        assert.strictEqual(again.id, first.id);
        assert.strictEqual(svc().liveChannelsNamed("retried").length, 1);
    });

    it("keeps waiting through throttled DescribeChannel polls (backoff with jitter) instead of failing the create", async () => {
        svc().faults.throttle("DescribeChannel", 25);
        const { channel } = await createChain(w, "throttled-wait");
        assert.strictEqual(channel.state["state"], "IDLE");
        assert.ok(w.emulator.calls.filter((c) => c.op === "DescribeChannel" && c.status === 429).length >= 25);
    });

    it("deletes a CREATE_FAILED channel at once so no orphan keeps the input, and reports which channel failed", async () => {
        const input = await createThroughHost(w, "pulumi-nodejs:dynamic/medialive:Input", "failed-input", {
            __provider: w.providers.input,
            region: "us-east-1",
            request: { Name: "failed-input", Type: "RTP_PUSH", InputSecurityGroups: ["1"] },
            resourceUrn: "urn:failed-input",
        });
        svc().faults.createOutcomes.push("CREATE_FAILED");
        let failedId = "";
        await assert.rejects(createThroughHost(w, CHANNEL_TYPE, "create-failed", channelInputs(w, "create-failed", input.id)), (e: HostError) => {
            assert.match(e.message, /went to CREATE_FAILED while waiting to finish creating/);
            const m = /deleted the failed channel (\d+) so its input is free/.exec(e.message);
            assert.ok(m, e.message);
            failedId = m[1]!;
            return true;
        });
        assert.strictEqual(svc().liveChannelsNamed("create-failed").length, 0);
        assert.deepStrictEqual(
            callsFor(failedId).filter((op) => op === "DeleteChannel"),
            ["DeleteChannel"],
        );
        // The input is free again: the retried `pulumi up` creates the channel on it.
        await eventually(() => svc().inputs.get(input.id)!.state === "DETACHED", "the input to detach");
        const retried = await createThroughHost(w, CHANNEL_TYPE, "create-failed", channelInputs(w, "create-failed", input.id));
        assert.strictEqual(retried.state["state"], "IDLE");
    });

    it("reports a partially created channel (id and CREATE_FAILED state) when it cannot be cleaned up, replaces it on the next diff and deletes it promptly", async () => {
        const input = await createThroughHost(w, "pulumi-nodejs:dynamic/medialive:Input", "partial-input", {
            __provider: w.providers.input,
            region: "us-east-1",
            request: { Name: "partial-input", Type: "RTP_PUSH", InputSecurityGroups: ["1"] },
            resourceUrn: "urn:partial-input",
        });
        svc().faults.createOutcomes.push("CREATE_FAILED");
        svc().faults.failedDeletes = 100;
        const inputs = channelInputs(w, "partial", input.id);
        let partial: HostError["initFailed"];
        await assert.rejects(createThroughHost(w, CHANNEL_TYPE, "partial", inputs), (e: HostError) => {
            assert.match(e.message, /recorded in the stack and the next `pulumi up` replaces it/);
            partial = e.initFailed;
            return true;
        });
        svc().faults.failedDeletes = 0;
        assert.ok(partial, "the host packed ErrorResourceInitFailed");
        assert.strictEqual(partial!.properties["state"], "CREATE_FAILED");
        assert.strictEqual(svc().channels.get(partial!.id)!.state, "CREATE_FAILED");
        const diff = await w.host.diff(urnOf(CHANNEL_TYPE, "partial"), partial!.id, partial!.properties, inputs);
        assert.deepStrictEqual(diff.replaces, ["state"]);
        // Delete from CREATE_FAILED goes straight to DeleteChannel: no wait for an IDLE that never comes.
        const before = callsFor(partial!.id).length;
        await w.host.delete(urnOf(CHANNEL_TYPE, "partial"), partial!.id, partial!.properties);
        const ops = callsFor(partial!.id).slice(before);
        assert.deepStrictEqual(ops.slice(0, 2), ["DescribeChannel", "DeleteChannel"]);
        assert.ok(!svc().channels.has(partial!.id) || svc().channels.get(partial!.id)!.state === "DELETED");
    });

    it("reads a channel deleted out of band as gone, both while it reads DELETED and once it is NotFound", async () => {
        const { channel, urn } = await createChain(w, "oob-delete");
        svc().deleteOutOfBand(channel.id);
        const deleted = await w.host.read(urn, channel.id, channel.state);
        assert.strictEqual(deleted.id, "");
        await eventually(() => !svc().channels.has(channel.id), "the channel to be NotFound");
        const missing = await w.host.read(urn, channel.id, channel.state);
        assert.strictEqual(missing.id, "");
    });

    it("refuses to delete a RUNNING channel unless allowLiveDelete was recorded, then stops and deletes it", async () => {
        const { channel, urn } = await createChain(w, "running-delete");
        svc().run(channel.id);
        await assert.rejects(w.host.delete(urn, channel.id, channel.state), (e: HostError) => {
            assert.match(e.message, /is RUNNING: deleting or replacing it takes the channel off air/);
            assert.match(e.message, /set allowLiveDelete: true/);
            return true;
        });
        assert.strictEqual(svc().channels.get(channel.id)!.state, "RUNNING");
        await w.host.delete(urn, channel.id, { ...channel.state, allowLiveDelete: true });
        const ops = callsFor(channel.id);
        assert.ok(ops.indexOf("StopChannel") < ops.indexOf("DeleteChannel"));
        await eventually(() => !svc().channels.has(channel.id), "the channel to be gone");
    });

    it("reports an update, never a replacement, when the request is unknown at preview (whole or in part)", async () => {
        const { channel, urn } = await createChain(w, "preview-unknown");
        const whole = await w.host.diff(urn, channel.id, channel.state, { ...channel.inputs, request: UNKNOWN });
        assert.deepStrictEqual({ changes: whole.changes, replaces: whole.replaces }, { changes: "some", replaces: [] });
        const part = structuredClone(channel.inputs);
        part["request"].InputAttachments[0].InputId = UNKNOWN;
        part["request"].ChannelClass = UNKNOWN;
        const partial = await w.host.diff(urn, channel.id, channel.state, part);
        assert.deepStrictEqual({ changes: partial.changes, replaces: partial.replaces }, { changes: "some", replaces: [] });
    });

    it("changes the channel class with UpdateChannelClass instead of replacing the channel", async () => {
        const { channel, urn } = await createChain(w, "class-change");
        const single = structuredClone(channel.inputs);
        single["request"].ChannelClass = "SINGLE_PIPELINE";
        single["request"].Destinations[0].Settings = single["request"].Destinations[0].Settings.slice(0, 1);
        const diff = await w.host.diff(urn, channel.id, channel.state, single);
        assert.deepStrictEqual({ changes: diff.changes, replaces: diff.replaces }, { changes: "some", replaces: [] });
        const outs = await w.host.update(urn, channel.id, channel.state, single);
        assert.strictEqual(outs["state"], "IDLE");
        assert.ok(callsFor(channel.id).includes("UpdateChannelClass"));
        assert.strictEqual(svc().describeChannel(channel.id).channelClass, "SINGLE_PIPELINE");
    });

    it("restarts a live channel with its previous configuration when MediaLive rejects the update (422), and reports the rejection", async () => {
        const { channel, urn } = await createChain(w, "rejected-live", "us-east-1", { allowLiveUpdate: true });
        svc().run(channel.id);
        svc().faults.rejectUpdates.push({
            message: "Invalid encoder settings",
            validationErrors: [{ elementPath: "encoderSettings.videoDescriptions[0].sharpness", errorMessage: "out of range" }],
        });
        await assert.rejects(w.host.update(urn, channel.id, channel.state, withSharpness(channel.inputs, 60)), (e: HostError) => {
            assert.match(
                e.message,
                /the live update failed \(UnprocessableEntityException: Invalid encoder settings \(encoderSettings.videoDescriptions\[0\].sharpness: out of range\)\)/,
            );
            assert.match(e.message, /restarted the channel with its previous configuration and it is RUNNING/);
            return true;
        });
        const c = svc().channels.get(channel.id)!;
        assert.strictEqual(c.state, "RUNNING");
        assert.strictEqual(c.body["encoderSettings"].videoDescriptions[0].sharpness, 50);
        const ops = callsFor(channel.id).filter((op) => !op.startsWith("Describe"));
        assert.deepStrictEqual(ops, ["StopChannel", "UpdateChannel", "StartChannel"]);
    });

    it("after an UPDATE_FAILED live update puts the previous settings back and starts the channel again", async () => {
        const { channel, urn } = await createChain(w, "update-failed-live", "us-east-1", { allowLiveUpdate: true });
        svc().run(channel.id);
        svc().faults.updateOutcomes.push("UPDATE_FAILED");
        await assert.rejects(
            w.host.update(urn, channel.id, channel.state, withSharpness(channel.inputs, 60)),
            /went to UPDATE_FAILED while waiting to apply the update.*restarted the channel with its previous configuration/,
        );
        const c = svc().channels.get(channel.id)!;
        assert.strictEqual(c.state, "RUNNING");
        assert.strictEqual(c.body["encoderSettings"].videoDescriptions[0].sharpness, 50);
        assert.deepStrictEqual(
            callsFor(channel.id).filter((op) => !op.startsWith("Describe")),
            ["StopChannel", "UpdateChannel", "UpdateChannel", "StartChannel"],
        );
    });

    it("with allowLiveUpdate returns from a live update only once the channel is RUNNING again with the new settings", async () => {
        const { channel, urn } = await createChain(w, "live-ok", "us-east-1", { allowLiveUpdate: true });
        svc().run(channel.id);
        const outs = await w.host.update(urn, channel.id, channel.state, withSharpness(channel.inputs, 65));
        assert.strictEqual(outs["state"], "RUNNING");
        const c = svc().channels.get(channel.id)!;
        assert.strictEqual(c.state, "RUNNING");
        assert.strictEqual(c.body["encoderSettings"].videoDescriptions[0].sharpness, 65);
    });
});
