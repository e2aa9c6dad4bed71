import { ResourceChange } from "./changes";

/**
 * What one change does to a season on air. Pure: decided from the change and the provider
 * behaviour named in each case, never from the cloud.
 */
export type Effect =
    /** The MediaLive channel is deleted (and recreated): off air until it is started again. */
    | "channel-stop"
    /** A settings update of the MediaLive channel: applied only while IDLE; a RUNNING channel is stopped and started again (allowLiveUpdate) or the update is refused. */
    | "channel-settings"
    /** The channel's contribution or input is rebuilt: the channel is updated to take the new input. */
    | "channel-input"
    /** A venue-facing address or port changes: the venue encoders must be told. */
    | "venue-address"
    /** A viewer-facing URL or origin domain changes. */
    | "viewer-url"
    /** A region's origin (MediaPackage channel, endpoint, its policy or group) is missing or refuses CloudFront while it is rebuilt. */
    | "origin-gap";

/** Effects that take a channel off air in its region while they run. */
export const OFF_AIR: ReadonlySet<Effect> = new Set(["channel-stop", "channel-settings", "channel-input", "venue-address", "origin-gap"]);

export interface VenueNotice {
    /** The venue network (contribution.networks[].name) whose encoder must be reconfigured. */
    network?: string;
    pipeline?: string;
    /** Address as deployed (protocol://ip:port), when the state has it. */
    before?: string;
    /** The new value: known parts, and where the assigned address appears after `pulumi up`. */
    after: string;
}

export interface ChangeEffects {
    effects: Effect[];
    /** One line per effect, saying why (the provider or AWS behaviour). */
    reasons: string[];
    venue?: VenueNotice;
}

const REPLACING: ReadonlySet<string> = new Set(["replace", "may-replace", "delete"]);

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

/** The settings UpdateChannel applies: everything in the request but its tags (channelUpdate.ts). */
function settingsChanged(c: ResourceChange): boolean {
    return c.properties.some((p) => p.path === "request" || (p.path.startsWith("request.") && !p.path.startsWith("request.Tags")));
}

function flowSource(c: ResourceChange): { source: Record<string, unknown>; outputs: Record<string, unknown> } {
    const inputs = c.after?.inputs ?? c.before?.inputs ?? {};
    const outputs = c.before?.outputs ?? {};
    if (c.type === "aws-native:mediaconnect:Flow") {
        return { source: isObject(inputs["source"]) ? inputs["source"] : {}, outputs: isObject(outputs["source"]) ? outputs["source"] : {} };
    }
    return { source: inputs, outputs };
}

/** A flow's (or extra flow source's) ingest address as deployed and what replaces it. */
function flowVenue(c: ResourceChange, channelId: string | undefined, region: string | undefined): VenueNotice {
    const { source, outputs } = flowSource(c);
    const protocol = str(source["protocol"]) ?? "?";
    const port = str(source["ingestPort"]) ?? str(outputs["sourceIngestPort"]) ?? "?";
    const ip = str(outputs["ingestIp"]);
    const pipeline = /-flow-([a-z])(?:-|$)/.exec(c.name)?.[1];
    const az = str(c.after?.inputs["availabilityZone"]);
    const where =
        channelId && region
            ? `\`pulumi stack output channels\` -> ${channelId}.${region}.contribution (network ${str(source["name"]) ?? "?"}${pipeline ? `, pipeline ${pipeline}` : ""})`
            : "the stack outputs";
    const replaced = REPLACING.has(c.op) || c.op === "create";
    const listener = str(source["sourceListenerAddress"]);
    if (protocol === "srt-caller" && listener) {
        // A caller flow connects out to the venue's listener: the venue sees (and may allow-list) the flow's egress address.
        const target = `${listener}:${str(source["sourceListenerPort"]) ?? "?"}`;
        const egress = str((c.before?.outputs ?? {})["egressIp"]);
        return {
            ...(str(source["name"]) ? { network: str(source["name"])! } : {}),
            ...(pipeline ? { pipeline } : {}),
            ...(egress ? { before: `srt-caller to ${target} from ${egress}` } : {}),
            after: replaced
                ? `srt-caller to ${target} from a new egress address assigned by MediaConnect${az ? ` in ${az}` : ""}: the venue's listener must accept it (read the flow's egressIp after \`pulumi up\`)`
                : `srt-caller to ${target}`,
        };
    }
    const after = replaced
        ? `${protocol}://<new address assigned by MediaConnect${az ? ` in ${az}` : ""}>:${port}, allowed from ${str(source["whitelistCidr"]) ?? "the configured CIDR"}; read it from ${where} after \`pulumi up\``
        : `${protocol}://${ip ?? "<deployed address>"}:${port}, allowed from ${str(source["whitelistCidr"]) ?? "the configured CIDR"}`;
    return {
        ...(str(source["name"]) ? { network: str(source["name"])! } : {}),
        ...(pipeline ? { pipeline } : {}),
        ...(ip ? { before: `${protocol}://${ip}:${port}` } : {}),
        after,
    };
}

/** Flow source members a venue encoder is configured with (where it sends, from where). */
const VENUE_FACING = ["protocol", "ingestPort", "whitelistCidr", "streamId", "decryption"];

function venueFacingUpdate(c: ResourceChange): boolean {
    const prefix = c.type === "aws-native:mediaconnect:Flow" ? "source." : "";
    return c.properties.some((p) => VENUE_FACING.some((k) => p.path === `${prefix}${k}` || p.path.startsWith(`${prefix}${k}.`)));
}

/**
 * The live effects of one change. Sources: MediaLive updates only an IDLE channel (provider
 * channelUpdate.ts; MediaLive User Guide, "Editing a channel"); a replaced MediaConnect flow gets a
 * new ingest address (MediaConnect assigns the source's IngestIp at CreateFlow: AWS::MediaConnect::Flow
 * Source.IngestIp is read-only); MediaPackage v2 origin endpoints serve only while they exist and
 * CloudFront reads them only with their endpoint policy (MediaPackage User Guide, "Origin access
 * control"); a new CloudFront distribution gets a new *.cloudfront.net domain.
 */
export function effectsOf(c: ResourceChange, channelId: string | undefined): ChangeEffects {
    const effects: Effect[] = [];
    const reasons: string[] = [];
    const add = (e: Effect, why: string) => {
        if (!effects.includes(e)) effects.push(e);
        reasons.push(why);
    };
    const replaced = REPLACING.has(c.op);
    let venue: VenueNotice | undefined;
    switch (c.type) {
        case "pulumi-nodejs:dynamic/medialive:Channel":
            if (replaced)
                add(
                    "channel-stop",
                    c.op === "delete" ? "the MediaLive channel is deleted" : "the MediaLive channel is deleted and created again (idle until started)",
                );
            else if (settingsChanged(c))
                add(
                    "channel-settings",
                    "a settings update: MediaLive applies it only to an IDLE channel, so a running channel is stopped and started again (allowLiveUpdate) or the update is refused",
                );
            break;
        case "pulumi-nodejs:dynamic/medialive:Input":
        case "aws:medialive/input:Input": {
            const settings = c.type.startsWith("aws:") ? c.properties.some((p) => !/^tags(All)?(\.|$)/.test(p.path)) : settingsChanged(c);
            if (replaced || (c.op === "update" && settings))
                add(
                    "channel-input",
                    replaced
                        ? "the MediaLive input is replaced: the channel is updated to attach the new one"
                        : "the input of a channel changes: OnAir's provider refuses it while the channel runs",
                );
            if (replaced && c.type === "pulumi-nodejs:dynamic/medialive:Input") add("venue-address", "a replaced push or SRT input gets new endpoints");
            break;
        }
        case "aws-native:mediaconnect:Flow":
        case "aws-native:mediaconnect:FlowSource":
            if (replaced) {
                add("venue-address", "a replaced MediaConnect flow or source gets a new ingest address");
                add("channel-input", "the MediaLive input that reads the flow is updated with its new ARN");
                venue = flowVenue(c, channelId, c.region);
            } else if (c.op === "update" && venueFacingUpdate(c)) {
                add("venue-address", "the flow source's protocol, port or allowed CIDR changes: the venue encoder must match");
                venue = flowVenue(c, channelId, c.region);
            }
            break;
        case "aws-native:mediapackagev2:Channel":
        case "aws-native:mediapackagev2:ChannelPolicy":
            if (replaced)
                add(
                    "origin-gap",
                    c.type.endsWith("ChannelPolicy")
                        ? "without its channel policy MediaLive cannot push segments to the region's MediaPackage channel"
                        : "the region's MediaPackage channel is rebuilt: new ingest endpoints, and no origin while it is",
                );
            if (replaced && c.type.endsWith(":Channel")) add("channel-settings", "the MediaLive channel's destinations change to the new ingest endpoints");
            break;
        case "aws-native:mediapackagev2:ChannelGroup":
            if (replaced) {
                add("origin-gap", "the region's MediaPackage channel group is rebuilt with every channel in it");
                add("viewer-url", "a new channel group has a new egress domain: CloudFront's origins change");
            }
            break;
        case "aws-native:mediapackagev2:OriginEndpoint":
            if (replaced) add("origin-gap", "the region's origin endpoint is deleted and created again: no origin while it is");
            if (replaced && c.properties.some((p) => ["channelGroupName", "channelName", "originEndpointName"].includes(p.path)))
                add("viewer-url", "the endpoint's name path changes: its manifest URLs change");
            break;
        case "aws-native:mediapackagev2:OriginEndpointPolicy":
            if (replaced) add("origin-gap", "without its endpoint policy the origin refuses CloudFront (origin access control)");
            break;
        case "aws-native:cloudfront:Distribution":
            if (replaced) add("viewer-url", "a new distribution has a new *.cloudfront.net domain; the aliases must move to it");
            break;
        default:
            break;
    }
    return { effects, reasons, ...(venue ? { venue } : {}) };
}
