import * as assert from "assert";
import { mediaLiveRolePolicy } from "../../../components/media/iam";
import { runPolicy } from "../../../policies/harness/single";
import { disallowWildcardAdmin } from "../../../policies/security/iam/policy/onair-iam-policy-disallow-wildcard-admin";
import { unrelated } from "../fixtures";

describe("security pack: onair-iam-policy-disallow-wildcard-admin", () => {
    const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

    it("passes the MediaLive role policy OnAir writes", async () => {
        const policy = JSON.stringify(mediaLiveRolePolicy({ region: "us-east-1", account: "123456789012", mediaPackageChannelArn: "arn:mp", flowArns: ["arn:a", "arn:b"], secretArns: [] }));
        assert.deepStrictEqual((await runPolicy(disallowWildcardAdmin, [{ type: "aws:iam/rolePolicy:RolePolicy", name: "ml", props: { role: "r", policy } }])).violations, []);
    });
    it("passes named actions on *, and wildcard actions on named resources", async () => {
        const policy = doc({ Effect: "Allow", Action: ["ec2:DescribeSubnets"], Resource: "*" }, { Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::logs/*" });
        assert.deepStrictEqual((await runPolicy(disallowWildcardAdmin, [{ type: "aws:iam/policy:Policy", name: "p", props: { policy } }])).violations, []);
    });
    it("flags * on * and service:* on * in role policies, managed policies and inline role policies", async () => {
        const r = await runPolicy(disallowWildcardAdmin, [
            { type: "aws:iam/rolePolicy:RolePolicy", name: "too-broad", props: { role: "r", policy: doc({ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }) } },
            { type: "aws:iam/policy:Policy", name: "s3-admin", props: { policy: doc({ Effect: "Allow", Action: ["s3:*"], Resource: ["*"] }) } },
            { type: "aws:iam/role:Role", name: "inline", props: { assumeRolePolicy: "{}", inlinePolicies: [{ name: "ops", policy: doc({ Effect: "Allow", Action: "medialive:*", Resource: "*" }) }] } },
        ]);
        assert.strictEqual(r.violations.length, 3);
        assert.ok(r.violations.some((v) => /"too-broad": policy, statement All allows \* on "\*"/.test(v)));
        assert.ok(r.violations.some((v) => /inline policy ops, statement #1 allows medialive:\*/.test(v)));
    });
    it("ignores Deny statements", async () => {
        const policy = doc({ Effect: "Deny", Action: "*", Resource: "*" });
        assert.deepStrictEqual((await runPolicy(disallowWildcardAdmin, [{ type: "aws:iam/policy:Policy", name: "guard", props: { policy } }])).violations, []);
    });
    it("is not applicable to other types", async () => {
        assert.strictEqual((await runPolicy(disallowWildcardAdmin, [unrelated()])).notApplicable.length, 1);
    });
});
