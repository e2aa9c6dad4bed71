import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { adOriginCredentials, adOriginInputs, originKey, originToken } from "../../components/ads/adOrigins";
import { validateSeason } from "../../components/config/season";
import { SeasonConfig } from "../../components/config/types";
import { baselineSeason, secretLookup, TEST_SECRETS } from "../helpers/season";

/** An output's value and whether it is secret, outside the mock runtime. */
async function read<T>(o: pulumi.Output<T>): Promise<{ value: T; secret: boolean }> {
    const value = await new Promise<T>((resolve) =>
        o.apply((v) => {
            resolve(v);
            return v;
        }),
    );
    return { value, secret: await pulumi.isSecret(o) };
}

/** The baseline with ads on main-uhd and a game ahead of the test's "now". */
function adSeason(): SeasonConfig {
    const s = baselineSeason();
    s.channels[0].events.push({ name: "derby", start: "2026-11-20T19:00:00Z", end: "2026-11-20T22:00:00Z" });
    s.ads = { adDecisionServerUrl: "https://ads.example.com/vast?sid=[session.id]", channels: ["main-uhd"], playerOrigins: ["https://www.example.com"] };
    return validateSeason(s, secretLookup());
}

const KEY = TEST_SECRETS["tokenSigningKey"]!;
const NOW = Date.parse("2026-11-01T00:00:00Z");

describe("ad-origin inputs, built in one place (ADR 019, ADR 032)", () => {
    const season = adSeason();
    const signer = { kid: "k1", key: pulumi.secret(KEY) };

    it("gives delivery MediaTailor's own kid and derived key, and per ad channel the token's signature for the Web ACL", async () => {
        const c = adOriginCredentials(season, signer, NOW);
        assert.strictEqual(c.key.kid, "mt-k1");
        assert.deepStrictEqual(await read(c.key.key), { value: originKey(KEY), secret: true });
        assert.deepStrictEqual(Object.keys(c.tokens), ["main-uhd"], "only ad channels get an origin token");
        const token = originToken(season, "main-uhd", { kid: "k1", key: KEY }, NOW).token;
        assert.deepStrictEqual(await read(c.tokens["main-uhd"]!), { value: token, secret: true });
        assert.strictEqual(c.reads.length, 1);
        assert.strictEqual(c.reads[0]!.prefix, "/out/v1/test-season/main-uhd");
        // The JWT's HMAC part (RFC 7519 section 7.2: header.payload.signature), still a secret.
        assert.deepStrictEqual(await read(pulumi.output(c.reads[0]!.signature)), { value: token.split(".")[2], secret: true });
    });

    it("gives ad insertion, per ad channel, the source URL through the channel's distribution with the token in the path, and the viewer host for segments", async () => {
        const tokens = { "main-uhd": pulumi.secret("hdr.payload.sig") };
        const hosts = {
            "main-uhd": { distributionDomain: pulumi.output("d111111abcdef8.cloudfront.net"), playbackHost: "live.example.com" },
            "second-hd": { distributionDomain: pulumi.output("d111111abcdef8.cloudfront.net"), playbackHost: "live.example.com" },
        };
        const origins = adOriginInputs(season, hosts, tokens);
        assert.deepStrictEqual(Object.keys(origins), ["main-uhd"], "channels without ads get no MediaTailor origin");
        const o = origins["main-uhd"]!;
        assert.strictEqual(o.prefix, "/out/v1/test-season/main-uhd");
        assert.deepStrictEqual(await read(o.videoContentSourceUrl), {
            value: "https://d111111abcdef8.cloudfront.net/tk/hdr.payload.sig/out/v1/test-season/main-uhd",
            secret: true,
        });
        assert.deepStrictEqual(await read(o.adSegmentUrlPrefix), { value: "https://live.example.com", secret: false });
        assert.deepStrictEqual(await read(o.contentSegmentUrlPrefix), { value: "https://live.example.com/out/v1/test-season/main-uhd", secret: false });
    });

    it("refuses an ad channel the distribution has no hosts for, or no token, naming the channel", () => {
        const hosts = { "main-uhd": { distributionDomain: "d.cloudfront.net", playbackHost: "live.example.com" } };
        assert.throws(() => adOriginInputs(season, {}, { "main-uhd": pulumi.secret("t") }), /ad channel main-uhd has no hosts on the distribution/);
        assert.throws(() => adOriginInputs(season, hosts, {}), /ad channel main-uhd has no origin token/);
    });
});
