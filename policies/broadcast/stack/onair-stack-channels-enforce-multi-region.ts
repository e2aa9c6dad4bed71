import { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/policy";
import { field, str } from "../../lib/props";
import { ofType, originEndpoints, regionOf } from "../../lib/stack";
import { MEDIALIVE_CHANNEL_TYPES } from "../../lib/types";
import { stableJson } from "../../../components/stableJson";

interface Config {
    minRegions: number;
}

function channelKey(r: PolicyResource): string {
    const request = field(r.props, "request") ?? r.props;
    return str(field(request, "name")) ?? r.name;
}

function encode(r: PolicyResource): string {
    const request = field(r.props, "request") ?? r.props;
    return stableJson([field(request, "encoderSettings"), field(request, "inputSpecification"), field(request, "channelClass")]);
}

/**
 * Endpoint settings that must match; forced errors legitimately differ (primary only). Segment
 * encryption has its own rule (onair-stack-endpoints-enforce-identical-encryption): its key provider
 * URL and role are regional by design.
 */
function endpointSettings(r: PolicyResource): string {
    const keep = ["containerType", "segment", "startoverWindowSeconds", "hlsManifests", "dashManifests", "lowLatencyHlsManifests"];
    const settings = Object.fromEntries(keep.map((k) => [k, field(r.props, k)]));
    const segment = settings["segment"];
    if (segment && typeof segment === "object") {
        const { encryption: _judgedElsewhere, ...rest } = segment as Record<string, unknown>;
        settings["segment"] = rest;
    }
    return stableJson(settings);
}

/**
 * Severity: critical. A channel in one region only has no cross-region failover; a channel whose
 * regions differ in encode or segment settings cannot switch seamlessly.
 * @see https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html
 */
export const enforceMultiRegion = stackPolicy<Config>(
    {
        name: "onair-stack-channels-enforce-multi-region",
        description: "Every live channel must run in at least two regions with identical encode, segment and endpoint settings.",
        rationale: "Cross-region failover swaps regions segment by segment. That needs the channel in two regions at least, with the same ladder, GOP and segment length, and the same MediaPackage endpoint layout, so segment n from either region is interchangeable.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html",
        remediationSteps: "Build each region's chain from one channel definition (as OnAir's RegionalMediaChain does) in at least two regions.",
        configSchema: {
            properties: {
                minRegions: { type: "integer", minimum: 1, maximum: 3, default: 2, description: "Regions each channel must run in." },
            },
        },
    },
    (args, report, config) => {
        const byName = new Map<string, PolicyResource[]>();
        for (const r of ofType(args.resources, ...MEDIALIVE_CHANNEL_TYPES)) byName.set(channelKey(r), [...(byName.get(channelKey(r)) ?? []), r]);
        // Compare in region order so the message is stable whatever order resources registered in.
        const byRegion = <X>(xs: X[], region: (x: X) => string | undefined) => [...xs].sort((a, b) => (region(a) ?? "").localeCompare(region(b) ?? ""));
        for (const [name, unordered] of byName) {
            const copies = byRegion(unordered, regionOf);
            const regions = [...new Set(copies.map(regionOf))];
            if (regions.length < config.minRegions) {
                report(`MediaLive channel "${name}" runs in ${regions.length} region${regions.length === 1 ? "" : "s"} (${regions.join(", ") || "unknown"}); run it in at least ${config.minRegions} regions behind a media-quality-based origin group.`, copies[0]!.urn);
                continue;
            }
            const reference = encode(copies[0]!);
            for (const c of copies.slice(1)) {
                if (encode(c) !== reference) {
                    report(`MediaLive channel "${name}" in ${regionOf(c)} is encoded differently from ${regionOf(copies[0]!)}; use identical encoder settings in every region so segments are interchangeable.`, c.urn);
                }
            }
        }
        const endpoints = new Map<string, ReturnType<typeof originEndpoints>>();
        for (const e of originEndpoints(args.resources)) {
            const key = `${e.group}/${e.channel}/${e.endpoint}`;
            endpoints.set(key, [...(endpoints.get(key) ?? []), e]);
        }
        for (const [key, unordered] of endpoints) {
            const copies = byRegion(unordered, (e) => e.region);
            const regions = new Set(copies.map((c) => c.region));
            if (regions.size < config.minRegions) {
                report(`MediaPackage v2 endpoint ${key} exists in ${regions.size} region${regions.size === 1 ? "" : "s"}; create it with the same names in at least ${config.minRegions} regions.`, copies[0]!.resource.urn);
                continue;
            }
            const reference = endpointSettings(copies[0]!.resource);
            for (const c of copies.slice(1)) {
                if (endpointSettings(c.resource) !== reference) {
                    report(`MediaPackage v2 endpoint ${key} in ${c.region} differs from ${copies[0]!.region} in segment or manifest settings; keep them identical across regions.`, c.resource.urn);
                }
            }
        }
    },
);
