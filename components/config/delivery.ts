import { Cursor } from "./cursor";
import { isHostname } from "./network";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { AUDIENCE, CUSTOM_ORIGIN, DELIVERY, VPC_ORIGIN } from "./schema/delivery";
import { Agree, Parsed } from "./schema/nodes";
import { keysOf, readNode, readObject } from "./schema/read";
import { AudienceConfig, CustomOriginConfig, DeliveryConfig, FAILOVER_5XX, VpcOriginConfig } from "./types";

const F = DELIVERY.fields;
const PATH_PATTERN = /^\/[A-Za-z0-9_\-./*?]{1,254}$/;
const PATH_HINT = "a CloudFront path pattern such as /api/stats/*";
const RESERVED_PATHS = ["/out/", "/tk/", "/v1/", "/tm/"];

export function readDelivery(c: Cursor, secrets: SecretKeyLookup): DeliveryConfig | undefined {
    if (!c.object(keysOf(F), { optional: true }) && c.present) return undefined;
    const priceClass = readNode(c.at("priceClass"), F.priceClass);
    const originShield = readNode(c.at("originShield"), F.originShield)!;
    const minimumTlsVersion = readNode(c.at("minimumTlsVersion"), F.minimumTlsVersion);
    const codes = c.at("failoverStatusCodes");
    const failoverStatusCodes = codes.present
        ? codes.list(
              (e) => {
                  if (!(FAILOVER_5XX as readonly unknown[]).includes(e.value)) {
                      return e.fail(`${JSON.stringify(e.value)} is not a failover code; use ${FAILOVER_5XX.join(", ")} (404 is always included)`);
                  }
                  return e.value as number;
              },
              { max: FAILOVER_5XX.length, what: "status codes" },
          )
        : [...FAILOVER_5XX];
    const domain = readDomain(c.at("domain"));
    const clientRouting = readClientRouting(c.at("clientRouting"), domain !== undefined || c.at("domain").present);
    const vpcOrigins = c.at("vpcOrigins").list(readVpcOrigin, F.vpcOrigins);
    const customOrigins = c.at("customOrigins").list((o) => readCustomOrigin(o, secrets), F.customOrigins);
    const ids = [...vpcOrigins.map((o) => o.id), ...customOrigins.map((o) => o.id)];
    const patterns = [...vpcOrigins.map((o) => o.pathPattern), ...customOrigins.map((o) => o.pathPattern)];
    ids.forEach((id, i) => ids.indexOf(id) !== i && c.fail(`uses origin id ${JSON.stringify(id)} twice; origin ids must be unique`));
    patterns.forEach((p, i) => patterns.indexOf(p) !== i && c.fail(`routes path pattern ${JSON.stringify(p)} to two origins`));
    const audience = readAudience(c.at("audience"));
    const urlVending = readUrlVending(c.at("urlVending"));
    if (priceClass === undefined || minimumTlsVersion === undefined || audience === undefined || urlVending === undefined) return undefined;
    const out: DeliveryConfig = { priceClass, originShield, failoverStatusCodes, minimumTlsVersion, vpcOrigins, customOrigins, audience, urlVending };
    if (domain) out.domain = domain;
    if (clientRouting) out.clientRouting = clientRouting;
    return out;
}

function readClientRouting(c: Cursor, hasDomain: boolean): DeliveryConfig["clientRouting"] {
    if (!c.present) return undefined;
    if (!c.object(keysOf(F.clientRouting.fields))) return undefined;
    const domain = c.at("domain").string({ patternHint: F.clientRouting.fields.domain.hint });
    if (domain !== undefined && !isHostname(domain)) return c.at("domain").fail(`${JSON.stringify(domain)} is not a hostname`);
    if (!hasDomain) return c.fail(`needs delivery.domain: the wildcard *.${domain ?? "<domain>"} must be covered by the distribution's ACM certificate`);
    return domain === undefined ? undefined : { domain: domain.toLowerCase() };
}

function readPath(c: Cursor): string | undefined {
    const p = c.string({ pattern: PATH_PATTERN, patternHint: PATH_HINT });
    if (p !== undefined && RESERVED_PATHS.some((r) => p.startsWith(r))) {
        return c.fail(`${JSON.stringify(p)} overlaps the media paths (${RESERVED_PATHS.join(", ")}); pick another prefix`);
    }
    return p;
}

function readVpcOrigin(c: Cursor): VpcOriginConfig | undefined {
    const G = VPC_ORIGIN.fields;
    if (!c.object(keysOf(G))) return undefined;
    const id = readNode(c.at("id"), G.id);
    const arn = readNode(c.at("arn"), G.arn);
    const domainName = c.at("domainName").string({ patternHint: G.domainName.hint });
    if (domainName !== undefined && !isHostname(domainName)) c.at("domainName").fail(`${JSON.stringify(domainName)} is not a hostname`);
    const pathPattern = readPath(c.at("pathPattern"));
    const httpsPort = readNode(c.at("httpsPort"), G.httpsPort);
    if (id === undefined || arn === undefined || domainName === undefined || pathPattern === undefined || httpsPort === undefined) return undefined;
    return { id, arn, domainName: domainName.toLowerCase(), pathPattern, httpsPort };
}

function readCustomOrigin(c: Cursor, secrets: SecretKeyLookup): CustomOriginConfig | undefined {
    const G = CUSTOM_ORIGIN.fields;
    if (!c.object(keysOf(G))) return undefined;
    const id = readNode(c.at("id"), G.id);
    const domainName = c.at("domainName").string({ patternHint: G.domainName.hint });
    if (domainName !== undefined && !isHostname(domainName)) c.at("domainName").fail(`${JSON.stringify(domainName)} is not a hostname`);
    const pathPattern = readPath(c.at("pathPattern"));
    const headerName = readNode(c.at("headerName"), G.headerName);
    // 32 characters or more: the header is the only thing keeping direct requests out.
    const secretKey = secretKeyRef(c.at("secretKey"), secrets, "origin header value", { min: 32, max: 512 });
    if (id === undefined || domainName === undefined || pathPattern === undefined || headerName === undefined || secretKey === undefined) return undefined;
    return { id, domainName: domainName.toLowerCase(), pathPattern, headerName, secretKey };
}

function readDomain(c: Cursor): DeliveryConfig["domain"] {
    if (!c.present) return undefined;
    if (!c.object(keysOf(F.domain.fields))) return undefined;
    const aliases = c.at("aliases").list(
        (a) => {
            const host = a.string({ patternHint: "a hostname such as live.example.com" });
            if (host !== undefined && !isHostname(host)) return a.fail(`${JSON.stringify(host)} is not a hostname; use e.g. live.example.com`);
            return host?.toLowerCase();
        },
        { min: 1, max: 10, what: "aliases" },
    );
    // CloudFront refuses a distribution that lists one CNAME twice; hostnames compare case-insensitively.
    c.at("aliases").unique(aliases, "alias");
    const certificateArn = readNode(c.at("certificateArn"), F.domain.fields.certificateArn);
    if (aliases.length === 0 || certificateArn === undefined) return undefined;
    return { aliases, certificateArn };
}

/**
 * The audience the edge is sized for. Defaults suit a regional game; a national final needs its own
 * figures (the WAF per-address limit and the real-time log stream follow from them).
 */
function readAudience(c: Cursor): AudienceConfig | undefined {
    const a = readObject(c, AUDIENCE);
    if (!a) return undefined;
    const { peakViewers, viewersPerIp } = a;
    if (viewersPerIp > peakViewers) c.at("viewersPerIp").fail(`${viewersPerIp} exceeds peakViewers (${peakViewers}); lower it or raise peakViewers`);
    return { peakViewers, viewersPerIp };
}

/** The entitlement backend's roles: the vending Function URL's resource policy names them and no one else. */
function readUrlVending(c: Cursor): DeliveryConfig["urlVending"] | undefined {
    const v = readObject(c, F.urlVending);
    return v && v.callerRoleArns.length > 0 ? v : undefined;
}

const _audience: Agree<Parsed<typeof AUDIENCE.fields>, AudienceConfig> = true;
const _urlVending: Agree<Parsed<typeof DELIVERY.fields.urlVending.fields>, DeliveryConfig["urlVending"]> = true;
void [_audience, _urlVending];
