// HS256 JWT minting for viewers: the claims the edge function checks (viewer-request.js).
"use strict";

const crypto = require("crypto");

/**
 * @typedef {{ kid: string, key: string }} SigningKey
 * @typedef {{ prefix: string, ttlSeconds: number, now: number, jti: string, ip?: string, country?: string, region?: string, sessionId?: string, mediaTailorConfig?: string }} Grant
 */

/** @param {unknown} value */
function b64url(value) {
    return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * @param {SigningKey} signer
 * @param {Grant} grant
 * @returns {{ token: string, expiresAt: number }}
 */
function mintToken(signer, grant) {
    const exp = grant.now + grant.ttlSeconds;
    /** @type {Record<string, unknown>} */
    const claims = { exp, nbf: grant.now - 5, pfx: grant.prefix, jti: grant.jti };
    if (grant.ip) claims.ip = grant.ip;
    if (grant.country) claims.cty = grant.country;
    if (grant.region) claims.rgn = grant.region;
    if (grant.sessionId) claims.sid = grant.sessionId;
    // Personalised (MediaTailor) manifests are checked against the playback configuration they name.
    if (grant.mediaTailorConfig) claims.mt = grant.mediaTailorConfig;
    const input = `${b64url({ alg: "HS256", typ: "JWT", kid: signer.kid })}.${b64url(claims)}`;
    const sig = crypto.createHmac("sha256", signer.key).update(input).digest("base64url");
    return { token: `${input}.${sig}`, expiresAt: exp };
}

module.exports = { mintToken };
