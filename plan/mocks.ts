import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { wireSignatures } from "../contracts/sdkInternals";
import type { ScheduleAction } from "@aws-sdk/client-medialive";
import { planningNow } from "../components/config/planningNow";
import { planSchedule } from "../components/media/medialive/schedulePlan";
import { OutputProperty, outputProperties } from "./sdkOutputs";

/**
 * Offline stand-in for the cloud: returns what a provider would compute on create (ids, ARNs,
 * endpoint URLs), derived deterministically from the inputs so two runs give the same plan.
 * Nothing here decides what the program creates; it only fills in provider outputs.
 */
export const MOCK_ACCOUNT = "123456789012";

type Inputs = Record<string, unknown>;
type Outputs = Record<string, unknown>;

function h(...parts: unknown[]): string {
    return createHash("sha256").update(parts.map(String).join("|")).digest("hex");
}

/** Lowercase base36-ish token of a given length from a seed. */
function token(seed: string, n: number): string {
    return BigInt("0x" + h(seed))
        .toString(36)
        .slice(0, n);
}

interface Ctx {
    name: string;
    region: string;
    inputs: Inputs;
    groupDomains: Map<string, string>;
}

const account = MOCK_ACCOUNT;

/**
 * Computed outputs whose exact format other resources or rules read (ARNs with paths, egress
 * domains, ingest URLs). Every other output-only property the type's SDK declares gets a generic
 * value from `genericOutput`.
 */
const OUTPUTS: Record<string, (c: Ctx) => Outputs> = {
    "aws:iam/role:Role": (c) => ({
        arn: `arn:aws:iam::${account}:role/${c.inputs["name"] ?? c.name}`,
        name: c.inputs["name"] ?? c.name,
        uniqueId: "AROA" + token(c.name, 17).toUpperCase(),
    }),
    "aws:iam/policy:Policy": (c) => ({ arn: `arn:aws:iam::${account}:policy/${c.inputs["name"] ?? c.name}` }),
    "aws:secretsmanager/secret:Secret": (c) => {
        // As the provider names it: the given name, or the prefix plus a unique suffix; Secrets
        // Manager then appends six random characters to the ARN.
        const name = String(c.inputs["name"] ?? (c.inputs["namePrefix"] ? `${c.inputs["namePrefix"]}${token(c.name + "n", 26)}` : c.name));
        return { name, arn: `arn:aws:secretsmanager:${c.region}:${account}:secret:${name}-${token(c.name, 6)}` };
    },
    "aws:medialive/input:Input": (c) => ({
        id: num(c.name),
        arn: `arn:aws:medialive:${c.region}:${account}:input:${num(c.name)}`,
        destinations: c.inputs["type"] === "RTP_PUSH" ? [0, 1].map((i) => ({ ip: ip(c.name + i), port: "5000", url: `rtp://${ip(c.name + i)}:5000` })) : [],
    }),
    "aws:medialive/inputSecurityGroup:InputSecurityGroup": (c) => ({
        arn: `arn:aws:medialive:${c.region}:${account}:inputSecurityGroup:${num(c.name)}`,
        inputs: [],
    }),
    "aws:medialive/channel:Channel": (c) => ({
        arn: `arn:aws:medialive:${c.region}:${account}:channel:${num(c.name)}`,
        channelId: num(c.name),
    }),
    // The OnAir MediaLive resources (dynamic providers): what create() returns after the API call.
    "pulumi-nodejs:dynamic/medialive:Channel": (c) => ({
        id: num(c.name),
        channelId: num(c.name),
        arn: `arn:aws:medialive:${c.region}:${account}:channel:${num(c.name)}`,
        state: "IDLE",
    }),
    "pulumi-nodejs:dynamic/medialive:Input": (c) => {
        const request = (c.inputs["request"] ?? {}) as Inputs;
        const push = request["Type"] === "RTP_PUSH";
        return {
            id: num(c.name),
            inputId: num(c.name),
            arn: `arn:aws:medialive:${c.region}:${account}:input:${num(c.name)}`,
            state: "DETACHED",
            destinations: push ? [0, 1].map((i) => ({ ip: ip(c.name + i), port: "5000", url: `rtp://${ip(c.name + i)}:5000` })) : [],
        };
    },
    // An empty schedule planned at the plan's "now" (ONAIR_NOW / --as-of): what create() would send.
    "pulumi-nodejs:dynamic/medialive:Schedule": (c) => {
        const nowMs = planningNow();
        const plan = planSchedule([], (c.inputs["actions"] ?? []) as ScheduleAction[], nowMs);
        return { id: c.inputs["channelId"], scheduled: plan.creates, deferred: plan.deferred, missed: plan.missed, appliedAt: new Date(nowMs).toISOString() };
    },
    "aws-native:mediaconnect:Flow": (c) => {
        const arn = `arn:aws:mediaconnect:${c.region}:${account}:flow:1-${token(c.name, 16)}:${c.inputs["name"] ?? c.name}`;
        const source = (c.inputs["source"] ?? {}) as Inputs;
        return {
            flowArn: arn,
            flowAvailabilityZone: c.inputs["availabilityZone"] ?? `${c.region}a`,
            egressIp: ip(c.name + "egress"),
            source: {
                ...source,
                sourceArn: `arn:aws:mediaconnect:${c.region}:${account}:source:1-${token(c.name + "s", 16)}:${source["name"] ?? "source"}`,
                ingestIp: ip(c.name + "ingest"),
                sourceIngestPort: String(source["ingestPort"] ?? ""),
            },
        };
    },
    "aws-native:mediaconnect:FlowSource": (c) => ({
        sourceArn: `arn:aws:mediaconnect:${c.region}:${account}:source:1-${token(c.name, 16)}:${c.inputs["name"] ?? c.name}`,
        ingestIp: ip(c.name + "ingest"),
        sourceIngestPort: String(c.inputs["ingestPort"] ?? ""),
    }),
    "aws-native:mediapackagev2:ChannelGroup": (c) => {
        const domain = `${token(c.name, 6)}.egress.${token(c.name + "e", 6)}.mediapackagev2.${c.region}.amazonaws.com`;
        c.groupDomains.set(`${c.region}/${c.inputs["channelGroupName"]}`, domain);
        return { arn: `arn:aws:mediapackagev2:${c.region}:${account}:channelGroup/${c.inputs["channelGroupName"]}`, egressDomain: domain };
    },
    "aws-native:mediapackagev2:Channel": (c) => {
        const group = c.inputs["channelGroupName"];
        const channel = c.inputs["channelName"];
        const ingest = (i: number) =>
            `https://${token(c.name, 6)}-${i}.ingest.${token(c.name + "i", 6)}.mediapackagev2.${c.region}.amazonaws.com/in/v1/${group}/${i}/${channel}/index`;
        const endpoints = [1, 2].map((i) => ({ id: String(i), url: ingest(i) }));
        return {
            arn: `arn:aws:mediapackagev2:${c.region}:${account}:channelGroup/${group}/channel/${channel}`,
            ingestEndpoints: endpoints,
            ingestEndpointUrls: endpoints.map((e) => e.url),
        };
    },
    "aws-native:mediapackagev2:OriginEndpoint": (c) => {
        const group = String(c.inputs["channelGroupName"]);
        const base = `https://${c.groupDomains.get(`${c.region}/${group}`) ?? "unknown-group.egress.mediapackagev2.amazonaws.com"}/out/v1/${group}/${c.inputs["channelName"]}/${c.inputs["originEndpointName"]}`;
        const urls = (key: string, ext: string) => ((c.inputs[key] as Inputs[] | undefined) ?? []).map((m) => `${base}/${m["manifestName"]}.${ext}`);
        return {
            arn: `arn:aws:mediapackagev2:${c.region}:${account}:channelGroup/${group}/channel/${c.inputs["channelName"]}/originEndpoint/${c.inputs["originEndpointName"]}`,
            hlsManifestUrls: urls("hlsManifests", "m3u8"),
            lowLatencyHlsManifestUrls: urls("lowLatencyHlsManifests", "m3u8"),
            dashManifestUrls: urls("dashManifests", "mpd"),
        };
    },
    "aws-native:mediatailor:PlaybackConfiguration": (c) => {
        const hash = token(c.name, 32);
        const name = c.inputs["name"] ?? c.name;
        const base = `https://${token(c.name + "h", 32)}.mediatailor.${c.region}.amazonaws.com/v1`;
        return {
            playbackConfigurationArn: `arn:aws:mediatailor:${c.region}:${account}:playbackConfiguration/${name}`,
            playbackEndpointPrefix: `https://${token(c.name + "p", 32)}.mediatailor.${c.region}.amazonaws.com`,
            sessionInitializationEndpointPrefix: `${base}/session/${hash}/${name}/`,
            hlsConfiguration: { manifestEndpointPrefix: `${base}/master/${hash}/${name}/` },
            dashConfiguration: { ...((c.inputs["dashConfiguration"] as Inputs) ?? {}), manifestEndpointPrefix: `${base}/dash/${hash}/${name}/` },
        };
    },
    "aws-native:cloudfront:Distribution": (c) => {
        const id = "E" + token(c.name, 13).toUpperCase();
        return { id, domainName: `d${token(c.name + "d", 13)}.cloudfront.net` };
    },
    "aws:cloudfront/distribution:Distribution": (c) => {
        // CloudFront is global: its ARNs have no region and name the distribution by id.
        const id = "E" + token(c.name, 13).toUpperCase();
        return {
            id,
            arn: `arn:aws:cloudfront::${account}:distribution/${id}`,
            domainName: `d${token(c.name + "d", 13)}.cloudfront.net`,
            hostedZoneId: "Z2FDTNDATAQYW2",
            status: "Deployed",
        };
    },
    "aws-native:cloudfront:OriginAccessControl": (c) => ({ id: "E" + token(c.name, 13).toUpperCase() }),
    "aws-native:cloudfront:CachePolicy": (c) => ({ id: uuid(c.name) }),
    "aws-native:cloudfront:OriginRequestPolicy": (c) => ({ id: uuid(c.name) }),
    "aws-native:cloudfront:ResponseHeadersPolicy": (c) => ({ id: uuid(c.name) }),
    "aws-native:cloudfront:KeyValueStore": (c) => ({
        arn: `arn:aws:cloudfront::${account}:key-value-store/${uuid(c.name)}`,
        id: uuid(c.name),
    }),
    "aws-native:cloudfront:Function": (c) => ({
        functionArn: `arn:aws:cloudfront::${account}:function/${c.inputs["name"] ?? c.name}`,
        stage: "LIVE",
    }),
    "aws-native:cloudfront:VpcOrigin": (c) => ({
        arn: `arn:aws:cloudfront::${account}:vpcorigin/vo_${token(c.name, 22)}`,
        id: `vo_${token(c.name, 22)}`,
    }),
    "aws-native:cloudfront:RealtimeLogConfig": (c) => ({
        arn: `arn:aws:cloudfront::${account}:realtime-log-config/${c.inputs["name"] ?? c.name}`,
    }),
    "aws-native:wafv2:WebAcl": (c) => ({
        id: uuid(c.name),
        arn: `arn:aws:wafv2:us-east-1:${account}:global/webacl/${c.inputs["name"] ?? c.name}/${uuid(c.name)}`,
        capacity: 0,
    }),
    "aws-native:wafv2:IpSet": (c) => ({
        id: uuid(c.name),
        arn: `arn:aws:wafv2:us-east-1:${account}:global/ipset/${c.inputs["name"] ?? c.name}/${uuid(c.name)}`,
    }),
    "aws:lambda/function:Function": (c) => ({
        arn: `arn:aws:lambda:${c.region}:${account}:function:${c.inputs["name"] ?? c.name}`,
        invokeArn: `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${c.region}:${account}:function:${c.inputs["name"] ?? c.name}/invocations`,
        version: "$LATEST",
    }),
    "aws:lambda/functionUrl:FunctionUrl": (c) => ({
        functionUrl: `https://${token(c.name, 32)}.lambda-url.${c.region}.on.aws/`,
        urlId: token(c.name, 32),
    }),
    "aws:cloudwatch/logGroup:LogGroup": (c) => ({ arn: `arn:aws:logs:${c.region}:${account}:log-group:${c.inputs["name"] ?? c.name}` }),
    "aws:s3/bucket:Bucket": (c) => {
        const bucket = String(c.inputs["bucket"] ?? `${c.inputs["bucketPrefix"] ?? c.name}${token(c.name, 12)}`);
        return {
            id: bucket,
            arn: `arn:aws:s3:::${bucket}`,
            bucket,
            bucketDomainName: `${bucket}.s3.amazonaws.com`,
            bucketRegionalDomainName: `${bucket}.s3.${c.region}.amazonaws.com`,
        };
    },
    "aws:kinesis/stream:Stream": (c) => ({ arn: `arn:aws:kinesis:${c.region}:${account}:stream/${c.inputs["name"] ?? c.name}` }),
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": (c) => ({
        arn: `arn:aws:firehose:${c.region}:${account}:deliverystream/${c.inputs["name"] ?? c.name}`,
    }),
    "aws:glue/catalogDatabase:CatalogDatabase": (c) => ({ arn: `arn:aws:glue:${c.region}:${account}:database/${c.inputs["name"] ?? c.name}` }),
    "aws:athena/workgroup:Workgroup": (c) => ({ arn: `arn:aws:athena:${c.region}:${account}:workgroup/${c.inputs["name"] ?? c.name}` }),
    "aws:cloudwatch/dashboard:Dashboard": (c) => ({ dashboardArn: `arn:aws:cloudwatch::${account}:dashboard/${c.inputs["dashboardName"] ?? c.name}` }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (c) => ({ arn: `arn:aws:cloudwatch:${c.region}:${account}:alarm:${c.inputs["name"] ?? c.name}` }),
    "aws:cloudwatch/eventRule:EventRule": (c) => ({ arn: `arn:aws:events:${c.region}:${account}:rule/${c.inputs["name"] ?? c.name}` }),
    "aws:scheduler/scheduleGroup:ScheduleGroup": (c) => ({ arn: `arn:aws:scheduler:${c.region}:${account}:schedule-group/${c.inputs["name"] ?? c.name}` }),
    "aws:scheduler/schedule:Schedule": (c) => ({
        arn: `arn:aws:scheduler:${c.region}:${account}:schedule/${c.inputs["groupName"] ?? "default"}/${c.inputs["name"] ?? c.name}`,
    }),
    "aws:sns/topic:Topic": (c) => ({ arn: `arn:aws:sns:${c.region}:${account}:${c.inputs["name"] ?? c.name}` }),
    "aws:sfn/stateMachine:StateMachine": (c) => ({ arn: `arn:aws:states:${c.region}:${account}:stateMachine:${c.inputs["name"] ?? c.name}` }),
};

function num(seed: string): string {
    return String(1000000 + (parseInt(h(seed).slice(0, 8), 16) % 8999999));
}

function ip(seed: string): string {
    const b = Buffer.from(h(seed).slice(0, 8), "hex");
    // 198.18.0.0/15 is reserved for benchmarking: clearly not a real ingest address.
    return `198.${18 + (b[0]! % 2)}.${b[1]}.${b[2]}`;
}

function uuid(seed: string): string {
    const x = h(seed);
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const FIXED_TIME = "2026-01-01T00:00:00Z";

/**
 * A plausible value for an output-only property the table above does not fill, by the property's
 * declared type and its name (Pulumi's and AWS's naming conventions: `arn`/`...Arn`, `...Id`,
 * `...Url`, `...DomainName`, `...At`, `tagsAll` = tags plus the provider's default tags).
 */
function genericOutput(p: OutputProperty, type: string, c: Ctx, id: string): unknown {
    const service = (type.split(":")[1] ?? "").split("/")[0]!.toLowerCase();
    const kind = (type.split(":")[2] ?? "resource").toLowerCase();
    const seed = `${type}|${c.name}|${p.name}`;
    switch (p.kind) {
        case "number":
            return 0;
        case "boolean":
            return false;
        case "array":
            return [];
        case "object":
            return p.name === "tagsAll" ? { ...((c.inputs["tags"] as Inputs | undefined) ?? {}) } : {};
        default:
            break;
    }
    if (/^arn$|Arn$/.test(p.name)) return `arn:aws:${service}:${c.region}:${account}:${kind}/${c.inputs["name"] ?? c.name}`;
    if (p.name === "awsId") return id;
    if (/Urls?$/.test(p.name)) return `https://${token(seed, 12)}.${service}.${c.region}.amazonaws.com/`;
    if (/(DomainName|Domain)$/.test(p.name)) return `${token(seed, 12)}.${service}.${c.region}.amazonaws.com`;
    if (/(At|Date|Time)$/.test(p.name)) return FIXED_TIME;
    return token(seed, 12);
}

export interface MockOptions {
    /**
     * A first `pulumi preview`: nothing exists yet, so every provider-computed output and every id
     * is unknown; inputs are known where the program knows them.
     */
    preview?: boolean;
    /** Resources that exist (`--against`): answered with their deployed id and outputs. */
    deployed?: (urn: string, type: string) => DeployedAnswer | undefined;
}

/** A deployed resource's id and outputs in the wire form (secrets as the SDK's secret signature objects). */
export interface DeployedAnswer {
    id?: string;
    outputs: Record<string, unknown>;
}

/** The SDK's mock arguments plus the URN the plan gives the registration. */
export type MockResourceArgs = pulumi.runtime.MockResourceArgs & { urn?: string };

const { unknown: UNKNOWN_WIRE, sigKey: WIRE_SIG } = wireSignatures();

function isPlain(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `inputs` over `outputs`: objects merge key by key, any other input value replaces the output's. */
function overlay(outputs: unknown, inputs: unknown): unknown {
    if (!isPlain(outputs) || !isPlain(inputs) || isWireSpecial(inputs) || isWireSpecial(outputs)) return inputs;
    const out: Record<string, unknown> = { ...outputs };
    for (const [k, v] of Object.entries(inputs)) out[k] = k in outputs ? overlay(outputs[k], v) : v;
    return out;
}

/** Secrets, resource references and assets on the wire are values, not objects to merge. */
function isWireSpecial(v: Record<string, unknown>): boolean {
    return WIRE_SIG in v;
}

/** Creates a fresh mock cloud for one run. Providers record their region so ARNs land in the right place. */
export function createMocks(options: MockOptions = {}): pulumi.runtime.Mocks {
    const providerRegions = new Map<string, string>();
    const groupDomains = new Map<string, string>();
    let counter = 0;

    const regionOf = (provider: string | undefined, inputs: Inputs): string => {
        if (typeof inputs["region"] === "string") return inputs["region"];
        const id = provider?.split("::").pop();
        return (id && providerRegions.get(id)) ?? "us-east-1";
    };

    return {
        newResource(args: MockResourceArgs): pulumi.runtime.MockResourceResult {
            const inputs = (args.inputs ?? {}) as Inputs;
            if (args.type.startsWith("pulumi:providers:")) {
                const id = `${args.name}-provider-${++counter}`;
                if (typeof inputs["region"] === "string") providerRegions.set(id, inputs["region"]);
                return { id, state: inputs };
            }
            // A resource that exists keeps its id and the provider's outputs; the new inputs are
            // laid over them, object by object (what a preview of an update shows before the
            // provider answers: computed members such as a nested endpoint prefix stay).
            const existing = args.custom === false || !args.urn ? undefined : options.deployed?.(args.urn, args.type);
            if (existing) {
                const domain = existing.outputs["egressDomain"];
                if (args.type === "aws-native:mediapackagev2:ChannelGroup" && typeof domain === "string")
                    groupDomains.set(`${regionOf(args.provider, inputs)}/${inputs["channelGroupName"]}`, domain);
                return { id: existing.id, state: overlay(existing.outputs, inputs) as Outputs };
            }
            const region = regionOf(args.provider, inputs);
            const ctx: Ctx = { name: args.name, region, inputs, groupDomains };
            const { id: computedId, ...computed } = OUTPUTS[args.type]?.(ctx) ?? {};
            const id = (computedId as string | undefined) ?? `${args.name}-${token(args.type + args.name, 8)}`;
            // aws-native exposes the service's own id as `awsId`; the Pulumi id is the same value.
            if (args.type.startsWith("aws-native:") && computedId) computed["awsId"] = computedId;
            for (const p of args.custom === false ? [] : outputProperties(args.type)) {
                if (!(p.name in computed) && !(p.name in inputs)) computed[p.name] = genericOutput(p, args.type, ctx, id);
            }
            if (options.preview) {
                // What the engine hands back for a create during preview: the inputs, and every
                // computed property unknown. Computed values the mocks derived stay out of the plan.
                const unknowns = Object.fromEntries(
                    Object.keys(computed)
                        .filter((k) => !(k in inputs))
                        .map((k) => [k, UNKNOWN_WIRE]),
                );
                return { id: undefined, state: { ...inputs, ...unknowns } };
            }
            return { id: args.custom === false ? undefined : id, state: { ...inputs, ...computed } };
        },
        call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
            const inputs = (args.inputs ?? {}) as Inputs;
            switch (args.token) {
                case "aws:index/getCallerIdentity:getCallerIdentity":
                    return { accountId: account, arn: `arn:aws:iam::${account}:user/offline-plan`, userId: "AIDAOFFLINEPLAN", id: account };
                case "aws:index/getRegion:getRegion":
                case "aws:index/getRegion:getRegionResult": {
                    const region = regionOf(args.provider, inputs);
                    return { name: region, region, id: region, description: region };
                }
                case "aws:servicequotas/getServiceQuota:getServiceQuota":
                    // Service Quotas answers a lookup by name with the quota's code; offline a stand-in "L-" code.
                    return {
                        ...inputs,
                        quotaCode: inputs["quotaCode"] ?? `L-${token(`${inputs["serviceCode"]}/${inputs["quotaName"]}`, 8).toUpperCase()}`,
                        adjustable: true,
                        id: `${inputs["serviceCode"]}/${inputs["quotaName"]}`,
                    };
                case "aws:index/getPartition:getPartition":
                    return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
                case "aws-native:index:getAccountId":
                    return { accountId: account };
                case "aws-native:index:getRegion":
                    return { region: regionOf(args.provider, inputs) };
                default:
                    return inputs;
            }
        },
    };
}
