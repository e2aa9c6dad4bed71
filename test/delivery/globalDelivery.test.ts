import * as assert from "assert";
import * as fs from "fs";
import { originTimeouts } from "../../components/delivery/caching";
import { VIEWER_REQUEST_SOURCE } from "../../components/delivery/edgeFunction";
import { planJson } from "../../plan/json";
import { PlanCapture, SecretValue } from "../../contracts/capturedPlan";
import { planSeason } from "../helpers/plan";
import { baselineSeason, setPath, TEST_SECRETS } from "../helpers/season";
import { byUrn, ofType, one } from "../components/planQueries";

const DIST = "aws-native:cloudfront:Distribution";

function config(plan: PlanCapture): Record<string, any> {
    return one(plan, DIST, "live").inputs["distributionConfig"] as Record<string, any>;
}

const BACKEND = "arn:aws:iam::123456789012:role/entitlement-api";
const NOC = "arn:aws:iam::123456789012:role/noc-operator";

function season(): Record<string, any> {
    const s = baselineSeason();
    s.delivery = {
        domain: { aliases: ["live.example.com"], certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a" },
        failoverStatusCodes: [502, 503],
        audience: { peakViewers: 250_000, viewersPerIp: 500 },
        urlVending: { callerRoleArns: [BACKEND] },
    };
    s.security.geoAllow = ["US", "PR"];
    s.security.revocation = { operatorRoleArns: [NOC] };
    return s;
}

/** Every behaviour of the distribution, the default included. */
function allBehaviors(c: Record<string, any>): any[] {
    return [...c["cacheBehaviors"], { ...c["defaultCacheBehavior"], pathPattern: "(default)" }];
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
            assert.deepStrictEqual(
                g.members.items.map((m: any) => m.originId),
                ["mediapackage-us-east-1", "mediapackage-us-west-2"],
            );
            assert.deepStrictEqual(g.failoverCriteria.statusCodes, { quantity: 3, items: [404, 502, 503] });
        }
        assert.deepStrictEqual(
            groups.items.map((g: any) => g.id),
            ["live-main-uhd", "live-second-hd"],
        );
    });

    it("routes each channel's tokenised path to its own origin group (scores tracked per channel)", () => {
        const behaviors = config(plan)["cacheBehaviors"];
        assert.deepStrictEqual(
            behaviors.map((b: any) => [b.pathPattern, b.targetOriginId]),
            [
                ["/tk/*/out/v1/test-season/main-uhd/*", "live-main-uhd"],
                ["/tk/*/out/v1/test-season/second-hd/*", "live-second-hd"],
            ],
        );
        for (const b of behaviors) {
            assert.strictEqual(b.viewerProtocolPolicy, "https-only");
            assert.deepStrictEqual(
                b.functionAssociations.map((f: any) => f.eventType),
                ["viewer-request"],
            );
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

    it("shields every region's origin in its own region, so a failover to the secondary is shielded too", () => {
        const [east, west] = config(plan)["origins"];
        assert.deepStrictEqual(east.originShield, { enabled: true, originShieldRegion: "us-east-1" });
        assert.deepStrictEqual(west.originShield, { enabled: true, originShieldRegion: "us-west-2" });
    });

    it("gives the token check CloudFront's viewer-geography headers on every behaviour it runs on", () => {
        const policies = new Map(
            ofType(plan, "aws-native:cloudfront:OriginRequestPolicy").map((p) => [p.outputs["awsId"], p.inputs["originRequestPolicyConfig"] as any]),
        );
        const checked = allBehaviors(config(plan)).filter((b) => (b.functionAssociations ?? []).length > 0);
        assert.ok(checked.length >= 3);
        for (const b of checked) {
            const orp = policies.get(b.originRequestPolicyId);
            assert.ok(orp, `${b.pathPattern}: the function needs an origin request policy naming the geo headers`);
            for (const h of ["CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Region"])
                assert.ok(orp.headersConfig.headers.includes(h), `${b.pathPattern}: ${h}`);
        }
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
            const endpoint = plan.resources.find(
                (r) => r.type === "aws-native:mediapackagev2:OriginEndpoint" && r.region === p.region && r.name.includes(String(p.inputs["channelName"])),
            )!;
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
        assert.deepStrictEqual(
            config(plan)["customErrorResponses"],
            [404, 502, 503].map((errorCode) => ({ errorCode, errorCachingMinTtl: 1 })),
        );
        const orp = one(plan, "aws-native:cloudfront:OriginRequestPolicy", "mediapackage").inputs["originRequestPolicyConfig"] as any;
        assert.ok(orp.queryStringsConfig.queryStrings.length <= 10);
        assert.deepStrictEqual(orp.headersConfig.headers, ["CloudFront-Viewer-Country", "CloudFront-Viewer-Country-Region"]);
    });

    it("serves HTTP/2 and HTTP/3 over IPv6 with the configured alias, certificate and TLS floor, geo allow-list and WAF", () => {
        const c = config(plan);
        assert.strictEqual(c["httpVersion"], "http2and3");
        assert.strictEqual(c["ipv6Enabled"], true);
        assert.deepStrictEqual(c["aliases"], ["live.example.com"]);
        assert.deepStrictEqual(c["viewerCertificate"], {
            acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
            sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2021",
        });
        assert.deepStrictEqual(c["restrictions"], { geoRestriction: { restrictionType: "whitelist", locations: ["US", "PR"] } });
        assert.strictEqual(c["webAclId"], one(plan, "aws-native:wafv2:WebAcl", "viewer-web-acl").outputs["arn"]);
    });

    it("builds a CLOUDFRONT web ACL: re-streamer IP sets, reputation and anonymous-IP lists, hosting providers, rate limits", () => {
        const acl = one(plan, "aws-native:wafv2:WebAcl", "viewer-web-acl").inputs as any;
        assert.strictEqual(acl.scope, "CLOUDFRONT");
        assert.deepStrictEqual(
            acl.rules.map((r: any) => [r.name, r.priority]),
            [
                ["block-restreamers", 0],
                ["aws-ip-reputation", 2],
                ["aws-anonymous-ip", 3],
                ["block-hosting-providers", 4],
                ["rate-limit-per-ip", 5],
                ["rate-limit-per-token-query", 6],
                ["rate-limit-per-token-header", 7],
                ["rate-limit-per-token-cookie", 8],
                ["rate-limit-per-playlist", 9],
            ],
        );
        const rule = (n: string) => acl.rules.find((r: any) => r.name === n);
        // 500 viewers behind one address x 600 requests per 5 minutes at 2-second segments x 1.5.
        assert.deepStrictEqual(rule("rate-limit-per-ip").statement.rateBasedStatement, { limit: 450_000, evaluationWindowSec: 300, aggregateKeyType: "IP" });
        const anon = rule("aws-anonymous-ip").statement.managedRuleGroupStatement;
        assert.strictEqual(anon.name, "AWSManagedRulesAnonymousIpList");
        assert.deepStrictEqual(
            anon.ruleActionOverrides,
            [{ name: "HostingProviderIPList", actionToUse: { count: {} } }],
            "counted there, blocked on its label",
        );
        assert.deepStrictEqual(rule("block-hosting-providers").statement, {
            labelMatchStatement: { scope: "LABEL", key: "awswaf:managed:aws:anonymous-ip-list:HostingProviderIPList" },
        });
        const sets = ofType(plan, "aws-native:wafv2:IpSet");
        assert.deepStrictEqual(sets.map((s) => s.inputs["ipAddressVersion"]).sort(), ["IPV4", "IPV6"]);
        for (const s of sets) assert.deepStrictEqual(s.opts.ignoreChanges, ["addresses"], "operators' addresses must survive pulumi up");
    });

    it("keys the media rate rules on the viewer token in each transport (WAF custom aggregation keys)", () => {
        const acl = one(plan, "aws-native:wafv2:WebAcl", "viewer-web-acl").inputs as any;
        const rule = (n: string) => acl.rules.find((r: any) => r.name === n).statement.rateBasedStatement;
        const none = [{ priority: 0, type: "NONE" }];
        assert.deepStrictEqual(rule("rate-limit-per-token-query").customKeys, [{ queryArgument: { name: "token", textTransformations: none } }]);
        assert.deepStrictEqual(rule("rate-limit-per-token-header").customKeys, [{ header: { name: "authorization", textTransformations: none } }]);
        assert.deepStrictEqual(rule("rate-limit-per-token-cookie").customKeys, [{ cookie: { name: "onair_token", textTransformations: none } }]);
        assert.deepStrictEqual(rule("rate-limit-per-playlist").customKeys, [{ uriPath: { textTransformations: none } }]);
        for (const n of ["rate-limit-per-token-query", "rate-limit-per-token-header", "rate-limit-per-token-cookie"]) {
            assert.strictEqual(rule(n).aggregateKeyType, "CUSTOM_KEYS");
            assert.strictEqual(rule(n).limit, 2400, "four times a viewer's 600 requests per 5 minutes");
        }
        // Only paths unique to one viewer are keyed on the path: never a session start shared by everyone.
        const scope = JSON.stringify(rule("rate-limit-per-playlist").scopeDownStatement);
        assert.ok(scope.includes('"/tk/"') && scope.includes('"/v1/manifest/"') && scope.includes('".m3u8"') && scope.includes('".mpd"'));
        assert.ok(!scope.includes("/v1/master") && !scope.includes("/v1/dash"));
        assert.strictEqual(rule("rate-limit-per-playlist").limit, 600);
    });

    it("counts instead of blocking a managed list that the stack switches off", async () => {
        const s = setPath(season(), "security.waf", { blockAnonymousIps: false });
        const p = await planSeason(s);
        const rules = (one(p, "aws-native:wafv2:WebAcl", "viewer-web-acl").inputs as any).rules;
        const rule = rules.find((r: any) => r.name === "aws-anonymous-ip");
        assert.deepStrictEqual(rule.statement.managedRuleGroupStatement.ruleActionOverrides, [
            { name: "AnonymousIPList", actionToUse: { count: {} } },
            { name: "HostingProviderIPList", actionToUse: { count: {} } },
        ]);
        assert.ok(
            rules.some((r: any) => r.name === "block-hosting-providers"),
            "hosting providers are still blocked on their label",
        );
        const off = await planSeason(setPath(season(), "security.waf", { blockHostingProviders: false }));
        assert.ok(!(one(off, "aws-native:wafv2:WebAcl", "viewer-web-acl").inputs as any).rules.some((r: any) => r.name === "block-hosting-providers"));
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

    it("gives operators a revocation hook that can write only its store's keys, never the deployment's KeyValueStore access", () => {
        const kvs = one(plan, "aws-native:cloudfront:KeyValueStore", "viewer-tokens");
        const fn = one(plan, "aws:lambda/function:Function", "revocation-hook");
        assert.strictEqual(fn.region, "us-east-1");
        assert.deepStrictEqual((fn.inputs["environment"] as any).variables, { KVS_ARN: kvs.outputs["arn"] });
        const role = one(plan, "aws:iam/role:Role", "revocation-hook-role");
        // The store's ARN is CloudFront's choice: the document is a RolePolicy object (known at preview
        // but for that ARN), the role's only inline policy (RolePoliciesExclusive), which the function waits for.
        assert.strictEqual(role.inputs["inlinePolicies"], undefined);
        const rolePolicy = one(plan, "aws:iam/rolePolicy:RolePolicy", "revocation-hook-role");
        assert.deepStrictEqual([rolePolicy.inputs["role"], rolePolicy.inputs["name"]], [role.outputs["name"], "revocation-entries"]);
        assert.deepStrictEqual(one(plan, "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive", "revocation-hook-role").inputs["policyNames"], [
            "revocation-entries",
        ]);
        assert.ok(fn.dependencies.includes(rolePolicy.urn));
        const policy = rolePolicy.inputs["policy"] as any;
        assert.match(
            policy.Statement.find((st: any) => st.Sid === "Logs").Resource,
            /^arn:aws:logs:us-east-1:\d{12}:log-group:\/aws\/lambda\/onair-[a-z0-9-]+-revocation:\*$/,
        );
        const kvsStatement = policy.Statement.find((st: any) => st.Sid === "RevocationEntries");
        assert.deepStrictEqual(kvsStatement.Action, [
            "cloudfront-keyvaluestore:DescribeKeyValueStore",
            "cloudfront-keyvaluestore:PutKey",
            "cloudfront-keyvaluestore:DeleteKey",
        ]);
        assert.strictEqual(kvsStatement.Resource, kvs.outputs["arn"]);
        const perms = ofType(plan, "aws:lambda/permission:Permission").filter((p) => p.name.startsWith("revocation-operator"));
        assert.deepStrictEqual(
            perms.map((p) => [p.inputs["action"], p.inputs["principal"]]),
            [["lambda:InvokeFunction", NOC]],
        );
        // Signing keys are written by the deployment alone: the only KVS entries the program manages are k:<kid>.
        assert.ok(ofType(plan, "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey").every((k) => String(k.inputs["key"]).startsWith("k:")));
    });

    it("sizes the real-time log stream from the peak audience (provisioned shards, sampled to fit)", () => {
        const stream = one(plan, "aws:kinesis/stream:Stream", "realtime-logs").inputs as any;
        assert.deepStrictEqual([stream.streamModeDetails, stream.shardCount], [{ streamMode: "PROVISIONED" }, 193]);
        const rtl = one(plan, "aws-native:cloudfront:RealtimeLogConfig", "realtime-logs").inputs as any;
        assert.strictEqual(rtl.samplingRate, 25, "250,000 viewers fit 200 shards at 25%");
        assert.match(String((plan.outputs as any).realtimeLogCapacity.explanation), /250000 viewers x 2\.00 requests\/s x 25% sampled = 125000 records\/s/);
    });

    // The hook is its own component since ADR 032 (test/delivery/urlVending.test.ts); here, what it takes from delivery.
    it("the season's URL vending hook: a Lambda in the primary region behind an IAM-authenticated Function URL, on delivery's playback host", () => {
        const fn = one(plan, "aws:lambda/function:Function", "url-vending");
        assert.strictEqual(fn.region, "us-east-1");
        const env = (fn.inputs["environment"] as any).variables;
        assert.match(env.SIGNING_KEY_SECRET_ARN, /^arn:aws:secretsmanager:us-east-1:/);
        assert.strictEqual(env.KEY_ID, "k1");
        assert.strictEqual(env.PLAYBACK_DOMAIN, "live.example.com");
        assert.deepStrictEqual(Object.keys(JSON.parse(env.CHANNELS)), ["main-uhd", "second-hd"]);
        assert.strictEqual(one(plan, "aws:lambda/functionUrl:FunctionUrl", "url-vending").inputs["authorizationType"], "AWS_IAM");
        // The resource policy names the entitlement backend: InvokeFunctionUrl and (URLs since October 2025) InvokeFunction via the URL.
        const perms = ofType(plan, "aws:lambda/permission:Permission").filter((p) => p.name.startsWith("url-vending-caller"));
        assert.deepStrictEqual(
            perms.map((p) => [p.inputs["action"], p.inputs["principal"], p.inputs["functionUrlAuthType"], p.inputs["invokedViaFunctionUrl"]]),
            [
                ["lambda:InvokeFunctionUrl", BACKEND, "AWS_IAM", undefined],
                ["lambda:InvokeFunction", BACKEND, undefined, true],
            ],
        );
        for (const p of perms) assert.strictEqual(p.inputs["function"], fn.outputs["name"] ?? fn.inputs["name"]);
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
        s.delivery.vpcOrigins = [
            {
                id: "stats-api",
                arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/stats/0123456789abcdef",
                domainName: "internal-stats-123.us-east-1.elb.amazonaws.com",
                pathPattern: "/api/stats/*",
            },
        ];
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
        assert.deepStrictEqual(
            cfg.cacheBehaviors.slice(2).map((b: any) => [b.pathPattern, b.targetOriginId]),
            [
                ["/api/stats/*", "stats-api"],
                ["/graphics/*", "venue-graphics"],
            ],
        );
        const geo = one(plan, "aws-native:cloudfront:OriginRequestPolicy", "viewer-geo-origin-request");
        for (const b of cfg.cacheBehaviors.slice(2))
            assert.strictEqual(b.originRequestPolicyId, geo.outputs["awsId"], `${b.pathPattern} runs the token check, so it needs the geo headers`);
        const text = JSON.stringify(planJson(plan, { violations: [], notApplicable: [], evaluated: [] }));
        assert.ok(!text.includes("origin-verify-header-value"), "the origin secret header never appears in the plan");
    });

    it("wires embedded-POP client routing: wildcard alias and the routing domain for the vending hook", async () => {
        const s = season();
        s.delivery.clientRouting = { domain: "cr.example.com" };
        const plan = await planSeason(s);
        assert.deepStrictEqual(config(plan)["aliases"], ["live.example.com", "*.cr.example.com"]);
        assert.strictEqual(
            (one(plan, "aws:lambda/function:Function", "url-vending").inputs["environment"] as any).variables.CLIENT_ROUTING_DOMAIN,
            "cr.example.com",
        );
    });

    it("restricts nothing by geography when the stack does not ask for it", async () => {
        const s = setPath(season(), "security", {
            geoAllow: [],
            requireGeoRestriction: false,
            tokens: { keys: [{ kid: "k1", secretKey: "tokenSigningKey" }] },
        });
        const plan = await planSeason(s);
        assert.deepStrictEqual(config(plan)["restrictions"], { geoRestriction: { restrictionType: "none" } });
    });
});
