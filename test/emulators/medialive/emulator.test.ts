import * as assert from "assert";
import type { MediaLiveApi } from "../../../components/media/medialive/api";
import { RunningEmulator } from "./server";
import { emulatorSuite } from "./suite";

/**
 * The emulator itself, through the real SDK client and OnAir's sdkApi: the service behaviours the
 * provider tests rely on (what each rests on is cited in service.ts).
 */
describe("MediaLive emulator (real @aws-sdk/client-medialive over HTTP on 127.0.0.1)", function () {
    this.timeout(60_000);
    const suite = emulatorSuite("us-west-2");
    let emu: RunningEmulator;
    let api: MediaLiveApi;
    before(() => {
        emu = suite.emu();
        api = suite.api();
    });
    /** Polls (bounded) until the channel leaves its transitional state: no fixed sleeps. */
    async function settled(id: string): Promise<string> {
        for (let i = 0; i < 500; i++) {
            const state = (await api.describeChannel(id))?.state ?? "NotFound";
            if (!["CREATING", "UPDATING", "DELETING", "STARTING", "STOPPING"].includes(state)) return state;
            await new Promise((r) => setTimeout(r, 20));
        }
        throw new Error(`channel ${id} never settled`);
    }

    async function channelOn(name: string, requestId?: string) {
        const input = await api.createInput({ Name: `${name}-in`, Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        const ch = await api.createChannel({
            Name: name,
            ChannelClass: "STANDARD",
            InputAttachments: [{ InputId: input.id, InputAttachmentName: "in" }],
            ...(requestId ? { RequestId: requestId } : {}),
        });
        return { input, ch };
    }

    it("routes by the signed region and moves CREATING -> IDLE on a timer, with server defaults in DescribeChannel", async () => {
        const { ch } = await channelOn("states");
        assert.match(ch.arn, /^arn:aws:medialive:us-west-2:/);
        await settled(ch.id);
        const d = (await api.describeChannel(ch.id))!;
        assert.deepStrictEqual(
            emu.service.events.filter((e) => e.id === ch.id && e.kind === "state").map((e) => e.state),
            ["CREATING", "IDLE"],
        );
        assert.strictEqual(d.state, "IDLE");
        assert.deepStrictEqual(d.request.EncoderSettings!.CaptionDescriptions, []);
        assert.strictEqual(d.request.EncoderSettings!.FeatureActivations!.InputPrepareScheduleActions, "DISABLED");
    });

    it("answers UpdateChannel on a RUNNING channel with 409 ConflictException", async () => {
        const { ch } = await channelOn("conflict");
        await settled(ch.id);
        emu.service.run(ch.id);
        await assert.rejects(
            api.updateChannel(ch.id, { Name: "x" }),
            (e: { name: string; $metadata: { httpStatusCode: number } }) => e.name === "ConflictException" && e.$metadata.httpStatusCode === 409,
        );
    });

    it("reads DELETED before NotFound after DeleteChannel, and frees the input once the channel is gone", async () => {
        const { ch, input } = await channelOn("deleted");
        await settled(ch.id);
        emu.service.delays.goneMs = 3000;
        await api.deleteChannel(ch.id);
        const seen: string[] = [];
        for (let i = 0; i < 200; i++) {
            const d = await api.describeChannel(ch.id);
            const state = d?.state ?? "NotFound";
            if (seen[seen.length - 1] !== state) seen.push(state);
            if (state === "NotFound") break;
            await new Promise((r) => setTimeout(r, 20));
        }
        emu.service.delays.goneMs = 300;
        assert.deepStrictEqual(
            seen.filter((x) => x !== "DELETING"),
            ["DELETED", "NotFound"],
        );
        assert.strictEqual((await api.describeInput(input.id))!.state, "DETACHED");
    });

    it("attaches an input to one channel only", async () => {
        const { input } = await channelOn("first");
        await assert.rejects(
            api.createChannel({ Name: "second", InputAttachments: [{ InputId: input.id, InputAttachmentName: "in" }] }),
            (e: { name: string }) => e.name === "ConflictException",
        );
        assert.deepStrictEqual((await api.describeInput(input.id))!.attachedChannels.length, 1);
    });

    it("answers a repeated RequestId with the same channel, and the same RequestId on another request with 409", async () => {
        const input = await api.createInput({ Name: "idem-in", Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        const request = { Name: "idem", InputAttachments: [{ InputId: input.id, InputAttachmentName: "in" }], RequestId: "token-1" };
        const a = await api.createChannel(request);
        const b = await api.createChannel(request);
        assert.strictEqual(a.id, b.id);
        await assert.rejects(api.createChannel({ ...request, Name: "other" }), (e: { name: string }) => e.name === "ConflictException");
    });

    it("injects 429 TooManyRequestsException (retried by the SDK), 422 with validation errors, CREATE_FAILED and UPDATE_FAILED", async () => {
        emu.service.faults.throttle("DescribeInput", 2);
        const input = await api.createInput({ Name: "faults-in", Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        assert.strictEqual((await api.describeInput(input.id))!.id, input.id);
        assert.strictEqual(emu.calls.filter((c) => c.op === "DescribeInput" && c.status === 429).length, 2);
        emu.service.faults.createOutcomes.push("CREATE_FAILED");
        const failed = await api.createChannel({ Name: "faults", InputAttachments: [{ InputId: input.id, InputAttachmentName: "in" }] });
        assert.strictEqual(await settled(failed.id), "CREATE_FAILED");
        const input2 = await api.createInput({ Name: "faults-in-2", Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        const ok = await api.createChannel({ Name: "faults-2", InputAttachments: [{ InputId: input2.id, InputAttachmentName: "in" }] });
        await settled(ok.id);
        emu.service.faults.rejectUpdates.push({ message: "bad", validationErrors: [{ elementPath: "name", errorMessage: "too long" }] });
        await assert.rejects(
            api.updateChannel(ok.id, { Name: "y" }),
            (e: { name: string; ValidationErrors: { ElementPath: string }[] }) =>
                e.name === "UnprocessableEntityException" && e.ValidationErrors[0]!.ElementPath === "name",
        );
        emu.service.faults.updateOutcomes.push("UPDATE_FAILED");
        await api.updateChannel(ok.id, { Name: "z" });
        await settled(ok.id);
        const d = (await api.describeChannel(ok.id))!;
        assert.deepStrictEqual([d.state, d.request.Name], ["UPDATE_FAILED", "faults-2"]);
    });

    it("gives RTP_PUSH inputs two endpoints on port 5000 and no srtSettings member", async () => {
        const input = await api.createInput({ Name: "ports-in", Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        const d = (await api.describeInput(input.id))!;
        assert.deepStrictEqual(
            d.destinations.map((x) => x.port),
            ["5000", "5000"],
        );
        assert.strictEqual("SrtSettings" in d.request, false);
    });
});
