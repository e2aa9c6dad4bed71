import * as assert from "assert";
import { ConfigError, isConfigError } from "../../components/config/errors";
import { validateSeason } from "../../components/config/season";
import { MEDIA_REGIONS } from "../../components/config/regions";
import { defaultRateLimits, minimumRateLimits, viewerRequestsPerWindow, WAF_RATE_LIMIT } from "../../components/delivery/audience";
import { originShieldRegion } from "../../components/delivery/originShield";
import { ProgramError, runProgram } from "../../plan/run";
import { planSeason, PROGRAM, stackWith } from "../helpers/plan";
import { ofType } from "../components/planQueries";
import { baselineSeason, secretLookup, setPath, TEST_SECRETS } from "../helpers/season";

const P = "onair:season";

function issues(raw: Record<string, any>): { path: string; message: string }[] {
    try {
        validateSeason(raw, secretLookup());
    } catch (e) {
        if (e instanceof ConfigError) return e.issues;
        throw e;
    }
    return [];
}

function rejects(raw: Record<string, any>, path: string, says: string): void {
    const found = issues(raw);
    assert.ok(
        found.some((i) => i.path === path && i.message.includes(says)),
        `expected "${path}: ...${says}..." in:\n${found.map((i) => `${i.path}: ${i.message}`).join("\n")}`,
    );
}

/** The baseline's first channel as an SRT caller over two ISPs, each region and pipeline with its own listener. */
function callerSeason(): Record<string, any> {
    const s = baselineSeason();
    const targets = (base: string, port: number) => ({
        "us-east-1": [
            { address: `${base}.40`, port },
            { address: `${base}.41`, port },
        ],
        "us-west-2": [
            { address: `${base}.40`, port: port + 1 },
            { address: `${base}.41`, port: port + 1 },
        ],
    });
    s.channels[0].contribution = {
        protocol: "srt-caller",
        networks: [
            { name: "isp-a", callerTargets: targets("203.0.113", 7000) },
            { name: "isp-b", callerTargets: targets("198.51.100", 7000) },
        ],
        failover: { mode: "failover" },
        srt: { passphraseKey: "mainSrtPassphrase" },
    };
    return s;
}

describe("audience model and rate limits", () => {
    it("counts a steady-state viewer's requests per 5 minutes from the segment length", () => {
        // Video + audio segment and both media playlists per segment (RFC 8216 6.3.4: reloads at most once per target duration).
        assert.strictEqual(viewerRequestsPerWindow(2), 600);
        assert.strictEqual(viewerRequestsPerWindow(6), 200);
        // The old fixed limit of 3000 per address was five such players behind one NAT.
        assert.strictEqual(3000 / viewerRequestsPerWindow(2), 5);
    });

    it("sizes the per-address limit for the crowd behind one address and the token limits for one viewer", () => {
        assert.deepStrictEqual(defaultRateLimits(50, 2), { perIpRequestsPer5Min: 45_000, perTokenRequestsPer5Min: 2400, perPlaylistRequestsPer5Min: 600 });
        assert.deepStrictEqual(minimumRateLimits(500, 2), { perIpRequestsPer5Min: 300_000, perTokenRequestsPer5Min: 1200, perPlaylistRequestsPer5Min: 300 });
        // WAF accepts 10 to 2,000,000,000 per window (CloudFormation AWS::WAFv2::WebACL RateLimit).
        assert.strictEqual(defaultRateLimits(100_000, 1).perIpRequestsPer5Min <= WAF_RATE_LIMIT.max, true);
    });

    it("applies the stack's own limits when they leave room for the declared crowd", () => {
        const s = validateSeason(setPath(baselineSeason(), "security.waf", { perIpRequestsPer5Min: 40_000, perTokenRequestsPer5Min: 5000 }), secretLookup());
        assert.deepStrictEqual(
            [s.security.waf.perIpRequestsPer5Min, s.security.waf.perTokenRequestsPer5Min, s.security.waf.perPlaylistRequestsPer5Min],
            [40_000, 5000, 600],
        );
    });
});

describe("delivery, audience and ads configuration: bad input", () => {
    it("refuses a per-address limit that would block the declared crowd (the old 3000)", () => {
        rejects(
            setPath(baselineSeason(), "security.waf", { perIpRequestsPer5Min: 3000 }),
            `${P}.security.waf.perIpRequestsPer5Min`,
            "3000 would block viewers: 50 viewers behind one address (delivery.audience.viewersPerIp) make 30000 requests per 5 minutes",
        );
    });

    it("refuses a per-token limit below one viewer's start-up", () => {
        rejects(setPath(baselineSeason(), "security.waf", { perTokenRequestsPer5Min: 600 }), `${P}.security.waf.perTokenRequestsPer5Min`, "use at least 1200");
    });

    it("explains that rateLimitPer5Min was split", () => {
        rejects(
            setPath(baselineSeason(), "security.waf", { rateLimitPer5Min: 3000 }),
            `${P}.security.waf.rateLimitPer5Min`,
            "was split in two: perIpRequestsPer5Min",
        );
    });

    it("refuses more viewers behind one address than in the audience", () => {
        rejects(
            setPath(baselineSeason(), "delivery.audience", { peakViewers: 100, viewersPerIp: 500 }),
            `${P}.delivery.audience.viewersPerIp`,
            "500 exceeds peakViewers (100)",
        );
    });

    it("requires the entitlement backend's role for the vending Function URL", () => {
        rejects(setPath(baselineSeason(), "delivery.urlVending", undefined), `${P}.delivery.urlVending`, "is required");
        rejects(
            setPath(baselineSeason(), "delivery.urlVending.callerRoleArns", ["arn:aws:iam::123456789012:user/alice"]),
            `${P}.delivery.urlVending.callerRoleArns[0]`,
            "the IAM role ARN of the entitlement backend",
        );
    });

    it("reserves the mt- key ids for MediaTailor's origin-token keys", () => {
        rejects(
            setPath(baselineSeason(), "security.tokens.keys[0].kid", "mt-2026"),
            `${P}.security.tokens.keys[0].kid`,
            "reserved for MediaTailor's origin-token keys",
        );
    });

    it("keeps /v1/ and /tm/ for MediaTailor", () => {
        const s = setPath(baselineSeason(), "delivery.customOrigins", [
            { id: "venue-graphics", domainName: "graphics.venue.example.net", pathPattern: "/tm/graphics/*", secretKey: "tokenSigningKey" },
        ]);
        rejects(s, `${P}.delivery.customOrigins[0].pathPattern`, "overlaps the media paths");
    });

    it("refuses an ad channel whose run window outlives the edge's one-day token cap", () => {
        const s = baselineSeason();
        s.ads = { adDecisionServerUrl: "https://ads.example.com/vast", channels: ["main-uhd"], playerOrigins: ["https://www.example.com"] };
        s.channels[0].events = [{ name: "telethon", start: "2026-11-20T00:00:00Z", end: "2026-11-21T00:00:00Z" }];
        rejects(s, `${P}.channels[0].events[0].end`, "the edge refuses tokens living over 24 h");
    });

    it("accepts ads without a cookie domain (players send the bearer header) and refuses an unknown token transport", () => {
        const s = baselineSeason();
        s.ads = { adDecisionServerUrl: "https://ads.example.com/vast", channels: ["main-uhd"], playerOrigins: ["https://www.example.com"] };
        const ok = validateSeason(s, secretLookup());
        assert.deepStrictEqual([ok.ads!.segmentTokens, ok.ads!.cookieDomain, ok.ads!.originTokenGeneration], ["header", undefined, 0]);
        rejects(setPath(s, "ads.segmentTokens", "cookie"), `${P}.ads.segmentTokens`, `"cookie" is not supported; use one of header, query`);
    });
});

describe("real-time log capacity from the audience", () => {
    it("logs every request of a small audience and samples a big one to what the stream takes", () => {
        assert.strictEqual(validateSeason(baselineSeason(), secretLookup()).observability.realtimeLogs.samplingRate, 100);
        const big = validateSeason(setPath(baselineSeason(), "delivery.audience", { peakViewers: 250_000, viewersPerIp: 500 }), secretLookup());
        // 250,000 viewers x 2 requests/s = 500,000 records/s of ~1.2 KB at 100%: 772 shards with headroom; 200 shards take 25%.
        assert.strictEqual(big.observability.realtimeLogs.samplingRate, 25);
    });

    it("refuses a sampling rate the stream cannot take at the peak, naming the rate that fits", () => {
        const s = setPath(baselineSeason(), "delivery.audience", { peakViewers: 250_000, viewersPerIp: 500 });
        setPath(s, "observability.realtimeLogs", { samplingRate: 100 });
        rejects(s, `${P}.observability.realtimeLogs.samplingRate`, "100% would throttle the stream at 250000 peak viewers");
        rejects(s, `${P}.observability.realtimeLogs.samplingRate`, "use at most 25%");
    });

    it("refuses on-demand for an audience above a new on-demand stream's 4 MB/s and 4,000 records/s", () => {
        const s = setPath(baselineSeason(), "delivery.audience", { peakViewers: 250_000, viewersPerIp: 500 });
        setPath(s, "observability.realtimeLogs", { streamMode: "on-demand", samplingRate: 10 });
        rejects(s, `${P}.observability.realtimeLogs.samplingRate`, "a new on-demand stream starts at 4 MB/s and 4,000 records/s");
    });
});

describe("SRT caller targets per region and pipeline", () => {
    it("accepts one listener per region, pipeline and ISP", () => {
        const s = validateSeason(callerSeason(), secretLookup());
        assert.deepStrictEqual(Object.keys(s.channels[0]!.contribution.networks[0]!.callerTargets!), ["us-east-1", "us-west-2"]);
    });

    it("refuses one list for every region (both regions' pipeline A would dial one listener)", () => {
        const s = setPath(callerSeason(), "channels[0].contribution.networks[0].callerTargets", [
            { address: "203.0.113.40", port: 7000 },
            { address: "203.0.113.41", port: 7000 },
        ]);
        rejects(s, `${P}.channels[0].contribution.networks[0].callerTargets`, "must name its region for each pair of targets");
    });

    it("refuses the same address and port in two regions", () => {
        const s = setPath(callerSeason(), "channels[0].contribution.networks[0].callerTargets.us-west-2[0].port", 7000);
        rejects(
            s,
            `${P}.channels[0].contribution.networks[0].callerTargets.us-west-2[0]`,
            "203.0.113.40:7000 is already dialled by channel main-uhd, network isp-a, us-east-1 pipeline A",
        );
    });

    it("refuses the same targets on both ISPs", () => {
        const s = callerSeason();
        s.channels[0].contribution.networks[1].callerTargets = JSON.parse(JSON.stringify(s.channels[0].contribution.networks[0].callerTargets));
        rejects(
            s,
            `${P}.channels[0].contribution.networks[1].callerTargets.us-east-1[0]`,
            "is also the target of network isp-a (us-east-1 pipeline A); both ISPs would dial one listener",
        );
    });

    it("refuses a target another channel already dials", () => {
        const s = callerSeason();
        s.channels[1].contribution = JSON.parse(JSON.stringify(s.channels[0].contribution));
        s.channels[1].contribution.networks.forEach((n: any, i: number) => (n.name = `other-${i}`));
        rejects(s, `${P}.channels[1].contribution.networks[0].callerTargets.us-east-1[0]`, "is already dialled by channel main-uhd");
    });

    it("refuses a missing region and a region outside the season", () => {
        const s = callerSeason();
        delete s.channels[0].contribution.networks[0].callerTargets["us-west-2"];
        s.channels[0].contribution.networks[0].callerTargets["eu-west-1"] = [
            { address: "192.0.2.1", port: 7000 },
            { address: "192.0.2.2", port: 7000 },
        ];
        rejects(s, `${P}.channels[0].contribution.networks[0].callerTargets`, "has no targets for us-west-2");
        rejects(s, `${P}.channels[0].contribution.networks[0].callerTargets.eu-west-1`, "is not a region of this season");
    });

    it("makes every MediaConnect source in every region dial its own listener", async () => {
        const plan = await planSeason(callerSeason());
        const dialled = [
            ...ofType(plan, "aws-native:mediaconnect:Flow")
                .filter((f) => f.name.includes("main-uhd"))
                .map((f) => [
                    f.region,
                    (f.inputs["source"] as any).name,
                    (f.inputs["source"] as any).sourceListenerAddress,
                    (f.inputs["source"] as any).sourceListenerPort,
                ]),
            ...ofType(plan, "aws-native:mediaconnect:FlowSource")
                .filter((f) => f.name.includes("main-uhd"))
                .map((f) => [f.region, f.inputs["name"], f.inputs["sourceListenerAddress"], f.inputs["sourceListenerPort"]]),
        ]
            .map((d) => d.join(" "))
            .sort();
        assert.deepStrictEqual(dialled, [
            "us-east-1 isp-a 203.0.113.40 7000",
            "us-east-1 isp-a 203.0.113.41 7000",
            "us-east-1 isp-b 198.51.100.40 7000",
            "us-east-1 isp-b 198.51.100.41 7000",
            "us-west-2 isp-a 203.0.113.40 7001",
            "us-west-2 isp-a 203.0.113.41 7001",
            "us-west-2 isp-b 198.51.100.40 7001",
            "us-west-2 isp-b 198.51.100.41 7001",
        ]);
    });

    it("reports before any resource is registered", async () => {
        const season = setPath(callerSeason(), "channels[0].contribution.networks[0].callerTargets.us-west-2[0].port", 7000);
        const err = await runProgram({ program: PROGRAM, stack: stackWith(season, TEST_SECRETS) }).then(
            () => assert.fail("the plan should fail"),
            (e: unknown) => e as ProgramError,
        );
        assert.ok(err instanceof ProgramError && isConfigError(err.original));
        assert.deepStrictEqual(
            err.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => r.urn),
            [],
        );
    });
});

describe("Origin Shield regions", () => {
    it("has a shield region for every media region: its own, else the nearest CloudFront names", () => {
        for (const r of MEDIA_REGIONS) assert.match(originShieldRegion(r), /^[a-z]{2}-[a-z]+-\d$/, r);
        assert.strictEqual(originShieldRegion("us-west-2"), "us-west-2");
        assert.strictEqual(originShieldRegion("us-west-1"), "us-west-2");
        assert.throws(() => originShieldRegion("me-south-1"), /no Origin Shield region is known for me-south-1/);
    });
});
