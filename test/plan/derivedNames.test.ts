import * as assert from "assert";
import { boundedName, prefetchScheduleName, scheduleName } from "../../components/naming";
import { planSeason } from "../helpers/plan";
import { baselineSeason } from "../helpers/season";

const SCHEDULE = "aws:scheduler/schedule:Schedule";
const PREFETCH = "aws-native:mediatailor:PrefetchSchedule";

describe("names the program derives are unique, as AWS and Pulumi require", function () {
    this.timeout(120_000);

    it("plans a schedule per game for channels hoops + event hd-... and hoops-hd + event ... (one URN and one name each)", async () => {
        const season = baselineSeason();
        season.channels[0].id = "hoops";
        season.channels[0].events = [{ name: "hd-2026-12-21-tip-off", start: "2026-12-21T23:00:00Z", end: "2026-12-22T02:00:00Z" }];
        season.channels[1].id = "hoops-hd";
        season.channels[1].events = [{ name: "2026-12-21-tip-off", start: "2026-12-21T23:00:00Z", end: "2026-12-22T02:00:00Z" }];
        const plan = await planSeason(season);
        const schedules = plan.resources.filter((r) => r.type === SCHEDULE && r.region === "us-east-1");
        assert.deepStrictEqual(schedules.map((s) => s.inputs["name"]).sort(), [
            "hoops-hd.2026-12-21-tip-off.start",
            "hoops-hd.2026-12-21-tip-off.stop",
            "hoops.hd-2026-12-21-tip-off.start",
            "hoops.hd-2026-12-21-tip-off.stop",
        ]);
        assert.strictEqual(new Set(schedules.map((s) => s.urn)).size, 4);
    });

    it("gives two MediaTailor prefetch schedules of events alike in their first 55 characters two names", async () => {
        const season = baselineSeason();
        const stem = "2026-12-20-conference-semifinal-game-of-the-season-live";
        season.channels[0].events = [
            { name: `${stem}-part1`, start: "2026-12-20T18:00:00Z", end: "2026-12-20T20:00:00Z" },
            { name: `${stem}-part2`, start: "2026-12-20T22:00:00Z", end: "2026-12-21T00:00:00Z" },
        ];
        season.delivery.domain = {
            aliases: ["live.example.com"],
            certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
        };
        season.ads = {
            adDecisionServerUrl: "https://ads.example.com/vast?sid=[session.id]",
            channels: ["main-uhd"],
            cookieDomain: "example.com",
            playerOrigins: ["https://www.example.com"],
        };
        const plan = await planSeason(season);
        const names = plan.resources.filter((r) => r.type === PREFETCH).map((r) => r.inputs["name"]);
        assert.deepStrictEqual(names, [`${stem}-part1`, `${stem}-part2`]);
    });

    it("cuts a long name to its limit with a hash of the whole name, so names alike up to the cut differ", () => {
        const a = boundedName(`${"x".repeat(70)}-a`, 64);
        const b = boundedName(`${"x".repeat(70)}-b`, 64);
        assert.strictEqual(a.length, 64);
        assert.notStrictEqual(a, b);
        assert.strictEqual(boundedName("short", 64), "short");
        assert.strictEqual(scheduleName({ channelId: "main-uhd", event: "final", action: "stop" }), "main-uhd.final.stop");
        // Event names are at most 63 characters and each ad channel has its own playback configuration.
        assert.strictEqual(prefetchScheduleName("2026-12-20-final"), "2026-12-20-final");
    });
});
