// URL vending hook (Lambda behind a Function URL with IAM auth). The service that entitles viewers
// calls it with the viewer's channel and address; it returns a token and playback URLs, on the
// client-routing host when embedded POPs are enabled.
"use strict";

const crypto = require("crypto");
const { canonicalIp, clientRoutingLabel } = require("./clientRouting");
const { mintToken } = require("./token");

/**
 * @typedef {{ prefix: string, hls: string, dash: string, host?: string, clientRoutingDomain?: string }} ChannelPaths
 * @typedef {{ config: string, hls: string, dash: string }} AdPaths
 * @typedef {{ kid: string, playbackDomain: string, clientRoutingDomain?: string, channels: Record<string, ChannelPaths>,
 *             ttlSeconds: number, maxTtlSeconds: number, ads?: Record<string, AdPaths>, segmentTokens?: "header" | "query",
 *             cookieDomain?: string }} VendorConfig
 * @typedef {{ config: VendorConfig, signingKey: () => Promise<string>, now: () => number, randomId: () => string }} VendorDeps
 * @typedef {{ statusCode: number, headers: Record<string, string>, body: string }} HttpResponse
 */

/** @param {NodeJS.ProcessEnv} env @returns {VendorConfig} */
function configFromEnv(env) {
    return {
        kid: env.KEY_ID || "",
        playbackDomain: env.PLAYBACK_DOMAIN || "",
        ...(env.CLIENT_ROUTING_DOMAIN ? { clientRoutingDomain: env.CLIENT_ROUTING_DOMAIN } : {}),
        channels: JSON.parse(env.CHANNELS || "{}"),
        ttlSeconds: Number(env.TOKEN_TTL_SECONDS || 14400),
        maxTtlSeconds: Number(env.MAX_TOKEN_TTL_SECONDS || 21600),
        ...(env.ADS ? { ads: JSON.parse(env.ADS), segmentTokens: env.SEGMENT_TOKENS === "query" ? "query" : "header" } : {}),
        ...(env.COOKIE_DOMAIN ? { cookieDomain: env.COOKIE_DOMAIN } : {}),
    };
}

/** @param {number} status @param {unknown} body @returns {HttpResponse} */
function reply(status, body) {
    return { statusCode: status, headers: { "content-type": "application/json", "cache-control": "no-store" }, body: JSON.stringify(body) };
}

const CHANNEL_ID = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;

/**
 * An own entry of a lookup table: "__proto__", "constructor" and the like never resolve to
 * Object.prototype's members.
 * @template T
 * @param {Record<string, T> | undefined} table
 * @param {unknown} key
 * @returns {T | undefined}
 */
function own(table, key) {
    return table && typeof key === "string" && CHANNEL_ID.test(key) && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * Validates a vending request and mints the grant. Pure apart from the injected key, clock and ids.
 * @param {unknown} input
 * @param {VendorDeps} deps
 * @returns {Promise<HttpResponse>}
 */
async function vend(input, deps) {
    const c = deps.config;
    if (!input || typeof input !== "object" || Array.isArray(input)) return reply(400, { error: "body must be a JSON object" });
    const req = /** @type {Record<string, unknown>} */ (input);
    const channel = own(c.channels, req.channel);
    // The 404 names no channel: callers must not learn the season's line-up from it.
    if (!channel) return reply(404, { error: "unknown channel" });
    if (req.viewerIp !== undefined && typeof req.viewerIp !== "string") return reply(400, { error: "viewerIp must be a string" });
    // Bound to the address as CloudFront reports it, or its owner could never use the token.
    const ip = req.viewerIp === undefined ? undefined : canonicalIp(req.viewerIp);
    if (req.viewerIp !== undefined && ip === undefined) return reply(400, { error: "viewerIp is not an IPv4 or IPv6 address (zone ids are not allowed)" });
    if (req.bindIp !== undefined && typeof req.bindIp !== "boolean") return reply(400, { error: "bindIp must be true or false" });
    if ((c.clientRoutingDomain || req.bindIp === true) && !ip) return reply(400, { error: "viewerIp is required" });
    if (req.country !== undefined && (typeof req.country !== "string" || !/^[A-Z]{2}$/.test(req.country))) return reply(400, { error: "country must be an ISO-3166 alpha-2 code" });
    if (req.region !== undefined && (typeof req.region !== "string" || !/^[A-Z0-9]{1,3}$/.test(req.region))) return reply(400, { error: "region must be a subdivision code such as TX" });
    // CloudFront-Viewer-Country-Region is a code within a country: alone it would match any country's TX.
    if (req.region !== undefined && req.country === undefined) return reply(400, { error: "region needs country" });
    if (req.sessionId !== undefined && (typeof req.sessionId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(req.sessionId))) return reply(400, { error: "sessionId must be 1-64 letters, digits, - or _" });
    if (req.ttlSeconds !== undefined && typeof req.ttlSeconds !== "number") return reply(400, { error: "ttlSeconds must be a number" });
    const ttl = req.ttlSeconds === undefined ? c.ttlSeconds : req.ttlSeconds;
    if (!Number.isInteger(ttl) || ttl < 60 || ttl > c.maxTtlSeconds) return reply(400, { error: `ttlSeconds must be 60-${c.maxTtlSeconds}` });

    const ad = own(c.ads, req.channel);
    const { token, expiresAt } = mintToken({ kid: c.kid, key: await deps.signingKey() }, {
        prefix: channel.prefix,
        ttlSeconds: ttl,
        now: deps.now(),
        jti: deps.randomId(),
        ...(req.bindIp === true && ip ? { ip } : {}),
        ...(typeof req.country === "string" ? { country: req.country } : {}),
        ...(typeof req.region === "string" ? { region: req.region } : {}),
        ...(typeof req.sessionId === "string" ? { sessionId: req.sessionId } : {}),
        ...(ad ? { mediaTailorConfig: ad.config } : {}),
    });
    // A channel of a large season lives on its shard's distribution and hostnames (docs/adr/026).
    const routing = channel.clientRoutingDomain || c.clientRoutingDomain;
    const host = routing && ip ? `${clientRoutingLabel(ip)}.${routing}` : channel.host || c.playbackDomain;
    return reply(200, {
        expiresAt,
        token,
        hls: `https://${host}/tk/${token}${channel.hls}`,
        dash: `https://${host}/tk/${token}${channel.dash}`,
        // Ad playback starts at MediaTailor on the main host (where its manifests point). The URLs it
        // writes carry no token, so the player sends it (ADR 015): an Authorization
        // header on every request, or ?token= where MediaTailor's account-level setting passes
        // manifest.* parameters to CDN segment URLs; the cookie is for web players that set no headers.
        ...(ad ? { ads: adUrls(c, channel, ad, token, ttl) } : {}),
    });
}

/**
 * @param {VendorConfig} c @param {ChannelPaths} channel @param {AdPaths} ad @param {string} token @param {number} ttl
 * @returns {Record<string, string>}
 */
function adUrls(c, channel, ad, token, ttl) {
    const query = c.segmentTokens === "query" ? `?manifest.token=${token}` : "";
    return {
        hls: `https://${channel.host || c.playbackDomain}${ad.hls}${channel.hls.slice(channel.prefix.length)}${query}`,
        dash: `https://${channel.host || c.playbackDomain}${ad.dash}${channel.dash.slice(channel.prefix.length)}${query}`,
        authorization: `Bearer ${token}`,
        ...(c.cookieDomain ? { cookie: `onair_token=${token}; Domain=${c.cookieDomain}; Path=/; Max-Age=${ttl}; Secure; HttpOnly; SameSite=Lax` } : {}),
    };
}

/** @type {Promise<string> | undefined} */
let cachedKey;

/**
 * Reads the signing key from Secrets Manager once per container; it never travels in env vars.
 * @returns {Promise<string>}
 */
function signingKeyFromSecrets() {
    if (cachedKey) return cachedKey;
    const sm = require("@aws-sdk/client-secrets-manager");
    const client = new sm.SecretsManagerClient({});
    const pending = client.send(new sm.GetSecretValueCommand({ SecretId: process.env.SIGNING_KEY_SECRET_ARN })).then(
        /** @param {{ SecretString?: string }} out */ (out) => {
            if (!out.SecretString) throw new Error("signing key secret is empty");
            return out.SecretString;
        },
    );
    // A failed read is retried on the next request rather than cached.
    pending.catch(() => (cachedKey = undefined));
    cachedKey = pending;
    return pending;
}

/**
 * Function URL entry (payload format 2.0).
 * @param {{ body?: string, isBase64Encoded?: boolean, requestContext?: { http?: { method?: string } } }} event
 * @returns {Promise<HttpResponse>}
 */
async function handler(event) {
    if (event.requestContext?.http?.method !== "POST") return reply(405, { error: "use POST with a JSON body" });
    let input;
    try {
        const raw = event.isBase64Encoded ? Buffer.from(event.body || "", "base64").toString("utf8") : event.body || "";
        input = JSON.parse(raw);
    } catch {
        return reply(400, { error: "body is not JSON" });
    }
    return vend(input, {
        config: configFromEnv(process.env),
        signingKey: signingKeyFromSecrets,
        now: () => Math.floor(Date.now() / 1000),
        randomId: () => crypto.randomUUID(),
    });
}

module.exports = { handler, vend, configFromEnv };
