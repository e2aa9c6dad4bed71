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
        assert.deepStrictEqual(ch.contribution.srt, { passphraseKey: "mainSrtPassphrase", algorithm: "aes256" });
        assert.strictEqual(ch.allowLiveUpdate, false);
        assert.strictEqual(ch.singlePipeline, undefined);
        assert.deepStrictEqual(s.channels[1]!.audio, [{ language: "eng", layout: "stereo", label: "English" }]);
        assert.deepStrictEqual(s.channels[1]!.contribution.failover, { mode: "merge", recoveryWindowMs: 300 });
        assert.deepStrictEqual(s.delivery, {
            priceClass: "PriceClass_All", originShield: true, failoverStatusCodes: [500, 502, 503, 504], minimumTlsVersion: "TLSv1.2_2021", vpcOrigins: [], customOrigins: [],
            audience: { peakViewers: 10000, viewersPerIp: 50 },
            urlVending: { callerRoleArns: ["arn:aws:iam::123456789012:role/entitlement-api"] },
        });
        assert.deepStrictEqual(s.security.tokens, { keys: [{ kid: "k1", secretKey: "tokenSigningKey" }], ttlSeconds: 14400, maxTtlSeconds: 21600 });
        // Sized from the audience at 2-second segments (600 requests per viewer per 5 minutes): test/delivery/config.test.ts.
        assert.deepStrictEqual(s.security.waf, { perIpRequestsPer5Min: 45000, perTokenRequestsPer5Min: 2400, perPlaylistRequestsPer5Min: 600, blockAnonymousIps: true, blockHostingProviders: true, ipReputationList: true });
        assert.deepStrictEqual(s.security.revocation, { operatorRoleArns: [] });
        assert.strictEqual(s.security.requireGeoRestriction, true);
        assert.strictEqual(s.observability.channelLogLevel, "ERROR");
    });

    it("defaults rtp-fec contribution to the 5 x 20 reference FEC profile", () => {
        const raw = setPath(baselineSeason(), "channels[1].contribution", { protocol: "rtp-fec", networks: [{ name: "venue", allowedCidr: "192.0.2.0/28" }] });
        const s = validateSeason(raw, secretLookup());
        assert.deepStrictEqual(s.channels[1]!.contribution.fec, { columns: 20, rows: 5 });
    });

    it("reports every problem at once, each at its own path", () => {
        const raw = baselineSeason();
        setPath(raw, "channels[0].ladder", "sd");
        setPath(raw, "regions[1].role", "backup");
        setPath(raw, "security.waf.perIpRequestsPer5Min", 5);
        assert.throws(() => validateSeason(raw, secretLookup()), (e: unknown) => {
            assert.ok(e instanceof ConfigError);
            const paths = e.issues.map((i) => i.path);
            assert.deepStrictEqual(paths.sort(), [
                "onair:season.channels[0].ladder",
                "onair:season.regions[1].role",
                "onair:season.security.waf.perIpRequestsPer5Min",
            ]);
            assert.match(e.message, /3 problems/);
            return true;
        });
    });

    it("never puts a secret value in an error message", () => {
        const raw = setPath(baselineSeason(), "channels[0].contribution.srt.passphraseKey", "mainSrtPassphrase");
        const secrets = { mainSrtPassphrase: "tiny", tokenSigningKey: "x".repeat(40) };
        assert.throws(() => validateSeason(raw, secretLookup(secrets)), (e: unknown) => {
            assert.ok(e instanceof ConfigError);
            assert.ok(!e.message.includes("tiny"), e.message);
            assert.match(e.message, /has 4 characters/);
            return true;
        });
    });

    it("rejects mode failover with a recovery window (it only applies to 2022-7 merge)", () => {
        const raw = setPath(baselineSeason(), "channels[1].contribution.failover", { mode: "failover", recoveryWindowMs: 300 });
        assert.throws(() => validateSeason(raw, secretLookup()), /failover\.recoveryWindowMs: applies to mode: merge only/);
    });

    it("requires a second network to be combined through MediaConnect", () => {
        const raw = setPath(baselineSeason(), "channels[1].contribution", {
            protocol: "rtp-fec", via: "medialive",
            networks: [{ name: "isp-a", allowedCidr: "192.0.2.0/28" }, { name: "isp-b", allowedCidr: "198.51.100.0/28" }],
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
