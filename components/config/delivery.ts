import { Cursor } from "./cursor";
import { isHostname } from "./network";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { AudienceConfig, CustomOriginConfig, DeliveryConfig, FAILOVER_5XX, PRICE_CLASSES, TLS_POLICIES, VpcOriginConfig } from "./types";

const CERT_ARN = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;

const ORIGIN_ID = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;
const PATH_PATTERN = /^\/[A-Za-z0-9_\-./*?]{1,254}$/;
const PATH_HINT = "a CloudFront path pattern such as /api/stats/*";
const RESERVED_PATHS = ["/out/", "/tk/", "/v1/", "/tm/"];
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;
const ORIGIN_ARN = /^arn:aws:(elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/(app|net)\/[A-Za-z0-9-]+\/[0-9a-f]+|ec2:[a-z0-9-]+:\d{12}:instance\/i-[0-9a-f]{8,17})$/;

export function readDelivery(c: Cursor, secrets: SecretKeyLookup): DeliveryConfig | undefined {
    if (!c.object(["domain", "clientRouting", "vpcOrigins", "customOrigins", "priceClass", "originShield", "failoverStatusCodes", "minimumTlsVersion", "audience", "urlVending"], { optional: true }) && c.present) return undefined;
    const priceClass = c.at("priceClass").oneOf(PRICE_CLASSES, { default: "PriceClass_All" });
    const originShield = c.at("originShield").bool({ default: true });
    const minimumTlsVersion = c.at("minimumTlsVersion").oneOf(TLS_POLICIES, { default: "TLSv1.2_2021" });
    const codes = c.at("failoverStatusCodes");
    const failoverStatusCodes = codes.present
        ? codes.list((e) => {
            if (!(FAILOVER_5XX as readonly unknown[]).includes(e.value)) {
                return e.fail(`${JSON.stringify(e.value)} is not a failover code; use ${FAILOVER_5XX.join(", ")} (404 is always included)`);
            }
            return e.value as number;
        }, { max: FAILOVER_5XX.length, what: "status codes" })
        : [...FAILOVER_5XX];
    const domain = readDomain(c.at("domain"));
    const clientRouting = readClientRouting(c.at("clientRouting"), domain !== undefined || c.at("domain").present);
    const vpcOrigins = c.at("vpcOrigins").list(readVpcOrigin, { optional: true, max: 10, what: "VPC origins" });
    const customOrigins = c.at("customOrigins").list((o) => readCustomOrigin(o, secrets), { optional: true, max: 10, what: "custom origins" });
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
    if (!c.object(["domain"])) return undefined;
    const domain = c.at("domain").string({ patternHint: "the parent domain of the routing labels, e.g. cr.example.com" });
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
    if (!c.object(["id", "arn", "domainName", "pathPattern", "httpsPort"])) return undefined;
    const id = c.at("id").string({ pattern: ORIGIN_ID, patternHint: "a lowercase slug such as stats-api" });
    const arn = c.at("arn").string({ pattern: ORIGIN_ARN, patternHint: "the ARN of an application or network load balancer or an EC2 instance" });
    const domainName = c.at("domainName").string({ patternHint: "the load balancer's DNS name or the instance's private DNS name" });
    if (domainName !== undefined && !isHostname(domainName)) c.at("domainName").fail(`${JSON.stringify(domainName)} is not a hostname`);
    const pathPattern = readPath(c.at("pathPattern"));
    const httpsPort = c.at("httpsPort").int({ min: 1, max: 65535, default: 443 });
    if (id === undefined || arn === undefined || domainName === undefined || pathPattern === undefined || httpsPort === undefined) return undefined;
    return { id, arn, domainName: domainName.toLowerCase(), pathPattern, httpsPort };
}

function readCustomOrigin(c: Cursor, secrets: SecretKeyLookup): CustomOriginConfig | undefined {
    if (!c.object(["id", "domainName", "pathPattern", "headerName", "secretKey"])) return undefined;
    const id = c.at("id").string({ pattern: ORIGIN_ID, patternHint: "a lowercase slug such as venue-graphics" });
    const domainName = c.at("domainName").string({ patternHint: "the origin's public hostname" });
    if (domainName !== undefined && !isHostname(domainName)) c.at("domainName").fail(`${JSON.stringify(domainName)} is not a hostname`);
    const pathPattern = readPath(c.at("pathPattern"));
    const headerName = c.at("headerName").string({ default: "X-Origin-Verify", pattern: /^X-[A-Za-z0-9-]{1,60}$/, patternHint: "a custom header name starting with X-" });
    // 32 characters or more: the header is the only thing keeping direct requests out.
    const secretKey = secretKeyRef(c.at("secretKey"), secrets, "origin header value", { min: 32, max: 512 });
    if (id === undefined || domainName === undefined || pathPattern === undefined || headerName === undefined || secretKey === undefined) return undefined;
    return { id, domainName: domainName.toLowerCase(), pathPattern, headerName, secretKey };
}

function readDomain(c: Cursor): DeliveryConfig["domain"] {
    if (!c.present) return undefined;
    if (!c.object(["aliases", "certificateArn"])) return undefined;
    const aliases = c.at("aliases").list((a) => {
        const host = a.string({ patternHint: "a hostname such as live.example.com" });
        if (host !== undefined && !isHostname(host)) return a.fail(`${JSON.stringify(host)} is not a hostname; use e.g. live.example.com`);
        return host?.toLowerCase();
    }, { min: 1, max: 10, what: "aliases" });
    // CloudFront refuses a distribution that lists one CNAME twice; hostnames compare case-insensitively.
    c.at("aliases").unique(aliases, "alias");
    const certificateArn = c.at("certificateArn").string({
        pattern: CERT_ARN,
        patternHint: "an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)",
    });
    if (aliases.length === 0 || certificateArn === undefined) return undefined;
    return { aliases, certificateArn };
}

/**
 * The audience the edge is sized for. Defaults suit a regional game; a national final needs its own
 * figures (the WAF per-address limit and the real-time log stream follow from them).
 */
function readAudience(c: Cursor): AudienceConfig | undefined {
    if (c.present && !c.object(["peakViewers", "viewersPerIp"])) return undefined;
    const peakViewers = c.at("peakViewers").int({ min: 1, max: 100_000_000, default: 10_000, unit: "concurrent viewers" });
    // Carrier-grade NAT puts hundreds of phones behind one address; 50 covers a campus hall or a bar.
    const viewersPerIp = c.at("viewersPerIp").int({ min: 1, max: 100_000, default: 50, unit: "viewers behind one address" });
    if (peakViewers === undefined || viewersPerIp === undefined) return undefined;
    if (viewersPerIp > peakViewers) c.at("viewersPerIp").fail(`${viewersPerIp} exceeds peakViewers (${peakViewers}); lower it or raise peakViewers`);
    return { peakViewers, viewersPerIp };
}

/** The entitlement backend's roles: the vending Function URL's resource policy names them and no one else. */
function readUrlVending(c: Cursor): DeliveryConfig["urlVending"] | undefined {
    if (!c.object(["callerRoleArns"])) return undefined;
    const callerRoleArns = c.at("callerRoleArns").list((e) => e.string({
        pattern: ROLE_ARN,
        patternHint: "the IAM role ARN of the entitlement backend, e.g. arn:aws:iam::123456789012:role/entitlement-api",
    }), { min: 1, max: 5, what: "caller roles" });
    return callerRoleArns.length > 0 ? { callerRoleArns } : undefined;
}
