/** Schema of `delivery`: the viewer edge (CloudFront), its extra origins and the audience it is sized for. */
import { PRICE_CLASSES, TLS_POLICIES } from "../types";
import { bool, custom, int, list, object, oneOf, string } from "./nodes";

const ORIGIN_ID = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;
export const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const PATH = {
    typeDoc: "CloudFront path pattern",
    doc: "viewer paths served by it, e.g. `/api/stats/*`; not under the media paths `/out/`, `/tk/`, `/v1/`, `/tm/`",
} as const;

export const VPC_ORIGIN = object(
    {
        id: string({ pattern: ORIGIN_ID, hint: "a lowercase slug such as stats-api", doc: "origin id, unique among the origins" }),
        arn: string({
            pattern:
                /^arn:aws:(elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/(app|net)\/[A-Za-z0-9-]+\/[0-9a-f]+|ec2:[a-z0-9-]+:\d{12}:instance\/i-[0-9a-f]{8,17})$/,
            hint: "the ARN of an application or network load balancer or an EC2 instance",
            doc: "ARN of the load balancer or instance",
        }),
        domainName: custom({
            typeDoc: "hostname",
            defaultDoc: "required",
            hint: "the load balancer's DNS name or the instance's private DNS name",
            doc: "its DNS name (a load balancer's, or the instance's private DNS name)",
        }),
        pathPattern: custom({ ...PATH, defaultDoc: "required" }),
        httpsPort: int({ min: 1, max: 65535, default: 443, doc: "HTTPS port of the origin" }),
    },
    { doc: "a private ALB, NLB or EC2 origin" },
);

export const CUSTOM_ORIGIN = object(
    {
        id: string({ pattern: ORIGIN_ID, hint: "a lowercase slug such as venue-graphics", doc: "origin id, unique among the origins" }),
        domainName: custom({ typeDoc: "hostname", defaultDoc: "required", hint: "the origin's public hostname", doc: "the origin's public hostname" }),
        pathPattern: custom({ ...PATH, defaultDoc: "required" }),
        headerName: string({
            default: "X-Origin-Verify",
            pattern: /^X-[A-Za-z0-9-]{1,60}$/,
            hint: "a custom header name starting with X-",
            doc: "header CloudFront adds; the origin rejects requests without it",
        }),
        // 32 characters or more: the header is the only thing keeping direct requests out.
        secretKey: custom({ secret: true, defaultDoc: "required", doc: "names a secret config key holding the header value (32-512 characters)" }),
    },
    { doc: "a public (on-prem) HTTPS origin that only accepts requests carrying the secret header" },
);

export const AUDIENCE = object(
    {
        peakViewers: int({ min: 1, max: 100_000_000, default: 10_000, unit: "concurrent viewers", doc: "the biggest game's concurrent viewers" }),
        // Carrier-grade NAT puts hundreds of phones behind one address; 50 covers a campus hall or a bar.
        viewersPerIp: int({
            min: 1,
            max: 100_000,
            default: 50,
            unit: "viewers behind one address",
            typeDoc: "1-100000, at most `peakViewers`",
            doc: "the largest crowd behind one address (CGNAT, campus, bar)",
        }),
    },
    { optional: true, doc: "the audience: WAF limits, the real-time log stream and its QoE consumer are sized from it" },
);

export const DELIVERY = object(
    {
        domain: custom({
            defaultDoc: "none (the cloudfront.net name)",
            doc: "viewer hostnames and their us-east-1 ACM certificate",
            fields: {
                aliases: custom({
                    typeDoc: "1-10 hostnames, each once",
                    defaultDoc: "required",
                    doc: "viewer hostnames (`{stack}` becomes the stack's name); on shard n the names with `-<n>` after the first label: `live-2.example.com`",
                }),
                certificateArn: string({
                    pattern: /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
                    hint: "an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from us-east-1)",
                    doc: "it must also cover `*.<clientRouting.domain>` (and `*.cr-2.example.com` on shard 2)",
                }),
            },
        }),
        clientRouting: custom({
            defaultDoc: "none",
            doc: "embedded-POP routing: playback hosts `<29-char label>.<domain>`, wildcard alias on the distribution; needs `delivery.domain`",
            fields: {
                domain: custom({
                    typeDoc: "hostname",
                    defaultDoc: "required",
                    hint: "the parent domain of the routing labels, e.g. cr.example.com",
                    doc: "the parent domain of the routing labels",
                }),
            },
        }),
        vpcOrigins: list(VPC_ORIGIN, { max: 10, what: "VPC origins", doc: "private ALB/NLB/EC2 origins reached through CloudFront VPC origins" }),
        customOrigins: list(CUSTOM_ORIGIN, { max: 10, what: "custom origins", doc: "public (on-prem) HTTPS origins; CloudFront adds the secret header" }),
        priceClass: oneOf(PRICE_CLASSES, { default: "PriceClass_All", doc: "CloudFront price class" }),
        originShield: bool({ default: true, doc: "Origin Shield on every region's origin, in its own region (or the nearest Origin Shield region)" }),
        failoverStatusCodes: custom({ typeDoc: "subset of 500, 502, 503, 504", defaultDoc: "all four", doc: "5xx codes that fail over besides 404" }),
        minimumTlsVersion: oneOf(TLS_POLICIES, { default: "TLSv1.2_2021", doc: "viewer TLS policy" }),
        audience: AUDIENCE,
        urlVending: object(
            {
                callerRoleArns: list(
                    string({
                        pattern: ROLE_ARN,
                        hint: "the IAM role ARN of the entitlement backend, e.g. arn:aws:iam::123456789012:role/entitlement-api",
                        doc: "a role ARN",
                    }),
                    {
                        min: 1,
                        max: 5,
                        what: "caller roles",
                        doc: "the entitlement backend's roles, the only principals the vending Function URL's resource policy admits",
                    },
                ),
            },
            { doc: "the URL vending hook" },
        ),
    },
    { optional: true, doc: "viewer delivery" },
);
