import * as assert from "assert";
import { spawn } from "child_process";
import * as path from "path";
import { FIXTURES, plan, tmpFile } from "../helpers/cli";
import { ROOT } from "../helpers/plan";

describe("plan output: files that cannot be written, slow pipes", function () {
    this.timeout(180_000);

    it("--json into a folder that does not exist fails before any plan, in one paragraph, without a verdict", async () => {
        const r = await plan("--json", "/nonexistent/x.json");
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.out, "");
        assert.strictEqual(
            r.err,
            "Output error: --json /nonexistent/x.json cannot be written: its folder does not exist. Nothing was planned; pass a file in an existing, writable folder (e.g. --json x.json).",
        );
    });

    it("--markdown naming a folder, or under a file, is refused the same way", async () => {
        const dir = path.dirname(tmpFile("x"));
        const a = await plan("--markdown", dir);
        assert.strictEqual(a.code, 2);
        assert.match(a.err, /^Output error: --markdown .* cannot be written: it is a folder\. Nothing was planned/);
        const file = tmpFile("plain.txt", "");
        const b = await plan("--all", "--markdown", path.join(file, "summary.md"));
        assert.strictEqual(b.code, 2);
        assert.match(b.err, /cannot be written: .*plain\.txt is not a folder/);
        assert.strictEqual(b.out, "");
    });

    it("waits for a slow reader: the Verdict line after 64 KiB of report is not lost", async () => {
        // The reader takes nothing for a while, then little at a time: a CI log pipe under load.
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "plan/cli.ts", "--program", path.join(FIXTURES, "largeOutputs.ts")], {
            cwd: ROOT,
            stdio: ["ignore", "pipe", "inherit"],
        });
        child.stdout.pause();
        const chunks: Buffer[] = [];
        // "close": the process ended and its stdout was read to the end.
        const code = await new Promise<number | null>((resolve) => {
            child.on("close", resolve);
            setTimeout(() => {
                child.stdout.on("data", (c: Buffer) => {
                    chunks.push(c);
                    child.stdout.pause();
                    setTimeout(() => child.stdout.resume(), 10);
                });
                child.stdout.resume();
            }, 1500);
        });
        const text = Buffer.concat(chunks).toString("utf8");
        assert.strictEqual(code, 0);
        assert.ok(text.length > 200 * 1024, `only ${text.length} bytes`);
        assert.match(text, /"label": "row 2999 of the large output fixture"/);
        assert.match(text, /\nVerdict: PASS - no mandatory violations \(0 advisory\)\.\n$/);
    });
});
