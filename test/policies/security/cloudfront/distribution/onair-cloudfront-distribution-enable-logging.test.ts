import * as assert from "assert";
import { T } from "../../../../../contracts/resourceTypes";
import { enableLogging } from "../../../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enable-logging";
import { assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { FixtureResource, runPolicy } from "../../../../helpers/policyRunner";
import { classicDistribution, nativeDistribution, previewDistribution } from "../../../fixtures/cloudfront/distribution";
import { mutate, unrelated } from "../../../fixtures/fixture";

// Standard logging: the legacy S3 bucket (Logging / loggingConfig), or standard logging v2:
// CloudWatch Logs vended logs, a delivery source (the distribution, log type ACCESS_LOGS), a
// delivery destination and a delivery joining them.
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html

const CLASSIC_ARN = "arn:aws:cloudfront::123456789012:distribution/E2CLASSIC";
const unlogged = () =>
    mutate(classicDistribution(), (p, r) => {
        delete p.loggingConfig;
        r.outputs = { ...p, arn: CLASSIC_ARN };
    });
const v2 = (sourceArn: string, deliverySourceName = "cdn-access", logType = "ACCESS_LOGS"): FixtureResource<object>[] => [
    { type: T.logDeliverySourceClassic, name: "cdn-access", props: { name: "cdn-access", logType, resourceArn: sourceArn } },
    {
        type: T.logDeliveryClassic,
        name: "cdn-access-to-s3",
        props: { deliverySourceName, deliveryDestinationArn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:s3" },
    },
];

describe("onair-cloudfront-distribution-enable-logging", () => {
    it("passes distributions with standard logs to S3 (OnAir's aws-native one, and aws), also while the bucket is unknown", async () => {
        await assertPasses(enableLogging, [nativeDistribution(), classicDistribution()]);
        await assertPasses(enableLogging, [previewDistribution()], {}, { preview: true });
    });
    it("flags one without", async () => {
        const d = mutate(nativeDistribution(), (p) => {
            delete p.distributionConfig.logging;
        });
        await assertOneViolation(
            enableLogging,
            [d],
            /writes no access logs: no logging bucket, and no CloudWatch Logs delivery \(standard logging v2\) takes ACCESS_LOGS from it/,
        );
    });
    it("at preview, an absent log bucket is still a violation", async () => {
        const d = mutate(previewDistribution(), (p) => {
            delete p.distributionConfig.logging;
        });
        assert.strictEqual((await runPolicy(enableLogging, [d], {}, { preview: true })).violations.length, 1);
    });
    it("passes standard logging v2 (CloudWatch Logs delivery) whose source is the distribution, aws and aws-native", async () => {
        await assertPasses(enableLogging, [unlogged(), ...v2(CLASSIC_ARN)]);
        const native = mutate(nativeDistribution(), (p, r) => {
            delete p.distributionConfig.logging;
            r.outputs = { ...p, awsId: "E1NATIVE" };
        });
        await assertPasses(enableLogging, [
            native,
            {
                type: T.logDeliverySourceNative,
                name: "src",
                props: { name: "live-access", logType: "ACCESS_LOGS", resourceArn: "arn:aws:cloudfront::123456789012:distribution/E1NATIVE" },
            },
            {
                type: T.logDeliveryNative,
                name: "dlv",
                props: { deliverySourceName: "live-access", deliveryDestinationArn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:cwl" },
            },
        ]);
    });
    it("flags v2 logging that is not this distribution's, or has no delivery, or delivers another log type", async () => {
        for (const rs of [
            v2("arn:aws:cloudfront::123456789012:distribution/EOTHER"),
            v2(CLASSIC_ARN, "someone-else"),
            v2(CLASSIC_ARN, "cdn-access", "CONNECTION_LOGS"),
        ]) {
            await assertOneViolation(enableLogging, [unlogged(), ...rs], /"classic-distribution" writes no access logs/);
        }
    });
    it("judges only stacks with distributions", async () => {
        await assertPasses(enableLogging, [unrelated()]);
    });
});
