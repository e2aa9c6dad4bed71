import { dig, field, list, num, str } from "./props";
import { originService, OriginService } from "./origins";
import { T } from "../../contracts/resourceTypes";
import { isUnknown, maybe, Maybe } from "./unknown";

/**
 * One view of a CloudFront distribution, whether `aws-native:cloudfront:Distribution`
 * (`distributionConfig`, API-like) or `aws:cloudfront/distribution:Distribution` (flat, Terraform-like).
 * Values that come from other resources (origin domains, access control, web ACL and log bucket
 * ids) may be Unknown during preview: known to be set, not yet what they are.
 */
export interface DistributionView {
    origins: OriginView[];
    originGroups: OriginGroupView[];
    webAclId?: Maybe<string>;
    geoRestriction?: { type?: string; locations: string[] };
    viewerProtocolPolicies: { pathPattern: string; policy?: string }[];
    minimumProtocolVersion?: string;
    usesDefaultCertificate: boolean;
    loggingBucket?: Maybe<string>;
}

export interface OriginView {
    id: string;
    domainName: Maybe<string>;
    /** From the domain's hostname; Unknown when the domain is. */
    service: Maybe<OriginService>;
    originAccessControlId?: Maybe<string>;
    originAccessIdentity?: Maybe<string>;
    vpcOriginId?: Maybe<string>;
    protocolPolicy?: string;
    customHeaderNames: string[];
}

/** A domain for messages: the name, or that it is not known yet. */
export function domainText(d: Maybe<string>): string {
    return isUnknown(d) ? "domain not known until created" : d;
}

/** A set reference that may be unknown: present if known and non-empty, or unknown. */
function ref(read: () => unknown): Maybe<string> | undefined {
    const v = maybe(() => str(read()));
    return isUnknown(v) || v ? v : undefined;
}

export interface OriginGroupView {
    id: string;
    memberOriginIds: string[];
    statusCodes: number[];
    selectionCriteria?: string;
}

export function distributionView(type: string, props: Record<string, unknown>): DistributionView {
    return type === T.cloudFrontDistributionNative ? nativeView(field(props, "distributionConfig") ?? {}) : classicView(props);
}

function origin(o: unknown, idKey: string, headersKey: string, headerNameKey: string): OriginView {
    const domainName = maybe(() => str(field(o, "domainName")) ?? "");
    const view: OriginView = {
        id: str(field(o, idKey)) ?? "(unnamed origin)",
        domainName,
        service: isUnknown(domainName) ? domainName : originService(domainName),
        customHeaderNames: list(field(o, headersKey))
            .map((h) => str(field(h, headerNameKey)) ?? "")
            .filter((n) => n !== ""),
    };
    const oac = ref(() => field(o, "originAccessControlId"));
    if (oac) view.originAccessControlId = oac;
    const oai = ref(() => dig(o, "s3OriginConfig", "originAccessIdentity"));
    if (oai) view.originAccessIdentity = oai;
    const vpc = ref(() => dig(o, "vpcOriginConfig", "vpcOriginId"));
    if (vpc) view.vpcOriginId = vpc;
    const policy = str(dig(o, "customOriginConfig", "originProtocolPolicy"));
    if (policy) view.protocolPolicy = policy;
    return view;
}

function nativeView(cfg: unknown): DistributionView {
    const behaviors = [
        { pathPattern: "*", b: field(cfg, "defaultCacheBehavior") },
        ...list(field(cfg, "cacheBehaviors")).map((b) => ({ pathPattern: str(field(b, "pathPattern")) ?? "?", b })),
    ];
    return common(cfg, {
        origins: list(field(cfg, "origins")).map((o) => origin(o, "id", "originCustomHeaders", "headerName")),
        originGroups: list(dig(cfg, "originGroups", "items")).map((g) => ({
            id: str(field(g, "id")) ?? "(unnamed group)",
            memberOriginIds: list(dig(g, "members", "items")).map((m) => str(field(m, "originId")) ?? ""),
            statusCodes: list(dig(g, "failoverCriteria", "statusCodes", "items")).map((c) => num(c) ?? 0),
            ...(str(field(g, "selectionCriteria")) ? { selectionCriteria: str(field(g, "selectionCriteria"))! } : {}),
        })),
        behaviors,
        loggingBucket: ref(() => dig(cfg, "logging", "bucket")),
    });
}

function classicView(props: Record<string, unknown>): DistributionView {
    const behaviors = [
        { pathPattern: "*", b: field(props, "defaultCacheBehavior") },
        ...list(field(props, "orderedCacheBehaviors")).map((b) => ({ pathPattern: str(field(b, "pathPattern")) ?? "?", b })),
    ];
    return common(props, {
        origins: list(field(props, "origins")).map((o) => origin(o, "originId", "customHeaders", "name")),
        originGroups: list(field(props, "originGroups")).map((g) => ({
            id: str(field(g, "originId")) ?? "(unnamed group)",
            memberOriginIds: list(field(g, "members")).map((m) => str(field(m, "originId")) ?? ""),
            statusCodes: list(dig(g, "failoverCriteria", "statusCodes")).map((c) => num(c) ?? 0),
        })),
        behaviors,
        loggingBucket: ref(() => dig(props, "loggingConfig", "bucket")),
    });
}

function common(
    cfg: unknown,
    parts: {
        origins: OriginView[];
        originGroups: OriginGroupView[];
        behaviors: { pathPattern: string; b: unknown }[];
        loggingBucket: Maybe<string> | undefined;
    },
): DistributionView {
    const geo = dig(cfg, "restrictions", "geoRestriction");
    const cert = field(cfg, "viewerCertificate");
    const view: DistributionView = {
        origins: parts.origins,
        originGroups: parts.originGroups,
        viewerProtocolPolicies: parts.behaviors
            .filter((x) => x.b !== undefined)
            .map((x) => ({
                pathPattern: x.pathPattern,
                ...(str(field(x.b, "viewerProtocolPolicy")) ? { policy: str(field(x.b, "viewerProtocolPolicy"))! } : {}),
            })),
        // aws-native spells it cloudFrontDefaultCertificate, aws (Terraform) cloudfrontDefaultCertificate.
        usesDefaultCertificate:
            cert === undefined || field(cert, "cloudFrontDefaultCertificate") === true || field(cert, "cloudfrontDefaultCertificate") === true,
    };
    const waf = ref(() => field(cfg, "webAclId"));
    if (waf) view.webAclId = waf;
    if (geo !== undefined) {
        const type = str(field(geo, "restrictionType"));
        view.geoRestriction = { ...(type ? { type } : {}), locations: list(field(geo, "locations")).map((l) => String(l)) };
    }
    const tls = str(field(cert, "minimumProtocolVersion"));
    if (tls) view.minimumProtocolVersion = tls;
    if (parts.loggingBucket) view.loggingBucket = parts.loggingBucket;
    return view;
}
