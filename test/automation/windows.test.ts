import * as assert from "assert";
import { expandStackToken, stackLabel } from "../../components/config/stackToken";
import { activeWindow, hourConflicts, hoursByPreference, nextWindow, OnAirWindow, quietHour } from "../../components/operations/onAirWindows";

const at = (iso: string) => Date.parse(iso);
const w = (channelId: string, start: string, stop: string): OnAirWindow => ({ channelId, event: `${channelId}-game`, startMs: at(start), stopMs: at(stop) });

describe("on-air windows", () => {
    const windows = [w("football", "2026-11-28T19:30:00Z", "2026-11-29T01:00:00Z"), w("hoops", "2026-12-02T23:00:00Z", "2026-12-03T03:30:00Z")];

    it("finds the window under way and the next one", () => {
        assert.strictEqual(activeWindow(windows, at("2026-11-28T23:00:00Z"))?.channelId, "football");
        assert.strictEqual(activeWindow(windows, at("2026-11-29T01:00:00Z")), undefined, "the stop instant is off air");
        assert.strictEqual(nextWindow(windows, at("2026-11-29T02:00:00Z"))?.channelId, "hoops");
        assert.strictEqual(nextWindow(windows, at("2026-12-04T00:00:00Z")), undefined);
    });

    it("tries hours nearest the preferred one first, each hour once", () => {
        const order = hoursByPreference(14);
        assert.deepStrictEqual(order.slice(0, 5), [14, 15, 13, 16, 12]);
        assert.deepStrictEqual(
            [...order].sort((a, b) => a - b),
            Array.from({ length: 24 }, (_, i) => i),
        );
        assert.deepStrictEqual(hoursByPreference(0).slice(0, 3), [0, 1, 23]);
    });

    it("sees a daily job collide with a window that crosses midnight", () => {
        assert.strictEqual(hourConflicts(windows, 0)?.channelId, "football");
        assert.strictEqual(hourConflicts(windows, 2)?.channelId, "hoops");
        assert.strictEqual(hourConflicts(windows, 19)?.channelId, "football", "19:00-20:00 overlaps a 19:30 start");
        assert.strictEqual(hourConflicts(windows, 18), undefined);
        assert.strictEqual(hourConflicts(windows, 18, 120)?.channelId, "football", "a two-hour job at 18:00 runs into 19:30");
    });

    it("picks the nearest quiet hour, or none when games cover the whole day", () => {
        assert.strictEqual(quietHour(windows, 14), 14);
        assert.strictEqual(quietHour(windows, 0), 4);
        const allDay = Array.from({ length: 24 }, (_, h) =>
            w(`ch${h}`, `2026-12-10T${String(h).padStart(2, "0")}:00:00Z`, `2026-12-10T${String(h).padStart(2, "0")}:30:00Z`),
        );
        assert.strictEqual(quietHour(allDay, 14), undefined);
    });
});

describe("{stack} in the season name and aliases", () => {
    it("keeps the stack name's end, where review stacks carry the pull request number", () => {
        assert.strictEqual(stackLabel("prod"), "prod");
        assert.strictEqual(stackLabel("pr-example-rsn-onair-123"), "sn-onair-123");
        assert.strictEqual(stackLabel("Review_Stack-42"), "review-stack-42".slice(-12));
        assert.strictEqual(stackLabel("---"), "stack");
    });

    it("replaces the token in the name and the aliases only", () => {
        const raw = {
            name: "rsn-{stack}",
            channels: [{ id: "{stack}" }],
            delivery: { domain: { aliases: ["{stack}.review.example.com"], certificateArn: "arn" } },
        };
        assert.deepStrictEqual(expandStackToken(raw, "pr-7"), {
            name: "rsn-pr-7",
            channels: [{ id: "{stack}" }],
            delivery: { domain: { aliases: ["pr-7.review.example.com"], certificateArn: "arn" } },
        });
        assert.deepStrictEqual(expandStackToken({ name: "plain" }, "pr-7"), { name: "plain" });
    });
});
