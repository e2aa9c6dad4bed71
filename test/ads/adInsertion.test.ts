import * as assert from "assert";
import { AD_SCTE_FILTER } from "../../components/media/packaging/mediapackage";
import { planJson } from "../../plan/json";
import { PlanCapture, SecretValue } from "../../plan/resources";
import { packRunsForStack } from "../../policies/harness/packs";
import { T } from "../../policies/lib/types";
import { evaluatePacks } from "../../policies/harness/evaluate";
import { byUrn, ofType, one } from "../components/planQueries";
import { planSeason } from "../helpers/plan";
import { baselineSeason } from "../helpers/season";

const PC = "aws-native:mediatailor:PlaybackConfiguration";
const PREFETCH = "aws-native:mediatailor:PrefetchSchedule";
const DIST = "aws-native:cloudfront:Distribution";

/** The baseline with a domain and ads on main-uhd, which has one past and two future games (test "now" is 2026-11-01). */
function adSeason(): Record<string, any> {
    const s = baselineSeason();
    s.delivery = { domain: { aliases: ["live.example.com"], certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a" } };
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
        assert.deepStrictEqual(configs.map((c) => c.inputs["name"]), ["onair-test-season-main-uhd"]);
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
        assert.deepStrictEqual(schedules.map((s) => s.inputs["name"]), ["derby", "final"], "the September game is over");
        const derby = schedules[0]!.inputs;
        assert.strictEqual(derby["scheduleType"], "RECURRING");
        assert.strictEqual(derby["playbackConfigurationName"], "onair-test-season-main-uhd");
        // Default schedule: start 60 minutes before, stop 30 minutes after.
        assert.deepStrictEqual(derby["recurringPrefetchConfiguration"], {
            startTime: "2026-11-20T18:00:00.000Z",
            endTime: "2026-11-20T22:30:00.000Z",
            recurringConsumption: { retrievedAdExpirationSeconds: 1800 },
            recurringRetrieval: { delayAfterAvailEndSeconds: 10, trafficShapingType: "RETRIEVAL_WINDOW", trafficShapingRetrievalWindow: { retrievalWindowDurationSeconds: 240 } },
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

    describe("CloudFront", () => {
        it("adds MediaTailor's manifest and segment origins in the primary region", () => {
            const origins = distributionConfig(plan)["origins"].map((o: any) => [o.id, o.domainName]);
            assert.deepStrictEqual(origins.filter(([id]: [string]) => id.startsWith("mediatailor")), [
                ["mediatailor-manifests", "manifests.mediatailor.us-east-1.amazonaws.com"],
                ["mediatailor-segments", "segments.mediatailor.us-east-1.amazonaws.com"],
            ]);
        });

        it("caches ad segments a day, never caches personalised manifests, and checks tokens on manifests", () => {
            const behaviors: any[] = distributionConfig(plan)["cacheBehaviors"];
            const at = (p: string) => behaviors.findIndex((b) => b.pathPattern === p);
            assert.ok(at("/v1/segment/*") >= 0 && at("/v1/segment/*") < at("/v1/*"), "the specific ad-segment pattern must come first");
            const policy = (p: string) => one(plan, "aws-native:cloudfront:CachePolicy", p).inputs["cachePolicyConfig"] as any;
            const segments = behaviors[at("/v1/segment/*")];
            assert.strictEqual(segments.targetOriginId, "mediatailor-segments");
            assert.strictEqual(segments.functionAssociations, undefined, "ad creatives are not protected content");
            assert.deepStrictEqual([policy("ads-segments-cache").minTtl, policy("ads-segments-cache").defaultTtl], [1, 86400]);
            const manifests = behaviors[at("/v1/*")];
            assert.strictEqual(manifests.targetOriginId, "mediatailor-manifests");
            assert.strictEqual(manifests.functionAssociations.length, 1);
            assert.deepStrictEqual([policy("ads-manifests-cache").defaultTtl, policy("ads-manifests-cache").maxTtl], [0, 0]);
        });

        it("serves the ad channel's content segments from its cross-region origin group", () => {
            const b = distributionConfig(plan)["cacheBehaviors"].find((x: any) => x.pathPattern === "/out/v1/test-season/main-uhd/*");
            assert.strictEqual(b.targetOriginId, "live-main-uhd");
            assert.strictEqual(b.functionAssociations.length, 1);
        });

        it("answers ad players' credentialed requests with CORS for the listed origins only", () => {
            const cors = (one(plan, "aws-native:cloudfront:ResponseHeadersPolicy", "ads-player-cors").inputs["responseHeadersPolicyConfig"] as any).corsConfig;
            assert.strictEqual(cors.accessControlAllowCredentials, true);
            assert.deepStrictEqual(cors.accessControlAllowOrigins.items, ["https://www.example.com", "https://watch.example.com"]);
            assert.ok(!cors.accessControlAllowHeaders.items.includes("*"));
            const behaviors: any[] = distributionConfig(plan)["cacheBehaviors"];
            const withCors = behaviors.filter((b) => b.responseHeadersPolicyId !== undefined).map((b) => b.pathPattern);
            assert.deepStrictEqual(withCors.sort(), ["/out/v1/test-season/main-uhd/*", "/v1/*", "/v1/segment/*"]);
        });

        it("keeps /v1/ and the ad origins out of a season without ads", () => {
            const cfg = distributionConfig(plain);
            assert.ok(!cfg["origins"].some((o: any) => o.id.startsWith("mediatailor")));
            assert.ok(!cfg["cacheBehaviors"].some((b: any) => b.pathPattern.startsWith("/v1/")));
        });
    });

    describe("WAF", () => {
        it("lets MediaTailor's origin reads past the hosting-provider list and rate limit, matched on its secret token signature", () => {
            const rules = webAclRules(plan);
            assert.deepStrictEqual(rules.map((r) => [r.name, r.priority]), [
                ["block-restreamers", 0],
                ["allow-ad-origin-reads", 1],
                ["aws-ip-reputation", 2],
                ["aws-anonymous-ip", 3],
                ["rate-limit-per-ip", 4],
            ]);
            const allow = rules[1]!;
            assert.deepStrictEqual(allow["action"], { allow: {} });
            const match = allow["statement"].byteMatchStatement;
            assert.deepStrictEqual(match.fieldToMatch, { uriPath: {} });
            assert.strictEqual(match.positionalConstraint, "CONTAINS");
            assert.ok(match.searchString instanceof SecretValue, "the signature is a secret");
            const token = String((one(plan, PC, "ads-main-uhd").inputs["videoContentSourceUrl"] as SecretValue).value).split("/tk/")[1]!.split("/")[0]!;
            assert.strictEqual(match.searchString.value, `.${token.split(".")[2]}/`);
            assert.ok(Buffer.byteLength(String(match.searchString.value)) <= 200, "WAF byte-match strings are at most 200 bytes");
        });

        it("has no allow rule without ads", () => {
            assert.ok(!webAclRules(plain).some((r) => r.name === "allow-ad-origin-reads"));
        });
    });

    it("tells the URL vending hook where each ad channel's personalised manifests live", () => {
        const fn = one(plan, "aws:lambda/function:Function", "url-vending").inputs as any;
        const env = fn.environment.variables;
        assert.strictEqual(env.COOKIE_DOMAIN, "example.com");
        const ads = JSON.parse(env.ADS);
        assert.deepStrictEqual(Object.keys(ads), ["main-uhd"]);
        assert.strictEqual(ads["main-uhd"].config, "onair-test-season-main-uhd");
        assert.match(ads["main-uhd"].hls, /^\/v1\/master\/[a-z0-9]+\/onair-test-season-main-uhd\/$/);
        assert.match(ads["main-uhd"].dash, /^\/v1\/dash\/[a-z0-9]+\/onair-test-season-main-uhd\/$/);
    });

    it("never writes the origin token or its signature into the plan JSON", () => {
        const token = String((one(plan, PC, "ads-main-uhd").inputs["videoContentSourceUrl"] as SecretValue).value).split("/tk/")[1]!.split("/")[0]!;
        const json = JSON.stringify(planJson(plan, { violations: [], notApplicable: [], evaluated: [] }));
        assert.ok(!json.includes(token.split(".")[2]!));
        assert.ok(!json.includes(token));
    });

    it("passes both policy packs with no mandatory violation", async () => {
        const verdict = await evaluatePacks(plan, packRunsForStack("prod"));
        const mandatory = verdict.violations.filter((v) => v.enforcementLevel === "mandatory");
        assert.deepStrictEqual(mandatory.map((v) => `${v.policy}: ${v.message}`), []);
    });
});
