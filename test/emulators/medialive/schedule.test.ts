import * as assert from "assert";
import type { ScheduleAction } from "@aws-sdk/client-medialive";
import type { MediaLiveApi } from "../../../components/media/medialive/api";
import { RunningEmulator } from "./server";
import { emulatorSuite } from "./suite";

type Rejection = { name: string; $metadata: { httpStatusCode: number }; ValidationErrors?: { ElementPath: string; ErrorMessage: string }[] };

/**
 * The emulator's schedule (DescribeSchedule, BatchUpdateSchedule) through the real SDK client and
 * OnAir's sdkApi: the MediaLive rules the schedule provider's tests rely on (cited in schedule.ts).
 */
describe("MediaLive emulator schedule (real SDK, restJson1 on 127.0.0.1)", function () {
    this.timeout(60_000);
    const suite = emulatorSuite();
    let emu: RunningEmulator;
    let api: MediaLiveApi;
    let offset = 0;
    before(() => {
        emu = suite.emu();
        api = suite.api();
        emu.service.now = () => Date.now() + offset;
    });
    beforeEach(() => {
        offset = 0;
        emu.service.schedulePageCap = 1000;
    });

    const at = (ms: number) => new Date(Date.now() + offset + ms).toISOString();
    const sw = (name: string, time: string, input = "studio"): ScheduleAction => ({
        ActionName: name,
        ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: time } },
        ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: input } },
    });
    async function channel(name: string): Promise<string> {
        const venue = await api.createInput({ Name: `${name}-venue`, Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        const studio = await api.createInput({ Name: `${name}-studio`, Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        const ch = await api.createChannel({
            Name: name,
            ChannelClass: "STANDARD",
            InputAttachments: [
                { InputId: venue.id, InputAttachmentName: "contribution" },
                { InputId: studio.id, InputAttachmentName: "studio" },
            ],
        });
        return ch.id;
    }
    const names = async (id: string) => (await api.describeSchedule(id))!.map((a) => a.ActionName);
    const refused = (path: RegExp) => (e: Rejection) =>
        e.name === "UnprocessableEntityException" && e.$metadata.httpStatusCode === 422 && e.ValidationErrors!.some((v) => path.test(v.ElementPath));

    it("creates fixed input switches and describes them in start order, with the server's empty urlPath", async () => {
        const id = await channel("order");
        await api.batchUpdateSchedule(id, { creates: [sw("b", at(120_000), "contribution"), sw("a", at(60_000))], deletes: [] });
        const d = (await api.describeSchedule(id))!;
        assert.deepStrictEqual(
            d.map((a) => a.ActionName),
            ["a", "b"],
        );
        assert.deepStrictEqual(d[0]!.ScheduleActionSettings!.InputSwitchSettings!.UrlPath, []);
    });

    it("pages DescribeSchedule with NextToken (the SDK adapter reads every page)", async () => {
        const id = await channel("pages");
        await api.batchUpdateSchedule(id, { creates: [1, 2, 3, 4, 5].map((k) => sw(`p${k}`, at(60_000 * k), k % 2 ? "studio" : "contribution")), deletes: [] });
        emu.service.schedulePageCap = 2;
        const before = emu.calls.filter((c) => c.op === "DescribeSchedule").length;
        assert.deepStrictEqual(await names(id), ["p1", "p2", "p3", "p4", "p5"]);
        assert.strictEqual(emu.calls.filter((c) => c.op === "DescribeSchedule").length - before, 3);
    });

    it("refuses a start less than 15 s ahead or more than 14 days ahead, and the whole batch with it", async () => {
        const id = await channel("leads");
        await assert.rejects(
            api.batchUpdateSchedule(id, { creates: [sw("ok", at(60_000)), sw("late", at(10_000))], deletes: [] }),
            refused(/^creates\.scheduleActions\[1\]\.scheduleActionStartSettings$/),
        );
        await assert.rejects(
            api.batchUpdateSchedule(id, { creates: [sw("far", at(14 * 86_400_000 + 60_000))], deletes: [] }),
            refused(/^creates\.scheduleActions\[0\]/),
        );
        assert.deepStrictEqual(await names(id), [], "nothing of a refused batch is applied");
    });

    it("refuses the delete of an action that has run or is about to, and of a name not in the schedule", async () => {
        const id = await channel("deletes");
        await api.batchUpdateSchedule(id, { creates: [sw("pregame", at(30_000)), sw("kickoff", at(600_000), "contribution")], deletes: [] });
        offset = 40_000; // the pregame switch is now 10 s in the past
        await assert.rejects(api.batchUpdateSchedule(id, { creates: [], deletes: ["pregame"] }), refused(/^deletes\.actionNames\[0\]$/));
        await assert.rejects(api.batchUpdateSchedule(id, { creates: [], deletes: ["kickoff", "nope"] }), refused(/^deletes\.actionNames\[1\]$/));
        assert.deepStrictEqual(await names(id), ["pregame", "kickoff"]);
        await api.batchUpdateSchedule(id, { creates: [], deletes: ["kickoff"] });
        assert.deepStrictEqual(await names(id), ["pregame"]);
    });

    it("deletes before it creates in one batch (a changed action keeps its name), and refuses duplicate names", async () => {
        const id = await channel("replace");
        await api.batchUpdateSchedule(id, { creates: [sw("kickoff", at(600_000), "contribution")], deletes: [] });
        await assert.rejects(api.batchUpdateSchedule(id, { creates: [sw("kickoff", at(700_000), "contribution")], deletes: [] }), refused(/actionName$/));
        await api.batchUpdateSchedule(id, { creates: [sw("kickoff", at(700_000), "contribution")], deletes: ["kickoff"] });
        const d = (await api.describeSchedule(id))!;
        assert.strictEqual(Date.parse(d[0]!.ScheduleActionStartSettings!.FixedModeScheduleActionStartSettings!.Time!) - (Date.now() + offset) > 650_000, true);
    });

    it("refuses a switch to an attachment the channel does not have", async () => {
        const id = await channel("attachments");
        await assert.rejects(api.batchUpdateSchedule(id, { creates: [sw("x", at(60_000), "backup")], deletes: [] }), refused(/inputAttachmentNameReference$/));
    });

    it("cleans up actions an hour after their start, and answers NotFound for a channel that does not exist", async () => {
        const id = await channel("cleanup");
        await api.batchUpdateSchedule(id, { creates: [sw("early", at(20_000)), sw("later", at(3_600_000), "contribution")], deletes: [] });
        offset = 3_700_000;
        assert.deepStrictEqual(await names(id), ["later"]);
        assert.strictEqual(await api.describeSchedule("999"), undefined);
    });

    it("switches a running channel at the times due, and starts it on the first attachment before any", async () => {
        const id = await channel("active");
        emu.service.run(id);
        await api.batchUpdateSchedule(id, { creates: [sw("pregame", at(20_000)), sw("kickoff", at(60_000), "contribution")], deletes: [] });
        assert.strictEqual(emu.service.activeInput(id), "contribution");
        offset = 30_000;
        assert.strictEqual(emu.service.activeInput(id), "studio");
        offset = 70_000;
        assert.strictEqual(emu.service.activeInput(id), "contribution");
    });

    it("throttles DescribeSchedule and BatchUpdateSchedule like any operation (429, retried by the SDK)", async () => {
        const id = await channel("throttled");
        emu.service.faults.throttle("BatchUpdateSchedule", 2);
        emu.service.faults.throttle("DescribeSchedule", 2);
        await api.batchUpdateSchedule(id, { creates: [sw("t", at(60_000))], deletes: [] });
        assert.deepStrictEqual(await names(id), ["t"]);
        assert.strictEqual(emu.calls.filter((c) => c.op === "BatchUpdateSchedule" && c.status === 429).length, 2);
        assert.strictEqual(emu.calls.filter((c) => c.op === "DescribeSchedule" && c.status === 429).length, 2);
    });

    it("refuses channels MediaLive cannot build: three push inputs, a failover pair of mixed types, a pair with a pull input", async () => {
        const push = await Promise.all([1, 2, 3].map((k) => api.createInput({ Name: `push-${k}`, Type: "RTP_PUSH", InputSecurityGroups: ["1"] })));
        await assert.rejects(
            api.createChannel({ Name: "three-push", InputAttachments: push.map((p, k) => ({ InputId: p.id, InputAttachmentName: `in-${k}` })) }),
            refused(/^inputAttachments$/),
        );
        const caller = await api.createInput({
            Name: "caller",
            Type: "SRT_CALLER",
            SrtSettings: { SrtCallerSources: [{ SrtListenerAddress: "203.0.113.1", SrtListenerPort: "7000" }] },
        });
        await assert.rejects(
            api.createChannel({
                Name: "pull-pair",
                InputAttachments: [
                    { InputId: push[0]!.id, InputAttachmentName: "contribution", AutomaticInputFailoverSettings: { SecondaryInputId: caller.id } },
                    { InputId: caller.id, InputAttachmentName: "backup" },
                ],
            }),
            refused(/secondaryInputId$/),
        );
        const pair = await api.createChannel({
            Name: "rtp-pair",
            InputAttachments: [
                {
                    InputId: push[1]!.id,
                    InputAttachmentName: "contribution",
                    AutomaticInputFailoverSettings: { SecondaryInputId: push[2]!.id, InputPreference: "PRIMARY_INPUT_PREFERRED" },
                },
                { InputId: push[2]!.id, InputAttachmentName: "backup" },
            ],
        });
        assert.ok(pair.id);
    });
});
