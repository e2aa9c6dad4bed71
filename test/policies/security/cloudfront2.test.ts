import * as assert from "assert";
import * as fs from "fs";
import { VIEWER_REQUEST_SOURCE } from "../../../components/delivery/edgeFunction";
import { runPolicy } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { configureMinimumTls } from "../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-configure-minimum-tls";
import { enableLogging } from "../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enable-logging";
import { enforceProtectedCustomOrigins } from "../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enforce-protected-custom-origins";
import { enforceViewerHttps } from "../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-enforce-viewer-https";
import { GEO_REQUIRED_TAG, missingGeoRestriction } from "../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-geo-restriction";
import { missingWaf } from "../../../policies/security/cloudfront/distribution/onair-cloudfront-distribution-missing-waf";
import { configureSize } from "../../../policies/security/cloudfront/function/onair-cloudfront-function-configure-size";
import { disallowPublicAccess } from "../../../policies/security/mediapackagev2/originendpointpolicy/onair-mediapackagev2-originendpointpolicy-disallow-public-access";
import { endpointPolicy } from "../../../components/delivery/endpointPolicy";
import { classicDistribution, clone, nativeDistribution, unrelated } from "../fixtures";

const cfg = (d: ReturnType<typeof nativeDistribution>) => d.props.distributionConfig as any;
function withLogging(d: ReturnType<typeof nativeDistribution>) {
    cfg(d).logging = { bucket: "onair-logs.s3.amazonaws.com", prefix: "cloudfront/" };
    return d;
}

describe("security pack: CloudFront rules", () => {
    describe("onair-cloudfront-distribution-enforce-protected-custom-origins", () => {
        it("passes VPC origins, secret-header HTTPS origins and AWS origins", async () => {
            const d = nativeDistribution();
            cfg(d).origins.push(
                { id: "stats", domainName: "internal-stats.us-east-1.elb.amazonaws.com", vpcOriginConfig: { vpcOriginId: "vo_1" } },
                { id: "graphics", domainName: "graphics.venue.example.net", customOriginConfig: { originProtocolPolicy: "https-only" }, originCustomHeaders: [{ headerName: "X-Origin-Verify", headerValue: "[secret]" }] },
            );
            assert.deepStrictEqual((await runPolicy(enforceProtectedCustomOrigins, [d])).violations, []);
        });
        it("flags a public custom origin over HTTP without a secret header", async () => {
            const d = classicDistribution();
            (d.props.origins as any).push({ originId: "onprem", domainName: "origin.example.com", customOriginConfig: { originProtocolPolicy: "match-viewer" } });
            assert.match((await runPolicy(enforceProtectedCustomOrigins, [d])).violations[0]!, /custom origin "onprem" \(origin.example.com\) is not protected: originProtocolPolicy is match-viewer \(use https-only\); no secret origin header/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(enforceProtectedCustomOrigins, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-cloudfront-distribution-missing-waf", () => {
        it("passes a distribution with a web ACL", async () => {
            assert.deepStrictEqual((await runPolicy(missingWaf, [nativeDistribution()])).violations, []);
        });
        it("flags one without", async () => {
            assert.match((await runPolicy(missingWaf, [classicDistribution()])).violations[0]!, /"classic-distribution" has no web ACL/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(missingWaf, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-cloudfront-distribution-missing-geo-restriction", () => {
        const tagged = () => {
            const d = nativeDistribution();
            d.props.tags = [{ key: GEO_REQUIRED_TAG, value: "required" }];
            return d;
        };
        it("passes a tagged distribution with a country allow-list, and untagged ones without", async () => {
            const open = nativeDistribution();
            cfg(open).restrictions = { geoRestriction: { restrictionType: "none" } };
            assert.deepStrictEqual((await runPolicy(missingGeoRestriction, [tagged(), open])).violations, []);
        });
        it("flags a tagged distribution without a restriction", async () => {
            const d = tagged();
            cfg(d).restrictions = { geoRestriction: { restrictionType: "none" } };
            assert.match((await runPolicy(missingGeoRestriction, [d])).violations[0]!, /must be geo-restricted but has restrictionType none/);
        });
        it("requires it everywhere when configured to", async () => {
            const d = nativeDistribution();
            delete cfg(d).restrictions;
            assert.deepStrictEqual((await runPolicy(missingGeoRestriction, [d])).violations, []);
            assert.strictEqual((await runPolicy(missingGeoRestriction, [d], { alwaysRequired: true })).violations.length, 1);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(missingGeoRestriction, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-cloudfront-distribution-enforce-viewer-https", () => {
        it("passes https-only and redirect-to-https", async () => {
            assert.deepStrictEqual((await runPolicy(enforceViewerHttps, [nativeDistribution(), classicDistribution()])).violations, []);
        });
        it("flags a behaviour that allows plain HTTP, naming its path", async () => {
            const d = nativeDistribution();
            cfg(d).cacheBehaviors = [{ pathPattern: "/tk/*/out/v1/s/c/*", targetOriginId: "football", viewerProtocolPolicy: "allow-all" }];
            assert.match((await runPolicy(enforceViewerHttps, [d])).violations[0]!, /cache behaviour "\/tk\/\*\/out\/v1\/s\/c\/\*" allows viewers over allow-all/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(enforceViewerHttps, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-cloudfront-distribution-configure-minimum-tls", () => {
        it("passes an ACM certificate with TLSv1.2_2021", async () => {
            assert.deepStrictEqual((await runPolicy(configureMinimumTls, [nativeDistribution()])).violations, []);
        });
        it("flags the default certificate and weaker policies", async () => {
            assert.match((await runPolicy(configureMinimumTls, [classicDistribution()])).violations[0]!, /uses the default CloudFront certificate, which accepts TLS 1.0/);
            const d = nativeDistribution();
            cfg(d).viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016";
            assert.match((await runPolicy(configureMinimumTls, [d])).violations[0]!, /accepts viewers down to TLSv1.1_2016; set minimumProtocolVersion to TLSv1.2_2021 or later/);
            assert.strictEqual((await runPolicy(configureMinimumTls, [nativeDistribution()], { minimumProtocolVersion: "TLSv1.3_2025" })).violations.length, 1);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(configureMinimumTls, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-cloudfront-distribution-enable-logging", () => {
        it("passes a distribution with standard logs (aws-native and aws)", async () => {
            const classic = classicDistribution();
            classic.props.loggingConfig = { bucket: "logs.s3.amazonaws.com" };
            assert.deepStrictEqual((await runPolicy(enableLogging, [withLogging(nativeDistribution()), classic])).violations, []);
        });
        it("flags one without", async () => {
            assert.match((await runPolicy(enableLogging, [nativeDistribution()])).violations[0]!, /writes no access logs: no logging bucket, and no CloudWatch Logs delivery \(standard logging v2\) takes ACCESS_LOGS from it/);
        });
        // Standard logging v2: CloudWatch Logs vended logs, a delivery source (the distribution,
        // log type ACCESS_LOGS), a delivery destination and a delivery joining them.
        // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
        const v2 = (sourceArn: string, deliverySourceName = "cdn-access", logType = "ACCESS_LOGS") => [
            { type: T.logDeliverySourceClassic, name: "cdn-access", props: { name: "cdn-access", logType, resourceArn: sourceArn } },
            { type: T.logDeliveryClassic, name: "cdn-access-to-s3", props: { deliverySourceName, deliveryDestinationArn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:s3" } },
        ];
        it("passes standard logging v2 (CloudWatch Logs delivery) whose source is the distribution, aws and aws-native", async () => {
            const classic = classicDistribution();
            classic.outputs = { ...classic.props, arn: "arn:aws:cloudfront::123456789012:distribution/E2CLASSIC" };
            assert.deepStrictEqual((await runPolicy(enableLogging, [classic, ...v2("arn:aws:cloudfront::123456789012:distribution/E2CLASSIC")])).violations, []);
            const native = nativeDistribution();
            native.outputs = { ...native.props, awsId: "E1NATIVE" };
            const nativeV2 = [
                { type: T.logDeliverySourceNative, name: "src", props: { name: "live-access", logType: "ACCESS_LOGS", resourceArn: "arn:aws:cloudfront::123456789012:distribution/E1NATIVE" } },
                { type: T.logDeliveryNative, name: "dlv", props: { deliverySourceName: "live-access", deliveryDestinationArn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:cwl" } },
            ];
            assert.deepStrictEqual((await runPolicy(enableLogging, [native, ...nativeV2])).violations, []);
        });
        it("flags v2 logging that is not this distribution's, or has no delivery, or delivers another log type", async () => {
            const classic = classicDistribution();
            classic.outputs = { ...classic.props, arn: "arn:aws:cloudfront::123456789012:distribution/E2CLASSIC" };
            for (const rs of [v2("arn:aws:cloudfront::123456789012:distribution/EOTHER"), v2("arn:aws:cloudfront::123456789012:distribution/E2CLASSIC", "someone-else"), v2("arn:aws:cloudfront::123456789012:distribution/E2CLASSIC", "cdn-access", "CONNECTION_LOGS")]) {
                assert.strictEqual((await runPolicy(enableLogging, [classic, ...rs])).violations.length, 1);
            }
        });
        it("judges only stacks with distributions", async () => {
            assert.deepStrictEqual((await runPolicy(enableLogging, [unrelated()])).violations, []);
        });
    });

    describe("onair-cloudfront-function-configure-size", () => {
        const fn = (code: string) => ({ type: "aws-native:cloudfront:Function", name: "token-check", props: { functionCode: code, functionConfig: { runtime: "cloudfront-js-2.0", comment: "x" } } });
        it("passes OnAir's token check under a 5 KB budget", async () => {
            assert.deepStrictEqual((await runPolicy(configureSize, [fn(fs.readFileSync(VIEWER_REQUEST_SOURCE, "utf8"))], { maxBytes: 5120 })).violations, []);
        });
        it("flags code over the budget", async () => {
            assert.match((await runPolicy(configureSize, [fn("x".repeat(11000))])).violations[0]!, /is 11000 bytes; keep it within 10240 bytes/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(configureSize, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-mediapackagev2-originendpointpolicy-disallow-public-access", () => {
        const policy = (doc: unknown) => ({ type: T.mediaPackageOriginEndpointPolicy, name: "use1-main-endpoint-policy", props: { channelGroupName: "g", channelName: "c", originEndpointName: "cmaf", policy: doc } });
        it("passes the policy OnAir writes (CloudFront service with aws:SourceArn)", async () => {
            const doc = clone(endpointPolicy("arn:aws:mediapackagev2:us-east-1:123456789012:channelGroup/g/channel/c/originEndpoint/cmaf", "arn:aws:cloudfront::123456789012:distribution/E1"));
            assert.deepStrictEqual((await runPolicy(disallowPublicAccess, [policy(doc)])).violations, []);
        });
        it("flags a public statement and a CloudFront grant without aws:SourceArn", async () => {
            const doc = {
                Version: "2012-10-17",
                Statement: [
                    { Sid: "Public", Effect: "Allow", Principal: "*", Action: "mediapackagev2:GetObject", Resource: "*" },
                    { Sid: "AnyDistribution", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "mediapackagev2:GetObject", Resource: "*" },
                ],
            };
            const r = await runPolicy(disallowPublicAccess, [policy(JSON.stringify(doc))]);
            assert.strictEqual(r.violations.length, 2);
            assert.match(r.violations[0]!, /statement Public allows everyone/);
            assert.match(r.violations[1]!, /statement AnyDistribution allows cloudfront.amazonaws.com without an aws:SourceArn condition/);
        });
        it("flags an aws:SourceArn that does not name one distribution (distribution/*, other patterns, other ARNs)", async () => {
            const grant = (condition: unknown) => policy({ Version: "2012-10-17", Statement: [{ Sid: "Cdn", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: ["mediapackagev2:GetObject"], Resource: "*", Condition: condition }] });
            const cases: [unknown, RegExp][] = [
                [{ StringLike: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/*" } }, /aws:SourceArn "arn:aws:cloudfront::123456789012:distribution\/\*" is a pattern that matches every distribution of that account/],
                [{ ArnLike: { "aws:SourceArn": ["arn:aws:cloudfront::123456789012:distribution/E1", "arn:aws:cloudfront::*:distribution/E?"] } }, /matches more than one distribution/],
                [{ StringEquals: { "AWS:SourceArn": "arn:aws:s3:::bucket" } }, /"arn:aws:s3:::bucket" is not a CloudFront distribution ARN/],
                // Negated and IfExists operators admit what they do not list.
                [{ StringNotEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } }, /without an aws:SourceArn condition/],
                [{ StringEqualsIfExists: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } }, /without an aws:SourceArn condition/],
            ];
            for (const [condition, message] of cases) {
                const r = await runPolicy(disallowPublicAccess, [grant(condition)]);
                assert.strictEqual(r.violations.length, 1, JSON.stringify(condition));
                assert.match(r.violations[0]!, message);
            }
            assert.deepStrictEqual((await runPolicy(disallowPublicAccess, [grant({ ArnEquals: { "aws:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } })])).violations, []);
        });
        it("judges only stacks with endpoint policies", async () => {
            assert.deepStrictEqual((await runPolicy(disallowPublicAccess, [unrelated()])).violations, []);
        });
    });
});
