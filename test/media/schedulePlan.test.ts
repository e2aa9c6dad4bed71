import * as assert from "assert";
import type { ScheduleAction } from "@aws-sdk/client-medialive";
import { HORIZON_MS, NO_TOUCH_MS, planSchedule, sameAction } from "../../components/media/medialive/schedulePlan";

const NOW = Date.parse("2026-12-05T18:00:00Z");
const MIN = 60_000;
const sw = (name: string, ms: number, input = "studio"): ScheduleAction => ({
    ActionName: name,
    ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: new Date(ms).toISOString() } },
    ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: input } },
});

/*
 * The planner against MediaLive's schedule rules (MediaLive User Guide, "Submitting a batch update
 * schedule command": creates and deletes at least 15 s ahead, creates at most 14 days ahead;
 * "Modifying actions in the schedule": delete and create again).
 */
describe("schedule planner (pure)", () => {
    it("creates what is ahead within 14 days, defers what is further, and leaves past switches alone", () => {
        const desired = [
            sw("past", NOW - 10 * MIN),
            sw("soon", NOW + 5 * MIN),
            sw("in-13-days", NOW + 13 * 24 * 60 * MIN),
            sw("in-15-days", NOW + 15 * 24 * 60 * MIN),
        ];
        const p = planSchedule([], desired, NOW);
        assert.deepStrictEqual(
            p.creates.map((a) => a.ActionName),
            ["soon", "in-13-days"],
        );
        assert.deepStrictEqual(p.deferred, ["in-15-days"]);
        assert.deepStrictEqual([p.deletes, p.kept, p.missed], [[], [], []], "a past switch the schedule never had is not missed on a first create");
    });

    it("keeps the 14-day limit with an hour to spare, and 30 s (the console's minimum) at the near end", () => {
        assert.strictEqual(planSchedule([], [sw("edge", NOW + HORIZON_MS)], NOW).creates.length, 1);
        assert.deepStrictEqual(planSchedule([], [sw("edge", NOW + HORIZON_MS + 1)], NOW).deferred, ["edge"]);
        assert.strictEqual(planSchedule([], [sw("near", NOW + NO_TOUCH_MS)], NOW).creates.length, 1);
        assert.strictEqual(planSchedule([], [sw("near", NOW + NO_TOUCH_MS - 1)], NOW).creates.length, 0);
    });

    it("deletes a future switch the config dropped, keeps a past or imminent one (never deleted, never re-created)", () => {
        const current = [sw("done", NOW - 30 * MIN), sw("firing", NOW + 10_000), sw("dropped", NOW + 30 * MIN)];
        const p = planSchedule(current, [], NOW);
        assert.deepStrictEqual(p.deletes, ["dropped"]);
        assert.deepStrictEqual(p.kept, ["done", "firing"]);
    });

    it("replaces a changed future switch under its name (delete, then create in one batch); a changed past one stays", () => {
        const current = [sw("kickoff", NOW + 60 * MIN, "contribution"), sw("pregame", NOW - 5 * MIN)];
        const desired = [sw("kickoff", NOW + 75 * MIN, "contribution"), sw("pregame", NOW - 5 * MIN, "contribution")];
        const p = planSchedule(current, desired, NOW);
        assert.deepStrictEqual(p.deletes, ["kickoff"]);
        assert.deepStrictEqual(
            p.creates.map((a) => a.ActionName),
            ["kickoff"],
        );
        assert.deepStrictEqual(p.kept, ["pregame"]);
    });

    it("reads MediaLive's description on the keys OnAir sets: an empty urlPath and another time format are no change", () => {
        const described: ScheduleAction = {
            ActionName: "kickoff",
            ScheduleActionStartSettings: { FixedModeScheduleActionStartSettings: { Time: "2026-12-05T20:00:00Z" } },
            ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "contribution", UrlPath: [] } },
        };
        assert.ok(sameAction(described, sw("kickoff", Date.parse("2026-12-05T20:00:00.000Z"), "contribution")));
        assert.ok(!sameAction(described, sw("kickoff", Date.parse("2026-12-05T20:00:01.000Z"), "contribution")));
        assert.deepStrictEqual(planSchedule([described], [sw("kickoff", Date.parse("2026-12-05T20:00:00Z"), "contribution")], NOW), {
            creates: [],
            deletes: [],
            kept: [],
            deferred: [],
            missed: [],
        });
    });

    it("reports as missed a switch whose time came before it could be created, since the last update only", () => {
        const desired = [sw("old", NOW - 3 * 60 * MIN), sw("kickoff", NOW - 2 * MIN), sw("ran", NOW - MIN), sw("now", NOW + 10_000)];
        const p = planSchedule([], desired, NOW, { missedSince: NOW - 60 * MIN, known: ["ran"] });
        assert.deepStrictEqual(p.missed, ["kickoff", "now"]);
        assert.deepStrictEqual(p.creates, []);
    });

    it("a changed switch whose new time is too close is deleted and reported missed, not left at its old time", () => {
        const p = planSchedule([sw("kickoff", NOW + 10 * MIN, "contribution")], [sw("kickoff", NOW + 5_000, "contribution")], NOW);
        assert.deepStrictEqual([p.deletes, p.missed, p.creates.length], [["kickoff"], ["kickoff"], 0]);
    });

    it("plans fixed-time actions only", () => {
        const immediate: ScheduleAction = {
            ActionName: "now",
            ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
            ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "studio" } },
        };
        assert.throws(() => planSchedule([], [immediate], NOW), /no fixed start time/);
        assert.deepStrictEqual(planSchedule([immediate], [], NOW).kept, ["now"], "an immediate action in the schedule is never deleted");
    });
});
