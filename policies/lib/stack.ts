import { PolicyResource } from "@pulumi/policy";
import { distributionView, DistributionView, OriginGroupView } from "./cloudfront";
import { mediaPackageRegion } from "./origins";
import { field, str } from "./props";
import { CLOUDFRONT_DISTRIBUTION_TYPES, T } from "../../contracts/resourceTypes";
import { isUnknown, maybe, Maybe, Unknown } from "./unknown";

/**
 * Cross-resource views for stack policies: which region a resource is in, which MediaPackage
 * channel groups sit behind which CloudFront origin groups, and so on. During preview the values
 * other resources compute (egress domains, ARNs) are Unknown; what the engine still knows then is
 * which resources each property was computed from (`propertyDependencies`).
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

/** Resources of the given types that a property of `r` was computed from. */
export function fedBy(r: PolicyResource, property: string, ...types: string[]): PolicyResource[] {
    return (r.propertyDependencies?.[property] ?? []).filter((d) => types.length === 0 || types.includes(d.type));
}

export interface ChannelGroupInfo {
    resource: PolicyResource;
    region?: string;
    name?: string;
    egressDomain?: Maybe<string>;
}

export function channelGroups(resources: PolicyResource[]): ChannelGroupInfo[] {
    return ofType(resources, T.mediaPackageChannelGroup).map((r) => {
        const info: ChannelGroupInfo = { resource: r, region: regionOf(r), name: str(field(r.props, "channelGroupName")) };
        const domain = maybe(() => str(field(r.props, "egressDomain")));
        if (domain !== undefined) info.egressDomain = domain;
        return info;
    });
}

export interface EndpointInfo {
    resource: PolicyResource;
    region?: string;
    group?: string;
    channel?: string;
    endpoint?: string;
}

export function originEndpoints(resources: PolicyResource[]): EndpointInfo[] {
    return ofType(resources, T.mediaPackageOriginEndpoint).map((r) => ({
        resource: r,
        region: regionOf(r),
        group: str(field(r.props, "channelGroupName")),
        channel: str(field(r.props, "channelName")),
        endpoint: str(field(r.props, "originEndpointName")),
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

export interface GroupMember {
    originId: string;
    domain: Maybe<string>;
    /**
     * The channel group whose egress domain the member's origin is; undefined when it is none of
     * this stack's; Unknown while the domains are not known (a first preview): a distribution's
     * origins are all one property, so the engine cannot tell which group each one came from.
     */
    channelGroup: ChannelGroupInfo | undefined | Unknown;
}

/** The members of an origin group, in member order, with the channel group each one reads from. */
export function groupMembers(d: DistributionInfo, g: OriginGroupView, groups: ChannelGroupInfo[]): GroupMember[] {
    return g.memberOriginIds.map((id) => {
        const origin = d.view.origins.find((o) => o.id === id);
        const domain: Maybe<string> = origin?.domainName ?? "";
        if (isUnknown(domain)) return { originId: id, domain, channelGroup: domain };
        const match = groups.find((cg) => typeof cg.egressDomain === "string" && cg.egressDomain === domain);
        // A group whose egress domain is not known yet can only be this one if it is a MediaPackage
        // v2 domain of the group's region (the region is part of every egress domain).
        const region = mediaPackageRegion(domain);
        const pending = region
            ? groups
                  .filter((cg) => cg.region === region)
                  .map((cg) => cg.egressDomain)
                  .find(isUnknown)
            : undefined;
        return { originId: id, domain, channelGroup: match ?? pending };
    });
}

/**
 * Channel groups (by region and name) that serve a media-quality-based origin group spanning two
 * regions, or Unknown if that cannot be told yet.
 */
export function crossRegionGroups(resources: PolicyResource[]): { region: string; name: string }[] | Unknown {
    const groups = channelGroups(resources);
    const out: { region: string; name: string }[] = [];
    for (const d of distributions(resources)) {
        for (const g of d.view.originGroups.filter(isMediaQualityGroup)) {
            const members = groupMembers(d, g, groups);
            const pending = members.map((m) => m.channelGroup).find(isUnknown);
            if (pending) return pending;
            const known = members
                .map((m) => m.channelGroup as ChannelGroupInfo | undefined)
                .filter((x): x is ChannelGroupInfo => !!x && !!x.region && !!x.name);
            if (new Set(known.map((m) => m.region)).size < 2) continue;
            for (const m of known) out.push({ region: m.region!, name: m.name! });
        }
    }
    return out;
}
