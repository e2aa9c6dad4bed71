import { PolicyResource } from "@pulumi/policy";
import { channelFeeds, feedKey } from "../../lib/feeds";
import { stackPolicy } from "../../lib/policy";
import { field, str } from "../../lib/props";
import { distributions, ofType, originEndpoints, regionOf } from "../../lib/stack";
import { stableJson } from "../../../contracts/stableJson";
import { MEDIALIVE_CHANNEL_TYPES } from "../../../contracts/resourceTypes";
import { isUnknown, maybe, Undecided } from "../../lib/unknown";

interface Config {
    minRegions: number;
}

function request(r: PolicyResource): unknown {
    return field(r.props, "request") ?? r.props;
}

function label(r: PolicyResource): string {
    return str(field(request(r), "name")) ?? r.name;
}

function encode(r: PolicyResource): string {
    const q = request(r);
    return stableJson([field(q, "encoderSettings"), field(q, "inputSpecification"), field(q, "channelClass")]);
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

/** Channels that share a feed are copies of one channel; union-find over the feeds' identities. */
class Copies {
    private parent = new Map<PolicyResource, PolicyResource>();
    /** How each set was matched: the feed identities that joined it. */
    readonly by = new Map<PolicyResource, Set<string>>();

    add(r: PolicyResource, keys: string[]): void {
        this.parent.set(r, r);
        this.by.set(r, new Set(keys));
    }

    find(r: PolicyResource): PolicyResource {
        let root = r;
        while (this.parent.get(root) !== root) root = this.parent.get(root)!;
        return root;
    }

    join(a: PolicyResource, b: PolicyResource): void {
        const ra = this.find(a);
        const rb = this.find(b);
        if (ra === rb) return;
        this.parent.set(rb, ra);
        for (const k of this.by.get(rb)!) this.by.get(ra)!.add(k);
    }

    groups(): { members: PolicyResource[]; matchedBy: string[] }[] {
        const out = new Map<PolicyResource, PolicyResource[]>();
        for (const r of this.parent.keys()) out.set(this.find(r), [...(out.get(this.find(r)) ?? []), r]);
        return [...out.entries()].map(([root, members]) => ({ members, matchedBy: [...this.by.get(root)!].sort() }));
    }
}

/**
 * A channel in one region only has no cross-region failover; a channel whose
 * regions differ in encode or segment settings cannot switch seamlessly.
 */
export const enforceMultiRegion = stackPolicy<Config>(
    {
        name: "onair-stack-channels-enforce-multi-region",
        description:
            "Every live channel must run in at least two regions with identical encode, segment and endpoint settings; the copies of a channel are the MediaLive channels that feed the same MediaPackage v2 channel group and channel (or the same destination, or the members of one CloudFront origin group), whatever they are named.",
        rationale:
            "Cross-region failover swaps regions segment by segment. That needs the channel in two regions at least, with the same ladder, GOP and segment length, and the same MediaPackage endpoint layout, so segment n from either region is interchangeable. An origin group asks every region for the same path, so the copies are the channels feeding the same MediaPackage channel group and channel names; their own names may differ per region.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html",
        remediationSteps:
            "Build each region's chain from one channel definition (as OnAir's RegionalMediaChain does) in at least two regions, each region's MediaLive channel ingesting into a MediaPackage v2 channel of the same channel group and channel name.",
        configSchema: {
            properties: {
                minRegions: { type: "integer", minimum: 1, maximum: 3, default: 2, description: "Regions each channel must run in." },
            },
        },
    },
    (args, report, config) => {
        const undecided = new Undecided();
        const copies = new Copies();
        const byKey = new Map<string, PolicyResource[]>();
        let pending = 0;
        for (const r of ofType(args.resources, ...MEDIALIVE_CHANNEL_TYPES)) {
            const f = maybe(() => channelFeeds(r));
            if (isUnknown(f) || f.pending) {
                // A destination not known yet, and no dependency saying what it is.
                undecided.note(isUnknown(f) ? f : f.pending!);
                pending++;
                continue;
            }
            const keys = f.feeds.map(feedKey);
            copies.add(r, keys);
            for (const k of keys) byKey.set(k, [...(byKey.get(k) ?? []), r]);
        }
        // A CloudFront origin group joins the regions too: channels feeding hosts that are members of one group.
        for (const d of distributions(args.resources)) {
            for (const g of d.view.originGroups) {
                const hosts = g.memberOriginIds
                    .map((id) => d.view.origins.find((o) => o.id === id)?.domainName)
                    .filter((h): h is string => typeof h === "string" && h !== "");
                const joined = [...byKey.entries()]
                    .filter(([k]) => hosts.some((h) => k.startsWith(`destination https://${h}/`) || k.startsWith(`destination http://${h}/`)))
                    .flatMap(([, rs]) => rs);
                if (joined.length === 0) continue;
                for (const r of joined) copies.by.get(copies.find(r))!.add(`origin group ${g.id} of distribution ${d.resource.name}`);
                for (const r of joined.slice(1)) copies.join(joined[0]!, r);
            }
        }
        for (const rs of byKey.values()) for (const r of rs.slice(1)) copies.join(rs[0]!, r);

        // Compare in region order so the message is stable whatever order resources registered in.
        const byRegion = <X>(xs: X[], region: (x: X) => string | undefined, urn: (x: X) => string) =>
            [...xs].sort((a, b) => (region(a) ?? "").localeCompare(region(b) ?? "") || urn(a).localeCompare(urn(b)));
        for (const { members, matchedBy } of copies.groups()) {
            const sorted = byRegion(members, regionOf, (r) => r.urn);
            const regions = [...new Set(sorted.map(regionOf))];
            const how =
                matchedBy.length > 0
                    ? `copies matched by the ${matchedBy.join(" and the ")}`
                    : "it feeds no MediaPackage v2 channel or destination to match copies by";
            if (regions.length < config.minRegions) {
                // A channel whose destination is still unknown could be the missing copy.
                if (pending > 0) continue;
                report(
                    `MediaLive channel "${label(sorted[0]!)}" runs in ${regions.length} region${regions.length === 1 ? "" : "s"} (${regions.join(", ") || "unknown"}; ${how}); run it in at least ${config.minRegions} regions behind a media-quality-based origin group.`,
                    sorted[0]!.urn,
                );
                continue;
            }
            const first = sorted[0]!;
            undecided.check(() => {
                const reference = encode(first);
                for (const c of sorted.slice(1)) {
                    if (encode(c) !== reference) {
                        report(
                            `MediaLive channel "${label(c)}" in ${regionOf(c)} is encoded differently from "${label(first)}" in ${regionOf(first)} (${how}); use identical encoder settings in every region so segments are interchangeable.`,
                            c.urn,
                        );
                    }
                }
            });
        }

        const endpoints = new Map<string, ReturnType<typeof originEndpoints>>();
        for (const e of originEndpoints(args.resources)) {
            const key = `${e.group}/${e.channel}/${e.endpoint}`;
            endpoints.set(key, [...(endpoints.get(key) ?? []), e]);
        }
        for (const [key, unordered] of endpoints) {
            const copiesOf = byRegion(
                unordered,
                (e) => e.region,
                (e) => e.resource.urn,
            );
            const regions = new Set(copiesOf.map((c) => c.region));
            if (regions.size < config.minRegions) {
                report(
                    `MediaPackage v2 endpoint ${key} exists in ${regions.size} region${regions.size === 1 ? "" : "s"}; create it with the same names in at least ${config.minRegions} regions (an origin group requests the same path from each).`,
                    copiesOf[0]!.resource.urn,
                );
                continue;
            }
            undecided.check(() => {
                const reference = endpointSettings(copiesOf[0]!.resource);
                for (const c of copiesOf.slice(1)) {
                    if (endpointSettings(c.resource) !== reference) {
                        report(
                            `MediaPackage v2 endpoint ${key} in ${c.region} differs from ${copiesOf[0]!.region} in segment or manifest settings; keep them identical across regions.`,
                            c.resource.urn,
                        );
                    }
                }
            });
        }
        undecided.settle();
    },
);
