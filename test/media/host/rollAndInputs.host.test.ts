import * as assert from "assert";
import { CHANNEL_TYPE } from "../../../components/media/medialive/channel";
import { INPUT_TYPE } from "../../../components/media/medialive/input";
import { PlanCapture } from "../../../contracts/capturedPlan";
import { HostError } from "../../helpers/dynamicHost";
import { planSeason } from "../../helpers/plan";
import { baselineSeason } from "../../helpers/season";
import { createChain, createThroughHost, HostWorld, inputInputs, startWorld, urnOf, withSharpness } from "./fixture";

/**
 * The engine runs a step once the steps of its dependencies are done, and independent steps at the
 * same time. This runs `steps` the same way: each starts when every step it depends on finished.
 */
async function runAsTheEngineOrders(steps: Record<string, () => Promise<unknown>>, dependsOn: Record<string, string[]>): Promise<void> {
    const done = new Map<string, Promise<unknown>>();
    const start = (key: string): Promise<unknown> => {
        if (!done.has(key))
            done.set(
                key,
                Promise.all((dependsOn[key] ?? []).filter((d) => d in steps).map(start)).then(() => steps[key]!()),
            );
        return done.get(key)!;
    };
    await Promise.all(Object.keys(steps).map(start));
}

describe("MediaLive live updates and direct inputs in the engine's dynamic-provider host (emulated MediaLive)", function () {
    this.timeout(180_000);
    let w: HostWorld;
    let plan: PlanCapture;
    before(async () => {
        plan = await planSeason({ ...baselineSeason(), channels: [{ ...baselineSeason()["channels"][0], allowLiveUpdate: true }] });
        w = await startWorld();
    });
    after(async () => {
        await w?.stop();
    });
    const svc = () => w.emulator.service;

    it("orders each secondary region's MediaLive channel after the primary region's channel of the same event", () => {
        const channels = plan.resources.filter((r) => r.type === CHANNEL_TYPE);
        const primary = channels.find((r) => r.region === "us-east-1")!;
        const secondary = channels.find((r) => r.region === "us-west-2")!;
        assert.ok(secondary.dependencies.includes(primary.urn), "the secondary channel depends on the primary's");
        assert.ok(!primary.dependencies.some((d) => channels.some((c) => c.urn === d)), "the primary depends on no other channel");
        assert.strictEqual(primary.inputs["resourceUrn"], primary.urn);
    });

    it("rolls a live update region by region: the secondary stops only once the primary runs again with the new settings", async () => {
        const planned = plan.resources.filter((r) => r.type === CHANNEL_TYPE);
        const byRegion = Object.fromEntries(planned.map((r) => [r.region!, r]));
        const chains: Record<string, Awaited<ReturnType<typeof createChain>>> = {};
        for (const region of ["us-east-1", "us-west-2"]) {
            chains[region] = await createChain(w, `roll-${region}`, region, { allowLiveUpdate: true });
            svc().run(chains[region]!.channel.id);
        }
        const steps = Object.fromEntries(
            Object.entries(chains).map(([region, c]) => [
                byRegion[region]!.urn,
                () => w.host.update(c.urn, c.channel.id, c.channel.state, withSharpness(c.channel.inputs, 70)),
            ]),
        );
        const deps = Object.fromEntries(planned.map((r) => [r.urn, r.dependencies]));
        await runAsTheEngineOrders(steps, deps);

        const primaryId = chains["us-east-1"]!.channel.id;
        const secondaryId = chains["us-west-2"]!.channel.id;
        const events = svc().events;
        const primaryBackOnAir = events.findIndex((e) => e.id === primaryId && e.kind === "state" && e.state === "RUNNING" && e.op === "StartChannel");
        const secondaryStop = events.findIndex((e) => e.id === secondaryId && e.kind === "call" && e.op === "StopChannel");
        assert.ok(
            primaryBackOnAir >= 0 && secondaryStop > primaryBackOnAir,
            `the secondary stopped (${secondaryStop}) before the primary was RUNNING again (${primaryBackOnAir})`,
        );
        // At no moment were both regions off air.
        const running = new Map([
            [primaryId, true],
            [secondaryId, true],
        ]);
        for (const e of events.filter((x) => x.kind === "state" && running.has(x.id!))) {
            running.set(e.id!, e.state === "RUNNING");
            assert.ok(running.get(primaryId) || running.get(secondaryId), `both regions were down at event ${JSON.stringify(e)}`);
        }
        for (const id of [primaryId, secondaryId]) {
            assert.strictEqual(svc().channels.get(id)!.state, "RUNNING");
            assert.strictEqual(svc().channels.get(id)!.body["encoderSettings"].videoDescriptions[0].sharpness, 70);
        }
    });

    it("the same two updates without the ordering would take both regions down together (the check above can fail)", async () => {
        const a = await createChain(w, "unordered-a", "us-east-1", { allowLiveUpdate: true });
        const b = await createChain(w, "unordered-b", "us-west-2", { allowLiveUpdate: true });
        svc().run(a.channel.id);
        svc().run(b.channel.id);
        const from = svc().events.length;
        // Long transitions, so the two concurrent updates overlap even on a loaded machine.
        const saved = { ...svc().delays };
        Object.assign(svc().delays, { stopMs: 1500, updateMs: 1500, startMs: 1500 });
        try {
            await Promise.all([a, b].map((c) => w.host.update(c.urn, c.channel.id, c.channel.state, withSharpness(c.channel.inputs, 75))));
        } finally {
            Object.assign(svc().delays, saved);
        }
        const running = new Map([
            [a.channel.id, true],
            [b.channel.id, true],
        ]);
        let bothDown = false;
        for (const e of svc()
            .events.slice(from)
            .filter((x) => x.kind === "state" && running.has(x.id!))) {
            running.set(e.id!, e.state === "RUNNING");
            if (![...running.values()].some(Boolean)) bothDown = true;
        }
        assert.ok(bothDown);
    });

    it("refreshes an RTP_PUSH input (no SrtSettings) without undefined members, reports port 5000, and diffs it as unchanged", async () => {
        const input = await createThroughHost(w, INPUT_TYPE, "refresh-input", inputInputs(w, "refresh-input"));
        assert.deepStrictEqual(
            input.state["destinations"].map((d: { port: string }) => d.port),
            ["5000", "5000"],
        );
        const read = await w.host.read(urnOf(INPUT_TYPE, "refresh-input"), input.id, input.state);
        assert.strictEqual(read.id, input.id);
        assert.strictEqual(read.props["request"].SrtSettings, undefined);
        const diff = await w.host.diff(urnOf(INPUT_TYPE, "refresh-input"), input.id, read.props, input.inputs);
        assert.strictEqual(diff.changes, "none");
    });

    it("reads an input deleted out of band as gone", async () => {
        const input = await createThroughHost(w, INPUT_TYPE, "oob-input", inputInputs(w, "oob-input"));
        svc().inputs.get(input.id)!.state = "DELETED";
        assert.strictEqual((await w.host.read(urnOf(INPUT_TYPE, "oob-input"), input.id, input.state)).id, "");
        svc().inputs.delete(input.id);
        assert.strictEqual((await w.host.read(urnOf(INPUT_TYPE, "oob-input"), input.id, input.state)).id, "");
    });

    it("refuses UpdateInput while its channel is RUNNING, with the reason", async () => {
        const { input, channel } = await createChain(w, "input-live");
        svc().run(channel.id);
        const news = structuredClone(input.inputs);
        news["request"].InputSecurityGroups = ["7654321"];
        await assert.rejects(w.host.update(urnOf(INPUT_TYPE, "input-live-input"), input.id, input.state, news), (e: HostError) => {
            assert.match(e.message, new RegExp(`feeds MediaLive channel ${channel.id}, which is RUNNING`));
            return true;
        });
        assert.ok(!w.emulator.calls.some((c) => c.op === "UpdateInput"));
    });

    it("deletes an input right after its channel: it waits for MediaLive to detach it", async () => {
        const { input, channel, urn } = await createChain(w, "detach");
        // MediaLive detaches the input a while after the channel is gone; make that while long.
        svc().delays.detachMs = 1500;
        try {
            await w.host.delete(urn, channel.id, channel.state);
            assert.strictEqual(svc().inputs.get(input.id)!.state, "ATTACHED");
            await w.host.delete(urnOf(INPUT_TYPE, "detach-input"), input.id, input.state);
        } finally {
            svc().delays.detachMs = 60;
        }
        const ops = svc()
            .events.filter((e) => e.id === input.id)
            .map((e) => `${e.kind}:${e.op}${e.state ? `:${e.state}` : ""}`);
        assert.ok(ops.indexOf("state:DeleteChannel:DETACHED") < ops.indexOf("call:DeleteInput"), ops.join(", "));
        assert.ok(!w.emulator.calls.some((c) => c.op === "DeleteInput" && c.status === 409));
    });

    it("creates an input exactly once when its answer is retried (deterministic RequestId)", async () => {
        const inputs = inputInputs(w, "once-input");
        const a = await createThroughHost(w, INPUT_TYPE, "once-input", inputs);
        const b = await createThroughHost(w, INPUT_TYPE, "once-input", inputs);
        assert.strictEqual(a.id, b.id);
        assert.strictEqual([...svc().inputs.values()].filter((i) => i.body["name"] === "once-input").length, 1);
    });
});
