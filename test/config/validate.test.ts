import * as assert from "assert";
import { ConfigError } from "../../components/config/errors";
import { validateSeason } from "../../components/config/season";
import { baselineSeason, secretLookup, setPath } from "../helpers/season";

describe("season configuration: valid input and defaults", () => {
    it("accepts the baseline and applies every documented default", () => {
        const s = validateSeason(baselineSeason(), secretLookup());
        assert.deepStrictEqual(s.regions[0], { region: "us-east-1", role: "primary", availabilityZones: ["us-east-1a", "us-east-1b"] });
        const ch = s.channels[0]!;
        assert.strictEqual(ch.frameRate, "59.94");
        assert.deepStrictEqual(ch.segment, { lengthSeconds: 2, manifestWindowSeconds: 60, startoverWindowSeconds: 14400 });
        assert.strictEqual(ch.contribution.via, "mediaconnect");
        assert.strictEqual(ch.contribution.latencyMs, 1000);
        assert.strictEqual(ch.contribution.ingestPort, 5000);
        // MediaConnect negotiates the SRT key length itself: no algorithm for a flow.
        assert.deepStrictEqual(ch.contribution.srt, { passphraseKey: "mainSrtPassphrase" });
        assert.strictEqual(ch.allowLiveUpdate, false);
        assert.strictEqual(ch.allowLiveDelete, false);
        // Opener 22:00-01:00 UTC runs 21:00-01:30 with the 60/30 min margins: 11:00 is 9.5 h from both ends' nearest.
        assert.strictEqual(ch.jamSyncHourUtc, 11);
        assert.strictEqual(ch.singlePipeline, undefined);
        assert.deepStrictEqual(s.channels[1]!.audio, [{ language: "eng", layout: "stereo", label: "English" }]);
        assert.deepStrictEqual(s.channels[1]!.contribution.failover, { mode: "merge", recoveryWindowMs: 300 });
        assert.deepStrictEqual(s.delivery, {
            priceClass: "PriceClass_All",
            originShield: true,
            failoverStatusCodes: [500, 502, 503, 504],
            minimumTlsVersion: "TLSv1.2_2021",
            vpcOrigins: [],
            customOrigins: [],
            audience: { peakViewers: 10000, viewersPerIp: 50 },
            urlVending: { callerRoleArns: ["arn:aws:iam::123456789012:role/entitlement-api"] },
        });
        assert.deepStrictEqual(s.security.tokens, { keys: [{ kid: "k1", secretKey: "tokenSigningKey" }], ttlSeconds: 14400, maxTtlSeconds: 21600 });
        // Sized from the audience at 2-second segments (600 requests per viewer per 5 minutes): test/delivery/config.test.ts.
        assert.deepStrictEqual(s.security.waf, {
            perIpRequestsPer5Min: 45000,
            perTokenRequestsPer5Min: 2400,
            perPlaylistRequestsPer5Min: 600,
            blockAnonymousIps: true,
            blockHostingProviders: true,
            ipReputationList: true,
        });
        assert.deepStrictEqual(s.security.revocation, { operatorRoleArns: [] });
        assert.strictEqual(s.security.requireGeoRestriction, true);
        assert.strictEqual(s.observability.channelLogLevel, "ERROR");
    });

    it("gives rtp-fec contribution no latency (RTP has none to set) and a direct RTP_PUSH input port 5000", () => {
        const raw = setPath(baselineSeason(), "channels[1].contribution", {
            protocol: "rtp-fec",
            via: "medialive",
            networks: [{ name: "venue", allowedCidr: "192.0.2.0/28" }],
        });
        const c = validateSeason(raw, secretLookup()).channels[1]!.contribution;
        assert.strictEqual(c.latencyMs, undefined);
        assert.strictEqual(c.ingestPort, 5000);
    });

    it("keeps the SRT key length for a direct MediaLive SRT_CALLER input, and no port for srt-caller", () => {
        const raw = setPath(baselineSeason(), "channels[1].contribution", {
            protocol: "srt-caller",
            via: "medialive",
            networks: [
                {
                    name: "venue",
                    callerTargets: {
                        "us-east-1": [
                            { address: "203.0.113.10", port: 7000 },
                            { address: "203.0.113.11", port: 7000 },
                        ],
                        "us-west-2": [
                            { address: "203.0.113.12", port: 7000 },
                            { address: "203.0.113.13", port: 7000 },
                        ],
                    },
                },
            ],
            srt: { passphraseKey: "mainSrtPassphrase", algorithm: "aes128" },
        });
        const c = validateSeason(raw, secretLookup()).channels[1]!.contribution;
        assert.deepStrictEqual(c.srt, { passphraseKey: "mainSrtPassphrase", algorithm: "aes128" });
        assert.strictEqual(c.ingestPort, undefined);
    });

    it("sets no jam-sync hour at rates MediaLive does not jam-sync, and keeps one the config names", () => {
        const at50 = validateSeason(setPath(baselineSeason(), "channels[0].frameRate", "50"), secretLookup());
        assert.strictEqual(at50.channels[0]!.jamSyncHourUtc, undefined);
        const named = validateSeason(setPath(baselineSeason(), "channels[0].jamSyncHourUtc", 9), secretLookup());
        assert.strictEqual(named.channels[0]!.jamSyncHourUtc, 9);
    });

    it("reports every problem at once, each at its own path", () => {
        const raw = baselineSeason();
        setPath(raw, "channels[0].ladder", "sd");
        setPath(raw, "regions[1].role", "backup");
        setPath(raw, "security.waf.perIpRequestsPer5Min", 5);
        assert.throws(
            () => validateSeason(raw, secretLookup()),
            (e: unknown) => {
                assert.ok(e instanceof ConfigError);
                const paths = e.issues.map((i) => i.path);
                assert.deepStrictEqual(paths.sort(), [
                    "onair:season.channels[0].ladder",
                    "onair:season.regions[1].role",
                    "onair:season.security.waf.perIpRequestsPer5Min",
                ]);
                assert.match(e.message, /3 problems/);
                return true;
            },
        );
    });

    it("never puts a secret value in an error message", () => {
        const raw = setPath(baselineSeason(), "channels[0].contribution.srt.passphraseKey", "mainSrtPassphrase");
        const secrets = { mainSrtPassphrase: "tiny", tokenSigningKey: "x".repeat(40) };
        assert.throws(
            () => validateSeason(raw, secretLookup(secrets)),
            (e: unknown) => {
                assert.ok(e instanceof ConfigError);
                assert.ok(!e.message.includes("tiny"), e.message);
                assert.match(e.message, /has 4 characters/);
                return true;
            },
        );
    });

    it("rejects mode failover with a recovery window (it only applies to 2022-7 merge)", () => {
        const raw = setPath(baselineSeason(), "channels[1].contribution.failover", { mode: "failover", recoveryWindowMs: 300 });
        assert.throws(() => validateSeason(raw, secretLookup()), /failover\.recoveryWindowMs: applies to mode: merge only/);
    });

    it("requires a second network to be combined through MediaConnect", () => {
        const raw = setPath(baselineSeason(), "channels[1].contribution", {
            protocol: "rtp-fec",
            via: "medialive",
            networks: [
                { name: "isp-a", allowedCidr: "192.0.2.0/28" },
                { name: "isp-b", allowedCidr: "198.51.100.0/28" },
            ],
            failover: { mode: "merge" },
        });
        assert.throws(() => validateSeason(raw, secretLookup()), /networks: two networks need MediaConnect to combine them; set via: mediaconnect/);
    });

    it("keeps geo restriction optional only when the stack does not require it", () => {
        const raw = setPath(baselineSeason(), "security.geoAllow", undefined);
        assert.throws(() => validateSeason(raw, secretLookup()), /security\.geoAllow: is required while requireGeoRestriction is true/);
        setPath(raw, "security.requireGeoRestriction", false);
        assert.deepStrictEqual(validateSeason(raw, secretLookup()).security.geoAllow, []);
    });
});
