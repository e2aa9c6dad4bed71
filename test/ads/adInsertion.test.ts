import * as assert from "assert";
import { AD_SCTE_FILTER } from "../../components/media/packaging/mediapackage";
import { planJson } from "../../plan/json";
import { PlanCapture, SecretValue } from "../../contracts/capturedPlan";
import { packRunsForStack } from "../../policies/harness/packs";
import { T } from "../../contracts/resourceTypes";
import { evaluatePacks } from "../../policies/harness/evaluate";
import { byUrn, ofType, one } from "../components/planQueries";
import { planSeason } from "../helpers/plan";
import { baselineSeason, secretLookup, setPath, TEST_SECRETS } from "../helpers/season";
import * as jose from "jose";
import { originKey, originToken } from "../../components/ads/adOrigins";
import { validateSeason } from "../../components/config/season";
import { behaviorFor } from "../../tools/cloudfrontPaths";
import { loadViewerHandler, memoryKvs, viewerEvent } from "../../tools/edgeRuntime";

const PC = "aws-native:mediatailor:PlaybackConfiguration";
const PREFETCH = "aws-native:mediatailor:PrefetchSchedule";
const DIST = "aws-native:cloudfront:Distribution";

/** The baseline with a domain and ads on main-uhd, which has one past and two future games (test "now" is 2026-11-01). */
function adSeason(): Record<string, any> {
    const s = baselineSeason();
    s.delivery = {
        domain: { aliases: ["live.example.com"], certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a" },
        urlVending: { callerRoleArns: ["arn:aws:iam::123456789012:role/entitlement-api"] },
    };
    s.channels[0].events.push(
        { name: "derby", start: "2026-11-20T19:00:00Z", end: "2026-11-20T22:00:00Z" },
        { name: "final", start: "2026-12-05T20:00:00Z", end: "2026-12-05T23:30:00Z" },
    );
    s.ads = {
        adDecisionServerUrl: "https://ads.example.com/vast?sid=[session.id]",
        channels: ["main-uhd"],
        slateAdUrl: "https://cdn.example.com/slate.mp4",
        cookieDomain: "example.com",
        playerOrigins: ["https://www.example.com", "https://watch.example.com"],
        prefetch: { retrievalWindowSeconds: 240 },
    };
    return s;
}

function distributionConfig(plan: PlanCapture): Record<string, any> {
    return one(plan, DIST, "live").inputs["distributionConfig"] as Record<string, any>;
}

function webAclRules(plan: PlanCapture): Record<string, any>[] {
    return one(plan, "aws-native:wafv2:WebAcl", "viewer-web-acl").inputs["rules"] as Record<string, any>[];
}

describe("AdInsertion (MediaTailor) under the mock runtime", function () {
    let plan: PlanCapture;
    let plain: PlanCapture;
    before(async () => {
        // One at a time: the mock runtime is process-wide.
        plan = await planSeason(adSeason());
        const s = adSeason();
        delete s.ads;
        plain = await planSeason(s);
    });

    it("is one onair:ads:AdInsertion in the primary region with one playback configuration per ad channel", () => {
        const component = one(plan, "onair:ads:AdInsertion", "ads");
        const configs = ofType(plan, PC);
        assert.deepStrictEqual(
            configs.map((c) => c.inputs["name"]),
            ["onair-test-season-main-uhd"],
        );
        const pc = configs[0]!;
        assert.strictEqual(pc.parent, component.urn);
        assert.strictEqual(pc.region, "us-east-1");
        assert.strictEqual(byUrn(plan, pc.provider)!.type, "pulumi:providers:aws-native");
        assert.deepStrictEqual(ofType(plain, PC), [], "no ads config, no MediaTailor");
        assert.deepStrictEqual(ofType(plain, "onair:ads:AdInsertion"), []);
    });

    it("reads the origin through CloudFront with a secret token, and points players at the playback host", () => {
        const pc = one(plan, PC, "ads-main-uhd").inputs;
        assert.strictEqual(pc["adDecisionServerUrl"], "https://ads.example.com/vast?sid=[session.id]");
        assert.strictEqual(pc["slateAdUrl"], "https://cdn.example.com/slate.mp4");
        const source = pc["videoContentSourceUrl"];
        assert.ok(source instanceof SecretValue, "the source URL holds MediaTailor's origin token");
        assert.match(String(source.value), /^https:\/\/d[a-z0-9]+\.cloudfront\.net\/tk\/[\w-]+\.[\w-]+\.[\w-]+\/out\/v1\/test-season\/main-uhd$/);
        assert.deepStrictEqual(pc["cdnConfiguration"], {
            adSegmentUrlPrefix: "https://live.example.com",
            contentSegmentUrlPrefix: "https://live.example.com/out/v1/test-season/main-uhd",
        });
        assert.deepStrictEqual(pc["availSuppression"], { mode: "BEHIND_LIVE_EDGE", value: "00:00:00" });
        assert.deepStrictEqual(pc["dashConfiguration"], { mpdLocation: "DISABLED", originManifestType: "MULTI_PERIOD" });
    });

    it("prefetches ads for each game still ahead, over the channel's run window, staggered by the retrieval window", () => {
        const schedules = ofType(plan, PREFETCH);
        assert.deepStrictEqual(
            schedules.map((s) => s.inputs["name"]),
            ["derby", "final"],
            "the September game is over",
        );
        const derby = schedules[0]!.inputs;
        assert.strictEqual(derby["scheduleType"], "RECURRING");
        assert.strictEqual(derby["playbackConfigurationName"], "onair-test-season-main-uhd");
        // Default schedule: start 60 minutes before, stop 30 minutes after.
        assert.deepStrictEqual(derby["recurringPrefetchConfiguration"], {
            startTime: "2026-11-20T18:00:00.000Z",
            endTime: "2026-11-20T22:30:00.000Z",
            recurringConsumption: { retrievedAdExpirationSeconds: 1800 },
            recurringRetrieval: {
                delayAfterAvailEndSeconds: 10,
                trafficShapingType: "RETRIEVAL_WINDOW",
                trafficShapingRetrievalWindow: { retrievalWindowDurationSeconds: 240 },
            },
        });
    });

    it("passes SCTE-35 through CMAF Ingest and marks avails in MediaPackage only on ad channels", () => {
        for (const region of ["us-east-1", "us-west-2"]) {
            const endpoints = ofType(plan, "aws-native:mediapackagev2:OriginEndpoint", region);
            const ad = endpoints.find((e) => e.name.includes("main-uhd"))!.inputs;
            const other = endpoints.find((e) => e.name.includes("second-hd"))!.inputs;
            assert.deepStrictEqual((ad["segment"] as any).scte, { scteFilter: [...AD_SCTE_FILTER] });
            assert.deepStrictEqual((ad["hlsManifests"] as any)[0].scteHls, { adMarkerHls: "DATERANGE" });
            assert.deepStrictEqual((ad["dashManifests"] as any)[0].periodTriggers, ["AVAILS"]);
            assert.strictEqual((other["segment"] as any).scte, undefined);
            assert.strictEqual((other["dashManifests"] as any)[0].periodTriggers, undefined);
        }
        const scte = (ch: string) => {
            const groups = (one(plan, T.onairMediaLiveChannel, `use1-${ch}`).inputs["request"] as any).EncoderSettings.OutputGroups;
            return groups.find((g: any) => g.OutputGroupSettings.CmafIngestGroupSettings).OutputGroupSettings.CmafIngestGroupSettings.Scte35Type;
        };
        assert.strictEqual(scte("main-uhd"), "SCTE_35_WITHOUT_SEGMENTATION");
        assert.strictEqual(scte("second-hd"), "NONE");
    });

    describe('CloudFront routing of MediaTailor\'s paths (MediaTailor User Guide: "Set up CDN routing behaviors", "Production-ready CloudFront configuration")', () => {
        const HASH = "0123456789abcdef0123456789abcdef01234567";
        const CFG = "onair-test-season-main-uhd";
        const SESSION = "5e2d7b1c-9f0a-4c3b-8a6d-2f1e0c9b8a7d";
        // Request paths of each kind the two pages name, and the origin each must reach.
        const ROUTES: [string, string, string][] = [
            ["ad creative under the CDN ad segment prefix", `/tm/${HASH}/dcf8c3d1-8ad2-4ab3-9e2b-1a62f0a0c0bd/1080p_000001.ts`, "mediatailor-segments"],
            ["segment redirect (server-side ad reporting)", `/v1/segment/${HASH}/${CFG}/${SESSION}/ad-1/3`, "mediatailor-manifests"],
            ["HLS session start (multivariant playlist)", `/v1/master/${HASH}/${CFG}/cmaf/hls.m3u8`, "mediatailor-manifests"],
            ["HLS media playlist of a session", `/v1/manifest/${HASH}/${CFG}/${SESSION}/0.m3u8`, "mediatailor-manifests"],
            ["DASH manifest", `/v1/dash/${HASH}/${CFG}/cmaf/dash.mpd`, "mediatailor-manifests"],
            ["explicit session initialisation", `/v1/session/${HASH}/${CFG}/cmaf/hls.m3u8`, "mediatailor-manifests"],
            ["client-side tracking", `/v1/tracking/${HASH}/${CFG}/${SESSION}`, "mediatailor-manifests"],
            ["content segment under the CDN content segment prefix", "/out/v1/test-season/main-uhd/cmaf/segment_video_1080p_000123.mp4", "live-main-uhd"],
            ["MediaTailor's origin read of a tokenised manifest", "/tk/a.b.c/out/v1/test-season/main-uhd/cmaf/hls.m3u8", "live-main-uhd"],
        ];
        for (const [kind, path, origin] of ROUTES) {
            it(`sends a ${kind} to ${origin}`, () => {
                const cfg = distributionConfig(plan);
                assert.strictEqual(behaviorFor(path, cfg["cacheBehaviors"], cfg["defaultCacheBehavior"]).targetOriginId, origin, path);
            });
        }

        it("adds MediaTailor's manifest and segment origins in the primary region", () => {
            const origins = distributionConfig(plan)["origins"].map((o: any) => [o.id, o.domainName]);
            assert.deepStrictEqual(
                origins.filter(([id]: [string]) => id.startsWith("mediatailor")),
                [
                    ["mediatailor-manifests", "manifests.mediatailor.us-east-1.amazonaws.com"],
                    ["mediatailor-segments", "segments.mediatailor.us-east-1.amazonaws.com"],
                ],
            );
        });

        it("serves ad creatives without a token check, cached over a day on the path alone", () => {
            const cfg = distributionConfig(plan);
            const creatives = behaviorFor(ROUTES[0]![1], cfg["cacheBehaviors"], cfg["defaultCacheBehavior"]);
            assert.strictEqual(creatives.pathPattern, "/tm/*");
            assert.strictEqual(creatives.functionAssociations, undefined, "adverts are not the rights-managed content (ADR 015)");
            assert.strictEqual(creatives.originRequestPolicyId, undefined, "no viewer header, cookie or query string reaches the ad origin");
            const policy = one(plan, "aws-native:cloudfront:CachePolicy", "ads-segments-cache").inputs["cachePolicyConfig"] as any;
            assert.ok(policy.minTtl >= 86_400 && policy.defaultTtl > 86_400, "a cache policy with greater than 24-hour TTL values");
            assert.deepStrictEqual(policy.parametersInCacheKeyAndForwardedToOrigin.queryStringsConfig, { queryStringBehavior: "none" });
        });

        it("checks tokens on every /v1/ path, never caches them, and forwards MediaTailor's parameters with the viewer geography", () => {
            const cfg = distributionConfig(plan);
            const orp = one(plan, "aws-native:cloudfront:OriginRequestPolicy", "mediatailor-origin-request");
            const conf = orp.inputs["originRequestPolicyConfig"] as any;
            assert.deepStrictEqual(conf.queryStringsConfig, { queryStringBehavior: "all" });
            assert.deepStrictEqual(conf.cookiesConfig, { cookieBehavior: "none" });
            assert.ok(
                conf.headersConfig.headers.includes("CloudFront-Viewer-Country") && conf.headersConfig.headers.includes("CloudFront-Viewer-Country-Region"),
            );
            assert.ok(
                conf.headersConfig.headers.includes("User-Agent") && conf.headersConfig.headers.includes("X-Forwarded-For"),
                "MediaTailor passes them to the ad server",
            );
            assert.ok(!conf.headersConfig.headers.includes("Authorization"), "the viewer's token never reaches MediaTailor");
            const manifests = one(plan, "aws-native:cloudfront:CachePolicy", "ads-manifests-cache").inputs["cachePolicyConfig"] as any;
            assert.deepStrictEqual([manifests.defaultTtl, manifests.maxTtl], [0, 0]);
            for (const [, path] of ROUTES.slice(1, 7)) {
                const b = behaviorFor(path, cfg["cacheBehaviors"], cfg["defaultCacheBehavior"]);
                assert.strictEqual(b.functionAssociations.length, 1, path);
                assert.strictEqual(b.originRequestPolicyId, orp.outputs["awsId"], path);
                assert.strictEqual(b.cachePolicyId, one(plan, "aws-native:cloudfront:CachePolicy", "ads-manifests-cache").outputs["awsId"], path);
            }
        });

        it("answers ad players with CORS on every ad path, for the listed origins only", () => {
            const cors = (one(plan, "aws-native:cloudfront:ResponseHeadersPolicy", "ads-player-cors").inputs["responseHeadersPolicyConfig"] as any).corsConfig;
            assert.deepStrictEqual(cors.accessControlAllowOrigins.items, ["https://www.example.com", "https://watch.example.com"]);
            assert.ok(cors.accessControlAllowHeaders.items.includes("Authorization"), "the bearer token triggers a preflight");
            assert.ok(!cors.accessControlAllowHeaders.items.includes("*"));
            assert.strictEqual(cors.accessControlAllowCredentials, true, "the season sets the optional cookie, so requests are credentialed");
            const withCors = distributionConfig(plan)
                ["cacheBehaviors"].filter((b: any) => b.responseHeadersPolicyId !== undefined)
                .map((b: any) => b.pathPattern);
            assert.deepStrictEqual(withCors.sort(), ["/out/v1/test-season/main-uhd/*", "/tm/*", "/v1/*", "/v1/segment/*"]);
        });

        it("keeps /v1/, /tm/ and the ad origins out of a season without ads", () => {
            const cfg = distributionConfig(plain);
            assert.ok(!cfg["origins"].some((o: any) => o.id.startsWith("mediatailor")));
            assert.ok(!cfg["cacheBehaviors"].some((b: any) => b.pathPattern.startsWith("/v1/") || b.pathPattern.startsWith("/tm/")));
        });
    });

    describe("MediaTailor's origin token", () => {
        const SIGNING_KEY = TEST_SECRETS["tokenSigningKey"]!;
        const sourceToken = () =>
            String((one(plan, PC, "ads-main-uhd").inputs["videoContentSourceUrl"] as SecretValue).value)
                .split("/tk/")[1]!
                .split("/")[0]!;
        const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
        const originRead = "/out/v1/test-season/main-uhd/cmaf/hls.m3u8";

        it("has its own kid and key, stored as a secret next to the viewer keys", () => {
            assert.deepStrictEqual(jose.decodeProtectedHeader(sourceToken()), { alg: "HS256", typ: "JWT", kid: "mt-k1" });
            const entry = one(plan, "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey", "token-key-mt-k1");
            assert.strictEqual(entry.inputs["key"], "k:mt-k1");
            assert.ok(entry.inputs["value"] instanceof SecretValue);
            assert.strictEqual(String((entry.inputs["value"] as SecretValue).value), originKey(SIGNING_KEY));
            assert.notStrictEqual(originKey(SIGNING_KEY), SIGNING_KEY);
        });

        it("covers the next game's run window only (5-minute margin), with a nonce jti", () => {
            const claims = jose.decodeJwt(sourceToken());
            // "Now" is 2026-11-01: the next game is the derby, run 18:00-22:30 with the default lead and tail.
            assert.strictEqual(claims.exp, at("2026-11-20T22:35:00Z"));
            assert.strictEqual(claims.nbf, at("2026-11-20T17:55:00Z") - 5);
            assert.strictEqual(claims.pfx, "/out/v1/test-season/main-uhd/");
            assert.match(String(claims.jti), /^mt\.[A-Za-z0-9_-]{22}$/);
            assert.deepStrictEqual((plan.outputs as any).adOriginTokens["main-uhd"], {
                kid: "mt-k1",
                jti: claims.jti,
                notBefore: "2026-11-20T17:55:00.000Z",
                expiresAt: "2026-11-20T22:35:00.000Z",
                event: "derby",
            });
        });

        it("is the same on every update within a window, new for the next window or a bumped generation", () => {
            const season = validateSeason(adSeason(), secretLookup());
            const t = (iso: string, s = season) => originToken(s, "main-uhd", { kid: "k1", key: SIGNING_KEY }, Date.parse(iso));
            assert.strictEqual(t("2026-11-20T19:00:00Z").token, t("2026-11-02T00:00:00Z").token, "pulumi up during the game changes nothing");
            assert.notStrictEqual(t("2026-11-21T00:00:00Z").jti, t("2026-11-20T19:00:00Z").jti, "the final's token is another");
            const bumped = validateSeason(setPath(adSeason(), "ads.originTokenGeneration", 1), secretLookup());
            assert.notStrictEqual(
                t("2026-11-20T19:00:00Z", bumped).jti,
                t("2026-11-20T19:00:00Z").jti,
                "after a revocation, a redeploy with the next generation is not revoked",
            );
        });

        it("plays during its window at the edge, and is refused before, after and once revoked", async () => {
            const token = sourceToken();
            const kvs = (extra: Record<string, string> = {}) => memoryKvs({ "k:k1": SIGNING_KEY, "k:mt-k1": originKey(SIGNING_KEY), ...extra });
            const read = async (nowIso: string, extra?: Record<string, string>) =>
                (await loadViewerHandler({ kvs: kvs(extra), nowSeconds: at(nowIso) })(viewerEvent(`/tk/${token}${originRead}`)))["statusCode"];
            assert.strictEqual(await read("2026-11-20T20:00:00Z"), undefined);
            assert.strictEqual(await read("2026-11-19T20:00:00Z"), 401, "not yet valid");
            assert.strictEqual(await read("2026-11-20T23:00:00Z"), 401, "expired after the window");
            assert.strictEqual(await read("2026-11-20T20:00:00Z", { [`r:${String(jose.decodeJwt(token).jti)}`]: "1" }), 403);
            const other = await loadViewerHandler({ kvs: kvs(), nowSeconds: at("2026-11-20T20:00:00Z") })(
                viewerEvent(`/tk/${token}/out/v1/test-season/second-hd/cmaf/hls.m3u8`),
            );
            assert.strictEqual(other["statusCode"], 403, "bound to its channel");
        });
    });

    describe("WAF", () => {
        const signature = () =>
            String((one(plan, PC, "ads-main-uhd").inputs["videoContentSourceUrl"] as SecretValue).value)
                .split("/tk/")[1]!
                .split("/")[0]!
                .split(".")[2]!;

        it("labels MediaTailor's origin reads (GET, tokenised path of its channel, its token's signature) and allows nothing by it", () => {
            const rules = webAclRules(plan);
            assert.deepStrictEqual(
                rules.map((r) => [r.name, r.priority]),
                [
                    ["block-restreamers", 0],
                    ["label-ad-origin-reads", 1],
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
            assert.ok(!rules.some((r) => r["action"]?.allow !== undefined), "no rule lets a request skip the rest");
            const label = rules[1]!;
            assert.deepStrictEqual([label["action"], label["ruleLabels"]], [{ count: {} }, [{ name: "onair:ad-origin-read" }]]);
            const [method, prefix, sig] = label["statement"].andStatement.statements;
            assert.deepStrictEqual(
                [method.byteMatchStatement.fieldToMatch, method.byteMatchStatement.positionalConstraint, method.byteMatchStatement.searchString],
                [{ method: {} }, "EXACTLY", "GET"],
            );
            assert.deepStrictEqual([prefix.byteMatchStatement.positionalConstraint, prefix.byteMatchStatement.searchString], ["STARTS_WITH", "/tk/"]);
            const match = sig.byteMatchStatement;
            assert.ok(match.searchString instanceof SecretValue, "the signature is a secret");
            assert.strictEqual(match.searchString.value, `.${signature()}/out/v1/test-season/main-uhd/`);
            assert.ok(Buffer.byteLength(String(match.searchString.value)) <= 200, "WAF byte-match strings are at most 200 bytes");
        });

        it("exempts those reads from the hosting-provider and rate rules only: reputation, anonymous-IP and re-streamer rules still apply", () => {
            const rules = webAclRules(plan);
            const exempt = (r: Record<string, any>) =>
                JSON.stringify(r["statement"]).includes(
                    JSON.stringify({ notStatement: { statement: { labelMatchStatement: { key: "onair:ad-origin-read", scope: "LABEL" } } } }).slice(1, -1),
                );
            assert.deepStrictEqual(
                rules.filter(exempt).map((r) => r.name),
                [
                    "block-hosting-providers",
                    "rate-limit-per-ip",
                    "rate-limit-per-token-query",
                    "rate-limit-per-token-header",
                    "rate-limit-per-token-cookie",
                    "rate-limit-per-playlist",
                ],
            );
            for (const name of ["block-restreamers", "aws-ip-reputation", "aws-anonymous-ip"]) {
                const r = rules.find((x) => x.name === name)!;
                assert.ok(!exempt(r) && !JSON.stringify(r["statement"]).includes("scopeDownStatement"), name);
            }
        });

        it("has no label rule without ads", () => {
            assert.ok(!webAclRules(plain).some((r) => r.name === "label-ad-origin-reads"));
            assert.ok(!JSON.stringify(webAclRules(plain)).includes("onair:ad-origin-read"));
        });
    });

    it("tells the URL vending hook where each ad channel's personalised manifests live", () => {
        const fn = one(plan, "aws:lambda/function:Function", "url-vending").inputs as any;
        const env = fn.environment.variables;
        assert.strictEqual(env.COOKIE_DOMAIN, "example.com");
        assert.strictEqual(env.SEGMENT_TOKENS, "header");
        const ads = JSON.parse(env.ADS);
        assert.deepStrictEqual(Object.keys(ads), ["main-uhd"]);
        assert.strictEqual(ads["main-uhd"].config, "onair-test-season-main-uhd");
        assert.match(ads["main-uhd"].hls, /^\/v1\/master\/[a-z0-9]+\/onair-test-season-main-uhd\/$/);
        assert.match(ads["main-uhd"].dash, /^\/v1\/dash\/[a-z0-9]+\/onair-test-season-main-uhd\/$/);
    });

    it("never writes the origin token or its signature into the plan JSON", () => {
        const token = String((one(plan, PC, "ads-main-uhd").inputs["videoContentSourceUrl"] as SecretValue).value)
            .split("/tk/")[1]!
            .split("/")[0]!;
        const json = JSON.stringify(planJson(plan, { violations: [], notApplicable: [], evaluated: [] }));
        assert.ok(!json.includes(token.split(".")[2]!));
        assert.ok(!json.includes(token));
    });

    it("passes both policy packs with no mandatory violation", async () => {
        const verdict = await evaluatePacks(plan, packRunsForStack("prod"));
        const mandatory = verdict.violations.filter((v) => v.enforcementLevel === "mandatory");
        assert.deepStrictEqual(
            mandatory.map((v) => `${v.policy}: ${v.message}`),
            [],
        );
    });
});
