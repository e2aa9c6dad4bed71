import * as assert from "assert";
import * as fs from "fs";
import { originTimeouts } from "../../components/delivery/caching";
import { VIEWER_REQUEST_SOURCE } from "../../components/delivery/edgeFunction";
import { planJson } from "../../plan/json";
import { PlanCapture, SecretValue } from "../../plan/resources";
import { planSeason } from "../helpers/plan";
import { baselineSeason, setPath, TEST_SECRETS } from "../helpers/season";
import { byUrn, ofType, one } from "../components/planQueries";

const DIST = "aws-native:cloudfront:Distribution";

function config(plan: PlanCapture): Record<string, any> {
    return one(plan, DIST, "live").inputs["distributionConfig"] as Record<string, any>;
}

function season(): Record<string, any> {
    const s = baselineSeason();
    s.delivery = {
        domain: { aliases: ["live.example.com"], certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a" },
        failoverStatusCodes: [502, 503],
    };
    s.security.geoAllow = ["US", "PR"];
    return s;
}

describe("GlobalDelivery under the mock runtime", function () {
    let plan: PlanCapture;
    before(async () => {
        plan = await planSeason(season());
    });

    it("is one onair:delivery:GlobalDelivery whose CloudFront, WAF and KeyValueStore use us-east-1 providers", () => {
        const component = one(plan, "onair:delivery:GlobalDelivery", "delivery");
        const global = plan.resources.filter((r) => r.parent === component.urn && /cloudfront|wafv2/.test(r.type));
        assert.ok(global.length >= 8);
        for (const r of global) {
            assert.strictEqual(r.region, "us-east-1", r.urn);
            assert.match(byUrn(plan, r.provider)!.type, /^pulumi:providers:aws(-native)?$/);
        }
    });

    it("has one media-quality-based origin group per channel over both regions, failing over on 404 and the configured 5xx", () => {
        const groups = config(plan)["originGroups"];
        assert.strictEqual(groups.quantity, 2);
        for (const g of groups.items) {
            assert.strictEqual(g.selectionCriteria, "media-quality-based");
            assert.deepStrictEqual(g.members.items.map((m: any) => m.originId), ["mediapackage-us-east-1", "mediapackage-us-west-2"]);
            assert.deepStrictEqual(g.failoverCriteria.statusCodes, { quantity: 3, items: [404, 502, 503] });
        }
        assert.deepStrictEqual(groups.items.map((g: any) => g.id), ["live-main-uhd", "live-second-hd"]);
    });

    it("routes each channel's tokenised path to its own origin group (scores tracked per channel)", () => {
        const behaviors = config(plan)["cacheBehaviors"];
        assert.deepStrictEqual(behaviors.map((b: any) => [b.pathPattern, b.targetOriginId]), [
            ["/tk/*/out/v1/test-season/main-uhd/*", "live-main-uhd"],
            ["/tk/*/out/v1/test-season/second-hd/*", "live-second-hd"],
        ]);
        for (const b of behaviors) {
            assert.strictEqual(b.viewerProtocolPolicy, "https-only");
            assert.deepStrictEqual(b.functionAssociations.map((f: any) => f.eventType), ["viewer-request"]);
            assert.strictEqual(b.lambdaFunctionAssociations, undefined, "Lambda@Edge disables media-quality-based selection");
        }
    });

    it("puts an origin access control (mediapackagev2, SigV4, always) on every MediaPackage origin", () => {
        const oac = one(plan, "aws-native:cloudfront:OriginAccessControl", "mediapackage-oac");
        assert.deepStrictEqual(oac.inputs["originAccessControlConfig"], {
            name: "onair-test-season-mediapackage",
            description: "CloudFront signs every MediaPackage v2 request (SigV4)",
            originAccessControlOriginType: "mediapackagev2",
            signingBehavior: "always",
            signingProtocol: "sigv4",
        });
        const origins = config(plan)["origins"];
        assert.strictEqual(origins.length, 2);
        for (const o of origins) {
            assert.strictEqual(o.originAccessControlId, oac.outputs["awsId"]);
            assert.strictEqual(o.customOriginConfig.originProtocolPolicy, "https-only");
            const region = o.id.replace("mediapackage-", "");
            const group = plan.resources.find((r) => r.type === "aws-native:mediapackagev2:ChannelGroup" && r.region === region)!;
            assert.strictEqual(o.domainName, group.outputs["egressDomain"]);
        }
    });

    it("shields the primary region's origin only", () => {
        const [east, west] = config(plan)["origins"];
        assert.deepStrictEqual(east.originShield, { enabled: true, originShieldRegion: "us-east-1" });
        assert.strictEqual(west.originShield, undefined);
    });

    it("sizes origin timeouts from the segment length", () => {
        const o = config(plan)["origins"][0];
        assert.deepStrictEqual([o.connectionAttempts, o.connectionTimeout, o.customOriginConfig.originReadTimeout], [2, 2, 4]);
        assert.deepStrictEqual(originTimeouts([6]), { connectionAttempts: 2, connectionTimeout: 6, originReadTimeout: 12, originKeepaliveTimeout: 60 });
        assert.deepStrictEqual(originTimeouts([1, 30]), { connectionAttempts: 2, connectionTimeout: 1, originReadTimeout: 30, originKeepaliveTimeout: 60 });
    });

    it("scopes every endpoint policy to this distribution, with GetObject and GetHeadObject", () => {
        const dist = one(plan, DIST, "live");
        const arn = `arn:aws:cloudfront::123456789012:distribution/${dist.id}`;
        const policies = ofType(plan, "aws-native:mediapackagev2:OriginEndpointPolicy");
        assert.strictEqual(policies.length, 4);
        for (const p of policies) {
            const endpoint = plan.resources.find((r) => r.type === "aws-native:mediapackagev2:OriginEndpoint" && r.region === p.region && r.name.includes(String(p.inputs["channelName"])))!;
            const stmt = (p.inputs["policy"] as any).Statement[0];
            assert.deepStrictEqual(stmt.Principal, { Service: "cloudfront.amazonaws.com" });
            assert.deepStrictEqual(stmt.Action, ["mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"]);
            assert.strictEqual(stmt.Resource, endpoint.outputs["arn"]);
            assert.deepStrictEqual(stmt.Condition, { StringEquals: { "AWS:SourceArn": arn } });
            assert.strictEqual(byUrn(plan, p.provider)!.inputs["region"], p.region, "endpoint policies use their region's provider");
        }
    });

    it("caches manifests for at most half a segment (origin max-age honoured), segments long, errors 1 s", () => {
        const policy = one(plan, "aws-native:cloudfront:CachePolicy", "media-cache-2s").inputs["cachePolicyConfig"] as any;
        assert.deepStrictEqual([policy.minTtl, policy.defaultTtl, policy.maxTtl], [0, 1, 1209600]);
        const qs = policy.parametersInCacheKeyAndForwardedToOrigin.queryStringsConfig;
        assert.strictEqual(qs.queryStringBehavior, "whitelist");
        assert.ok(qs.queryStrings.length <= 10 && qs.queryStrings.includes("aws.manifestfilter") && qs.queryStrings.includes("_HLS_msn"));
        assert.ok(!qs.queryStrings.includes("token"), "viewer tokens must not split the cache");
        assert.deepStrictEqual(config(plan)["customErrorResponses"], [404, 502, 503].map((errorCode) => ({ errorCode, errorCachingMinTtl: 1 })));
        const orp = one(plan, "aws-native:cloudfront:OriginRequestPolicy", "mediapackage").inputs["originRequestPolicyConfig"] as any;
        assert.ok(orp.queryStringsConfig.queryStrings.length <= 10);
        assert.deepStrictEqual(orp.headersConfig.headers, ["CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Region"]);
    });

    it("serves HTTP/2 and HTTP/3 over IPv6 with the configured alias, certificate and TLS floor, geo allow-list and WAF", () => {
        const c = config(plan);
        assert.strictEqual(c["httpVersion"], "http2and3");
        assert.strictEqual(c["ipv6Enabled"], true);
        assert.deepStrictEqual(c["aliases"], ["live.example.com"]);
        assert.deepStrictEqual(c["viewerCertificate"], { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" });
        assert.deepStrictEqual(c["restrictions"], { geoRestriction: { restrictionType: "whitelist", locations: ["US", "PR"] } });
        assert.strictEqual(c["webAclId"], one(plan, "aws-native:wafv2:WebAcl", "viewer-web-acl").outputs["arn"]);
    });

    it("builds a CLOUDFRONT web ACL: re-streamer IP sets, reputation and anonymous-IP lists, per-IP rate limit", () => {
        const acl = one(plan, "aws-native:wafv2:WebAcl", "viewer-web-acl").inputs as any;
        assert.strictEqual(acl.scope, "CLOUDFRONT");
        assert.deepStrictEqual(acl.rules.map((r: any) => r.name), ["block-restreamers", "aws-ip-reputation", "aws-anonymous-ip", "rate-limit-per-ip"]);
        assert.deepStrictEqual(acl.rules[3].statement.rateBasedStatement, { limit: 3000, evaluationWindowSec: 300, aggregateKeyType: "IP" });
        assert.strictEqual(acl.rules[2].statement.managedRuleGroupStatement.name, "AWSManagedRulesAnonymousIpList");
        const sets = ofType(plan, "aws-native:wafv2:IpSet");
        assert.deepStrictEqual(sets.map((s) => s.inputs["ipAddressVersion"]).sort(), ["IPV4", "IPV6"]);
        for (const s of sets) assert.deepStrictEqual(s.opts.ignoreChanges, ["addresses"], "operators' addresses must survive pulumi up");
    });

    it("counts instead of blocking a managed list that the stack switches off", async () => {
        const s = setPath(season(), "security.waf", { blockHostingProviders: false });
        const p = await planSeason(s);
        const rule = (one(p, "aws-native:wafv2:WebAcl", "viewer-web-acl").inputs as any).rules.find((r: any) => r.name === "aws-anonymous-ip");
        assert.deepStrictEqual(rule.statement.managedRuleGroupStatement.ruleActionOverrides, [{ name: "HostingProviderIPList", actionToUse: { count: {} } }]);
    });

    it("deploys the tested function file as a cloudfront-js-2.0 function with its KeyValueStore", () => {
        const fn = one(plan, "aws-native:cloudfront:Function", "viewer-token-check");
        assert.strictEqual(fn.inputs["functionCode"], fs.readFileSync(VIEWER_REQUEST_SOURCE, "utf8"));
        const kvs = one(plan, "aws-native:cloudfront:KeyValueStore", "viewer-tokens");
        assert.deepStrictEqual((fn.inputs["functionConfig"] as any).keyValueStoreAssociations, [{ keyValueStoreArn: kvs.outputs["arn"] }]);
        assert.strictEqual((fn.inputs["functionConfig"] as any).runtime, "cloudfront-js-2.0");
        assert.strictEqual(fn.inputs["autoPublish"], true);
        const key = one(plan, "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey", "token-key-k1");
        assert.strictEqual(key.inputs["key"], "k:k1");
        assert.ok(key.inputs["value"] instanceof SecretValue, "the signing key stays a Pulumi secret");
    });

    it("vends URLs from a Lambda in the primary region behind an IAM-authenticated Function URL", () => {
        const fn = one(plan, "aws:lambda/function:Function", "url-vending");
        assert.strictEqual(fn.region, "us-east-1");
        const env = (fn.inputs["environment"] as any).variables;
        assert.match(env.SIGNING_KEY_SECRET_ARN, /^arn:aws:secretsmanager:us-east-1:/);
        assert.strictEqual(env.KEY_ID, "k1");
        assert.strictEqual(env.PLAYBACK_DOMAIN, "live.example.com");
        assert.deepStrictEqual(Object.keys(JSON.parse(env.CHANNELS)), ["main-uhd", "second-hd"]);
        assert.strictEqual(one(plan, "aws:lambda/functionUrl:FunctionUrl", "url-vending").inputs["authorizationType"], "AWS_IAM");
        const version = one(plan, "aws:secretsmanager/secretVersion:SecretVersion", "url-vending-signing-key");
        assert.ok(version.inputs["secretString"] instanceof SecretValue);
    });

    it("exports playback URLs per channel, the distribution domain, the KeyValueStore ARN and the WAF IP set ids", () => {
        const o = plan.outputs as any;
        assert.strictEqual(o.playback["main-uhd"].hls, "https://live.example.com/tk/<token>/out/v1/test-season/main-uhd/cmaf/hls.m3u8");
        assert.strictEqual(o.playback["second-hd"].dash, "https://live.example.com/tk/<token>/out/v1/test-season/second-hd/cmaf/dash.mpd");
        assert.match(o.distributionDomain, /\.cloudfront\.net$/);
        assert.match(o.keyValueStoreArn, /:key-value-store\//);
        assert.ok(o.restreamerIpSetIds.v4 && o.restreamerIpSetIds.v6);
        assert.match(o.urlVendingEndpoint, /\.lambda-url\.us-east-1\.on\.aws\/$/);
    });

    it("keeps the token keys out of the plan text", () => {
        const text = JSON.stringify(planJson(plan, { violations: [], notApplicable: [], evaluated: [] }));
        assert.ok(!text.includes(TEST_SECRETS["tokenSigningKey"]!));
    });
});

describe("GlobalDelivery options", function () {
    it("adds VPC origins and secret-header custom origins with their own behaviours", async () => {
        const s = season();
        s.delivery.vpcOrigins = [{ id: "stats-api", arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/stats/0123456789abcdef", domainName: "internal-stats-123.us-east-1.elb.amazonaws.com", pathPattern: "/api/stats/*" }];
        s.delivery.customOrigins = [{ id: "venue-graphics", domainName: "graphics.venue.example.net", pathPattern: "/graphics/*", secretKey: "originVerify" }];
        const secrets = { ...TEST_SECRETS, originVerify: "origin-verify-header-value-000000000001" };
        const plan = await planSeason(s, secrets);
        const vpc = one(plan, "aws-native:cloudfront:VpcOrigin", "stats-api");
        assert.strictEqual((vpc.inputs["vpcOriginEndpointConfig"] as any).originProtocolPolicy, "https-only");
        const cfg = config(plan) as any;
        const origin = (id: string) => cfg.origins.find((o: any) => o.id === id);
        assert.deepStrictEqual(origin("stats-api").vpcOriginConfig.vpcOriginId, vpc.outputs["awsId"]);
        assert.strictEqual(origin("venue-graphics").customOriginConfig.originProtocolPolicy, "https-only");
        assert.strictEqual(origin("venue-graphics").originCustomHeaders[0].headerName, "X-Origin-Verify");
        assert.ok(origin("venue-graphics").originCustomHeaders[0].headerValue instanceof SecretValue, "the header value stays a Pulumi secret");
        assert.deepStrictEqual(cfg.cacheBehaviors.slice(2).map((b: any) => [b.pathPattern, b.targetOriginId]), [["/api/stats/*", "stats-api"], ["/graphics/*", "venue-graphics"]]);
        const text = JSON.stringify(planJson(plan, { violations: [], notApplicable: [], evaluated: [] }));
        assert.ok(!text.includes("origin-verify-header-value"), "the origin secret header never appears in the plan");
    });

    it("wires embedded-POP client routing: wildcard alias and the routing domain for the vending hook", async () => {
        const s = season();
        s.delivery.clientRouting = { domain: "cr.example.com" };
        const plan = await planSeason(s);
        assert.deepStrictEqual(config(plan)["aliases"], ["live.example.com", "*.cr.example.com"]);
        assert.strictEqual((one(plan, "aws:lambda/function:Function", "url-vending").inputs["environment"] as any).variables.CLIENT_ROUTING_DOMAIN, "cr.example.com");
    });

    it("restricts nothing by geography when the stack does not ask for it", async () => {
        const s = setPath(season(), "security", { geoAllow: [], requireGeoRestriction: false, tokens: { keys: [{ kid: "k1", secretKey: "tokenSigningKey" }] } });
        const plan = await planSeason(s);
        assert.deepStrictEqual(config(plan)["restrictions"], { geoRestriction: { restrictionType: "none" } });
    });
});
