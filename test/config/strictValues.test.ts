import * as assert from "assert";
import { checkDerivedNames } from "../../components/config/derivedNames";
import { ConfigError, formatIssues, LISTED_ISSUES } from "../../components/config/errors";
import { Cursor } from "../../components/config/cursor";
import { parseInstant } from "../../components/config/instant";
import { allowListProblem, networkAddress } from "../../components/config/network";
import { validateSeason } from "../../components/config/season";
import { ChannelConfig } from "../../components/config/types";
import { baselineSeason, secretLookup, setPath, TEST_SECRETS } from "../helpers/season";

function issuesOf(raw: unknown, lookup = secretLookup()): { path: string; message: string }[] {
    try {
        validateSeason(raw, lookup);
    } catch (e) {
        assert.ok(e instanceof ConfigError, String(e));
        return e.issues;
    }
    return [];
}

describe("season configuration: no silent defaults, one message per mistake", () => {
    it("rejects NaN and infinite numbers (YAML .nan, .inf) instead of using them or a default", () => {
        const nan = issuesOf(setPath(baselineSeason(), "channels[0].contribution.latencyMs", NaN));
        assert.deepStrictEqual(nan, [
            { path: "onair:season.channels[0].contribution.latencyMs", message: "NaN is not a finite number; use 120 to 15000 milliseconds" },
        ]);
        const inf = issuesOf(
            setPath(baselineSeason(), "costRates", { medialivePipelineHour: { uhd: Infinity, hd: 1 }, mediaconnectFlowHour: 1, mediapackageIngestPerGb: 0.03 }),
        );
        assert.deepStrictEqual(inf, [
            { path: "onair:season.costRates.medialivePipelineHour.uhd", message: "Infinity is not a rate; use a number from 0 to 10000" },
        ]);
    });

    it("reports a channel id listed 2,000 times once, with the count, and lists at most thirty problems", () => {
        const raw = baselineSeason();
        raw.channels = Array.from({ length: 2000 }, () => structuredClone(raw.channels[0]));
        const issues = issuesOf(raw);
        assert.deepStrictEqual(
            issues.map((i) => `${i.path}: ${i.message}`),
            [
                "onair:season.channels: has 2000 channels; at most 60 allowed",
                'onair:season.channels: lists channel id "main-uhd" 2000 times; each must be unique',
            ],
        );
        const many = Array.from({ length: 45 }, (_, i) => ({ path: `p${i}`, message: "m" }));
        const text = formatIssues(many);
        assert.strictEqual(text.split("\n").length, 1 + LISTED_ISSUES + 1);
        assert.match(text, /^Invalid OnAir configuration \(45 problems\):/);
        assert.match(text, /\n {2}- \.\.\. and 15 more \(fix those above and run again\)$/);
    });

    it("allows a secret key the season does not name yet (a signing key staged for rotation), not a plain one", () => {
        const staged = secretLookup({ ...TEST_SECRETS, nextTokenSigningKey: "n".repeat(40) });
        assert.deepStrictEqual(issuesOf(baselineSeason(), staged), []);
        const plain = issuesOf(baselineSeason(), secretLookup(TEST_SECRETS, { channelNotes: "x" }));
        assert.deepStrictEqual(
            plain.map((i) => i.path),
            ["onair:channelNotes"],
        );
        assert.doesNotMatch(plain[0]!.message, /did you mean/);
    });

    it("names the event to rename when two events derive one name", () => {
        const issues: { path: string; message: string }[] = [];
        const raw = [{ id: "hoops" }, { id: "hoops-hd" }];
        const channels = [
            { id: "hoops", events: [{ name: "hd-2026-10-21-tip-off" }] },
            { id: "hoops-hd", events: [{ name: "2026-10-21-tip-off" }] },
        ] as unknown as ChannelConfig[];
        // The derivation OnAir used to have: parts joined by "-", which both ids and event names contain.
        const dashed = (a: { channelId: string; event: string; action: string }) => `${a.channelId}-${a.event}-${a.action}`;
        checkDerivedNames(new Cursor("onair:season.channels", raw, issues), channels, dashed);
        assert.deepStrictEqual(issues, [
            {
                path: "onair:season.channels[1].events[0].name",
                message:
                    'gives the schedule name "hoops-hd-2026-10-21-tip-off-start", as event "hd-2026-10-21-tip-off" of channel hoops does; rename one of the two events',
            },
        ]);
        // With OnAir's derivation the two never collide.
        const ok: typeof issues = [];
        checkDerivedNames(new Cursor("onair:season.channels", raw, ok), channels);
        assert.deepStrictEqual(ok, []);
    });
});

describe("contribution allow-lists (components/config/network.ts)", () => {
    it("takes a venue's range up to a /16, with host bits clear", () => {
        assert.strictEqual(allowListProblem("203.0.113.0/28"), undefined);
        assert.strictEqual(allowListProblem("10.20.0.0/16"), undefined);
        assert.strictEqual(allowListProblem("198.51.100.7/32"), undefined);
        assert.match(allowListProblem("10.0.0.0/15")!, /admits 131,072 addresses/);
        assert.match(allowListProblem("0.0.0.0/0")!, /opens the ingest to most of the internet/);
        assert.match(allowListProblem("203.0.113.5/24")!, /has host bits set: it means 203\.0\.113\.0\/24/);
        assert.match(allowListProblem("203.0.113.0")!, /is not an IPv4 CIDR/);
        assert.deepStrictEqual(networkAddress([198, 51, 100, 77], 26), [198, 51, 100, 64]);
        assert.deepStrictEqual(networkAddress([255, 255, 255, 255], 1), [128, 0, 0, 0]);
    });
});

describe("strict times (components/config/instant.ts)", () => {
    it("accepts ISO-8601 with Z or an offset, and reads offsets as the same instant", () => {
        assert.strictEqual(parseInstant("2026-09-01T00:00:00Z"), Date.UTC(2026, 8, 1));
        assert.strictEqual(parseInstant("2026-09-01T00:00Z"), Date.UTC(2026, 8, 1));
        assert.strictEqual(parseInstant("2026-08-31T20:00:00-04:00"), Date.UTC(2026, 8, 1));
        assert.strictEqual(parseInstant("2026-09-01T05:30:00.250+05:30"), Date.UTC(2026, 8, 1, 0, 0, 0, 250));
        assert.strictEqual(parseInstant("2028-02-29T12:00:00Z"), Date.UTC(2028, 1, 29, 12));
    });

    it("rejects what Date.parse would guess at: numbers, words, impossible days, zone-less and date-only times", () => {
        for (const bad of [
            "1",
            "the game on 12",
            "2026-02-30T10:00:00Z",
            "2027-02-29T10:00:00Z",
            "2026-09-01T00:00:00",
            "2026-09-01",
            "2026-09-01T24:00:00Z",
            "2026-09-01T12:60:00Z",
            "2026-09-01 12:00:00Z",
            "2026-09-01T12:00:00z",
            "2026-09-01T12:00:00+24:00",
        ]) {
            assert.strictEqual(parseInstant(bad), undefined, bad);
        }
    });
});
