/** Schema of `security`: who may play (geo, tokens), who may revoke, and the WAF. */
import { bool, custom, list, object, int, string } from "./nodes";
import { ROLE_ARN } from "./delivery";

const limit = (doc: string, defaultDoc: string) => int({ min: 10, max: 2_000_000_000, unit: "requests per 5 minutes", optional: true, defaultDoc, doc });

export const TOKEN_KEY = object(
    {
        kid: string({
            pattern: /^[A-Za-z0-9._-]{1,32}$/,
            hint: "a short key id such as 2026a",
            doc: "key id carried in the token header; not starting with `mt-` (MediaTailor's origin-token keys)",
        }),
        // HS256 keys shorter than the 32-byte hash output weaken the MAC (RFC 7518 section 3.2).
        secretKey: custom({ secret: true, defaultDoc: "required", doc: "names a secret key holding the HS256 key (32-512 characters)" }),
    },
    { doc: "a signing key" },
);

export const SECURITY = object(
    {
        geoAllow: list(string({ pattern: /^[A-Z]{2}$/, hint: "an ISO-3166 alpha-2 country code such as US", doc: "a country" }), {
            max: 250,
            what: "countries",
            typeDoc: "ISO-3166 alpha-2 codes",
            defaultDoc: "required (not empty) when geo restriction is required",
            doc: "countries the rights cover",
        }),
        requireGeoRestriction: bool({ default: true, doc: "the security pack then requires a geo allow-list" }),
        tokens: object(
            {
                keys: custom({
                    typeDoc: "1-4 `{ kid, secretKey }`",
                    defaultDoc: "required",
                    doc: "HS256 keys by key id; `keys[0]` signs, all verify (rotation); each kid once",
                    fields: TOKEN_KEY.fields,
                    childPath: "[]",
                }),
                // Four hours covers a game with overtime; the vending hook caps what callers may ask for.
                ttlSeconds: int({
                    min: 60,
                    max: 86400,
                    default: 14400,
                    unit: "seconds",
                    typeDoc: "60-86400, at most `maxTtlSeconds`",
                    doc: "token lifetime the vending hook issues by default",
                }),
                maxTtlSeconds: int({ min: 60, max: 86400, default: 21600, unit: "seconds", doc: "the longest lifetime a caller may ask for" }),
            },
            { doc: "viewer tokens" },
        ),
        waf: object(
            {
                perIpRequestsPer5Min: limit(
                    "coarse limit per client address; below `viewersPerIp` x one viewer is refused",
                    "`viewersPerIp` x one viewer x 1.5 (45,000 at 2 s segments)",
                ),
                perTokenRequestsPer5Min: limit(
                    "per viewer token, in each transport (query `token`, `Authorization`, `onair_token` cookie)",
                    "4 x one viewer (2,400 at 2 s)",
                ),
                perPlaylistRequestsPer5Min: limit(
                    "per playlist path unique to a viewer (`/tk/<token>/...`, MediaTailor session manifests)",
                    "4 x one playlist (600 at 2 s)",
                ),
                blockAnonymousIps: bool({ default: true, doc: "AWS managed anonymous IP list" }),
                blockHostingProviders: bool({ default: true, doc: "AWS managed hosting-provider list" }),
                ipReputationList: bool({ default: true, doc: "AWS managed IP reputation list" }),
            },
            { optional: true, doc: "the web ACL; limits left out are sized from `delivery.audience` and the shortest segment" },
        ),
        revocation: object(
            {
                operatorRoleArns: list(
                    string({ pattern: ROLE_ARN, hint: "an operator's IAM role ARN, e.g. arn:aws:iam::123456789012:role/noc-operator", doc: "a role ARN" }),
                    { max: 10, what: "operator roles", doc: "roles allowed to invoke the revocation hook (they can revoke, never sign)" },
                ),
            },
            { optional: true, doc: "the revocation hook" },
        ),
    },
    { doc: "viewer access" },
);
