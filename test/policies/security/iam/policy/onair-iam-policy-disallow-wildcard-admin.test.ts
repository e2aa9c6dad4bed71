import * as assert from "assert";
import { broadAwsManagedPolicy, disallowWildcardAdmin } from "../../../../../policies/security/iam/policy/onair-iam-policy-disallow-wildcard-admin";
import { assertNotApplicableToOtherTypes, assertPasses, violations } from "../../../../helpers/policyAssertions";
import { runPolicy } from "../../../../helpers/policyRunner";
import { unknownValue } from "../../../fixtures/fixture";
import { doc, iam, mediaLiveRolePolicyResource } from "../../../fixtures/iam/policy";

// Least privilege: no Allow of "*" (or service:*) on Resource "*", nor NotAction / NotResource
// grants ("Security best practices in IAM", Apply least-privilege permissions).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
describe("onair-iam-policy-disallow-wildcard-admin", () => {
    it("passes the MediaLive role policy OnAir writes", async () => {
        await assertPasses(disallowWildcardAdmin, [mediaLiveRolePolicyResource()]);
    });
    it("passes named actions on *, and wildcard actions on named resources", async () => {
        const policy = doc(
            { Effect: "Allow", Action: ["ec2:DescribeSubnets"], Resource: "*" },
            { Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::logs/*" },
        );
        await assertPasses(disallowWildcardAdmin, [iam("aws:iam/policy:Policy", "p", { policy })]);
    });
    it("flags * on * and service:* on * in role policies, managed policies and inline role policies", async () => {
        const v = await violations(disallowWildcardAdmin, [
            iam("aws:iam/rolePolicy:RolePolicy", "too-broad", { role: "r", policy: doc({ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }) }),
            iam("aws:iam/policy:Policy", "s3-admin", { policy: doc({ Effect: "Allow", Action: ["s3:*"], Resource: ["*"] }) }),
            iam("aws:iam/role:Role", "inline", {
                assumeRolePolicy: "{}",
                inlinePolicies: [{ name: "ops", policy: doc({ Effect: "Allow", Action: "medialive:*", Resource: "*" }) }],
            }),
        ]);
        assert.strictEqual(v.length, 3);
        assert.ok(v.some((m) => /"too-broad": policy, statement All allows \* on "\*"/.test(m)));
        assert.ok(
            v.some((m) => /"s3-admin": policy, statement #1 allows s3:\* on "\*"/.test(m)),
            v.join("\n"),
        );
        assert.ok(v.some((m) => /inline policy ops, statement #1 allows medialive:\*/.test(m)));
    });
    it("judges AWS managed policies attached by ARN: RolePolicyAttachment, a role's managedPolicyArns, aws-native roles", async () => {
        // AmazonS3FullAccess allows s3:* and s3-object-lambda:* on "*"
        // (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3FullAccess.html).
        const v = await violations(disallowWildcardAdmin, [
            iam("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "encoder-s3", {
                role: "encoder",
                policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
            }),
            iam("aws:iam/role:Role", "ops", {
                assumeRolePolicy: "{}",
                managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/AdministratorAccess"],
            }),
            iam("aws-native:iam:Role", "native", {
                assumeRolePolicyDocument: {},
                managedPolicyArns: ["arn:aws:iam::aws:policy/AWSElementalMediaLiveReadOnly", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
            }),
            iam("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", "exclusive", {
                roleName: "r",
                policyArns: ["arn:aws:iam::aws:policy/AWSElementalMediaConnectFullAccess"],
            }),
        ]);
        const names = v
            .map(
                (m) =>
                    /^IAM (\w+) "([\w-]+)" attaches the AWS managed policy (\w+), which allows wildcard actions on every resource \("\*"\); attach a customer managed policy/
                        .exec(m)
                        ?.slice(1)
                        .join(" ") ?? m,
            )
            .sort();
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
            [
                "AdministratorAccess",
                "PowerUserAccess",
                "job-function/ViewOnlyAccess",
                "AmazonEC2FullAccess",
                "AWSLambda_FullAccess",
                "AmazonS3ReadOnlyAccess",
                "service-role/AWSLambdaBasicExecutionRole",
                "AmazonSSMManagedInstanceCore",
            ].map((n) => broadAwsManagedPolicy(`arn:aws:iam::aws:policy/${n}`) ?? "-"),
            // Service-role and instance policies are not full or read-only access policies by name.
            ["AdministratorAccess", "PowerUserAccess", "ViewOnlyAccess", "AmazonEC2FullAccess", "AWSLambda_FullAccess", "AmazonS3ReadOnlyAccess", "-", "-"],
        );
        assert.strictEqual(
            broadAwsManagedPolicy("arn:aws:iam::123456789012:policy/AdminFullAccess"),
            undefined,
            "a customer policy is judged where it is defined",
        );
    });
    it("flags NotAction and NotResource grants, which allow everything but a list", async () => {
        const v = await violations(disallowWildcardAdmin, [
            iam("aws:iam/policy:Policy", "not", {
                policy: doc(
                    { Sid: "AllBut", Effect: "Allow", NotAction: "iam:*", Resource: "*" },
                    { Sid: "Anywhere", Effect: "Allow", Action: "s3:Get*", NotResource: "arn:aws:s3:::secret/*" },
                ),
            }),
        ]);
        assert.strictEqual(v.length, 2);
        assert.match(v[0]!, /statement AllBut allows every action but its NotAction list on "\*"/);
        assert.match(v[1]!, /statement Anywhere allows s3:Get\* on every resource but its NotResource list/);
    });
    it("at preview: decides on known actions whatever the unknown ARNs, treats an attached unknown ARN as this stack's policy, and cannot decide an unknown document", async () => {
        const U = unknownValue();
        const r = await runPolicy(
            disallowWildcardAdmin,
            [
                iam("aws-native:iam:RolePolicy", "named-actions", {
                    policyName: "named",
                    roleName: "encoder",
                    policyDocument: { Statement: [{ Effect: "Allow", Action: ["medialive:StartChannel"], Resource: [U] }] },
                }),
                iam("aws-native:iam:RolePolicy", "wild", {
                    policyName: "wild",
                    roleName: "encoder",
                    policyDocument: { Statement: [{ Sid: "W", Effect: "Allow", Action: "medialive:*", Resource: ["*", U] }] },
                }),
                iam("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "own", { role: "r", policyArn: U }),
                iam("aws:iam/rolePolicy:RolePolicy", "json", { role: "r", policy: U }),
            ],
            {},
            { preview: true },
        );
        assert.deepStrictEqual(r.violations, [
            'IAM policy "wild": policy, statement W allows medialive:* on "*"; name the actions and scope Resource to this chain\'s ARNs.',
        ]);
        assert.deepStrictEqual(r.undecided, ["string value at .policy can't be known during preview"]);
    });
    it("ignores Deny statements", async () => {
        await assertPasses(disallowWildcardAdmin, [iam("aws:iam/policy:Policy", "guard", { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) })]);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(disallowWildcardAdmin);
    });
});
