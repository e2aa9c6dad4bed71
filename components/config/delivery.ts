import { Cursor } from "./cursor";
import { isHostname } from "./network";
import { DeliveryConfig, FAILOVER_5XX, PRICE_CLASSES, TLS_POLICIES } from "./types";

const CERT_ARN = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;

export function readDelivery(c: Cursor): DeliveryConfig | undefined {
    if (!c.object(["domain", "priceClass", "originShield", "failoverStatusCodes", "minimumTlsVersion"], { optional: true }) && c.present) return undefined;
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
    if (priceClass === undefined || minimumTlsVersion === undefined) return undefined;
    const out: DeliveryConfig = { priceClass, originShield, failoverStatusCodes, minimumTlsVersion };
    if (domain) out.domain = domain;
    return out;
}

function readDomain(c: Cursor): DeliveryConfig["domain"] {
    if (!c.present) return undefined;
    if (!c.object(["aliases", "certificateArn"])) return undefined;
    const aliases = c.at("aliases").list((a) => {
        const host = a.string({ patternHint: "a hostname such as live.example.com" });
        if (host !== undefined && !isHostname(host)) return a.fail(`${JSON.stringify(host)} is not a hostname; use e.g. live.example.com`);
        return host?.toLowerCase();
    }, { min: 1, max: 10, what: "aliases" });
    const certificateArn = c.at("certificateArn").string({
        pattern: CERT_ARN,
        patternHint: "an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)",
    });
    if (aliases.length === 0 || certificateArn === undefined) return undefined;
    return { aliases, certificateArn };
}
