import * as assert from "assert";
import * as jose from "jose";
import { loadViewerHandler, memoryKvs, viewerEvent } from "../../tools/edgeRuntime";

// The Lambda's modules are plain CommonJS (shipped without a build step), typed by their JSDoc.
import { clientRoutingLabel } from "../../components/delivery/vending/clientRouting";
import { vend } from "../../components/delivery/vending/index";

/** Reference decoder: the label back into its fields, written independently of the encoder. */
function decodeLabel(label: string): { version: number; ipv6: boolean; subnet: bigint; mask: number; contentGroup: bigint } {
    const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    let bits = "";
    for (const ch of label) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
    return {
        version: parseInt(bits.slice(0, 10), 2),
        ipv6: bits[10] === "1",
        subnet: BigInt("0b" + bits.slice(11, 75)),
        mask: parseInt(bits.slice(75, 81), 2),
        contentGroup: BigInt("0b" + bits.slice(81, 145)),
    };
}

describe("client-routing label (embedded POPs)", () => {
    // 1.2.3.4 is the published reference vector; the others were computed with an independent
    // reference encoder (Python's ipaddress module and bit strings), not with this implementation.
    const golden: [string, string][] = [
        ["1.2.3.4", "abacaqdaaaaaaaamaaaaaaaaaaaaa"],
        ["1.2.3.250", "abacaqdaaaaaaaamaaaaaaaaaaaaa"],
        ["203.0.113.77", "abmwadraaaaaaaamaaaaaaaaaaaaa"],
        ["255.255.255.255", "abp7777aaaaaaaamaaaaaaaaaaaaa"],
        ["0.0.0.0", "abaaaaaaaaaaaaamaaaaaaaaaaaaa"],
        ["2001:db8:85a3::8a2e:370:7334", "absaainxcc2gaaayaaaaaaaaaaaaa"],
        ["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "absaainxcc2gaaayaaaaaaaaaaaaa"],
        ["::ffff:1.2.3.4", "abacaqdaaaaaaaamaaaaaaaaaaaaa"],
        ["::1", "abqaaaaaaaaaaaayaaaaaaaaaaaaa"],
    ];
    for (const [ip, label] of golden) {
        it(`${ip} -> ${label}`, () => {
            assert.strictEqual(clientRoutingLabel(ip), label);
        });
    }

    it("is 29 lowercase base32 characters carrying version 1, the /24 or /48 and its mask", () => {
        const v4 = decodeLabel(clientRoutingLabel("198.51.100.23"));
        assert.deepStrictEqual(v4, { version: 1, ipv6: false, subnet: 0xc63364n << 40n, mask: 24, contentGroup: 0n });
        const v6 = decodeLabel(clientRoutingLabel("2600:1f18:abcd:1234::1"));
        assert.deepStrictEqual(v6, { version: 1, ipv6: true, subnet: 0x26001f18abcdn << 16n, mask: 48, contentGroup: 0n });
        assert.match(clientRoutingLabel("2600:1f18:abcd:1234::1"), /^[a-z2-7]{29}$/);
    });

    it("carries a content group id in the last 64 bits", () => {
        assert.strictEqual(decodeLabel(clientRoutingLabel("1.2.3.4", 0x0123456789abcdefn)).contentGroup, 0x0123456789abcdefn);
    });

    it("rejects what is not an IP address", () => {
        for (const bad of ["1.2.3", "1.2.3.256", "01.2.3.4", "2001:db8::85a3::1", "hello", "1:2:3:4:5:6:7:8:9"]) {
            assert.throws(() => clientRoutingLabel(bad), /not an IP address/, bad);
        }
    });
});

describe("URL vending hook", () => {
    const KEY = "vending-test-signing-key-0123456789-abcdefghij";
    const NOW = 1_790_000_000;
    const channels = {
        "football-uhd": { prefix: "/out/v1/rsn/football-uhd/", hls: "/out/v1/rsn/football-uhd/cmaf/hls.m3u8", dash: "/out/v1/rsn/football-uhd/cmaf/dash.mpd" },
    };
    const deps = (extra: Record<string, unknown> = {}) => ({
        config: { kid: "2026a", playbackDomain: "live.example-rsn.com", channels, ttlSeconds: 3600, maxTtlSeconds: 21600, ...extra },
        signingKey: async () => KEY,
        now: () => NOW,
        randomId: () => "jti-1",
    });

    it("mints a token jose verifies and playback URLs on the main domain", async () => {
        const r = await vend({ channel: "football-uhd", viewerIp: "1.2.3.4", country: "US", sessionId: "s-1" }, deps());
        assert.strictEqual(r.statusCode, 200);
        const body = JSON.parse(r.body);
        const { payload, protectedHeader } = await jose.jwtVerify(body.token, new TextEncoder().encode(KEY), { currentDate: new Date(NOW * 1000) });
        assert.deepStrictEqual(protectedHeader, { alg: "HS256", typ: "JWT", kid: "2026a" });
        assert.deepStrictEqual(payload, { exp: NOW + 3600, nbf: NOW - 5, pfx: "/out/v1/rsn/football-uhd/", jti: "jti-1", cty: "US", sid: "s-1" });
        assert.strictEqual(body.hls, `https://live.example-rsn.com/tk/${body.token}/out/v1/rsn/football-uhd/cmaf/hls.m3u8`);
    });

    it("puts URLs on the client-routing host when embedded POPs are enabled", async () => {
        const r = await vend({ channel: "football-uhd", viewerIp: "1.2.3.4" }, deps({ clientRoutingDomain: "cr.example-rsn.com" }));
        assert.match(JSON.parse(r.body).dash, /^https:\/\/abacaqdaaaaaaaamaaaaaaaaaaaaa\.cr\.example-rsn\.com\/tk\//);
    });

    it("puts a large season's channel on its own shard's host and routing domain (ADR 026)", async () => {
        const sharded = {
            ...channels,
            "hoops-hd": {
                prefix: "/out/v1/rsn_s2/hoops-hd/",
                hls: "/out/v1/rsn_s2/hoops-hd/cmaf/hls.m3u8",
                dash: "/out/v1/rsn_s2/hoops-hd/cmaf/dash.mpd",
                host: "live-2.example-rsn.com",
                clientRoutingDomain: "cr-2.example-rsn.com",
            },
        };
        const plain = JSON.parse((await vend({ channel: "hoops-hd" }, deps({ channels: sharded }))).body);
        assert.strictEqual(plain.hls, `https://live-2.example-rsn.com/tk/${plain.token}/out/v1/rsn_s2/hoops-hd/cmaf/hls.m3u8`);
        const routed = JSON.parse(
            (await vend({ channel: "hoops-hd", viewerIp: "1.2.3.4" }, deps({ channels: sharded, clientRoutingDomain: "cr.example-rsn.com" }))).body,
        );
        assert.match(routed.dash, /^https:\/\/abacaqdaaaaaaaamaaaaaaaaaaaaa\.cr-2\.example-rsn\.com\/tk\//);
        // Shard 1's channels stay on the season's own hosts.
        const first = JSON.parse(
            (await vend({ channel: "football-uhd", viewerIp: "1.2.3.4" }, deps({ channels: sharded, clientRoutingDomain: "cr.example-rsn.com" }))).body,
        );
        assert.match(first.dash, /^https:\/\/abacaqdaaaaaaaamaaaaaaaaaaaaa\.cr\.example-rsn\.com\/tk\//);
    });

    it("issues tokens the edge function accepts on the URLs it returns", async () => {
        const body = JSON.parse((await vend({ channel: "football-uhd", viewerIp: "203.0.113.9", bindIp: true }, deps())).body);
        const edge = loadViewerHandler({ kvs: memoryKvs({ "k:2026a": KEY }), nowSeconds: NOW + 10 });
        const url = new URL(body.hls);
        const ok = await edge(viewerEvent(url.pathname, { ip: "203.0.113.9" }));
        assert.strictEqual(ok["uri"], "/out/v1/rsn/football-uhd/cmaf/hls.m3u8");
        const other = await edge(viewerEvent(url.pathname, { ip: "203.0.113.10" }));
        assert.strictEqual(other["statusCode"], 403);
    });

    describe("ad channels", () => {
        const MT = "onair-rsn-football-uhd";
        const ads = { "football-uhd": { config: MT, hls: `/v1/master/abc123/${MT}/`, dash: `/v1/dash/abc123/${MT}/` } };
        const adDeps = () => deps({ ads, cookieDomain: "example-rsn.com", clientRoutingDomain: "cr.example-rsn.com" });

        it("binds the token to the playback configuration and returns MediaTailor URLs and the bearer header to send", async () => {
            const body = JSON.parse((await vend({ channel: "football-uhd", viewerIp: "1.2.3.4" }, adDeps())).body);
            const { payload } = await jose.jwtVerify(body.token, new TextEncoder().encode(KEY), { currentDate: new Date(NOW * 1000) });
            assert.strictEqual(payload["mt"], MT);
            // Header transport (the default): the URLs MediaTailor writes carry no token, the player sends it on each request.
            assert.strictEqual(body.ads.hls, `https://live.example-rsn.com/v1/master/abc123/${MT}/cmaf/hls.m3u8`);
            assert.strictEqual(body.ads.dash, `https://live.example-rsn.com/v1/dash/abc123/${MT}/cmaf/dash.mpd`);
            assert.strictEqual(body.ads.authorization, `Bearer ${body.token}`);
        });

        it("puts manifest.token on the session URL with the query transport (MediaTailor's account-level setting)", async () => {
            const body = JSON.parse((await vend({ channel: "football-uhd", viewerIp: "1.2.3.4" }, deps({ ads, segmentTokens: "query" }))).body);
            assert.strictEqual(body.ads.hls, `https://live.example-rsn.com/v1/master/abc123/${MT}/cmaf/hls.m3u8?manifest.token=${body.token}`);
            assert.strictEqual(body.ads.cookie, undefined, "no cookie without a cookie domain");
        });

        it("returns a first-party, HTTPS-only cookie for the parent domain that lives as long as the token", async () => {
            const body = JSON.parse((await vend({ channel: "football-uhd", viewerIp: "1.2.3.4", ttlSeconds: 7200 }, adDeps())).body);
            assert.strictEqual(body.ads.cookie, `onair_token=${body.token}; Domain=example-rsn.com; Path=/; Max-Age=7200; Secure; HttpOnly; SameSite=Lax`);
        });

        it("gives no ad URLs or mt claim for channels without ads", async () => {
            const body = JSON.parse((await vend({ channel: "football-uhd" }, deps())).body);
            assert.strictEqual(body.ads, undefined);
            assert.strictEqual(jose.decodeJwt(body.token)["mt"], undefined);
        });

        it("issues ad URLs the edge function accepts with the header it returns, and content segments by header, ?token= or cookie", async () => {
            const body = JSON.parse((await vend({ channel: "football-uhd", viewerIp: "1.2.3.4" }, adDeps())).body);
            const edge = loadViewerHandler({ kvs: memoryKvs({ "k:2026a": KEY }), nowSeconds: NOW + 10 });
            const headers = { authorization: body.ads.authorization };
            assert.strictEqual((await edge(viewerEvent(new URL(body.ads.hls).pathname, { headers })))["statusCode"], undefined);
            const segment = "/out/v1/rsn/football-uhd/cmaf/segment_1.mp4";
            assert.strictEqual((await edge(viewerEvent(segment, { headers })))["statusCode"], undefined);
            assert.strictEqual((await edge(viewerEvent(segment, { query: { token: body.token } })))["statusCode"], undefined);
            assert.strictEqual((await edge(viewerEvent(segment, { cookies: { onair_token: body.token } })))["statusCode"], undefined);
            assert.strictEqual((await edge(viewerEvent(segment)))["statusCode"], 401);
            const query = JSON.parse((await vend({ channel: "football-uhd" }, deps({ ads, segmentTokens: "query" }))).body);
            const start = new URL(query.ads.hls);
            const manifest = await edge(viewerEvent(start.pathname, { query: { "manifest.token": start.searchParams.get("manifest.token")! } }));
            assert.strictEqual(manifest["statusCode"], undefined);
            assert.strictEqual(
                (manifest["querystring"] as Record<string, { value: string }>)["manifest.token"]!.value,
                query.token,
                "MediaTailor keeps manifest.* for the session",
            );
        });
    });

    describe("hardening", () => {
        const body = async (input: unknown, extra: Record<string, unknown> = {}) => {
            const r = await vend(input, deps(extra));
            return { status: r.statusCode, body: JSON.parse(r.body) };
        };

        it("binds the address CloudFront will report: RFC 5952 IPv6, IPv4-mapped addresses unmapped", async () => {
            const edge = loadViewerHandler({ kvs: memoryKvs({ "k:2026a": KEY }), nowSeconds: NOW + 10 });
            for (const [given, seen] of [
                ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
                ["2001:DB8::A:0:0:1", "2001:db8::a:0:0:1"],
                ["::ffff:203.0.113.9", "203.0.113.9"],
            ]) {
                const r = await body({ channel: "football-uhd", viewerIp: given, bindIp: true });
                assert.strictEqual(jose.decodeJwt(r.body.token)["ip"], seen, given);
                const ok = await edge(viewerEvent(new URL(r.body.hls).pathname, { ip: seen! }));
                assert.strictEqual(ok["statusCode"], undefined, `the owner of ${given} can play`);
            }
        });

        it("refuses zone ids, non-boolean bindIp and non-numeric ttlSeconds", async () => {
            assert.deepStrictEqual(await body({ channel: "football-uhd", viewerIp: "fe80::1%eth0" }), {
                status: 400,
                body: { error: "viewerIp is not an IPv4 or IPv6 address (zone ids are not allowed)" },
            });
            // "true" as a string used to mint an unbound token.
            assert.deepStrictEqual(await body({ channel: "football-uhd", viewerIp: "1.2.3.4", bindIp: "true" }), {
                status: 400,
                body: { error: "bindIp must be true or false" },
            });
            assert.deepStrictEqual(await body({ channel: "football-uhd", ttlSeconds: "3600" }), {
                status: 400,
                body: { error: "ttlSeconds must be a number" },
            });
            assert.strictEqual((await body({ channel: "football-uhd", viewerIp: 16909060 })).status, 400);
        });

        it("looks channels up as own entries only, and names none in the 404", async () => {
            for (const channel of ["__proto__", "constructor", "toString", "hasOwnProperty", "curling"]) {
                assert.deepStrictEqual(await body({ channel }), { status: 404, body: { error: "unknown channel" } }, channel);
            }
        });

        it("binds a region only together with its country", async () => {
            assert.deepStrictEqual(await body({ channel: "football-uhd", region: "TX" }), { status: 400, body: { error: "region needs country" } });
            const r = await body({ channel: "football-uhd", country: "US", region: "TX" });
            assert.deepStrictEqual([jose.decodeJwt(r.body.token)["cty"], jose.decodeJwt(r.body.token)["rgn"]], ["US", "TX"]);
        });
    });

    it("rejects unknown channels, bad addresses and out-of-range lifetimes", async () => {
        assert.strictEqual((await vend({ channel: "curling" }, deps())).statusCode, 404);
        assert.strictEqual((await vend({ channel: "football-uhd", viewerIp: "999.1.1.1" }, deps())).statusCode, 400);
        assert.strictEqual((await vend({ channel: "football-uhd", ttlSeconds: 10 }, deps())).statusCode, 400);
        assert.strictEqual((await vend({ channel: "football-uhd", country: "usa" }, deps())).statusCode, 400);
        assert.strictEqual((await vend({ channel: "football-uhd" }, deps({ clientRoutingDomain: "cr.example.com" }))).statusCode, 400);
        assert.strictEqual((await vend([1, 2], deps())).statusCode, 400);
    });
});
