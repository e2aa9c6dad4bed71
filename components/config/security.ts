import { Cursor } from "./cursor";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { SECURITY, TOKEN_KEY } from "./schema/security";
import { Agree, Parsed } from "./schema/nodes";
import { keysOf, readNode, readObject } from "./schema/read";
import { SecurityConfig, TokenKey } from "./types";

const F = SECURITY.fields;

/** Key ids starting with this are MediaTailor's origin-token keys, derived from the viewer key they follow. */
export const ORIGIN_KID_PREFIX = "mt-";

/** The WAF limits as written; the ones left out are sized from delivery.audience (resolveRateLimits, capacity.ts). */
export type WafSettings = Omit<SecurityConfig["waf"], "perIpRequestsPer5Min" | "perTokenRequestsPer5Min" | "perPlaylistRequestsPer5Min"> & {
    perIpRequestsPer5Min?: number;
    perTokenRequestsPer5Min?: number;
    perPlaylistRequestsPer5Min?: number;
};

export type SecuritySettings = Omit<SecurityConfig, "waf"> & { waf: WafSettings };

export function readSecurity(c: Cursor, secrets: SecretKeyLookup): SecuritySettings | undefined {
    if (!c.object(keysOf(F))) return undefined;
    const geoAllow = readNode(c.at("geoAllow"), F.geoAllow)!;
    const requireGeoRestriction = readNode(c.at("requireGeoRestriction"), F.requireGeoRestriction)!;
    if (requireGeoRestriction && !c.at("geoAllow").present) {
        c.at("geoAllow").fail(`is required while requireGeoRestriction is true; list the countries your rights cover, e.g. [US, PR]`);
    } else if (requireGeoRestriction && Array.isArray(c.at("geoAllow").value) && (c.at("geoAllow").value as unknown[]).length === 0) {
        // An empty list would leave the distribution open worldwide (CloudFront applies no restriction).
        c.at("geoAllow").fail(
            `is empty while requireGeoRestriction is true; list the countries your rights cover, e.g. [US, PR], or set requireGeoRestriction: false for worldwide rights`,
        );
    }
    const tokens = readTokens(c.at("tokens"), secrets);
    const waf = readWaf(c.at("waf"));
    const revocation = readRevocation(c.at("revocation"));
    if (tokens === undefined || waf === undefined || revocation === undefined) return undefined;
    return { geoAllow, requireGeoRestriction, tokens, revocation, waf };
}

function readTokens(c: Cursor, secrets: SecretKeyLookup): SecurityConfig["tokens"] | undefined {
    const T = F.tokens.fields;
    if (!c.object(keysOf(T))) return undefined;
    const ttlSeconds = readNode(c.at("ttlSeconds"), T.ttlSeconds);
    const maxTtlSeconds = readNode(c.at("maxTtlSeconds"), T.maxTtlSeconds);
    if (ttlSeconds !== undefined && maxTtlSeconds !== undefined && ttlSeconds > maxTtlSeconds) {
        c.at("ttlSeconds").fail(`${ttlSeconds} exceeds maxTtlSeconds (${maxTtlSeconds}); lower it or raise maxTtlSeconds`);
    }
    const keys = c.at("keys").list(
        (k): TokenKey | undefined => {
            if (!k.object(keysOf(TOKEN_KEY.fields))) return undefined;
            const kid = readNode(k.at("kid"), TOKEN_KEY.fields.kid);
            if (kid !== undefined && kid.startsWith(ORIGIN_KID_PREFIX)) {
                return k
                    .at("kid")
                    .fail(`${JSON.stringify(kid)} starts with "${ORIGIN_KID_PREFIX}", which is reserved for MediaTailor's origin-token keys; pick another id`);
            }
            const secretKey = secretKeyRef(k.at("secretKey"), secrets, "signing key", { min: 32, max: 512 });
            if (kid === undefined || secretKey === undefined) return undefined;
            return { kid, secretKey };
        },
        { min: 1, max: 4, what: "signing keys" },
    );
    const kids = new Set<string>();
    keys.forEach((k, i) => {
        if (kids.has(k.kid))
            c.at("keys")
                .index(i)
                .at("kid")
                .fail(`${JSON.stringify(k.kid)} is used twice; each signing key needs its own kid`);
        kids.add(k.kid);
    });
    return keys.length > 0 && ttlSeconds !== undefined && maxTtlSeconds !== undefined ? { keys, ttlSeconds, maxTtlSeconds } : undefined;
}

function readWaf(c: Cursor): WafSettings | undefined {
    if (c.at("rateLimitPer5Min").present) {
        c.at("rateLimitPer5Min").fail(
            `was split in two: perIpRequestsPer5Min (a coarse limit per address, sized from delivery.audience.viewersPerIp by default) and perTokenRequestsPer5Min (per viewer token); rename or remove it`,
        );
    }
    // Each limit is optional: left out, it is sized from the audience and the shortest segment
    // (capacity.ts). The retired key is named once, by its own message, and is not offered among
    // the settings a typo could mean.
    return readObject(c, F.waf, c.at("rateLimitPer5Min").present ? ["rateLimitPer5Min"] : []);
}

/** Operators who may revoke and unrevoke tokens and sessions through the hook (never sign). */
function readRevocation(c: Cursor): SecurityConfig["revocation"] | undefined {
    return readObject(c, F.revocation);
}

const _waf: Agree<Parsed<typeof SECURITY.fields.waf.fields>, WafSettings> = true;
const _revocation: Agree<Parsed<typeof SECURITY.fields.revocation.fields>, SecurityConfig["revocation"]> = true;
void [_waf, _revocation];
