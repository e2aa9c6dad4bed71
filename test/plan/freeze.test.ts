import * as assert from "assert";
import { freezeMain } from "../../plan/freeze";

function run(...argv: string[]): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const code = freezeMain(argv, (s) => out.push(s), (s) => err.push(s));
    return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run freeze-check (the deploy workflow's game-window freeze)", () => {
    it("exits 1 while a prod game is on air, naming the game and when the freeze ends", () => {
        const r = run("--stack", "prod", "--as-of", "2026-11-28T21:00:00Z");
        assert.strictEqual(r.code, 1);
        assert.strictEqual(r.out, "prod: ON AIR - football-uhd 2026-11-28-season-finale until 2026-11-29T01:00:00Z; deployments are frozen until then (override only with the workflow's force input).");
    });

    it("counts the lead and tail as on air", () => {
        // The finale starts 20:30; its channel starts 19:30 and stops at 01:00 (schedule lead 60, tail 30).
        assert.strictEqual(run("--as-of", "2026-11-28T19:45:00Z").code, 1);
        assert.strictEqual(run("--as-of", "2026-11-29T00:45:00Z").code, 1);
        assert.strictEqual(run("--as-of", "2026-11-29T01:00:00Z").code, 0);
    });

    it("exits 0 between games and names the next window", () => {
        const r = run("--as-of", "2026-11-22T12:00:00Z");
        assert.strictEqual(r.code, 0);
        assert.strictEqual(r.out, "prod: no game on air; next window studio-hd 2026-11-28-pregame from 2026-11-28T17:00:00Z.");
        assert.match(run("--as-of", "2027-03-01T00:00:00Z").out, /no game ahead this season/);
    });

    it("exits 2 for a stack without a stack file or an unknown argument", () => {
        const missing = run("--stack", "playoffs");
        assert.strictEqual(missing.code, 2);
        assert.match(missing.err, /Pulumi\.playoffs\.yaml not found/);
        assert.strictEqual(run("--force").code, 2);
    });
});
