import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { guardMain, guardVerdict } from "../../stacks/automation/guard";
import { openingMain, openingUpdateDue } from "../../stacks/automation/openingUpdate";

function capture(run: (out: (s: string) => void, err: (s: string) => void) => number): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(
        (s) => out.push(s),
        (s) => err.push(s),
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
}

const guard = (env: NodeJS.ProcessEnv, ...argv: string[]) => capture((o, e) => guardMain(argv, env, o, e));
const opening = (...argv: string[]) => capture((o, e) => openingMain(argv, o, e));

// Pulumi Deployments sets PULUMI_CI_OPERATION to update, preview, destroy, refresh, detect-drift or
// remediate-drift (Pulumi docs, Deployments > Concepts > Settings > Environment Variables).
describe("npm run deployments-guard (first pre-run command of every Deployments job on prod)", () => {
    // The season finale's channel is on air from 19:30 to 01:00 (lead 60, tail 30); the 22nd is quiet.
    const ON_AIR = "2026-11-28T21:00:00Z";
    const QUIET = "2026-11-22T12:00:00Z";

    it("lets a preview through at any time: read-only role, no stack lock", () => {
        for (const at of [ON_AIR, QUIET]) {
            const r = guard({ PULUMI_CI_OPERATION: "preview" }, "--stack", "prod", "--as-of", at);
            assert.deepStrictEqual([r.code, r.out], [0, "prod: preview allowed (read-only role, takes no stack lock)."]);
        }
    });

    it("lets a refresh or drift check through between games and holds it while a game is on air", () => {
        for (const op of ["refresh", "detect-drift"]) {
            assert.strictEqual(guard({ PULUMI_CI_OPERATION: op }, "--stack", "prod", "--as-of", QUIET).code, 0, op);
            const frozen = guard({ PULUMI_CI_OPERATION: op }, "--stack", "prod", "--as-of", ON_AIR);
            assert.strictEqual(frozen.code, 1, op);
            assert.match(frozen.err, new RegExp(`^prod: ${op} refused: ON AIR - football-uhd 2026-11-28-season-finale until 2026-11-29T01:00:00Z`));
        }
    });

    it("refuses every operation that would change prod, and one it does not know, at any time", () => {
        for (const op of ["update", "destroy", "remediate-drift", "import"]) {
            const r = guard({ PULUMI_CI_OPERATION: op }, "--stack", "prod", "--as-of", QUIET);
            assert.strictEqual(r.code, 1, op);
            assert.match(
                r.err,
                new RegExp(
                    `^prod: refused "${op}": Pulumi Deployments only previews, refreshes and checks drift on a production stack\\. Changes to prod go through \\.github/workflows/deploy\\.yml`,
                ),
            );
        }
        assert.match(guard({}, "--stack", "prod").err, /refused an operation Deployments did not name \(PULUMI_CI_OPERATION is not set\)/);
    });

    it("is a pure decision: the freeze is consulted only for the locking reads", () => {
        let asked = 0;
        const freeze = () => {
            asked++;
            return { code: 0 as const, line: "prod: no game on air." };
        };
        guardVerdict("preview", "prod", freeze);
        guardVerdict("update", "prod", freeze);
        assert.strictEqual(asked, 0);
        assert.strictEqual(guardVerdict("refresh", "prod", freeze).code, 0);
        assert.strictEqual(asked, 1);
    });

    it("exits 2 on a bad argument or a stack without a stack file", () => {
        assert.strictEqual(guard({ PULUMI_CI_OPERATION: "refresh" }, "--stack").code, 2);
        const missing = guard({ PULUMI_CI_OPERATION: "refresh" }, "--stack", "playoffs");
        assert.strictEqual(missing.code, 2);
        assert.match(missing.err, /Pulumi\.playoffs\.yaml not found/);
    });
});

describe("npm run opening-update (the deploy workflow's daily check)", () => {
    // Prod's first window: the studio pregame, 2026-09-05 20:00 with a 60-minute lead; seven days
    // before (stacks/Pulumi.automation.yaml) is 2026-08-29T19:00:00Z.
    const output = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-gh-")), "out");

    it("says deploy=true on the one daily run after the opening time", () => {
        const file = output();
        const r = opening("--stack", "prod", "--as-of", "2026-08-30T11:00:00Z", "--github-output", file);
        assert.deepStrictEqual(
            [r.code, r.out],
            [0, "prod: the opening update is due (since 2026-08-29T19:00:00Z, 7 days before the first window); deploying."],
        );
        assert.strictEqual(fs.readFileSync(file, "utf8"), "deploy=true\n");
    });

    it("says deploy=false the day before and the day after", () => {
        for (const [at, says] of [
            ["2026-08-29T11:00:00Z", "is due at"],
            ["2026-08-31T11:00:00Z", "was due at"],
        ] as const) {
            const file = output();
            const r = opening("--as-of", at, "--github-output", file);
            assert.deepStrictEqual([r.code, r.out], [0, `prod: the opening update ${says} 2026-08-29T19:00:00Z; nothing to deploy today.`]);
            assert.strictEqual(fs.readFileSync(file, "utf8"), "deploy=false\n");
        }
    });

    it("fires exactly once for a daily check, whatever hour the check runs", () => {
        const at = Date.parse("2026-08-29T19:00:00Z");
        for (let hour = 0; hour < 24; hour++) {
            const runs = Array.from({ length: 5 }, (_, d) => Date.parse("2026-08-27T00:00:00Z") + d * 86_400_000 + hour * 3_600_000);
            assert.strictEqual(runs.filter((t) => openingUpdateDue(at, t)).length, 1, `daily at ${hour}:00`);
        }
        assert.strictEqual(openingUpdateDue(undefined, at), false);
    });

    it("exits 2 for a stack that is not a production stack of the automation settings", () => {
        const r = opening("--stack", "rehearsal");
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /rehearsal is not a production stack in stacks\/Pulumi\.automation\.yaml/);
    });
});
