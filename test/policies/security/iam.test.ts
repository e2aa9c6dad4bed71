import * as assert from "assert";
import { mediaLiveRolePolicy } from "../../../components/media/iam";
import { runPolicy } from "../../helpers/policyRunner";
import { broadAwsManagedPolicy, disallowWildcardAdmin } from "../../../policies/security/iam/policy/onair-iam-policy-disallow-wildcard-admin";
import { UnknownValue } from "../../../plan/resources";
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
    it("judges AWS managed policies attached by ARN: RolePolicyAttachment, a role's managedPolicyArns, aws-native roles", async () => {
        // AmazonS3FullAccess allows s3:* and s3-object-lambda:* on "*"
        // (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3FullAccess.html).
        const r = await runPolicy(disallowWildcardAdmin, [
            { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "encoder-s3", props: { role: "encoder", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" } },
            { type: "aws:iam/role:Role", name: "ops", props: { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/AdministratorAccess"] } },
            { type: "aws-native:iam:Role", name: "native", props: { assumeRolePolicyDocument: {}, managedPolicyArns: ["arn:aws:iam::aws:policy/AWSElementalMediaLiveReadOnly", "arn:aws:iam::aws:policy/ReadOnlyAccess"] } },
            { type: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", name: "exclusive", props: { roleName: "r", policyArns: ["arn:aws:iam::aws:policy/AWSElementalMediaConnectFullAccess"] } },
        ]);
        const names = r.violations.map((v) => /^IAM (\w+) "([\w-]+)" attaches the AWS managed policy (\w+), which allows wildcard actions on every resource \("\*"\); attach a customer managed policy/.exec(v)?.slice(1).join(" ") ?? v).sort();
        assert.deepStrictEqual(names, [
            "attachment encoder-s3 AmazonS3FullAccess",
            "attachment exclusive AWSElementalMediaConnectFullAccess",
            "role native AWSElementalMediaLiveReadOnly",
            "role native ReadOnlyAccess",
            "role ops AdministratorAccess",
        ]);
    });
    it("classifies AWS managed policies by AWS's naming of job-function and full/read-only access policies, and leaves customer policies to their own documents", () => {
        assert.deepStrictEqual(
            ["AdministratorAccess", "PowerUserAccess", "job-function/ViewOnlyAccess", "AmazonEC2FullAccess", "AWSLambda_FullAccess", "AmazonS3ReadOnlyAccess", "service-role/AWSLambdaBasicExecutionRole", "AmazonSSMManagedInstanceCore"]
                .map((n) => broadAwsManagedPolicy(`arn:aws:iam::aws:policy/${n}`) ?? "-"),
            // Service-role and instance policies are not full or read-only access policies by name.
            ["AdministratorAccess", "PowerUserAccess", "ViewOnlyAccess", "AmazonEC2FullAccess", "AWSLambda_FullAccess", "AmazonS3ReadOnlyAccess", "-", "-"],
        );
        assert.strictEqual(broadAwsManagedPolicy("arn:aws:iam::123456789012:policy/AdminFullAccess"), undefined, "a customer policy is judged where it is defined");
    });
    it("flags NotAction and NotResource grants, which allow everything but a list", async () => {
        const r = await runPolicy(disallowWildcardAdmin, [{ type: "aws:iam/policy:Policy", name: "not", props: { policy: doc({ Sid: "AllBut", Effect: "Allow", NotAction: "iam:*", Resource: "*" }, { Sid: "Anywhere", Effect: "Allow", Action: "s3:Get*", NotResource: "arn:aws:s3:::secret/*" }) } }]);
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations[0]!, /statement AllBut allows every action but its NotAction list on "\*"/);
        assert.match(r.violations[1]!, /statement Anywhere allows s3:Get\* on every resource but its NotResource list/);
    });
    it("at preview: decides on known actions whatever the unknown ARNs, treats an attached unknown ARN as this stack's policy, and cannot decide an unknown document", async () => {
        const U = UnknownValue.instance;
        const r = await runPolicy(disallowWildcardAdmin, [
            { type: "aws-native:iam:RolePolicy", name: "named-actions", props: { policyDocument: { Statement: [{ Effect: "Allow", Action: ["medialive:StartChannel"], Resource: [U] }] } } },
            { type: "aws-native:iam:RolePolicy", name: "wild", props: { policyDocument: { Statement: [{ Sid: "W", Effect: "Allow", Action: "medialive:*", Resource: ["*", U] }] } } },
            { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "own", props: { role: "r", policyArn: U } },
            { type: "aws:iam/rolePolicy:RolePolicy", name: "json", props: { role: "r", policy: U } },
        ], {}, { preview: true });
        assert.deepStrictEqual(r.violations, ['IAM policy "wild": policy, statement W allows medialive:* on "*"; name the actions and scope Resource to this chain\'s ARNs.']);
        assert.deepStrictEqual(r.undecided, ["string value at .policy can't be known during preview"]);
    });
    it("ignores Deny statements", async () => {
        const policy = doc({ Effect: "Deny", Action: "*", Resource: "*" });
        assert.deepStrictEqual((await runPolicy(disallowWildcardAdmin, [{ type: "aws:iam/policy:Policy", name: "guard", props: { policy } }])).violations, []);
    });
    it("is not applicable to other types", async () => {
        assert.strictEqual((await runPolicy(disallowWildcardAdmin, [unrelated()])).notApplicable.length, 1);
    });
});
