import { regionShort } from "../../components/naming";
import { CapturedResource, PlanCapture } from "../../contracts/capturedPlan";

/**
 * The season as the plan builds it, reduced to what the picture shows: regions, per channel and
 * region the contribution -> MediaLive -> MediaPackage chain (with the URNs behind each step, so
 * a change can mark it), the origin groups joining the regions, and the distributions.
 */
export interface ChainStep {
    label: string;
    urns: string[];
}

export interface ChannelChain {
    channelId: string;
    region: string;
    contribution: ChainStep;
    medialive: ChainStep;
    packaging: ChainStep;
}

export interface SeasonModel {
    /** Regions in plan order; the primary first (the region whose endpoints force errors on bad input). */
    regions: { region: string; primary: boolean }[];
    /** Channel ids in plan order. */
    channels: string[];
    chains: ChannelChain[];
    distributions: { name: string; urn: string; aliases: string[]; originGroups: { id: string; channelId?: string }[] }[];
}

type Inputs = Record<string, unknown>;

function obj(v: unknown): Inputs {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Inputs) : {};
}

function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}

const PROTOCOL: Record<string, string> = {
    "srt-listener": "SRT listener",
    "srt-caller": "SRT caller",
    rist: "RIST",
    "rtp-fec": "RTP+FEC",
    rtp: "RTP",
    "zixi-push": "Zixi",
};

function contributionLabel(flows: CapturedResource[], sources: CapturedResource[], inputs: CapturedResource[]): string {
    if (flows.length > 0) {
        const protocol = String(obj(flows[0]!.inputs["source"])["protocol"] ?? "?");
        const failover = obj(flows[0]!.inputs["sourceFailoverConfig"])["failoverMode"];
        const extra =
            sources.length > 0
                ? ` + ${sources.length / flows.length} backup source${sources.length / flows.length === 1 ? "" : "s"}${failover ? ` (${String(failover).toLowerCase()})` : ""}`
                : "";
        const direct = inputs.length > 0 ? ` + ${inputs.length} direct input${inputs.length === 1 ? "" : "s"}` : "";
        return `MediaConnect ${flows.length} flows, ${PROTOCOL[protocol] ?? protocol}${extra}${direct}`;
    }
    const types = [...new Set(inputs.map((i) => String(obj(i.inputs["request"])["Type"] ?? "input")))];
    return inputs.length > 0 ? `MediaLive input ${types.join(" + ")}` : "no contribution";
}

function medialiveLabel(ch: CapturedResource | undefined): string {
    const r = obj(ch?.inputs["request"]);
    const videos = list(obj(r["EncoderSettings"])["VideoDescriptions"]);
    const heights = videos.map((v) => Number(obj(v)["Height"])).filter((h) => h > 0);
    const top = heights.length > 0 ? `, ${Math.max(...heights)}p top of ${videos.length}` : "";
    return `MediaLive ${String(r["ChannelClass"] ?? "channel")}${top}`;
}

function packagingLabel(endpoints: CapturedResource[]): string {
    const e = endpoints[0];
    if (!e) return "no MediaPackage endpoint";
    const drm = obj(obj(e.inputs["segment"])["encryption"]);
    const systems = list(obj(drm["spekeKeyProvider"])["drmSystems"]).map(String);
    const manifests = [list(e.inputs["hlsManifests"]).length > 0 ? "HLS" : "", list(e.inputs["dashManifests"]).length > 0 ? "DASH" : ""]
        .filter(Boolean)
        .join(" + ");
    return `MediaPackage v2 ${String(e.inputs["containerType"] ?? "")} ${manifests}${systems.length > 0 ? `, DRM (${systems.length} systems)` : ""}`
        .replace(/\s+/g, " ")
        .trim();
}

/** The channel a chain resource belongs to: `<region short>-<channel>-<what>`; the longest id wins. */
function chainChannel(name: string, prefix: string, channels: string[]): string | undefined {
    return channels.filter((c) => name.startsWith(`${prefix}-${c}-`)).sort((a, b) => b.length - a.length)[0];
}

/** Reads the picture's model from a captured plan (no config: the plan is the source of truth). */
export function seasonModel(plan: PlanCapture): SeasonModel {
    const custom = plan.resources.filter((r) => r.custom);
    const medialive = custom.filter((r) => r.type === "pulumi-nodejs:dynamic/medialive:Channel");
    // A channel's id is its MediaPackage channel name, the same in every region.
    const mpChannels = custom.filter((r) => r.type === "aws-native:mediapackagev2:Channel");
    const channels = [...new Set(mpChannels.map((r) => String(r.inputs["channelName"])))];
    const regions = [...new Set(medialive.map((r) => r.region).filter((r): r is string => !!r))];
    const endpoints = custom.filter((r) => r.type === "aws-native:mediapackagev2:OriginEndpoint");
    const primaries = new Set(endpoints.filter((e) => Object.keys(obj(e.inputs["forceEndpointErrorConfiguration"])).length > 0).map((e) => e.region));
    const chains: ChannelChain[] = [];
    for (const region of regions) {
        const prefix = regionShort(region);
        const mine = (type: string, ch: string) =>
            custom.filter((r) => r.type === type && r.region === region && chainChannel(r.name, prefix, channels) === ch);
        for (const ch of channels) {
            const flows = mine("aws-native:mediaconnect:Flow", ch);
            const sources = mine("aws-native:mediaconnect:FlowSource", ch);
            const inputs = [...mine("pulumi-nodejs:dynamic/medialive:Input", ch), ...mine("aws:medialive/input:Input", ch)];
            const ml = mine("pulumi-nodejs:dynamic/medialive:Channel", ch);
            const mp = [...mine("aws-native:mediapackagev2:Channel", ch), ...mine("aws-native:mediapackagev2:ChannelPolicy", ch)];
            const ep = [...mine("aws-native:mediapackagev2:OriginEndpoint", ch), ...mine("aws-native:mediapackagev2:OriginEndpointPolicy", ch)];
            if (ml.length === 0 && mp.length === 0) continue;
            chains.push({
                channelId: ch,
                region,
                contribution: {
                    label: contributionLabel(
                        flows,
                        sources,
                        inputs.filter((i) => i.type.startsWith("pulumi-nodejs")),
                    ),
                    urns: [...flows, ...sources, ...inputs].map((r) => r.urn),
                },
                medialive: { label: medialiveLabel(ml[0]), urns: ml.map((r) => r.urn) },
                packaging: { label: packagingLabel(ep.filter((r) => r.type.endsWith("OriginEndpoint"))), urns: [...mp, ...ep].map((r) => r.urn) },
            });
        }
    }
    const distributions = custom
        .filter((r) => r.type === "aws-native:cloudfront:Distribution" || r.type === "aws:cloudfront/distribution:Distribution")
        .map((d) => {
            const config = obj(d.inputs["distributionConfig"]);
            const groups = list(obj(config["originGroups"])["items"]).map((g) => String(obj(g)["id"]));
            return {
                name: d.name,
                urn: d.urn,
                aliases: list(config["aliases"]).map(String),
                originGroups: groups.map((id) => {
                    const channelId = channels.filter((c) => id === c || id.endsWith(`-${c}`)).sort((a, b) => b.length - a.length)[0];
                    return channelId ? { id, channelId } : { id };
                }),
            };
        });
    return {
        regions: [...regions.filter((r) => primaries.has(r)), ...regions.filter((r) => !primaries.has(r))].map((region) => ({
            region,
            primary: primaries.has(region),
        })),
        channels,
        chains,
        distributions,
    };
}
