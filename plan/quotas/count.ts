import { GLOBAL_QUOTA_REGION } from "../../components/quotas/catalog";
import { CapturedResource, PlanCapture, SecretValue } from "../../contracts/capturedPlan";
import { webAclCapacity } from "./wcu";

/** What one quota subject needs: a distribution's origin groups, a region's flows, ... */
export interface Usage {
    quota: string;
    region: string;
    /** The distribution, channel group, channel, flow, web ACL or store counted; absent for per-region counts. */
    subject?: string;
    needed: number;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof SecretValue) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

const T = {
    distNative: "aws-native:cloudfront:Distribution",
    distClassic: "aws:cloudfront/distribution:Distribution",
    kvs: "aws-native:cloudfront:KeyValueStore",
    kvsKey: "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey",
    group: "aws-native:mediapackagev2:ChannelGroup",
    channel: "aws-native:mediapackagev2:Channel",
    endpoint: "aws-native:mediapackagev2:OriginEndpoint",
    flow: "aws-native:mediaconnect:Flow",
    flowSource: "aws-native:mediaconnect:FlowSource",
    mlChannels: ["pulumi-nodejs:dynamic/medialive:Channel", "aws:medialive/channel:Channel"],
    mlInputs: ["pulumi-nodejs:dynamic/medialive:Input", "aws:medialive/input:Input"],
    mlIsg: "aws:medialive/inputSecurityGroup:InputSecurityGroup",
    playback: ["aws-native:mediatailor:PlaybackConfiguration", "aws:mediatailor/playbackConfiguration:PlaybackConfiguration"],
    webAcl: ["aws-native:wafv2:WebAcl", "aws:wafv2/webAcl:WebAcl"],
    schedule: "aws:scheduler/schedule:Schedule",
} as const;

function regionOf(r: CapturedResource): string {
    return r.region ?? GLOBAL_QUOTA_REGION;
}

/** A distribution's config in either provider's shape (aws-native nests it; classic is flat). */
function distributionShape(r: CapturedResource): { origins: number; originGroups: number; behaviors: number; aliases: number } {
    if (r.type === T.distNative) {
        const cfg = obj(r.inputs["distributionConfig"]);
        return {
            origins: list(cfg["origins"]).length,
            originGroups: list(obj(cfg["originGroups"])["items"]).length,
            behaviors: list(cfg["cacheBehaviors"]).length,
            aliases: list(cfg["aliases"]).length,
        };
    }
    return {
        origins: list(r.inputs["origins"]).length,
        originGroups: list(r.inputs["originGroups"]).length,
        behaviors: list(r.inputs["orderedCacheBehaviors"]).length,
        aliases: list(r.inputs["aliases"]).length,
    };
}

/** Bytes a key value store entry takes: its key and its value (UTF-8), as CloudFront counts the store's size. */
function entryBytes(r: CapturedResource): number {
    const value = r.inputs["value"] instanceof SecretValue ? (r.inputs["value"] as SecretValue).value : r.inputs["value"];
    return Buffer.byteLength(String(r.inputs["key"] ?? "")) + Buffer.byteLength(typeof value === "string" ? value : JSON.stringify(value ?? ""));
}

/**
 * What the plan's resources need of each quota, read from the registrations themselves (so a
 * program judged with --program is counted the same way as OnAir's own).
 */
export function countUsage(plan: PlanCapture): Usage[] {
    const rs = plan.resources.filter((r) => r.custom);
    const of = (types: readonly string[] | string) => rs.filter((r) => (typeof types === "string" ? r.type === types : types.includes(r.type)));
    const usage: Usage[] = [];
    const perRegion = (quota: string, items: CapturedResource[]) => {
        const m = new Map<string, number>();
        for (const r of items) m.set(regionOf(r), (m.get(regionOf(r)) ?? 0) + 1);
        for (const [region, needed] of m) usage.push({ quota, region, needed });
    };

    const distributions = of([T.distNative, T.distClassic]);
    for (const d of distributions) {
        const s = distributionShape(d);
        const region = GLOBAL_QUOTA_REGION;
        usage.push({ quota: "cloudfront-origin-groups", region, subject: d.name, needed: s.originGroups });
        usage.push({ quota: "cloudfront-cache-behaviors", region, subject: d.name, needed: s.behaviors });
        usage.push({ quota: "cloudfront-origins", region, subject: d.name, needed: s.origins });
        usage.push({ quota: "cloudfront-aliases", region, subject: d.name, needed: s.aliases });
    }
    if (distributions.length > 0) usage.push({ quota: "cloudfront-distributions", region: GLOBAL_QUOTA_REGION, needed: distributions.length });

    // A store's size: the entries the deployment writes (operators' revocations come on top).
    const stores = of(T.kvs);
    for (const s of stores) {
        const arn = str(s.outputs["arn"]);
        const bytes = of(T.kvsKey)
            .filter((k) => k.inputs["keyValueStoreArn"] === arn || stores.length === 1)
            .reduce((n, k) => n + entryBytes(k), 0);
        usage.push({ quota: "cloudfront-kvs-size", region: GLOBAL_QUOTA_REGION, subject: s.name, needed: bytes });
    }

    perRegion("mediapackagev2-channel-groups", of(T.group));
    const byGroup = new Map<string, number>();
    for (const c of of(T.channel)) {
        const key = `${regionOf(c)}|${str(c.inputs["channelGroupName"]) ?? "?"}`;
        byGroup.set(key, (byGroup.get(key) ?? 0) + 1);
    }
    for (const [key, needed] of byGroup) {
        const [region, group] = key.split("|") as [string, string];
        usage.push({ quota: "mediapackagev2-channels", region, subject: group, needed });
    }
    const byChannel = new Map<string, number>();
    for (const e of of(T.endpoint)) {
        const key = `${regionOf(e)}|${str(e.inputs["channelGroupName"]) ?? "?"}/${str(e.inputs["channelName"]) ?? "?"}`;
        byChannel.set(key, (byChannel.get(key) ?? 0) + 1);
    }
    for (const [key, needed] of byChannel) {
        const [region, channel] = key.split("|") as [string, string];
        usage.push({ quota: "mediapackagev2-endpoints", region, subject: channel, needed });
    }

    const flows = of(T.flow);
    perRegion("mediaconnect-flows", flows);
    const extra = of(T.flowSource);
    for (const f of flows) {
        const arn = str(f.outputs["flowArn"]);
        const sources = 1 + extra.filter((s) => arn !== undefined && s.inputs["flowArn"] === arn).length;
        usage.push({ quota: "mediaconnect-sources", region: regionOf(f), subject: str(f.inputs["name"]) ?? f.name, needed: sources });
    }

    perRegion("medialive-channels", of(T.mlChannels));
    perRegion("medialive-inputs", of(T.mlInputs));
    perRegion("medialive-input-security-groups", of(T.mlIsg));
    perRegion("mediatailor-configurations", of(T.playback));
    const acls = of(T.webAcl);
    perRegion("wafv2-web-acls", acls);
    for (const a of acls)
        usage.push({
            quota: "wafv2-web-acl-capacity",
            region: regionOf(a),
            subject: str(a.inputs["name"]) ?? a.name,
            needed: webAclCapacity(list(a.inputs["rules"])),
        });
    perRegion("scheduler-schedules", of(T.schedule));
    return usage;
}
