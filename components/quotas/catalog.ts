/**
 * The AWS service quotas an OnAir season can run into, each with its default, whether it can be
 * raised, its Service Quotas service code and name, and the AWS document it comes from. The plan
 * counts what a stack needs against them (plan/quotas/); the season's layout is sized from them
 * (components/delivery/shards.ts); config can declare the account's raised values (config/quotas.ts).
 *
 * Quota codes (L-...) are given where an AWS document prints one; for the others the Service Quotas
 * console and API find the quota by service code and name (aws.servicequotas.getServiceQuota does at
 * deploy time, components/quotas/serviceQuotas.ts).
 */

/** What a quota is counted per. */
export type QuotaScope =
    | "account" // per account (CloudFront is global: one count per account)
    | "region" // per account and region
    | "distribution"
    | "channel-group"
    | "channel"
    | "flow"
    | "web-acl"
    | "key-value-store";

export interface QuotaDef {
    /** OnAir's key for the quota, used in config (`onair:season.quotas.increases`) and reports. */
    id: string;
    /** Service Quotas service code. */
    service: string;
    /** The quota's name as Service Quotas and the AWS document name it. */
    name: string;
    /** Service Quotas quota code, where an AWS document prints it. */
    code?: string;
    scope: QuotaScope;
    default: number;
    adjustable: boolean;
    /** Counted across every stack in the account (other stacks' resources use it up too). */
    shared: boolean;
    unit?: string;
    /** The AWS document (title, section) the default and adjustability come from. */
    source: string;
}

const CLOUDFRONT = "Amazon CloudFront Developer Guide, Quotas (cloudfront-limits.html)";
const MEDIAPACKAGE = "AWS Elemental MediaPackage v2 User Guide, Quotas in AWS Elemental MediaPackage (quotas.html)";
const MEDIACONNECT = "AWS Elemental MediaConnect User Guide, Quotas in AWS Elemental MediaConnect (quotas.html)";
const MEDIALIVE = "AWS General Reference, AWS Elemental MediaLive endpoints and quotas (medialive_region.html), Service quotas";
const MEDIATAILOR = "AWS Elemental MediaTailor User Guide, Quotas in AWS Elemental MediaTailor (quotas.html), Quotas on ad insertion";
const WAF = "AWS WAF Developer Guide, AWS WAF quotas (limits.html), and What's New 2023-04-11, web ACL capacity units up to 5,000";
const SCHEDULER = "Amazon EventBridge Scheduler User Guide, Quotas for Amazon EventBridge Scheduler (scheduler-quotas.html)";

export const QUOTAS: readonly QuotaDef[] = [
    // CloudFront, "General quotas on distributions": 10 origin groups, 75 cache behaviours, 100 origins,
    // 100 alternate domain names per distribution and 500 distributions per account, each with "Request a higher quota".
    {
        id: "cloudfront-origin-groups",
        service: "cloudfront",
        name: "Origin groups per distribution",
        scope: "distribution",
        default: 10,
        adjustable: true,
        shared: false,
        source: `${CLOUDFRONT}, General quotas on distributions`,
    },
    {
        id: "cloudfront-cache-behaviors",
        service: "cloudfront",
        name: "Cache behaviors per distribution",
        scope: "distribution",
        default: 75,
        adjustable: true,
        shared: false,
        source: `${CLOUDFRONT}, General quotas on distributions`,
    },
    {
        id: "cloudfront-origins",
        service: "cloudfront",
        name: "Origins per distribution",
        scope: "distribution",
        default: 100,
        adjustable: true,
        shared: false,
        source: `${CLOUDFRONT}, General quotas on distributions`,
    },
    {
        id: "cloudfront-aliases",
        service: "cloudfront",
        name: "Alternate domain names (CNAMEs) per distribution",
        scope: "distribution",
        default: 100,
        adjustable: true,
        shared: false,
        source: `${CLOUDFRONT}, General quotas on distributions`,
    },
    {
        id: "cloudfront-distributions",
        service: "cloudfront",
        name: "Distributions per AWS account",
        scope: "account",
        default: 500,
        adjustable: true,
        shared: true,
        source: `${CLOUDFRONT}, General quotas on distributions ("Distributions per AWS account", 500)`,
    },
    // CloudFront, "Quotas on key value stores": 5 MB total size of a key value store; not adjustable.
    {
        id: "cloudfront-kvs-size",
        service: "cloudfront",
        name: "Total size of a key value store",
        scope: "key-value-store",
        default: 5 * 1024 * 1024,
        adjustable: false,
        shared: false,
        unit: "bytes",
        source: `${CLOUDFRONT}, Quotas on key value stores`,
    },
    // MediaPackage v2 soft quotas: 3 channel groups per account (and region: a group's name is unique
    // per account in a Region), 10 channels per channel group, 10 endpoints per channel.
    {
        id: "mediapackagev2-channel-groups",
        service: "mediapackagev2",
        name: "Maximum channel groups",
        scope: "region",
        default: 3,
        adjustable: true,
        shared: true,
        source: `${MEDIAPACKAGE}, Soft quotas ("3 per account")`,
    },
    {
        id: "mediapackagev2-channels",
        service: "mediapackagev2",
        name: "Maximum channels",
        scope: "channel-group",
        default: 10,
        adjustable: true,
        shared: false,
        source: `${MEDIAPACKAGE}, Soft quotas ("10 per channel group")`,
    },
    {
        id: "mediapackagev2-endpoints",
        service: "mediapackagev2",
        name: "Maximum endpoints per channel",
        scope: "channel",
        default: 10,
        adjustable: true,
        shared: false,
        source: `${MEDIAPACKAGE}, Soft quotas ("10 per channel")`,
    },
    // MediaConnect: 20 flows per Region ("You can request a quota increase"); 2 sources per transport
    // stream flow ("You cannot increase this quota").
    {
        id: "mediaconnect-flows",
        service: "mediaconnect",
        name: "Flows",
        scope: "region",
        default: 20,
        adjustable: true,
        shared: true,
        source: `${MEDIACONNECT} ("20 per AWS Region")`,
    },
    {
        id: "mediaconnect-sources",
        service: "mediaconnect",
        name: "Sources per flow",
        scope: "flow",
        default: 2,
        adjustable: false,
        shared: false,
        source: `${MEDIACONNECT} ("2 per transport stream flow", cannot be increased)`,
    },
    // MediaLive, per Region, adjustable in Service Quotas. NOT VERIFIED: the General Reference's
    // quota table could not be read from this workplace (only the page's endpoint list); the values
    // are the long-standing defaults of 5 channels, 5 inputs and 5 input security groups. Check the
    // account's values in Service Quotas and declare them (quotas.increases) when they differ.
    { id: "medialive-channels", service: "medialive", name: "Channels", scope: "region", default: 5, adjustable: true, shared: true, source: MEDIALIVE },
    { id: "medialive-inputs", service: "medialive", name: "Inputs", scope: "region", default: 5, adjustable: true, shared: true, source: MEDIALIVE },
    {
        id: "medialive-input-security-groups",
        service: "medialive",
        name: "Input security groups",
        scope: "region",
        default: 5,
        adjustable: true,
        shared: true,
        source: MEDIALIVE,
    },
    // MediaTailor: "Configurations 1,000: the maximum number of configurations"; quotas not adjustable unless noted.
    {
        id: "mediatailor-configurations",
        service: "mediatailor",
        name: "Configurations",
        scope: "region",
        default: 1000,
        adjustable: false,
        shared: true,
        source: MEDIATAILOR,
    },
    // WAF: a web ACL may use up to 5,000 WCUs (past 1,500 each 500 WCUs add a request charge).
    {
        id: "wafv2-web-acl-capacity",
        service: "wafv2",
        name: "Maximum web ACL capacity units in a web ACL",
        scope: "web-acl",
        default: 5000,
        adjustable: false,
        shared: false,
        unit: "WCUs",
        source: WAF,
    },
    {
        id: "wafv2-web-acls",
        service: "wafv2",
        name: "Maximum number of web ACLs",
        scope: "region",
        default: 100,
        adjustable: true,
        shared: true,
        source: `${WAF} ("Maximum number of protection packs (web ACLs)", 100 per account per Region)`,
    },
    // EventBridge Scheduler: "Number of schedules (default 10,000,000 per Region ... adjustable)".
    {
        id: "scheduler-schedules",
        service: "scheduler",
        name: "Number of schedules",
        scope: "region",
        default: 10_000_000,
        adjustable: true,
        shared: true,
        source: SCHEDULER,
    },
];

export const QUOTA_BY_ID: ReadonlyMap<string, QuotaDef> = new Map(QUOTAS.map((q) => [q.id, q]));

/** A quota by OnAir id, Service Quotas code or name (case-insensitive), as config may name it. */
export function findQuota(key: string): QuotaDef | undefined {
    const k = key.toLowerCase();
    return QUOTAS.find((q) => q.id === k || q.code?.toLowerCase() === k || q.name.toLowerCase() === k || `${q.service}/${q.name}`.toLowerCase() === k);
}

/** CloudFront, WAF scope CLOUDFRONT and key value stores are global: counted in us-east-1, their control-plane region. */
export const GLOBAL_QUOTA_REGION = "us-east-1";
