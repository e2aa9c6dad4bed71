import * as assert from "assert";
import * as path from "path";
import { formatDuplicates, UrnRegistry } from "../../plan/duplicateUrns";
import { FIXTURES, plan } from "../helpers/cli";

describe("duplicate URNs fail the plan as pulumi up would", function () {
    this.timeout(120_000);

    it('two new aws.sns.Topic("same"): exit 2 naming both registrations, not the last one kept silently', async () => {
        const r = await plan("--program", path.join(FIXTURES, "duplicateUrns.ts"));
        assert.strictEqual(r.code, 2, r.out + r.err);
        assert.match(
            r.err,
            /^Program error: 1 resource registration reuses a URN already registered; `pulumi up` refuses a duplicate resource URN\. Give each resource its own name:/,
        );
        assert.match(
            r.err,
            /- urn:pulumi:prod::onair::aws:sns\/topic:Topic::same\n {6}first: {2}aws:sns\/topic:Topic "same" \(parent urn:pulumi:prod::onair::pulumi:pulumi:Stack::onair-prod\)\n {6}second: aws:sns\/topic:Topic "same" \(parent urn:pulumi:prod::onair::pulumi:pulumi:Stack::onair-prod\)/,
        );
        assert.doesNotMatch(r.out, /Verdict/);
    });

    it("keeps the first registration, records each reuse, and lists at most ten", () => {
        const reg = new UrnRegistry();
        assert.ok(reg.add({ urn: "u1", type: "t", name: "a", parent: "p1" }));
        assert.ok(!reg.add({ urn: "u1", type: "t", name: "a", parent: "p2" }));
        assert.deepStrictEqual(reg.duplicates, [
            { first: { urn: "u1", type: "t", name: "a", parent: "p1" }, second: { urn: "u1", type: "t", name: "a", parent: "p2" } },
        ]);
        const many = Array.from({ length: 12 }, (_, i) => ({ first: { urn: `u${i}`, type: "t", name: "n" }, second: { urn: `u${i}`, type: "t", name: "n" } }));
        const text = formatDuplicates(many);
        assert.match(text, /^12 resource registrations reuse URNs/);
        assert.strictEqual(text.split("\n").filter((l) => l.startsWith("  - u")).length, 10);
        assert.match(text, /\.\.\. and 2 more$/);
    });
});
