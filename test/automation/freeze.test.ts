import * as assert from "assert";
import { DEFAULT_MARGIN_MINUTES } from "../../contracts/deployFreeze";
import { freezeMain, parseFreezeArgs } from "../../stacks/automation/freeze";

function run(...argv: string[]): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const code = freezeMain(
        argv,
        (s) => out.push(s),
        (s) => err.push(s),
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run freeze-check (the deploy workflow's game-window freeze)", () => {
    it("exits 1 while a prod game is on air, naming the game and when the freeze ends", () => {
        const r = run("--stack", "prod", "--as-of", "2026-11-28T21:00:00Z");
        assert.strictEqual(r.code, 1);
        assert.strictEqual(
            r.out,
            "prod: ON AIR - football-uhd 2026-11-28-season-finale until 2026-11-29T01:00:00Z; deployments are frozen until then (override only with the workflow's force input).",
        );
    });

    it("counts the lead and tail as on air", () => {
        // The finale starts 20:30; its channel starts 19:30 and stops at 01:00 (schedule lead 60, tail 30).
        assert.strictEqual(run("--as-of", "2026-11-28T19:45:00Z").code, 1);
        assert.strictEqual(run("--as-of", "2026-11-29T00:45:00Z").code, 1);
        assert.strictEqual(run("--as-of", "2026-11-29T01:00:00Z").code, 0);
    });

    it("exits 0 between games and names the next window and when deploys freeze for it", () => {
        const r = run("--as-of", "2026-11-22T12:00:00Z");
        assert.strictEqual(r.code, 0);
        assert.strictEqual(
            r.out,
            "prod: no game on air; next window studio-hd 2026-11-28-pregame from 2026-11-28T17:00:00Z, deploys frozen from 2026-11-28T16:15:00Z.",
        );
        assert.match(run("--as-of", "2027-03-01T00:00:00Z").out, /no game ahead this season/);
    });

    it("reserves the deploy margin before a window's lead (45 minutes unless --margin says otherwise)", () => {
        assert.strictEqual(DEFAULT_MARGIN_MINUTES, 45);
        // The pregame (18:00-20:15) starts its channel at 17:00 and stops it at 20:45 (lead 60, tail 30):
        // a deploy at 16:30 could still run at 17:00.
        const r = run("--as-of", "2026-11-28T16:30:00Z");
        assert.strictEqual(r.code, 1);
        assert.strictEqual(
            r.out,
            "prod: ON AIR SOON - studio-hd 2026-11-28-pregame starts at 2026-11-28T17:00:00Z (lead included), within the 45-minute deploy margin: a deploy started now could still be running then; deployments are frozen until 2026-11-28T20:45:00Z (override only with the workflow's force input).",
        );
        assert.strictEqual(run("--as-of", "2026-11-28T16:14:59Z").code, 0);
        assert.strictEqual(run("--as-of", "2026-11-28T16:30:00Z", "--margin", "20").code, 0);
        assert.strictEqual(run("--as-of", "2026-11-28T16:45:00Z", "--margin=20").code, 1);
    });

    it("accepts only ISO-8601 times with a zone for --as-of, the same instant in any zone", () => {
        assert.strictEqual(run("--as-of", "2026-11-28T16:00:00-05:00").code, 1, "21:00Z, during the finale");
        for (const bad of ["1", "the game on 12", "2026-02-30T10:00:00Z", "2026-11-28T21:00:00", "2026-11-28", "2026-11-28T24:00:00Z"]) {
            const r = run("--as-of", bad);
            assert.strictEqual(r.code, 2, bad);
            assert.match(r.err, /^error: --as-of ".*" is not a time; use an ISO-8601 time with its zone, e.g\. 2026-09-01T00:00:00Z/, bad);
        }
    });

    it("validates --stack like the plan does, and every other argument", () => {
        for (const bad of ["../prod", "a/b", "..", "pro d"]) {
            const r = run("--stack", bad);
            assert.strictEqual(r.code, 2, bad);
            assert.match(r.err, /^error: --stack ".*" is not a stack name; use letters, digits, _, \. and -/, bad);
        }
        assert.match(run("--stack").err, /^error: --stack needs a value/);
        assert.match(run("--stack", "--as-of", "2026-11-28T21:00:00Z").err, /^error: --stack needs a value/);
        assert.match(run("--margin", "-5").err, /--margin "-5" is not a number of minutes from 0 to 360/);
        assert.match(run("--margin", "1000").err, /--margin "1000" is not a number of minutes/);
        assert.deepStrictEqual(parseFreezeArgs(["--stack=rehearsal", "--margin", "0"], 5), { stack: "rehearsal", nowMs: 5, marginMinutes: 0 });
    });

    it("exits 2 for a stack without a stack file or an unknown argument", () => {
        const missing = run("--stack", "playoffs");
        assert.strictEqual(missing.code, 2);
        assert.match(missing.err, /Pulumi\.playoffs\.yaml not found/);
        const unknown = run("--force");
        assert.strictEqual(unknown.code, 2);
        assert.match(unknown.err, /^error: unknown option "--force"/);
    });
});
