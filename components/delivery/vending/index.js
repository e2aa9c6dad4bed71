// URL vending hook (Lambda behind a Function URL with IAM auth). The service that entitles viewers
// calls it with the viewer's channel and address; it returns a token and playback URLs, on the
// client-routing host when embedded POPs are enabled.
"use strict";

const crypto = require("crypto");
const { clientRoutingLabel, parseIpv4, parseIpv6 } = require("./clientRouting");
const { mintToken } = require("./token");

/**
 * @typedef {{ prefix: string, hls: string, dash: string }} ChannelPaths
 * @typedef {{ config: string, hls: string, dash: string }} AdPaths
 * @typedef {{ kid: string, playbackDomain: string, clientRoutingDomain?: string, channels: Record<string, ChannelPaths>,
 *             ttlSeconds: number, maxTtlSeconds: number, ads?: Record<string, AdPaths>, cookieDomain?: string }} VendorConfig
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
        ...(env.ADS ? { ads: JSON.parse(env.ADS) } : {}),
        ...(env.COOKIE_DOMAIN ? { cookieDomain: env.COOKIE_DOMAIN } : {}),
    };
}

/** @param {number} status @param {unknown} body @returns {HttpResponse} */
function reply(status, body) {
    return { statusCode: status, headers: { "content-type": "application/json", "cache-control": "no-store" }, body: JSON.stringify(body) };
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
    const channel = typeof req.channel === "string" ? c.channels[req.channel] : undefined;
    if (!channel) return reply(404, { error: `unknown channel; use one of ${Object.keys(c.channels).join(", ")}` });
    const ip = typeof req.viewerIp === "string" ? req.viewerIp : undefined;
    if (ip !== undefined && !parseIpv4(ip) && !parseIpv6(ip)) return reply(400, { error: "viewerIp is not an IP address" });
    if ((c.clientRoutingDomain || req.bindIp === true) && !ip) return reply(400, { error: "viewerIp is required" });
    if (req.country !== undefined && (typeof req.country !== "string" || !/^[A-Z]{2}$/.test(req.country))) return reply(400, { error: "country must be an ISO-3166 alpha-2 code" });
    if (req.region !== undefined && (typeof req.region !== "string" || !/^[A-Z0-9]{1,3}$/.test(req.region))) return reply(400, { error: "region must be a subdivision code such as TX" });
    if (req.sessionId !== undefined && (typeof req.sessionId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(req.sessionId))) return reply(400, { error: "sessionId must be 1-64 letters, digits, - or _" });
    const ttl = req.ttlSeconds === undefined ? c.ttlSeconds : Number(req.ttlSeconds);
    if (!Number.isInteger(ttl) || ttl < 60 || ttl > c.maxTtlSeconds) return reply(400, { error: `ttlSeconds must be 60-${c.maxTtlSeconds}` });

    const ad = typeof req.channel === "string" ? c.ads?.[req.channel] : undefined;
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
    const host = c.clientRoutingDomain && ip ? `${clientRoutingLabel(ip)}.${c.clientRoutingDomain}` : c.playbackDomain;
    return reply(200, {
        expiresAt,
        token,
        hls: `https://${host}/tk/${token}${channel.hls}`,
        dash: `https://${host}/tk/${token}${channel.dash}`,
        // Ad playback starts at MediaTailor, on the main host (where its manifests point). MediaTailor
        // copies manifest.token onto every URL it writes, as ?token=; the cookie, which the
        // entitlement site sets for the parent domain, covers segment URLs it leaves bare.
        ...(ad
            ? {
                ads: {
                    hls: `https://${c.playbackDomain}${ad.hls}${channel.hls.slice(channel.prefix.length)}?manifest.token=${token}`,
                    dash: `https://${c.playbackDomain}${ad.dash}${channel.dash.slice(channel.prefix.length)}?manifest.token=${token}`,
                    cookie: `onair_token=${token}; Domain=${c.cookieDomain}; Path=/; Max-Age=${ttl}; Secure; HttpOnly; SameSite=Lax`,
                },
            }
            : {}),
    });
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
