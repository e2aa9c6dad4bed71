import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, plan, tmpFile } from "../helpers/cli";

const VALUES = ["s3cr3t-plain-value", "s3cr3t-nested-value", "s3cr3t-json-value", "s3cr3t-object-value", "s3cr3t-list-value"];

describe("secret stack outputs stay secret in every report", function () {
    this.timeout(120_000);

    it("prints [secret] for plain, nested, jsonStringify'd, whole-object and listed secrets in text, --json and --markdown", async () => {
        const json = tmpFile("plan.json");
        const md = tmpFile("plan.md");
        const r = await plan("--program", path.join(FIXTURES, "secretOutputs.ts"), "--json", json, "--markdown", md);
        assert.strictEqual(r.code, 0, r.err);
        const written = { text: r.out + r.err, json: fs.readFileSync(json, "utf8"), markdown: fs.readFileSync(md, "utf8") };
        for (const [where, text] of Object.entries(written)) {
            for (const v of VALUES) assert.ok(!text.includes(v), `${v} appears in the ${where} output`);
        }
        const outputs = r.out.slice(r.out.indexOf("Stack outputs:"));
        assert.match(outputs, /^ {2}plain: \[secret\]$/m);
        assert.match(outputs, /^ {2}asJson: \[secret\]$/m);
        assert.match(outputs, /^ {2}wholeObject: \[secret\]$/m);
        assert.match(outputs, /"signing": "\[secret\]"/);
        // What is not secret is still shown.
        assert.match(outputs, /"visible": "shown"/);
        assert.match(outputs, /"shown-too"/);
        const doc = JSON.parse(written.json);
        assert.deepStrictEqual(doc.outputs, {
            asJson: "[secret]",
            inList: ["[secret]", "shown-too"],
            nested: { tokens: { signing: "[secret]" }, visible: "shown" },
            plain: "[secret]",
            wholeObject: "[secret]",
        });
    });
});
