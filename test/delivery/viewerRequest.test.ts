import * as assert from "assert";
import * as jose from "jose";
import {
    checkRuntimeSubset,
    FUNCTION_SIZE_LIMIT,
    functionSource,
    KvsFaults,
    loadViewerHandler,
    memoryKvs,
    viewerEvent,
    ViewerHandler,
} from "../../tools/edgeRuntime";
import { viewerPathPrefix } from "../../components/naming";

const NOW = 1_790_000_000;
const KEY_A = "a-very-long-hs256-signing-key-for-kid-2026a-000000";
const KEY_B = "another-hs256-signing-key-for-the-next-rotation-01";
const PATH = "/out/v1/rsn-2026-27/football-uhd/cmaf/hls.m3u8";
const PREFIX = "/out/v1/rsn-2026-27/football-uhd/";

interface Claims {
    [k: string]: unknown;
}

async function token(claims: Claims = {}, opts: { kid?: string; key?: string; alg?: string; header?: Record<string, unknown> } = {}): Promise<string> {
    const body = { exp: NOW + 3600, nbf: NOW - 60, pfx: PREFIX, jti: "tok-1", ...claims };
    for (const k of Object.keys(body)) if ((body as Claims)[k] === undefined) delete (body as Claims)[k];
    return new jose.SignJWT(body as jose.JWTPayload)
        .setProtectedHeader({ alg: opts.alg ?? "HS256", kid: opts.kid ?? "2026a", ...(opts.header ?? {}) })
        .sign(new TextEncoder().encode(opts.key ?? KEY_A));
}

function unsigned(claims: Claims, header: Record<string, unknown>): string {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    return `${enc(header)}.${enc({ exp: NOW + 3600, pfx: PREFIX, ...claims })}.`;
}

const STORE = { "k:2026a": KEY_A, "k:2026b": KEY_B, "r:revoked-token": "1", "s:revoked-session": "1", "r:12345": "1" };

function handler(extra: Record<string, string> = {}, faults: KvsFaults = {}): ViewerHandler {
    return loadViewerHandler({ kvs: memoryKvs({ ...STORE, ...extra }, faults), nowSeconds: NOW });
}

async function status(
    tok: string | undefined,
    opts: { uri?: string; headers?: Record<string, string>; ip?: string; via?: "query" | "path" | "header" | "cookie"; query?: Record<string, string> } = {},
): Promise<number> {
    const r = await request(tok, opts);
    return (r["statusCode"] as number | undefined) ?? 200;
}

async function request(
    tok: string | undefined,
    opts: { uri?: string; headers?: Record<string, string>; ip?: string; via?: "query" | "path" | "header" | "cookie"; query?: Record<string, string> } = {},
): Promise<Record<string, any>> {
    const via = opts.via ?? "query";
    let uri = opts.uri ?? PATH;
    const query: Record<string, string> = { ...(opts.query ?? {}) };
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const cookies: Record<string, string> = {};
    if (tok !== undefined) {
        if (via === "cookie") cookies["onair_token"] = tok;
        if (via === "query") query["token"] = tok;
        if (via === "path") uri = `/tk/${tok}${uri}`;
        if (via === "header") headers["authorization"] = `Bearer ${tok}`;
    }
    return handler()(viewerEvent(uri, { query, headers, cookies, ...(opts.ip ? { ip: opts.ip } : {}) }));
}

describe("edge token check (viewer-request, cloudfront-js-2.0)", () => {
    describe("the function source", () => {
        const source = functionSource();
        it(`fits the CloudFront Functions size limit (${Buffer.byteLength(source)} bytes of ${FUNCTION_SIZE_LIMIT})`, () => {
            assert.ok(Buffer.byteLength(source) <= FUNCTION_SIZE_LIMIT);
            assert.ok(Buffer.byteLength(source) <= 5 * 1024, "OnAir's budget is 5 KB");
        });
        it("stays inside the cloudfront-js-2.0 language subset", () => {
            assert.deepStrictEqual(checkRuntimeSubset(source), []);
        });
        it("the subset check catches what production rejects", () => {
            const bad =
                "async function handler(event) { const { request } = event; var a = request?.uri; var b = [...a]; for (const x of b) {} class K {} setTimeout(a); return request; }";
            const found = checkRuntimeSubset(bad).join("\n");
            for (const what of ["destructuring", "optional chaining", "spread", "for-of", "classes", "setTimeout"]) assert.match(found, new RegExp(what));
        });
    });

    describe("accepts", () => {
        it("a valid token in the query string, and strips it before the origin", async () => {
            const r = await request(await token());
            assert.strictEqual(r["statusCode"], undefined);
            assert.strictEqual(r["uri"], PATH);
            assert.strictEqual(r["querystring"]["token"], undefined);
        });
        it("a valid token in the path, rewriting the URI for the origin", async () => {
            const r = await request(await token(), { via: "path" });
            assert.strictEqual(r["uri"], PATH);
        });
        it("a valid token in an Authorization bearer header", async () => {
            assert.strictEqual(await status(await token(), { via: "header" }), 200);
        });
        it("a segment under the token's path prefix", async () => {
            assert.strictEqual(await status(await token(), { uri: `${PREFIX}cmaf/segment_video-1080p_1001.mp4` }), 200);
        });
        it("a token signed with the next key during rotation", async () => {
            assert.strictEqual(await status(await token({}, { kid: "2026b", key: KEY_B })), 200);
        });
        it("a token whose nbf is within the 30 s clock skew", async () => {
            assert.strictEqual(await status(await token({ nbf: NOW + 20 })), 200);
        });
        it("a token without nbf", async () => {
            assert.strictEqual(await status(await token({ nbf: undefined })), 200);
        });
        it("an IP-bound token from that IP", async () => {
            assert.strictEqual(await status(await token({ ip: "203.0.113.9" }), { ip: "203.0.113.9" }), 200);
        });
        it("a country- and region-bound token from there", async () => {
            const t = await token({ cty: "US", rgn: "TX" });
            assert.strictEqual(await status(t, { headers: { "cloudfront-viewer-country": "US", "cloudfront-viewer-country-region": "TX" } }), 200);
        });
        it("a session-bound token with the matching CMCD session id", async () => {
            const t = await token({ sid: "6e2fb550-c457-11e9-bb97-0800200c9a66" });
            assert.strictEqual(await status(t, { query: { CMCD: encodeURIComponent('bl=21300,sid="6e2fb550-c457-11e9-bb97-0800200c9a66"') } }), 200);
            assert.strictEqual(await status(t, { headers: { "cmcd-session": 'sid="6e2fb550-c457-11e9-bb97-0800200c9a66"' } }), 200);
        });
    });

    describe("answers 401 for", () => {
        const cases: [string, () => Promise<string | undefined>][] = [
            ["a missing token", async () => undefined],
            [
                "a tampered payload",
                async () => {
                    const [h, , s] = (await token()).split(".");
                    const p = Buffer.from(JSON.stringify({ exp: NOW + 9e6, pfx: "/" })).toString("base64url");
                    return `${h}.${p}.${s}`;
                },
            ],
            [
                "a tampered signature",
                async () => {
                    const t = await token();
                    return t.slice(0, -2) + (t.endsWith("AA") ? "BB" : "AA");
                },
            ],
            ["a truncated signature", async () => (await token()).slice(0, -5)],
            [
                "an empty signature",
                async () => {
                    const [h, p] = (await token()).split(".");
                    return `${h}.${p}.`;
                },
            ],
            ["an expired token", async () => token({ exp: NOW - 1 })],
            ["a token expiring this second", async () => token({ exp: NOW })],
            ["a token not yet valid", async () => token({ nbf: NOW + 300 })],
            ["a token without exp", async () => token({ exp: undefined })],
            ["a token signed with the wrong key", async () => token({}, { key: "some-other-key-that-is-not-ours-at-all-00000000" })],
            ["a token naming an unknown kid", async () => token({}, { kid: "2019z" })],
            ["alg none", async () => unsigned({}, { alg: "none", kid: "2026a" })],
            ["alg HS512", async () => token({}, { alg: "HS512", key: KEY_A + KEY_A })],
            ["a header without kid", async () => unsigned({}, { alg: "HS256" })],
            [
                "malformed base64 in the header",
                async () => {
                    const [, p, s] = (await token()).split(".");
                    return `ey!!.${p}.${s}`;
                },
            ],
            [
                "a payload that is not JSON",
                async () => {
                    const [h, , s] = (await token()).split(".");
                    return `${h}.${Buffer.from("not json").toString("base64url")}.${s}`;
                },
            ],
            [
                "a payload that is a JSON array",
                async () => {
                    const [h, , s] = (await token()).split(".");
                    return `${h}.${Buffer.from("[1,2]").toString("base64url")}.${s}`;
                },
            ],
            ["two segments instead of three", async () => (await token()).split(".").slice(0, 2).join(".")],
            ["an oversized token", async () => token({ pad: "x".repeat(3000) })],
        ];
        for (const [title, make] of cases) {
            it(title, async () => {
                assert.strictEqual(await status(await make()), 401);
            });
        }
    });

    describe("answers 403 for", () => {
        it("a path outside the token's prefix", async () => {
            assert.strictEqual(await status(await token(), { uri: "/out/v1/rsn-2026-27/hockey-hd/cmaf/hls.m3u8" }), 403);
        });
        it("a path that climbs out of the prefix with dot segments", async () => {
            assert.strictEqual(await status(await token(), { via: "path", uri: `${PREFIX}../hockey-hd/cmaf/hls.m3u8` }), 403);
            assert.strictEqual(await status(await token(), { uri: `${PREFIX}%2E%2E/hockey-hd/cmaf/hls.m3u8` }), 403);
        });
        it("a revoked token id", async () => {
            assert.strictEqual(await status(await token({ jti: "revoked-token" })), 403);
        });
        it("a revoked session", async () => {
            const t = await token({ sid: "revoked-session" });
            assert.strictEqual(await status(t, { headers: { "cmcd-session": 'sid="revoked-session"' } }), 403);
        });
        it("an IP-bound token from another IP", async () => {
            assert.strictEqual(await status(await token({ ip: "203.0.113.9" }), { ip: "203.0.113.10" }), 403);
        });
        it("a country-bound token from another country", async () => {
            assert.strictEqual(await status(await token({ cty: "US" }), { headers: { "cloudfront-viewer-country": "CA" } }), 403);
        });
        it("a region-bound token from another region", async () => {
            assert.strictEqual(
                await status(await token({ rgn: "TX" }), { headers: { "cloudfront-viewer-country": "US", "cloudfront-viewer-country-region": "OK" } }),
                403,
            );
        });
        it("a session-bound token replayed in another playback session", async () => {
            const t = await token({ sid: "session-a" });
            assert.strictEqual(await status(t, { headers: { "cmcd-session": 'sid="session-b"' } }), 403);
            assert.strictEqual(await status(t), 403);
        });
    });

    describe("ad playback (MediaTailor personalised manifests)", () => {
        const MT = "onair-rsn-2026-27-football-uhd";
        const HLS = `/v1/master/0123456789abcdef0123456789abcdef01234567/${MT}/cmaf/hls.m3u8`;
        const DASH = `/v1/dash/0123456789abcdef0123456789abcdef01234567/${MT}/cmaf/dash.mpd`;
        it("accepts the token from the onair_token cookie for content segments", async () => {
            assert.strictEqual(await status(await token(), { via: "cookie", uri: `${PREFIX}cmaf/segment_video-1080p_1001.mp4` }), 200);
        });
        it("accepts HLS and DASH manifests of the playback configuration the token names", async () => {
            const t = await token({ mt: MT });
            assert.strictEqual(await status(t, { via: "cookie", uri: HLS }), 200);
            assert.strictEqual(await status(t, { uri: DASH }), 200);
        });
        it("refuses another channel's playback configuration", async () => {
            assert.strictEqual(await status(await token({ mt: "onair-rsn-2026-27-hoops-hd" }), { via: "cookie", uri: HLS }), 403);
        });
        it("refuses a content-only token (no mt claim) on a personalised manifest", async () => {
            assert.strictEqual(await status(await token(), { uri: HLS }), 403);
        });
        it("still binds content segments to the path prefix when the token names a configuration", async () => {
            assert.strictEqual(await status(await token({ mt: MT }), { via: "cookie", uri: "/out/v1/rsn-2026-27/hoops-hd/cmaf/hls.m3u8" }), 403);
        });
        it("refuses dot segments in a personalised path", async () => {
            assert.strictEqual(await status(await token({ mt: MT }), { uri: `/v1/master/abc/${MT}/../other/hls.m3u8` }), 403);
        });
        it("prefers an explicit token over the cookie", async () => {
            const r = await handler()(viewerEvent(PATH, { query: { token: await token() }, cookies: { onair_token: "garbage" } }));
            assert.strictEqual(r["statusCode"], undefined);
        });
        it("accepts ?manifest.token= at session start and leaves it for MediaTailor to copy", async () => {
            const t = await token({ mt: MT });
            const r = await handler()(viewerEvent(HLS, { query: { "manifest.token": t } }));
            assert.strictEqual(r["statusCode"], undefined);
            assert.strictEqual((r["querystring"] as Record<string, { value: string }>)["manifest.token"]!.value, t);
        });
        it("lets CORS preflights through without a token", async () => {
            const r = await handler()(viewerEvent(HLS, { method: "OPTIONS" }));
            assert.strictEqual(r["statusCode"], undefined);
            assert.strictEqual((await handler()(viewerEvent(HLS)))["statusCode"], 401);
        });
        it("accepts ad-session requests whose token comes in the Authorization header (CTV and native players)", async () => {
            const t = await token({ mt: MT });
            const manifest = `/v1/manifest/0123456789abcdef0123456789abcdef01234567/${MT}/5e2d7b1c-9f0a-4c3b-8a6d-2f1e0c9b8a7d/0.m3u8`;
            for (const uri of [manifest, `${PREFIX}cmaf/segment_video-1080p_1001.mp4`]) {
                assert.strictEqual(await status(t, { via: "header", uri }), 200, uri);
            }
        });
        it("checks revocation for cookie tokens", async () => {
            assert.strictEqual(await status(await token({ jti: "revoked-token" }), { via: "cookie" }), 403);
        });
    });

    describe("hardening (each case reproduced against the previous function)", () => {
        it("answers 403, not a runtime error, for a bad percent-encoding in ?CMCD= with a session-bound token", async () => {
            const t = await token({ sid: "s-1" });
            // decodeURIComponent("%") throws URIError; uncaught, CloudFront answers 503 to every such request.
            const r = await request(t, { query: { CMCD: "%" } });
            assert.deepStrictEqual([r["statusCode"], r["headers"]["x-onair-deny"].value], [403, "session"]);
        });

        it("fails open when a revocation read fails: a valid token still plays while the store is down", async () => {
            const h = handler({}, { exists: (k) => k.startsWith("r:") || k.startsWith("s:") });
            const r = await h(viewerEvent(PATH, { query: { token: await token({ sid: "s-1" }) }, headers: { "cmcd-session": 'sid="s-1"' } }));
            assert.strictEqual(r["statusCode"], undefined);
        });

        it("answers a retryable 503, not 401, when the signing key cannot be read", async () => {
            // A 401 sends every player back to the entitlement backend at once; a 503 makes it retry the segment.
            for (const faults of [{ get: true }, { get: true, exists: true }] as KvsFaults[]) {
                const r = await handler({}, faults)(viewerEvent(PATH, { query: { token: await token() } }));
                assert.strictEqual(r["statusCode"], 503, JSON.stringify(faults));
                assert.deepStrictEqual(JSON.parse(JSON.stringify(r["headers"])), {
                    "cache-control": { value: "no-store" },
                    "x-onair-deny": { value: "store" },
                    "retry-after": { value: "2" },
                });
            }
        });

        it("still answers 401 for a kid the store does not hold, when the store is healthy", async () => {
            const r = await handler()(viewerEvent(PATH, { query: { token: await token({}, { kid: "2019z" }) } }));
            assert.deepStrictEqual([r["statusCode"], (r["headers"] as any)["x-onair-deny"].value], [401, "unknown key"]);
        });

        const climbs: [string, string][] = [
            ["..%2f", `${PREFIX}..%2f..%2fhockey-hd/cmaf/hls.m3u8`],
            ["..%5c", `${PREFIX}..%5c..%5chockey-hd/cmaf/hls.m3u8`],
            ["..\\", `${PREFIX}..\\hockey-hd/cmaf/hls.m3u8`],
            ["..;/", `${PREFIX}..;/hockey-hd/cmaf/hls.m3u8`],
            ["%252e%252e", `${PREFIX}%252e%252e/hockey-hd/cmaf/hls.m3u8`],
            ["%2e%2e", `${PREFIX}%2e%2e/hockey-hd/cmaf/hls.m3u8`],
            ["%c0%ae (overlong UTF-8 dot)", `${PREFIX}%c0%ae%c0%ae/hockey-hd/cmaf/hls.m3u8`],
            ["full-width dots", `${PREFIX}\uff0e\uff0e/hockey-hd/cmaf/hls.m3u8`],
            ["..%00", `${PREFIX}..%00/hockey-hd/cmaf/hls.m3u8`],
            ["//", `${PREFIX}cmaf//hls.m3u8`],
            ["/./", `${PREFIX}./cmaf/hls.m3u8`],
            ["/../", `${PREFIX}../hockey-hd/cmaf/hls.m3u8`],
            ["a trailing /..", `${PREFIX}cmaf/..`],
            ["a trailing /.", `${PREFIX}cmaf/.`],
        ];
        for (const [what, uri] of climbs) {
            it(`refuses ${what} in the path, by path and by query token`, async () => {
                const t = await token();
                for (const via of ["path", "query"] as const) {
                    const r = await request(t, { via, uri });
                    assert.deepStrictEqual([r["statusCode"], r["headers"]?.["x-onair-deny"]?.value], [403, "path"], `${via}: ${uri}`);
                }
            });
        }

        it("caps the lifetime: exp far ahead is refused even when signed", async () => {
            assert.strictEqual(await status(await token({ exp: 1e308 })), 401);
            assert.strictEqual(await status(await token({ exp: NOW + 86_400 + 31 })), 401);
            assert.strictEqual(await status(await token({ exp: NOW + 86_400 })), 200, "a day (the most maxTtlSeconds allows) still plays");
        });

        it("checks a numeric jti against the revocation list, and requires a jti", async () => {
            assert.strictEqual(await status(await token({ jti: 12345 })), 403);
            assert.strictEqual(await status(await token({ jti: 12346 })), 200);
            assert.strictEqual(await status(await token({ jti: undefined })), 401, "a token without jti could never be revoked");
            assert.strictEqual(await status(await token({ jti: { a: 1 } })), 401);
            assert.strictEqual(await status(await token({ sid: 7 })), 401, "a sid must be a string");
        });

        it('requires a channel prefix: a signed pfx of "", "/" or a partial prefix grants nothing', async () => {
            for (const pfx of ["", "/", "/out/", "/out/v1/", "/out/v1/rsn-2026-27/", "/out/v1/rsn-2026-27/football-uhd"]) {
                assert.strictEqual(await status(await token({ pfx })), 403, JSON.stringify(pfx));
            }
        });

        it("matches the prefixes the program mints (naming.viewerPathPrefix)", async () => {
            const pfx = `${viewerPathPrefix("rsn-2026-27", "football-uhd")}/`;
            assert.strictEqual(pfx, PREFIX);
            assert.strictEqual(await status(await token({ pfx }), { uri: `${pfx}cmaf/hls.m3u8` }), 200);
        });

        it("strips the token from a preflight before it reaches the origin", async () => {
            const t = await token();
            const r = await handler()(viewerEvent(`/tk/${t}${PATH}`, { method: "OPTIONS", query: { token: t } }));
            assert.strictEqual(r["statusCode"], undefined);
            assert.strictEqual(r["uri"], PATH);
            assert.strictEqual((r["querystring"] as any)["token"], undefined);
            const bad = await handler()(viewerEvent(`/tk/${t}${PREFIX}../x`, { method: "OPTIONS" }));
            assert.strictEqual(bad["statusCode"], 403, "a preflight may not climb out either");
        });
    });

    it("denials are never cached and say why", async () => {
        const r = await request(undefined);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(r["headers"])), { "cache-control": { value: "no-store" }, "x-onair-deny": { value: "missing" } });
        assert.strictEqual(r["statusDescription"], "Unauthorized");
    });

    it("reads the store once per key it needs (key, then revocation lists)", async () => {
        const kvs = memoryKvs({ "k:2026a": KEY_A });
        const h = loadViewerHandler({ kvs, nowSeconds: NOW });
        await h(viewerEvent(PATH, { query: { token: await token({ sid: undefined }) } }));
        assert.strictEqual(kvs.reads, 2);
    });
});
