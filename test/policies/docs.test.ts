import * as assert from "assert";
import * as fs from "fs";
import { POLICY_DOCS, renderPolicyDocs } from "../../tools/policyDocs";
import { ALL_PACKS } from "../../policies/harness/packs";

describe("docs/policies.md", () => {
    it("matches the policy metadata in the code (run `npm run docs:policies` after changing a policy)", () => {
        assert.strictEqual(fs.readFileSync(POLICY_DOCS, "utf8"), renderPolicyDocs());
    });
    it("documents every policy with its why and config", () => {
        const docs = renderPolicyDocs();
        for (const p of ALL_PACKS.flatMap((x) => x.policies)) {
            assert.ok(docs.includes(`### ${p.name}`), p.name);
            assert.ok(docs.includes(p.rationale), p.name);
        }
    });
});
