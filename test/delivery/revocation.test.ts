import * as assert from "assert";
import * as jose from "jose";
import { loadViewerHandler, memoryKvs, viewerEvent } from "../../tools/edgeRuntime";

// The hook is plain CommonJS (shipped to Lambda without a build step).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- not type-checked: it requires SDK clients the Lambda runtime provides, not in package.json
const { apply } = require("../../components/delivery/revocation/index") as {
    apply(
        input: unknown,
        deps: { store: { put(k: string, v: string): Promise<void>; remove(k: string): Promise<boolean> }; now: () => number },
    ): Promise<{ statusCode: number; body: Record<string, unknown> }>;
};

const NOW = 1_790_000_000;
const KEY = "revocation-test-signing-key-0123456789-abcdef";
const PREFIX = "/out/v1/rsn-2026-27/football-uhd/";

/** The store as the edge reads it, written only through the hook. */
function store(entries: Record<string, string>) {
    const writes: string[] = [];
    return {
        entries,
        writes,
        put: async (k: string, v: string) => {
            writes.push(k);
            entries[k] = v;
        },
        remove: async (k: string) => {
            writes.push(`-${k}`);
            const had = k in entries;
            delete entries[k];
            return had;
        },
    };
}

describe("revocation hook (operators revoke, never sign)", () => {
    it("revokes a token and a session the edge then refuses, and unrevokes them", async () => {
        const entries: Record<string, string> = { "k:2026a": KEY };
        const s = store(entries);
        const deps = { store: s, now: () => NOW * 1000 };
        const token = await new jose.SignJWT({ exp: NOW + 3600, pfx: PREFIX, jti: "jti-7", sid: "sess-9" })
            .setProtectedHeader({ alg: "HS256", kid: "2026a" })
            .sign(new TextEncoder().encode(KEY));
        const play = async () =>
            (
                await loadViewerHandler({ kvs: memoryKvs(entries), nowSeconds: NOW })(
                    viewerEvent(`/tk/${token}${PREFIX}cmaf/hls.m3u8`, { headers: { "cmcd-session": 'sid="sess-9"' } }),
                )
            )["statusCode"];
        assert.strictEqual(await play(), undefined);
        assert.deepStrictEqual(await apply({ action: "revoke", kind: "token", id: "jti-7", reason: "shared on a forum" }, deps), {
            statusCode: 200,
            body: { revoked: "r:jti-7" },
        });
        assert.strictEqual(await play(), 403);
        assert.deepStrictEqual(JSON.parse(entries["r:jti-7"]!), { at: new Date(NOW * 1000).toISOString(), reason: "shared on a forum" });
        await apply({ action: "unrevoke", kind: "token", id: "jti-7" }, deps);
        assert.strictEqual(await play(), undefined);
        await apply({ action: "revoke", kind: "session", id: "sess-9" }, deps);
        assert.strictEqual(await play(), 403);
        assert.deepStrictEqual(s.writes, ["r:jti-7", "-r:jti-7", "s:sess-9"]);
    });

    it("writes nothing but r: and s: entries, whatever it is sent", async () => {
        const s = store({ "k:2026a": KEY });
        const deps = { store: s, now: () => NOW * 1000 };
        const attempts: unknown[] = [
            { action: "revoke", kind: "key", id: "2026a" },
            { action: "put", kind: "token", id: "x" },
            { action: "revoke", kind: "token", id: "../k:2026a" },
            { action: "revoke", kind: "token", id: "a\nk:2026a" },
            { action: "revoke", kind: "token", id: "" },
            { action: "revoke", kind: "token", id: "x".repeat(129) },
            { action: "revoke", kind: "token", id: "ok", reason: "y".repeat(201) },
            { action: "unrevoke", kind: "session" },
            [],
            "revoke",
        ];
        for (const a of attempts) assert.strictEqual((await apply(a, deps)).statusCode, 400, JSON.stringify(a));
        assert.deepStrictEqual(s.writes, []);
        assert.strictEqual(s.entries["k:2026a"], KEY);
        // MediaTailor's nonce jti (mt.<22 base64url>) is revocable through the same hook.
        assert.strictEqual((await apply({ action: "revoke", kind: "token", id: "mt.AbCdEfGhIjKlMnOpQrStUv" }, deps)).statusCode, 200);
        assert.ok(s.writes.every((k) => /^-?[rs]:/.test(k)));
    });

    it("says so when unrevoking what was not revoked", async () => {
        const r = await apply({ action: "unrevoke", kind: "session", id: "never" }, { store: store({}), now: () => 0 });
        assert.deepStrictEqual(r, { statusCode: 200, body: { unrevoked: "s:never", note: "was not revoked" } });
    });
});
