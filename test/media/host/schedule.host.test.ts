import * as assert from "assert";
import type { ScheduleAction } from "@aws-sdk/client-medialive";
import { CHANNEL_TYPE } from "../../../components/media/medialive/channel";
import { INPUT_TYPE } from "../../../components/media/medialive/input";
import { SCHEDULE_TYPE } from "../../../components/media/medialive/schedule";
import { HostError, Props } from "../../helpers/dynamicHost";
import { channelInputs, createThroughHost, HostWorld, inputInputs, startWorld, urnOf } from "./fixture";

/**
 * The schedule provider as the engine runs it: the serialized `__provider` text in Pulumi's
 * dynamic-provider host over gRPC, the real SDK against the MediaLive emulator. The host runs with
 * the real clock; "past" switches are ones an earlier run left in the schedule (seeded), and a
 * refusal comes from MediaLive's clock being ahead of ours.
 */
describe("MediaLive schedule provider in the engine's dynamic-provider host (emulated MediaLive)", function () {
    this.timeout(120_000);
    let w: HostWorld;
    before(async () => {
        w = await startWorld();
    });
    after(async () => {
        await w?.stop();
    });
    afterEach(() => {
        w.emulator.service.faults.throttled = {};
        w.emulator.service.now = () => Date.now();
    });
    const svc = () => w.emulator.service;
    const MIN = 60_000;
    const sw = (name: string, atMs: number, input = "studio"): ScheduleAction => ({
        ActionName: `onair.${name}`,
        ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: new Date(atMs).toISOString() } },
        ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: input } },
    });
    const game = (event: string, kickoffMs: number) => [
        sw(`${event}.start-60.studio`, kickoffMs - 60 * MIN),
        sw(`${event}.start+0.contribution`, kickoffMs, "contribution"),
    ];

    /** A channel with the venue and a studio input attached, created through the host. */
    async function channelWithStudio(name: string): Promise<string> {
        const venue = await createThroughHost(w, INPUT_TYPE, `${name}-venue`, inputInputs(w, `${name}-venue`));
        const studio = await createThroughHost(w, INPUT_TYPE, `${name}-studio`, inputInputs(w, `${name}-studio`));
        const inputs = channelInputs(w, name, venue.id);
        const attachments = inputs["request"].InputAttachments;
        attachments.push({ ...attachments[0], InputAttachmentName: "studio", InputId: studio.id });
        return (await createThroughHost(w, CHANNEL_TYPE, name, inputs)).id;
    }
    const scheduleInputs = (channelId: string, actions: ScheduleAction[]): Props => ({
        __provider: w.providers.schedule,
        region: "us-east-1",
        channelId,
        actions,
        ownedPrefix: "onair.",
    });
    const names = (channelId: string) =>
        svc()
            .describeSchedule(channelId, new URLSearchParams())
            .scheduleActions.map((a: { actionName: string }) => a.actionName)
            .sort();
    const batches = (channelId: string) => svc().events.filter((e) => e.op === "BatchUpdateSchedule" && e.id === channelId).length;

    it("creates a game's switches, and the engine retrying the create (a run that recorded nothing) converges", async () => {
        const channelId = await channelWithStudio("sched-create");
        const actions = game("final", Date.now() + 2 * 60 * MIN);
        const first = await createThroughHost(w, SCHEDULE_TYPE, "sched-create-schedule", scheduleInputs(channelId, actions));
        assert.strictEqual(first.id, channelId);
        assert.deepStrictEqual(names(channelId), actions.map((a) => a.ActionName).sort());
        assert.deepStrictEqual(
            first.state["scheduled"].map((a: ScheduleAction) => a.ActionName),
            actions.map((a) => a.ActionName),
        );
        const again = await createThroughHost(w, SCHEDULE_TYPE, "sched-create-schedule", scheduleInputs(channelId, actions));
        assert.strictEqual(again.id, first.id);
        assert.strictEqual(batches(channelId), 1, "the retry found every action in place and sent nothing");
        // A refresh reads the same actions back: the diff with the same config is a no-op.
        const urn = urnOf(SCHEDULE_TYPE, "sched-create-schedule");
        const read = await w.host.read(urn, first.id, first.state);
        assert.deepStrictEqual((await w.host.diff(urn, first.id, read.props, first.inputs)).changes, "none");
    });

    it("an update that adds a game while an earlier game's switch is past keeps it (no delete, which MediaLive would refuse)", async () => {
        const channelId = await channelWithStudio("sched-past");
        const urn = urnOf(SCHEDULE_TYPE, "sched-past-schedule");
        const opener = game("opener", Date.now() + 90 * MIN);
        const created = await createThroughHost(w, SCHEDULE_TYPE, "sched-past-schedule", scheduleInputs(channelId, opener));
        // An earlier game's kick-off switch, 10 minutes ago, still in the schedule (MediaLive keeps it for an hour).
        const ran = sw("week-1.start+0.contribution", Date.now() - 10 * MIN, "contribution");
        svc().seedAction(channelId, {
            actionName: ran.ActionName,
            scheduleActionStartSettings: {
                fixedModeScheduleActionStartSettings: { time: ran.ScheduleActionStartSettings!.FixedModeScheduleActionStartSettings!.Time },
            },
            scheduleActionSettings: { inputSwitchSettings: { inputAttachmentNameReference: "contribution" } },
        });
        const refreshed = await w.host.read(urn, created.id, created.state);
        assert.ok(refreshed.props["scheduled"].some((a: ScheduleAction) => a.ActionName === ran.ActionName));
        const rivalry = game("rivalry", Date.now() + 3 * 24 * 60 * MIN);
        const news = await w.host.check(urn, created.inputs, scheduleInputs(channelId, [...opener, ...rivalry]));
        assert.strictEqual((await w.host.diff(urn, created.id, refreshed.props, news)).changes, "some");
        const outs = await w.host.update(urn, created.id, refreshed.props, news);
        assert.deepStrictEqual(names(channelId), [ran, ...opener, ...rivalry].map((a) => a.ActionName).sort());
        assert.deepStrictEqual(outs["missed"], []);
        assert.ok(
            outs["scheduled"].some((a: ScheduleAction) => a.ActionName === ran.ActionName),
            "the past switch stays recorded until MediaLive cleans it up",
        );
    });

    it("a delete MediaLive refuses (the switch has run by its clock) reaches the engine as readable text, and nothing changes", async () => {
        const channelId = await channelWithStudio("sched-refused");
        const urn = urnOf(SCHEDULE_TYPE, "sched-refused-schedule");
        const actions = game("final", Date.now() + 91 * MIN);
        const created = await createThroughHost(w, SCHEDULE_TYPE, "sched-refused-schedule", scheduleInputs(channelId, actions));
        // MediaLive's clock 32 minutes ahead of ours: the pregame switch (31 min from now) has run there.
        svc().now = () => Date.now() + 32 * MIN;
        await assert.rejects(w.host.update(urn, created.id, created.state, scheduleInputs(channelId, actions.slice(1))), (e: HostError) => {
            assert.match(e.message, /^the schedule of MediaLive channel \d+: MediaLive refused to delete onair\.final\.start-60\.studio: /);
            assert.match(e.message, /UnprocessableEntityException: .*already been received by the channel; it cannot be deleted/);
            assert.doesNotMatch(e.message, /\[object Object\]/);
            return true;
        });
        assert.deepStrictEqual(names(channelId), actions.map((a) => a.ActionName).sort());
    });

    it("creates through throttled DescribeSchedule and BatchUpdateSchedule answers (429), once", async () => {
        const channelId = await channelWithStudio("sched-throttled");
        svc().faults.throttle("DescribeSchedule", 3);
        svc().faults.throttle("BatchUpdateSchedule", 12);
        const actions = game("final", Date.now() + 2 * 60 * MIN);
        await createThroughHost(w, SCHEDULE_TYPE, "sched-throttled-schedule", scheduleInputs(channelId, actions));
        assert.deepStrictEqual(names(channelId), actions.map((a) => a.ActionName).sort());
        // More throttled answers than the SDK's 10 attempts: the provider's own backoff (wait.ts) took the rest.
        assert.strictEqual(w.emulator.calls.filter((c) => c.op === "BatchUpdateSchedule" && c.status === 429).length, 12);
        assert.strictEqual(batches(channelId), 1, "one batch landed");
    });

    it("delete removes the future switches and leaves a manual switch and past ones", async () => {
        const channelId = await channelWithStudio("sched-delete");
        const urn = urnOf(SCHEDULE_TYPE, "sched-delete-schedule");
        const actions = game("final", Date.now() + 2 * 60 * MIN);
        const created = await createThroughHost(w, SCHEDULE_TYPE, "sched-delete-schedule", scheduleInputs(channelId, actions));
        svc().seedAction(channelId, {
            actionName: "manual.noc",
            scheduleActionStartSettings: { fixedModeScheduleActionStartSettings: { time: new Date(Date.now() + 5 * MIN).toISOString() } },
            scheduleActionSettings: { inputSwitchSettings: { inputAttachmentNameReference: "studio" } },
        });
        await w.host.delete(urn, created.id, created.state);
        assert.deepStrictEqual(names(channelId), ["manual.noc"]);
    });
});
