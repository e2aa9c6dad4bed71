import { Cursor } from "./cursor";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { SecurityConfig, TokenKey } from "./types";

const COUNTRY = /^[A-Z]{2}$/;
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;

/** Key ids starting with this are MediaTailor's origin-token keys, derived from the viewer key they follow. */
export const ORIGIN_KID_PREFIX = "mt-";

/** The WAF limits as written; the ones left out are sized from delivery.audience (config/rateLimits.ts). */
export type WafSettings = Omit<SecurityConfig["waf"], "perIpRequestsPer5Min" | "perTokenRequestsPer5Min" | "perPlaylistRequestsPer5Min"> & {
    perIpRequestsPer5Min?: number;
    perTokenRequestsPer5Min?: number;
    perPlaylistRequestsPer5Min?: number;
};

export type SecuritySettings = Omit<SecurityConfig, "waf"> & { waf: WafSettings };

export function readSecurity(c: Cursor, secrets: SecretKeyLookup): SecuritySettings | undefined {
    if (!c.object(["geoAllow", "requireGeoRestriction", "tokens", "waf", "revocation"])) return undefined;
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
    const revocation = readRevocation(c.at("revocation"));
    if (tokens === undefined || waf === undefined || revocation === undefined) return undefined;
    return { geoAllow, requireGeoRestriction, tokens, revocation, waf };
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
        if (kid !== undefined && kid.startsWith(ORIGIN_KID_PREFIX)) {
            return k.at("kid").fail(`${JSON.stringify(kid)} starts with "${ORIGIN_KID_PREFIX}", which is reserved for MediaTailor's origin-token keys; pick another id`);
        }
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

function readWaf(c: Cursor): WafSettings | undefined {
    const known = ["perIpRequestsPer5Min", "perTokenRequestsPer5Min", "perPlaylistRequestsPer5Min", "blockAnonymousIps", "blockHostingProviders", "ipReputationList", "rateLimitPer5Min"];
    if (c.present && !c.object(known)) return undefined;
    if (c.at("rateLimitPer5Min").present) {
        c.at("rateLimitPer5Min").fail(`was split in two: perIpRequestsPer5Min (a coarse limit per address, sized from delivery.audience.viewersPerIp by default) and perTokenRequestsPer5Min (per viewer token); rename or remove it`);
    }
    // Each limit is optional: left out, it is sized from the audience and the shortest segment.
    const limit = (key: string) => (c.at(key).present ? c.at(key).int({ min: 10, max: 2_000_000_000, unit: "requests per 5 minutes" }) : undefined);
    const perIp = limit("perIpRequestsPer5Min");
    const perToken = limit("perTokenRequestsPer5Min");
    const perPlaylist = limit("perPlaylistRequestsPer5Min");
    return {
        ...(perIp !== undefined ? { perIpRequestsPer5Min: perIp } : {}),
        ...(perToken !== undefined ? { perTokenRequestsPer5Min: perToken } : {}),
        ...(perPlaylist !== undefined ? { perPlaylistRequestsPer5Min: perPlaylist } : {}),
        blockAnonymousIps: c.at("blockAnonymousIps").bool({ default: true }),
        blockHostingProviders: c.at("blockHostingProviders").bool({ default: true }),
        ipReputationList: c.at("ipReputationList").bool({ default: true }),
    };
}

/** Operators who may revoke and unrevoke tokens and sessions through the hook (never sign). */
function readRevocation(c: Cursor): SecurityConfig["revocation"] | undefined {
    if (c.present && !c.object(["operatorRoleArns"])) return undefined;
    const operatorRoleArns = c.at("operatorRoleArns").list((e) => e.string({
        pattern: ROLE_ARN,
        patternHint: "an operator's IAM role ARN, e.g. arn:aws:iam::123456789012:role/noc-operator",
    }), { optional: true, max: 10, what: "operator roles" });
    return { operatorRoleArns };
}
