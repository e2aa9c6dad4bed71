import { Cursor } from "./cursor";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { SecurityConfig, TokenKey } from "./types";

const COUNTRY = /^[A-Z]{2}$/;

export function readSecurity(c: Cursor, secrets: SecretKeyLookup): SecurityConfig | undefined {
    if (!c.object(["geoAllow", "requireGeoRestriction", "tokens", "waf"])) return undefined;
    const geoAllow = c.at("geoAllow").list((e) => e.string({ pattern: COUNTRY, patternHint: "an ISO-3166 alpha-2 country code such as US" }), {
        optional: true,
        max: 250,
        what: "countries",
    });
    const requireGeoRestriction = c.at("requireGeoRestriction").bool({ default: true });
    if (requireGeoRestriction && !c.at("geoAllow").present) {
        c.at("geoAllow").fail(`is required while requireGeoRestriction is true; list the countries your rights cover, e.g. [US, PR]`);
    } else if (requireGeoRestriction && Array.isArray(c.at("geoAllow").value) && (c.at("geoAllow").value as unknown[]).length === 0) {
        // An empty list would leave the distribution open worldwide (CloudFront applies no restriction).
        c.at("geoAllow").fail(`is empty while requireGeoRestriction is true; list the countries your rights cover, e.g. [US, PR], or set requireGeoRestriction: false for worldwide rights`);
    }
    const tokens = readTokens(c.at("tokens"), secrets);
    const waf = readWaf(c.at("waf"));
    if (tokens === undefined || waf === undefined) return undefined;
    return { geoAllow, requireGeoRestriction, tokens, waf };
}

function readTokens(c: Cursor, secrets: SecretKeyLookup): SecurityConfig["tokens"] | undefined {
    if (!c.object(["keys", "ttlSeconds", "maxTtlSeconds"])) return undefined;
    // Four hours covers a game with overtime; the vending hook caps what callers may ask for.
    const ttlSeconds = c.at("ttlSeconds").int({ min: 60, max: 86400, default: 14400, unit: "seconds" });
    const maxTtlSeconds = c.at("maxTtlSeconds").int({ min: 60, max: 86400, default: 21600, unit: "seconds" });
    if (ttlSeconds !== undefined && maxTtlSeconds !== undefined && ttlSeconds > maxTtlSeconds) {
        c.at("ttlSeconds").fail(`${ttlSeconds} exceeds maxTtlSeconds (${maxTtlSeconds}); lower it or raise maxTtlSeconds`);
    }
    const keys = c.at("keys").list((k): TokenKey | undefined => {
        if (!k.object(["kid", "secretKey"])) return undefined;
        const kid = k.at("kid").string({ pattern: /^[A-Za-z0-9._-]{1,32}$/, patternHint: "a short key id such as 2026a" });
        // HS256 keys shorter than the 32-byte hash output weaken the MAC (RFC 7518 section 3.2).
        const secretKey = secretKeyRef(k.at("secretKey"), secrets, "signing key", { min: 32, max: 512 });
        if (kid === undefined || secretKey === undefined) return undefined;
        return { kid, secretKey };
    }, { min: 1, max: 4, what: "signing keys" });
    const kids = new Set<string>();
    keys.forEach((k, i) => {
        if (kids.has(k.kid)) c.at("keys").index(i).at("kid").fail(`${JSON.stringify(k.kid)} is used twice; each signing key needs its own kid`);
        kids.add(k.kid);
    });
    return keys.length > 0 && ttlSeconds !== undefined && maxTtlSeconds !== undefined ? { keys, ttlSeconds, maxTtlSeconds } : undefined;
}

function readWaf(c: Cursor): SecurityConfig["waf"] | undefined {
    if (c.present && !c.object(["rateLimitPer5Min", "blockAnonymousIps", "blockHostingProviders", "ipReputationList"])) return undefined;
    // WAF rate-based rules accept 10 to 2,000,000,000 requests per window; below 100 a living-room of devices trips it.
    const rateLimitPer5Min = c.at("rateLimitPer5Min").int({ min: 100, max: 2_000_000_000, default: 3000, unit: "requests per 5 minutes" });
    if (rateLimitPer5Min === undefined) return undefined;
    return {
        rateLimitPer5Min,
        blockAnonymousIps: c.at("blockAnonymousIps").bool({ default: true }),
        blockHostingProviders: c.at("blockHostingProviders").bool({ default: true }),
        ipReputationList: c.at("ipReputationList").bool({ default: true }),
    };
}
