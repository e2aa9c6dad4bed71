import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "../../plan/args";
import { plan, tmpFile } from "../helpers/cli";
import { ROOT } from "../helpers/plan";

const PROD = fs.readFileSync(path.join(ROOT, "Pulumi.prod.yaml"), "utf8");

/** The one paragraph a bad --config gives: exit 2, stderr only, no verdict. */
async function refused(file: string): Promise<string> {
    const r = await plan("--config", file);
    assert.strictEqual(r.code, 2, r.out + r.err);
    assert.strictEqual(r.out, "");
    assert.doesNotMatch(r.err, /\n\s+at /);
    return r.err;
}

describe("--config files the plan cannot use get one clear paragraph", function () {
    this.timeout(120_000);

    it("a folder", async () => {
        const dir = path.dirname(tmpFile("x"));
        assert.strictEqual(
            await refused(dir),
            `Configuration error: ${dir} is a folder, not a stack file; pass the file itself, e.g. --config ${path.join(dir, "Pulumi.prod.yaml")}`,
        );
    });

    it("a UTF-16 file (as Windows editors save it)", async () => {
        const file = tmpFile("Pulumi.win.yaml");
        fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROD, "utf16le")]));
        assert.strictEqual(await refused(file), `Configuration error: ${file} is UTF-16 (or binary), not text Pulumi can read; save it as UTF-8`);
    });

    it("a list at the top", async () => {
        const file = tmpFile("Pulumi.list.yaml", "- onair:season: {}\n");
        assert.match(
            await refused(file),
            /^Configuration error: .*Pulumi\.list\.yaml holds a list at the top; a stack file is a map whose config: key holds the settings/,
        );
    });

    it("the project file Pulumi.yaml", async () => {
        assert.match(
            await refused(path.join(ROOT, "Pulumi.yaml")),
            /^Configuration error: .*Pulumi\.yaml is a project file \(Pulumi\.yaml\), not a stack file; pass --config with a stack file such as Pulumi\.prod\.yaml, or --stack prod$/,
        );
    });

    it("a YAML error: where it is and the line, with no dangling colon", async () => {
        const file = tmpFile("Pulumi.bad.yaml", PROD.replace("latencyMs: 1200", "latencyMs: {a: b: c}"));
        const err = await refused(file);
        assert.match(
            err,
            /is not valid YAML at line \d+, column \d+: Block collections are not allowed within flow collections \(the line reads " +latencyMs: \{a: b: c\}"\)$/,
        );
        assert.doesNotMatch(err, /:\s*$/);
    });

    it(".nan and .inf in a stack file, named by key path (they would reach the program as null)", async () => {
        const file = tmpFile("Pulumi.nan.yaml", PROD.replace("latencyMs: 1200", "latencyMs: .nan").replace("maxBitrateMbps: 50", "maxBitrateMbps: .inf"));
        assert.match(
            await refused(file),
            /^Configuration error: .*Pulumi\.nan\.yaml: onair:season\.channels\[0\]\.contribution\.maxBitrateMbps is \.inf, not a finite number; onair:season\.channels\[0\]\.contribution\.latencyMs is \.nan, not a finite number; give each a number, or remove the key to use its default$/,
        );
    });

    it("a key left without a value is an error naming it, not the default", async () => {
        const file = tmpFile("Pulumi.null.yaml", PROD.replace("latencyMs: 1200", "latencyMs:"));
        assert.match(
            await refused(file),
            /onair:season\.channels\[0\]\.contribution\.latencyMs: is given without a value \(`latencyMs:` with nothing after it is YAML null\); set a value, or remove the key to use the default \(1000\)/,
        );
    });

    it("a passphrase pasted as its key name is in neither the error nor the Markdown summary", async () => {
        const pasted = "Str0ng passphrase for the stadium!";
        const file = tmpFile("Pulumi.pasted.yaml", PROD.replace("passphraseKey: footballSrtPassphrase", `passphraseKey: "${pasted}"`));
        const md = tmpFile("summary.md");
        const r = await plan("--config", file, "--markdown", md);
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /contribution\.srt\.passphraseKey: is not a valid key name \(the value is not repeated here/);
        assert.match(fs.readFileSync(md, "utf8"), /- ERROR[\s\S]*is not a valid key name/);
        for (const text of [r.out, r.err, fs.readFileSync(md, "utf8")]) assert.ok(!text.includes("Str0ng"), text);
    });

    it("--as-of takes ISO-8601 with a zone only (not 1, words, Feb 30 or a zone-less local time)", () => {
        assert.strictEqual(parseArgs(["--as-of", "2026-12-20T00:00:00Z"]).asOf, "2026-12-20T00:00:00Z");
        assert.strictEqual(parseArgs(["--as-of", "2026-12-19T19:00:00-05:00"]).asOf, "2026-12-19T19:00:00-05:00");
        for (const bad of ["1", "the game on 12", "2026-02-30T00:00:00Z", "2026-12-20T00:00:00", "2026-12-20"]) {
            assert.throws(() => parseArgs(["--as-of", bad]), /--as-of .* is not a time; use an ISO-8601 time with its zone/, bad);
        }
    });
});
