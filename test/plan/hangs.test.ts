import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseArgs, DEFAULT_TIMEOUT_SECONDS } from "../../plan/args";
import { applyEvent, describeHandles, describePending, newPendingState } from "../../plan/progress";
import { FIXTURES, plan, planIn, PROJECTS, tmpFile } from "../helpers/cli";

const program = (name: string) => path.join(FIXTURES, name);

// A program that never finishes must never pass: each way of not finishing ends the plan with exit 2
// and one paragraph naming what was pending. Timeouts are short here only for programs that cannot
// finish at all; no assertion depends on how fast the machine is.
describe("a program that never finishes fails the plan (plan/supervisor.ts)", function () {
    this.timeout(180_000);

    it("a default export whose Promise never settles: exit 2 at once, naming the phase, not a silent exit 0", async () => {
        const r = await plan("--program", program("neverSettles.ts"));
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /^Program error: the program of stack prod can never finish: nothing it awaits is still running\./);
        assert.match(r.err, /the Promise returned by the program's default export had not settled \(\d+ registrations answered\)/);
        assert.doesNotMatch(r.out, /Verdict/);
    });

    it("an input that never resolves: exit 2 (not 1), naming the resource and the output waiting for it", async () => {
        const r = await plan("--program", program("inputNeverResolves.ts"));
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /Stack outputs still pending: topicArn\./);
        assert.match(r.err, /Resources awaiting their inputs or parent \(1\):\n {2}- aws:sns\/topic:Topic "stuck"/);
    });

    it("a timer that keeps an output pending: stopped at --timeout, naming the output and the timer", async () => {
        const r = await plan("--program", program("waitsOnTimer.ts"), "--timeout", "3");
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /the plan of stack prod did not finish within 3 s \(--timeout\); it was stopped\./);
        assert.match(r.err, /Stack outputs still pending: ticking\./);
        assert.match(r.err, /Still waiting on: a timer \(setTimeout\/setInterval\)\./);
    });

    it("an interval left running after the program returned: stopped at --timeout (the language host would never exit)", async () => {
        const r = await plan("--program", program("leavesInterval.ts"), "--timeout", "3");
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /the program had returned, but its timers or handles kept running/);
        assert.match(r.err, /Still waiting on: a timer/);
    });

    it("a busy loop: stopped from outside at --timeout, naming the resource constructed before it", async () => {
        const r = await plan("--program", program("busyLoop.ts"), "--timeout", "3");
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /did not finish within 3 s/);
        assert.match(r.err, /Its JavaScript never yielded: a busy loop or a long synchronous computation\./);
        assert.match(r.err, /- fixture:index:Waiting "before-the-loop"/);
    });

    it("process.exit(3): exit 2 with a message, not rc 3 and silence", async () => {
        const r = await plan("--program", program("callsProcessExit.ts"));
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /the program of stack prod called process\.exit\(3\) before the plan finished/);
    });

    it("a rejection after the outputs resolved: exit 2 naming it, not a pass", async () => {
        const r = await plan("--program", program("lateRejection.ts"));
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /^Program error: the Pulumi program failed under the mock runtime: late failure after the outputs/);
        assert.doesNotMatch(r.out, /Verdict/);
    });

    it("an exception thrown in a callback: exit 2 naming it", async () => {
        const r = await plan("--program", program("throwsInCallback.ts"));
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(r.err, /threw an uncaught exception in a callback: thrown from a timer callback/);
    });

    it("--all --markdown writes a section for every stack, the hung one as ERROR, and exits 2", async () => {
        const md = tmpFile("summary.md");
        const r = await planIn(path.join(PROJECTS, "hungStack"), "--all", "--markdown", md);
        assert.strictEqual(r.code, 2, r.out + r.err);
        const sections = [...fs.readFileSync(md, "utf8").matchAll(/^## OnAir plan: stack `(\w+)` - (\w+)/gm)].map((m) => `${m[1]} ${m[2]}`);
        assert.deepStrictEqual(sections, ["fine PASS", "hung ERROR"]);
        assert.match(r.err, /^\[\.:hung\] Program error: the program of stack hung can never finish/m);
        assert.match(r.out, /stack fine[\s\S]*Verdict: PASS/);
    });

    it("--timeout takes seconds, with a default of five minutes", () => {
        assert.strictEqual(parseArgs([]).timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
        assert.strictEqual(DEFAULT_TIMEOUT_SECONDS, 300);
        assert.strictEqual(parseArgs(["--timeout", "12.5"]).timeoutSeconds, 12.5);
        for (const bad of ["0", "-1", "ten", "1e3", "99999999"])
            assert.throws(() => parseArgs(["--timeout", bad]), /--timeout .* is not a number of seconds/, bad);
    });
});

describe("what was pending (plan/progress.ts)", () => {
    it("counts constructions against registrations and lists what never registered, by type and name", () => {
        const s = newPendingState();
        applyEvent(s, { e: "phase", phase: "outputs" });
        applyEvent(s, { e: "constructed", type: "aws:sns/topic:Topic", name: "a" });
        applyEvent(s, { e: "constructed", type: "aws:sns/topic:Topic", name: "b", parent: 'onair:x:Y "y"' });
        applyEvent(s, { e: "registered", type: "aws:sns/topic:Topic", name: "a" });
        applyEvent(s, { e: "outputs", keys: ["z", "arn"] });
        applyEvent(s, { e: "output-resolved", key: "z" });
        assert.deepStrictEqual(describePending(s), [
            "the program's stack outputs had not resolved (1 registration answered).",
            "Stack outputs still pending: arn.",
            "Resources awaiting their inputs or parent (1):",
            '  - aws:sns/topic:Topic "b" (parent onair:x:Y "y")',
        ]);
    });

    it("lists at most ten resources and says how many more", () => {
        const s = newPendingState();
        for (let i = 0; i < 12; i++) applyEvent(s, { e: "constructed", type: "t", name: `r${String(i).padStart(2, "0")}` });
        const lines = describePending(s);
        assert.strictEqual(lines.filter((l) => l.startsWith("  - t ")).length, 10);
        assert.strictEqual(lines[lines.length - 1], "  - ... and 2 more");
    });

    it("names the event loop's handles in words", () => {
        assert.strictEqual(describeHandles(["Timeout", "Timeout", "TCPSocketWrap"]), "a timer (setTimeout/setInterval) x2, a network connection");
        assert.strictEqual(describeHandles([]), "nothing the event loop tracks");
    });
});
