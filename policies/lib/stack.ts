import { PolicyResource } from "@pulumi/policy";
import { distributionView, DistributionView, OriginGroupView } from "./cloudfront";
import { field, list, str } from "./props";
import { CLOUDFRONT_DISTRIBUTION_TYPES, T } from "./types";

/**
 * Cross-resource views for stack policies: which region a resource is in, which MediaPackage
 * channel groups sit behind which CloudFront origin groups, and so on.
 */

/** A resource's region: its own `region` input (aws v7, OnAir dynamic resources), else its provider's. */
export function regionOf(r: PolicyResource): string | undefined {
    const own = str(field(r.props, "region"));
    if (own) return own;
    return str(field(r.provider?.props, "region"));
}

export function ofType(resources: PolicyResource[], ...types: string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
}

export interface ChannelGroupInfo {
    resource: PolicyResource;
    region?: string;
    name?: string;
    egressDomain?: string;
}

export function channelGroups(resources: PolicyResource[]): ChannelGroupInfo[] {
    return ofType(resources, "aws-native:mediapackagev2:ChannelGroup").map((r) => ({
        resource: r,
        region: regionOf(r),
        name: str(field(r.props, "channelGroupName")),
        egressDomain: str(field(r.props, "egressDomain")),
    }));
}

export interface EndpointInfo {
    resource: PolicyResource;
    region?: string;
    group?: string;
    channel?: string;
    endpoint?: string;
    arn?: string;
}

export function originEndpoints(resources: PolicyResource[]): EndpointInfo[] {
    return ofType(resources, T.mediaPackageOriginEndpoint).map((r) => ({
        resource: r,
        region: regionOf(r),
        group: str(field(r.props, "channelGroupName")),
        channel: str(field(r.props, "channelName")),
        endpoint: str(field(r.props, "originEndpointName")),
        arn: str(field(r.props, "arn")),
    }));
}

export interface DistributionInfo {
    resource: PolicyResource;
    view: DistributionView;
}

export function distributions(resources: PolicyResource[]): DistributionInfo[] {
    return resources.filter((r) => CLOUDFRONT_DISTRIBUTION_TYPES.includes(r.type)).map((r) => ({ resource: r, view: distributionView(r.type, r.props) }));
}

export function isMediaQualityGroup(g: OriginGroupView): boolean {
    return g.selectionCriteria === "media-quality-based";
}

/** The channel groups (by region) whose egress domains are members of an origin group, in member order. */
export function groupMembers(d: DistributionInfo, g: OriginGroupView, groups: ChannelGroupInfo[]): { originId: string; domain: string; channelGroup?: ChannelGroupInfo }[] {
    return g.memberOriginIds.map((id) => {
        const origin = d.view.origins.find((o) => o.id === id);
        const domain = origin?.domainName ?? "";
        return { originId: id, domain, channelGroup: groups.find((cg) => cg.egressDomain !== undefined && cg.egressDomain === domain) };
    });
}

/** Channel-group names and regions that serve some media-quality-based group spanning two regions. */
export function crossRegionGroups(resources: PolicyResource[]): { region: string; name: string }[] {
    const groups = channelGroups(resources);
    const out: { region: string; name: string }[] = [];
    for (const d of distributions(resources)) {
        for (const g of d.view.originGroups.filter(isMediaQualityGroup)) {
            const members = groupMembers(d, g, groups).map((m) => m.channelGroup).filter((x): x is ChannelGroupInfo => !!x && !!x.region && !!x.name);
            if (new Set(members.map((m) => m.region)).size < 2) continue;
            for (const m of members) out.push({ region: m.region!, name: m.name! });
        }
    }
    return out;
}

/** Statements of an IAM-style policy document (object or JSON string), always as a list. */
export function statements(doc: unknown): Record<string, unknown>[] {
    const d = typeof doc === "string" ? safeJson(doc) : doc;
    const s = field(d, "Statement");
    return (Array.isArray(s) ? s : s ? [s] : []) as Record<string, unknown>[];
}

export function asList(v: unknown): string[] {
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
}

function safeJson(s: string): unknown {
    try {
        return JSON.parse(s);
    } catch {
        return undefined;
    }
}

export { list };
