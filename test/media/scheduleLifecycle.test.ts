import * as assert from "assert";
import type { ScheduleAction } from "@aws-sdk/client-medialive";
import type { Clock, MediaLiveApi, ScheduleChange } from "../../components/media/medialive/api";
import { Env } from "../../components/media/medialive/lifecycle";
import {
    convergeSchedule,
    createSchedule,
    deleteSchedule,
    diffSchedule,
    readSchedule,
    ScheduleInputs,
    updateSchedule,
} from "../../components/media/medialive/scheduleLifecycle";
import { RunningEmulator } from "../emulators/medialive/server";
import { emulatorSuite } from "../emulators/medialive/suite";

/**
 * The schedule lifecycle through the real SDK against the MediaLive emulator, in this process so
 * the provider's clock and the emulator's can be moved together (an hour passes in no time) or
 * apart (a skewed clock, time passing during a throttled call).
 */
describe("MediaLive schedule lifecycle (real SDK against the emulator)", function () {
    this.timeout(60_000);
    const suite = emulatorSuite();
    let emu: RunningEmulator;
    let api: MediaLiveApi;
    let offset = 0;
    let skew = 0;
    const timing = suite.timing;
    const clock: Clock = { now: () => Date.now() + offset, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: () => 0.5 };
    const env = (over: Partial<MediaLiveApi> = {}): Env => ({ api: { ...api, ...over }, clock, timing });
    before(() => {
        emu = suite.emu();
        api = suite.api();
        emu.service.now = () => Date.now() + offset + skew;
    });
    beforeEach(() => {
        offset = 0;
        skew = 0;
        emu.service.faults.throttled = {};
    });

    const MIN = 60_000;
    const sw = (name: string, inMs: number, input = "studio"): ScheduleAction => ({
        ActionName: `onair.${name}`,
        ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: new Date(Date.now() + offset + inMs).toISOString() } },
        ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: input } },
    });
    const game = (event: string, kickoffIn: number) => [
        sw(`${event}.start-60.studio`, kickoffIn - 60 * MIN),
        sw(`${event}.start+0.contribution`, kickoffIn, "contribution"),
    ];
    async function channel(name: string): Promise<string> {
        const venue = await api.createInput({ Name: `${name}-venue`, Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        const studio = await api.createInput({ Name: `${name}-studio`, Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
        return (
            await api.createChannel({
                Name: name,
                InputAttachments: [
                    { InputId: venue.id, InputAttachmentName: "contribution" },
                    { InputId: studio.id, InputAttachmentName: "studio" },
                ],
            })
        ).id;
    }
    const inputs = (channelId: string, actions: ScheduleAction[]): ScheduleInputs => ({ region: "us-east-1", channelId, actions, ownedPrefix: "onair." });
    const inSchedule = async (id: string) => (await api.describeSchedule(id))!.map((a) => a.ActionName).sort();
    const batches = (id: string) => emu.service.events.filter((e) => e.kind === "call" && e.op === "BatchUpdateSchedule" && e.id === id).length;

    it("creates a game's switches, and a re-run (the engine retrying, a crashed run) converges without another batch", async () => {
        const id = await channel("create");
        const desired = game("final", 2 * 60 * MIN);
        const { id: rid, outs } = await createSchedule(env(), inputs(id, desired));
        assert.strictEqual(rid, id);
        assert.deepStrictEqual(await inSchedule(id), desired.map((a) => a.ActionName).sort());
        assert.deepStrictEqual(
            outs.scheduled.map((a) => a.ActionName),
            desired.map((a) => a.ActionName),
        );
        assert.strictEqual(batches(id), 1);
        const again = await createSchedule(env(), inputs(id, desired));
        assert.strictEqual(batches(id), 1, "nothing sent: every action is already there");
        assert.deepStrictEqual(again.outs.scheduled, outs.scheduled);
    });

    it("an update that adds a game while the first game's switches are past keeps them and sends no delete", async () => {
        const id = await channel("past");
        const sent: ScheduleChange[] = [];
        const recording = env({ batchUpdateSchedule: (channelId, change) => (sent.push(change), api.batchUpdateSchedule(channelId, change)) });
        const first = game("opener", 70 * MIN);
        const created = await createSchedule(recording, inputs(id, first));
        offset = 80 * MIN; // kick-off of the opener was 10 minutes ago
        const second = game("rivalry", 3 * 24 * 60 * MIN);
        const news = inputs(id, second); // the program no longer lists the opener
        assert.strictEqual(diffSchedule(created.outs, news, clock.now()).changes, true);
        const outs = await updateSchedule(recording, created.outs, news);
        assert.strictEqual(sent.length, 2);
        assert.deepStrictEqual(sent[1]!.deletes, [], "no delete for the past switch the program no longer lists");
        assert.deepStrictEqual(
            sent[1]!.creates.map((a) => a.ActionName),
            second.map((a) => a.ActionName),
        );
        // The kick-off switch (10 min ago) is kept; the pregame switch (70 min ago) MediaLive has cleaned up itself.
        assert.deepStrictEqual(await inSchedule(id), [first[1]!, ...second].map((a) => a.ActionName).sort());
        assert.deepStrictEqual(outs.missed, []);
        // The opener configured again and changed after the fact: nothing to send for it either.
        const changed = inputs(id, [
            ...first.map((a) => ({ ...a, ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "contribution" } } })),
            ...second,
        ]);
        assert.strictEqual(diffSchedule(outs, changed, clock.now()).detailedDiff["scheduled"], undefined);
        const again = await updateSchedule(recording, outs, changed);
        assert.strictEqual(sent.length, 2);
        assert.deepStrictEqual(again.missed, [], "switches that ran (or were cleaned up) are not missed");
    });

    it("a future switch removed from the config is deleted; manual actions in the schedule are never touched", async () => {
        const id = await channel("remove");
        const desired = game("final", 2 * 60 * MIN);
        await api.batchUpdateSchedule(id, { creates: [{ ...sw("x", 30 * MIN), ActionName: "manual.noc-1" }], deletes: [] });
        const created = await createSchedule(env(), inputs(id, desired));
        const outs = await updateSchedule(env(), created.outs, inputs(id, desired.slice(1)));
        assert.deepStrictEqual(await inSchedule(id), ["manual.noc-1", desired[1]!.ActionName!]);
        assert.deepStrictEqual(
            outs.scheduled.map((a) => a.ActionName),
            [desired[1]!.ActionName],
        );
        await deleteSchedule(env(), outs);
        assert.deepStrictEqual(await inSchedule(id), ["manual.noc-1"]);
    });

    it("destroy leaves past switches to MediaLive's own cleanup, an hour after they start", async () => {
        const id = await channel("destroy");
        const desired = game("final", 65 * MIN);
        const { outs } = await createSchedule(env(), inputs(id, desired));
        offset = 10 * MIN; // the pregame switch ran 5 minutes ago
        await deleteSchedule(env(), outs);
        assert.deepStrictEqual(await inSchedule(id), [desired[0]!.ActionName]);
        offset = 50 * MIN;
        assert.deepStrictEqual(await inSchedule(id), [desired[0]!.ActionName], "still there 45 min after it ran");
        offset = 2 * 60 * MIN;
        assert.deepStrictEqual(await inSchedule(id), []);
    });

    it("a delete MediaLive refuses (its clock says the switch has run) is reported with MediaLive's reason, nothing applied", async () => {
        const id = await channel("refused");
        const desired = game("final", 90 * MIN);
        const { outs } = await createSchedule(env(), inputs(id, desired));
        skew = 31 * MIN; // MediaLive's view: the pregame switch (at +30 min) has run; ours: it is a minute ahead
        await assert.rejects(updateSchedule(env(), outs, inputs(id, desired.slice(1))), (e: Error) => {
            assert.strictEqual(e.constructor, Error);
            assert.match(
                e.message,
                /MediaLive refused to delete onair\.final\.start-60\.studio: UnprocessableEntityException: Invalid schedule actions \(deletes\.actionNames\[0\]: .*already been received by the channel/,
            );
            assert.match(e.message, /Nothing in this batch was applied/);
            return true;
        });
        assert.deepStrictEqual(await inSchedule(id), desired.map((a) => a.ActionName).sort());
    });

    it("a switch that comes too close while the batch is refused is planned again from a fresh read: dropped as missed, the rest created", async () => {
        const id = await channel("race");
        const soon = sw("final.start-60.studio", 40_000);
        const later = sw("final.start+0.contribution", 60 * MIN, "contribution");
        let calls = 0;
        const slow = env({
            batchUpdateSchedule: async (channelId, change) => {
                // The first call is answered only after 25 s: MediaLive (and our clock) moved on.
                if (calls++ === 0) {
                    offset += 25_000;
                }
                return api.batchUpdateSchedule(channelId, change);
            },
        });
        const outs = await convergeSchedule(slow, inputs(id, [soon, later]));
        assert.strictEqual(calls, 2);
        assert.deepStrictEqual(await inSchedule(id), [later.ActionName]);
        assert.deepStrictEqual(outs.missed, [soon.ActionName]);
    });

    it("a batch that landed but cannot be read back is reported with the resource's id and state, so the engine records it", async () => {
        const id = await channel("landed");
        const desired = game("final", 2 * 60 * MIN);
        let reads = 0;
        const failingRead = env({
            describeSchedule: async (channelId) => {
                if (reads++ === 1) throw Object.assign(new Error("access denied"), { name: "ForbiddenException", $metadata: { httpStatusCode: 403 } });
                return api.describeSchedule(channelId);
            },
        });
        await assert.rejects(createSchedule(failingRead, inputs(id, desired)), (e: Error & { id?: string; properties?: { scheduled: ScheduleAction[] } }) => {
            assert.match(e.message, /was updated but could not be read back \(access denied\); run `pulumi refresh`/);
            assert.strictEqual(e.id, id);
            assert.deepStrictEqual(
                e.properties!.scheduled.map((a) => a.ActionName),
                desired.map((a) => a.ActionName),
            );
            return true;
        });
        assert.deepStrictEqual(await inSchedule(id), desired.map((a) => a.ActionName).sort());
    });

    it("rides out throttled DescribeSchedule and BatchUpdateSchedule calls", async () => {
        const id = await channel("throttled");
        emu.service.faults.throttle("DescribeSchedule", 4);
        emu.service.faults.throttle("BatchUpdateSchedule", 12);
        const desired = game("final", 2 * 60 * MIN);
        await createSchedule(env(), inputs(id, desired));
        assert.deepStrictEqual(await inSchedule(id), desired.map((a) => a.ActionName).sort());
        const throttled = emu.calls.filter((c) => c.status === 429 && (c.op === "BatchUpdateSchedule" || c.op === "DescribeSchedule")).length;
        assert.strictEqual(throttled, 16, "more than the SDK's 10 attempts: the provider's own backoff took the rest");
        assert.strictEqual(emu.calls.filter((c) => c.op === "BatchUpdateSchedule" && c.status === 200).length >= 1, true);
    });

    it("refresh reads the schedule as it is: a switch deleted by hand shows as a change, and the next update puts it back", async () => {
        const id = await channel("refresh");
        const desired = game("final", 2 * 60 * MIN);
        const { outs } = await createSchedule(env(), inputs(id, desired));
        await api.batchUpdateSchedule(id, { creates: [], deletes: [desired[0]!.ActionName!] });
        const read = await readSchedule(env(), id, outs);
        assert.deepStrictEqual(
            read.props!.scheduled.map((a) => a.ActionName),
            [desired[1]!.ActionName],
        );
        assert.strictEqual(diffSchedule(read.props!, inputs(id, desired), clock.now()).changes, true);
        assert.strictEqual(diffSchedule(outs, inputs(id, desired), clock.now()).changes, false, "before the refresh nothing differs");
        await updateSchedule(env(), read.props!, inputs(id, desired));
        assert.deepStrictEqual(await inSchedule(id), desired.map((a) => a.ActionName).sort());
        assert.deepStrictEqual(await readSchedule(env(), "404", { ...outs, channelId: "404" }), {}, "a channel that is gone takes its schedule with it");
    });

    it("shows in the diff when the clock brings a deferred switch inside MediaLive's 14 days", async () => {
        const id = await channel("horizon");
        const desired = game("playoff", 15 * 24 * 60 * MIN);
        const { outs } = await createSchedule(env(), inputs(id, desired));
        assert.deepStrictEqual(outs.scheduled, []);
        assert.deepStrictEqual(
            outs.deferred,
            desired.map((a) => a.ActionName),
        );
        assert.strictEqual(diffSchedule(outs, inputs(id, desired), clock.now()).changes, false);
        offset = 2 * 24 * 60 * MIN;
        assert.strictEqual(diffSchedule(outs, inputs(id, desired), clock.now()).changes, true);
        const next = await updateSchedule(env(), outs, inputs(id, desired));
        assert.deepStrictEqual(
            next.scheduled.map((a) => a.ActionName),
            desired.map((a) => a.ActionName),
        );
    });
});
