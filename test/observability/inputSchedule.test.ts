import * as assert from "assert";
import type { CreateChannelRequest, ScheduleAction } from "@aws-sdk/client-medialive";
import { validateSeason } from "../../components/config/season";
import { SCHEDULE_TYPE } from "../../components/media/medialive/schedule";
import { OWNED_PREFIX, switchActionName, switchActions, upcomingSwitches } from "../../components/operations/inputSchedule";
import { PlanCapture } from "../../contracts/capturedPlan";
import { planSeason, prodPlan } from "../helpers/plan";
import { baselineSeason, secretLookup } from "../helpers/season";
import { glob, inlinePolicy, ofType } from "../components/planQueries";

const STUDIO = { name: "studio", role: "studio", type: "rtp-push", allowedCidr: "198.51.100.32/28" };

function withPregame(events: { name: string; start: string; end: string }[]): Record<string, any> {
    const s = baselineSeason();
    Object.assign(s.channels[0], {
        events,
        extraInputs: [STUDIO],
        inputSwitches: [
            { input: "studio", minutesFromStart: -60 },
            { input: "contribution", minutesFromStart: 0 },
        ],
    });
    return s;
}

describe("scheduled input switches: actions from the config", () => {
    const ch = validateSeason(
        withPregame([
            { name: "final", start: "2026-12-05T20:00:00Z", end: "2026-12-06T00:00:00Z" },
            { name: "replay", start: "2026-12-12T20:00:00Z", end: "2026-12-13T00:00:00Z" },
        ]),
        secretLookup(),
    ).channels[0]!;

    it("makes one fixed-time input switch per switch and event, named from the config alone", () => {
        const actions = switchActions(ch);
        assert.deepStrictEqual(actions[0], {
            ActionName: "onair.final.start-60.studio",
            // FixedModeScheduleActionStartSettings.Time: "UTC format: yyyy-mm-ddThh:mm:ss.nnnZ" (API model).
            ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: "2026-12-05T19:00:00.000Z" } },
            ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "studio" } },
        } satisfies ScheduleAction);
        assert.deepStrictEqual(
            actions.map((a) => a.ActionName),
            ["onair.final.start-60.studio", "onair.final.start+0.contribution", "onair.replay.start-60.studio", "onair.replay.start+0.contribution"],
        );
        // ScheduleAction.ActionName "must be unique within the schedule" (API model).
        assert.strictEqual(new Set(actions.map((a) => a.ActionName)).size, actions.length);
        assert.ok(actions.every((a) => a.ActionName!.startsWith(OWNED_PREFIX)));
        assert.strictEqual(switchActionName({ event: "e", from: "end", minutes: 5, input: "studio" }), "onair.e.end+5.studio");
    });

    it("lists the switches still ahead for the stack output", () => {
        assert.deepStrictEqual(
            upcomingSwitches(ch, Date.parse("2026-12-05T19:30:00Z")).map((u) => [u.at, u.input]),
            [
                ["2026-12-05T20:00:00Z", "contribution"],
                ["2026-12-12T19:00:00Z", "studio"],
                ["2026-12-12T20:00:00Z", "contribution"],
            ],
        );
    });
});

describe("scheduled input switches under the mock runtime", function () {
    let plan: PlanCapture;
    // TEST_NOW is 2026-11-01: the first game is 4 days ahead, the second 20 days (beyond MediaLive's 14).
    before(async () => {
        plan = await planSeason(
            withPregame([
                { name: "near", start: "2026-11-05T20:00:00Z", end: "2026-11-05T23:00:00Z" },
                { name: "far", start: "2026-11-21T20:00:00Z", end: "2026-11-21T23:00:00Z" },
            ]),
        );
    });

    it("gives the channel one schedule per region, on that region's channel, with the same actions everywhere", () => {
        const schedules = ofType(plan, SCHEDULE_TYPE);
        assert.deepStrictEqual(schedules.map((s) => s.region).sort(), ["us-east-1", "us-west-2"]);
        for (const s of schedules) {
            const channel = plan.resources.find(
                (r) => r.type === "pulumi-nodejs:dynamic/medialive:Channel" && r.region === s.region && r.name.includes("main-uhd"),
            )!;
            assert.strictEqual(s.inputs["channelId"], channel.outputs["channelId"]);
            // Ordered after the channel (created and updated after it): it reads the channel's id.
            assert.ok(s.dependencies.includes(channel.urn) || (s.propertyDependencies["channelId"] ?? []).includes(channel.urn), "depends on its channel");
            assert.strictEqual(s.inputs["ownedPrefix"], "onair.");
        }
        assert.deepStrictEqual(schedules[0]!.inputs["actions"], schedules[1]!.inputs["actions"], "both regions switch at the same instants");
        assert.strictEqual(
            ofType(plan, SCHEDULE_TYPE).filter((s) => s.name.includes("second-hd")).length,
            0,
            "a channel without switches has no schedule resource",
        );
    });

    it("attaches the studio's RTP_PUSH input, behind its own allow-list, after the venue", () => {
        for (const region of ["us-east-1", "us-west-2"]) {
            const channel = plan.resources.find(
                (r) => r.type === "pulumi-nodejs:dynamic/medialive:Channel" && r.region === region && r.name.includes("main-uhd"),
            )!;
            const request = channel.inputs["request"] as CreateChannelRequest;
            const studio = plan.resources.find(
                (r) => r.type === "pulumi-nodejs:dynamic/medialive:Input" && r.region === region && r.name.endsWith("main-uhd-extra-studio"),
            )!;
            assert.deepStrictEqual(
                request.InputAttachments!.map((a) => a.InputAttachmentName),
                ["contribution", "studio"],
            );
            assert.strictEqual(request.InputAttachments![1]!.InputId, studio.outputs["inputId"]);
            const sg = plan.resources.find(
                (r) => r.type === "aws:medialive/inputSecurityGroup:InputSecurityGroup" && r.region === region && r.name.endsWith("main-uhd-extra-studio-sg"),
            )!;
            assert.deepStrictEqual(sg.inputs["whitelistRules"], [{ cidr: "198.51.100.32/28" }]);
            assert.deepStrictEqual((studio.inputs["request"] as { InputSecurityGroups: string[] }).InputSecurityGroups, [sg.outputs["id"] ?? sg.id]);
        }
    });

    it("reports what the schedule holds within MediaLive's 14 days, and what waits for a later update", () => {
        const out = (plan.outputs["inputSwitches"] as any)["main-uhd"];
        assert.deepStrictEqual(out.regions["us-east-1"].scheduled, ["onair.near.start-60.studio", "onair.near.start+0.contribution"]);
        assert.deepStrictEqual(out.regions["us-east-1"].deferred, ["onair.far.start-60.studio", "onair.far.start+0.contribution"]);
        assert.strictEqual(out.upcoming.length, 4);
    });

    it("lets each region's runner add a switch to exactly that region's channels' schedules", () => {
        const statement = inlinePolicy(plan, "use1-season-runner").Statement.find((s: { Sid: string }) => s.Sid === "SwitchInputs");
        const channels = plan.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/medialive:Channel");
        assert.strictEqual(statement.Action, "medialive:BatchUpdateSchedule");
        // MediaLive numbers channels, so the region's channels are a pattern held to the season's tag (known at preview).
        for (const c of channels) {
            const matches = [statement.Resource].flat().some((p: string) => glob(p).test(c.outputs["arn"] as string));
            assert.strictEqual(matches, c.region === "us-east-1", `${c.name} in ${c.region}`);
            assert.strictEqual((c.inputs["request"] as any).Tags["onair:season"], statement.Condition.StringEquals["aws:ResourceTag/onair:season"]);
        }
    });
});

describe("prod: the studio pregame on football-uhd", function () {
    let plan: PlanCapture;
    before(async () => {
        plan = await prodPlan();
    });

    it("has a schedule in each region with the pregame from the channel's start and the stadium at kick-off, for every game", () => {
        const schedules = ofType(plan, SCHEDULE_TYPE);
        assert.deepStrictEqual(schedules.map((s) => [s.region, s.name]).sort(), [
            ["us-east-1", "use1-football-uhd-input-schedule"],
            ["us-west-2", "usw2-football-uhd-input-schedule"],
        ]);
        const actions = schedules[0]!.inputs["actions"] as ScheduleAction[];
        assert.strictEqual(actions.length, 2 * 5, "two switches for each of the five games");
        assert.deepStrictEqual(
            actions.slice(4, 6).map((a) => [a.ActionName, a.ScheduleActionStartSettings!.FixedModeScheduleActionStartSettings!.Time]),
            [
                ["onair.2026-11-28-season-finale.start-60.studio", "2026-11-28T19:30:00.000Z"],
                ["onair.2026-11-28-season-finale.start+0.contribution", "2026-11-28T20:30:00.000Z"],
            ],
        );
    });
});
