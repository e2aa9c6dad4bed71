import * as assert from "assert";
import { disallowPublicAccess } from "../../../../../policies/security/mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-disallow-public-access";
import { assertOneViolation, assertPasses, violations } from "../../../../helpers/policyAssertions";
import { runPolicy } from "../../../../helpers/policyRunner";
import { previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate, unrelated } from "../../../fixtures/fixture";
import { EndpointPolicyStatement, endpointPolicyResource, previewEndpointPolicy } from "../../../fixtures/mediapackagev2/originendpointpolicy";

const grant = (condition: EndpointPolicyStatement["Condition"]) =>
    endpointPolicyResource({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Cdn",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: ["mediapackagev2:GetObject"],
                Resource: "*",
                Condition: condition,
            },
        ],
    });

// With origin access control the endpoint policy allows the CloudFront service principal only,
// for one distribution (aws:SourceArn) ("Restrict access to a MediaPackage v2 origin").
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-mediapackage.html
describe("onair-mediapackagev2-originendpointpolicy-disallow-public-access", () => {
    it("passes the policy OnAir writes (CloudFront service with aws:SourceArn)", async () => {
        await assertPasses(disallowPublicAccess, [endpointPolicyResource()]);
    });
    it("flags a public statement and a CloudFront grant without aws:SourceArn (JSON text)", async () => {
        const text = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Public", Effect: "Allow", Principal: "*", Action: "mediapackagev2:GetObject", Resource: "*" },
                {
                    Sid: "AnyDistribution",
                    Effect: "Allow",
                    Principal: { Service: "cloudfront.amazonaws.com" },
                    Action: "mediapackagev2:GetObject",
                    Resource: "*",
                },
            ],
        });
        const v = await violations(disallowPublicAccess, [endpointPolicyResource(text)]);
        assert.strictEqual(v.length, 2);
        assert.match(v[0]!, /statement Public allows everyone/);
        assert.match(v[1]!, /statement AnyDistribution allows cloudfront.amazonaws.com without an aws:SourceArn condition/);
    });
    it("flags an aws:SourceArn that does not name one distribution (distribution/*, other patterns, other ARNs)", async () => {
        const cases: [EndpointPolicyStatement["Condition"], RegExp][] = [
            [
                { StringLike: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/*" } },
                /aws:SourceArn "arn:aws:cloudfront::123456789012:distribution\/\*" is a pattern that matches every distribution of that account/,
            ],
            [
                { ArnLike: { "aws:SourceArn": ["arn:aws:cloudfront::123456789012:distribution/E1", "arn:aws:cloudfront::*:distribution/E?"] } },
                /matches more than one distribution/,
            ],
            [{ StringEquals: { "AWS:SourceArn": "arn:aws:s3:::bucket" } }, /"arn:aws:s3:::bucket" is not a CloudFront distribution ARN/],
            // Negated and IfExists operators admit what they do not list.
            [{ StringNotEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } }, /without an aws:SourceArn condition/],
            [{ StringEqualsIfExists: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } }, /without an aws:SourceArn condition/],
        ];
        for (const [condition, message] of cases) await assertOneViolation(disallowPublicAccess, [grant(condition)], message);
        await assertPasses(disallowPublicAccess, [grant({ ArnEquals: { "aws:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } })]);
    });
    it("at preview, an unknown aws:SourceArn names the distribution it was computed from; with no such distribution it is undecided", async () => {
        const d = previewDistribution();
        const policy = previewEndpointPolicy(d);
        await assertPasses(disallowPublicAccess, [d, policy], {}, { preview: true });
        const orphan = mutate(policy, (_, r) => {
            r.propertyDependencies = {};
        });
        assert.strictEqual((await runPolicy(disallowPublicAccess, [d, orphan], {}, { preview: true })).undecided.length, 1);
    });
    it("judges only stacks with endpoint policies", async () => {
        await assertPasses(disallowPublicAccess, [unrelated()]);
    });
});
