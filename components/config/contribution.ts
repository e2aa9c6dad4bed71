import { Cursor } from "./cursor";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { allowListProblem, isHostname, parseIpv4 } from "./network";
import { CONTRIBUTION_DEFAULTS, FEC_REFERENCE, MEDIALIVE_MAX_INPUT_MBPS, MERGE_PROTOCOLS, RTP_PUSH_PORT } from "./defaults";
import { CALLER_TARGET, CONTRIBUTION, FAILOVER, NETWORK, SRT, VPC_INTERFACE } from "./schema/contribution";
import { keysOf, readNode, readObject } from "./schema/read";
import { CallerTarget, ContributionConfig, ContributionNetwork, ContributionProtocol, ChannelConfig, ContributionVia, RegionConfig } from "./types";

const F = CONTRIBUTION.fields;

export function isListener(p: ContributionProtocol): boolean {
    return p !== "srt-caller";
}

export function isSrt(p: ContributionProtocol): boolean {
    return p === "srt-listener" || p === "srt-caller";
}

export function readContribution(c: Cursor, secrets: SecretKeyLookup): ContributionConfig | undefined {
    if (!c.object(keysOf(F))) return undefined;
    const protocol = readNode(c.at("protocol"), F.protocol);
    const via = readNode(c.at("via"), F.via);
    if (protocol === undefined || via === undefined) return undefined;

    if (via === "medialive" && protocol !== "rtp-fec" && protocol !== "srt-caller") {
        c.at("via").fail(`"medialive" supports rtp-fec (RTP_PUSH input) and srt-caller (SRT_CALLER input) only; use via: mediaconnect for ${protocol}`);
    }

    const d = CONTRIBUTION_DEFAULTS[protocol];
    const maxBitrateMbps = readNode(c.at("maxBitrateMbps"), { ...F.maxBitrateMbps, default: d.maxBitrateMbps });
    if (maxBitrateMbps !== undefined && maxBitrateMbps > MEDIALIVE_MAX_INPUT_MBPS) {
        // Every contribution ends in a MediaLive input (MEDIACONNECT, RTP_PUSH or SRT_CALLER), and
        // MediaLive ingests at most 50 Mbps (InputSpecification.MaximumBitrate, largest value MAX_50_MBPS:
        // "Bitrates up to 50 Mbps are supported currently", MediaLive API reference).
        c.at("maxBitrateMbps").fail(
            `${maxBitrateMbps} Mbps is more than a MediaLive input ingests (50 Mbps, InputSpecification.MaximumBitrate MAX_50_MBPS); ask the venue for at most ${MEDIALIVE_MAX_INPUT_MBPS} Mbps and set maxBitrateMbps to it`,
        );
    }
    const latencyMs = readLatency(c.at("latencyMs"), protocol);
    const ingestPort = readIngestPort(c.at("ingestPort"), protocol, via);
    const networks = c.at("networks").list((n) => readNetwork(n, protocol), F.networks);
    // Network names name the flow sources: MediaConnect refuses two sources of one name in a flow.
    c.at("networks").unique(
        networks.map((n) => n.name),
        "network name",
    );
    // Count the networks as written, so one malformed entry does not also trigger "needs two networks".
    const rawNetworks = Array.isArray(c.at("networks").value) ? (c.at("networks").value as unknown[]).length : networks.length;
    const failover = readFailover(c, protocol, rawNetworks, via);
    const srt = readSrt(c.at("srt"), protocol, via, secrets);
    rejectFec(c.at("fec"), protocol);
    const vpcInterface = readVpcInterface(c.at("vpcInterface"), via);

    if (maxBitrateMbps === undefined || latencyMs === null || ingestPort === null) return undefined;
    const out: ContributionConfig = { protocol, via, maxBitrateMbps, networks };
    if (latencyMs !== undefined) out.latencyMs = latencyMs;
    if (ingestPort !== undefined) out.ingestPort = ingestPort;
    if (failover) out.failover = failover;
    if (srt) out.srt = srt;
    if (vpcInterface) out.vpcInterface = vpcInterface;
    return out;
}

function readNetwork(c: Cursor, protocol: ContributionProtocol): ContributionNetwork | undefined {
    if (!c.object(keysOf(NETWORK.fields))) return undefined;
    const name = readNode(c.at("name"), NETWORK.fields.name);
    const cidr = c.at("allowedCidr");
    let allowedCidr: string | undefined;
    if (isListener(protocol)) {
        allowedCidr = readCidr(cidr);
    } else if (cidr.present) {
        cidr.fail(`applies to listener protocols only; srt-caller dials out to callerTargets, so remove allowedCidr`);
    }
    const targets = c.at("callerTargets");
    let callerTargets: ContributionNetwork["callerTargets"];
    if (protocol === "srt-caller") {
        callerTargets = readCallerTargets(targets);
    } else if (targets.present) {
        targets.fail(`applies to srt-caller only; remove it or set protocol: srt-caller`);
    }
    if (name === undefined || (isListener(protocol) && allowedCidr === undefined) || (protocol === "srt-caller" && !callerTargets)) return undefined;
    const out: ContributionNetwork = { name };
    if (allowedCidr) out.allowedCidr = allowedCidr;
    if (callerTargets) out.callerTargets = callerTargets;
    return out;
}

function readCidr(c: Cursor): string | undefined {
    const text = c.string({ patternHint: "the venue's IPv4 CIDR on this ISP, such as 203.0.113.0/28" });
    if (text === undefined) return undefined;
    const problem = allowListProblem(text);
    return problem ? c.fail(problem) : text;
}

const REGION_KEY = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * Caller targets per region: `{ us-east-1: [A, B], us-west-2: [A, B] }`, pipeline A then B. Every
 * flow dials its own listener, so one list shared by both regions would make the secondary region's
 * flows dial the primary's listeners (checkCallerTargets compares them season-wide).
 */
function readCallerTargets(c: Cursor): ContributionNetwork["callerTargets"] {
    const hint =
        "a map of region to [pipeline A, pipeline B] targets, e.g. { us-east-1: [{ address: 203.0.113.40, port: 7000 }, { address: 203.0.113.41, port: 7000 }], us-west-2: [...] }";
    if (!c.present) return c.fail(`is required for srt-caller; set ${hint}`);
    if (Array.isArray(c.value)) {
        return c.fail(
            `must name its region for each pair of targets; a list shared by every region makes each region's flows dial the same listeners (most encoders accept one caller per port). Use ${hint}`,
        );
    }
    if (typeof c.value !== "object") return c.fail(`must be ${hint}`);
    const out: Record<string, [CallerTarget, CallerTarget]> = {};
    for (const region of Object.keys(c.value as object)) {
        const r = c.at(region);
        if (!REGION_KEY.test(region)) {
            r.fail(`is not a region code; name the region whose flows dial these targets, e.g. us-east-1`);
            continue;
        }
        const list = r.list((t) => readCallerTarget(t), { min: 2, max: 2, what: "targets (pipeline A and pipeline B)" });
        if (list.length === 2) out[region] = [list[0]!, list[1]!];
    }
    return Object.keys(out).length > 0 ? out : undefined;
}

interface Dialled {
    channel: string;
    network: string;
    region: string;
    pipeline: string;
}

function describe(d: Dialled): string {
    return `channel ${d.channel}, network ${d.network}, ${d.region} pipeline ${d.pipeline}`;
}

/**
 * Season-wide checks of srt-caller targets: each network names exactly the season's regions, and no
 * two flows (any channel, network, region or pipeline) dial the same address and port. A venue
 * encoder takes one caller per listener port: a second caller never connects or knocks off the first.
 */
export function checkCallerTargets(channelsCursor: Cursor, channels: ChannelConfig[], regions: RegionConfig[]): void {
    const seasonRegions = regions.map((r) => r.region);
    const seen = new Map<string, Dialled>();
    channels.forEach((ch, ci) => {
        if (ch.contribution.protocol !== "srt-caller") return;
        ch.contribution.networks.forEach((net, ni) => {
            const at = channelsCursor.index(ci).at("contribution").at("networks").index(ni).at("callerTargets");
            const byRegion = net.callerTargets ?? {};
            for (const region of Object.keys(byRegion)) {
                if (!seasonRegions.includes(region)) at.at(region).fail(`is not a region of this season; use ${seasonRegions.join(", ")}`);
            }
            const pipelines = ch.singlePipeline ? 1 : 2;
            for (const region of seasonRegions) {
                const pair = byRegion[region];
                if (!pair) {
                    at.fail(`has no targets for ${region}; every region's flows dial their own listeners, so add ${region}: [pipeline A, pipeline B]`);
                    continue;
                }
                pair.slice(0, pipelines).forEach((t, p) => {
                    const key = `${t.address.toLowerCase()}:${t.port}`;
                    const here: Dialled = { channel: ch.id, network: net.name, region, pipeline: p === 0 ? "A" : "B" };
                    const first = seen.get(key);
                    if (!first) {
                        seen.set(key, here);
                        return;
                    }
                    const cursor = at.at(region).index(p);
                    if (first.channel === ch.id && first.network !== net.name) {
                        cursor.fail(
                            `${key} is also the target of network ${first.network} (${first.region} pipeline ${first.pipeline}); both ISPs would dial one listener, so each ISP needs its own address or port`,
                        );
                    } else {
                        cursor.fail(
                            `${key} is already dialled by ${describe(first)}; most encoders accept one caller per port, so give every flow a listener of its own`,
                        );
                    }
                });
            }
        });
    });
}

function readCallerTarget(c: Cursor): CallerTarget | undefined {
    if (!c.object(keysOf(CALLER_TARGET.fields))) return undefined;
    const address = readNode(c.at("address"), CALLER_TARGET.fields.address);
    if (address !== undefined && !parseIpv4(address) && !isHostname(address)) {
        c.at("address").fail(`${JSON.stringify(address)} is neither an IPv4 address nor a hostname`);
    }
    const port = readNode(c.at("port"), CALLER_TARGET.fields.port);
    const streamId = readNode(c.at("streamId"), CALLER_TARGET.fields.streamId);
    if (address === undefined || port === undefined) return undefined;
    return streamId ? { address, port, streamId } : { address, port };
}

function readFailover(c: Cursor, protocol: ContributionProtocol, networks: number, via: string): ContributionConfig["failover"] {
    const f = c.at("failover");
    if (networks < 2) {
        if (f.present) f.fail(`needs two networks; add a second entry to networks (dual-ISP) or remove failover`);
        return undefined;
    }
    if (via === "medialive") {
        c.at("networks").fail(`two networks need MediaConnect to combine them; set via: mediaconnect`);
        return undefined;
    }
    if (!f.object(keysOf(FAILOVER.fields))) return undefined;
    const mode = readNode(f.at("mode"), FAILOVER.fields.mode);
    if (mode === "merge" && !MERGE_PROTOCOLS.includes(protocol)) {
        f.at("mode").fail(`"merge" (SMPTE 2022-7) needs ${MERGE_PROTOCOLS.join(" or ")} sources; use mode: failover for ${protocol}`);
    }
    if (mode === "failover" && f.at("recoveryWindowMs").present) {
        f.at("recoveryWindowMs").fail(`applies to mode: merge only (it is the 2022-7 reorder window); remove it for failover`);
    }
    const recoveryWindowMs = readNode(f.at("recoveryWindowMs"), FAILOVER.fields.recoveryWindowMs);
    if (mode === undefined || recoveryWindowMs === undefined) return undefined;
    return { mode, recoveryWindowMs };
}

function readSrt(c: Cursor, protocol: ContributionProtocol, via: ContributionVia, secrets: SecretKeyLookup): ContributionConfig["srt"] {
    if (!isSrt(protocol)) {
        if (c.present) c.fail(`applies to SRT only; remove it or use protocol srt-listener / srt-caller`);
        return undefined;
    }
    if (!c.present) {
        c.fail(`is required for ${protocol}: SRT contribution must be encrypted; set srt.passphraseKey to a secret config key`);
        return undefined;
    }
    if (!c.object(keysOf(SRT.fields))) return undefined;
    // SRT accepts passphrases of 10-79 characters.
    const passphraseKey = secretKeyRef(c.at("passphraseKey"), secrets, "passphrase", { min: 10, max: 79 });
    if (via === "mediaconnect") {
        // A MediaConnect source's srt-password decryption has no key length to set: the key length is
        // negotiated in the SRT handshake from the sender's setting (MediaConnect flow Encryption:
        // Algorithm applies to static-key and SPEKE, not srt-password).
        if (c.at("algorithm").present) {
            c.at("algorithm").fail(
                `reaches nothing on a MediaConnect flow: MediaConnect takes the key length from the sender in the SRT handshake; remove it (it applies to via: medialive srt-caller inputs only)`,
            );
        }
        return passphraseKey === undefined ? undefined : { passphraseKey };
    }
    const algorithm = readNode(c.at("algorithm"), SRT.fields.algorithm);
    return passphraseKey === undefined || algorithm === undefined ? undefined : { passphraseKey, algorithm };
}

/**
 * Latency only where the protocol has one: SRT's receiver latency (MinLatency / MinimumLatency) and
 * RIST's recovery buffer (MaxLatency: "applies only to RIST-based and Zixi-based streams",
 * AWS::MediaConnect::Flow Source). RTP-FEC has none. Undefined: not applicable; null: invalid.
 */
function readLatency(c: Cursor, protocol: ContributionProtocol): number | undefined | null {
    const range = CONTRIBUTION_DEFAULTS[protocol].latency;
    if (!range) {
        if (c.present)
            c.fail(
                `reaches nothing for ${protocol}: MediaConnect and MediaLive have no latency setting for RTP (MaxLatency applies to RIST and Zixi only, MinLatency to SRT); remove it`,
            );
        return undefined;
    }
    return c.int({ ...range, unit: "milliseconds" }) ?? null;
}

/**
 * The listener port, only where something listens. srt-caller dials the encoders' listeners
 * (networks[].callerTargets[].port); an RTP_PUSH MediaLive input always listens on port 5000
 * (MediaLive User Guide, "Creating an RTP input": "These endpoints include the port 5000").
 */
function readIngestPort(c: Cursor, protocol: ContributionProtocol, via: ContributionVia): number | undefined | null {
    if (protocol === "srt-caller") {
        if (c.present)
            c.fail(`reaches nothing for srt-caller: the flow or input dials out to networks[].callerTargets[].port and opens no port of its own; remove it`);
        return undefined;
    }
    if (via === "medialive") {
        const port = c.int({ min: 1024, max: 64000, default: RTP_PUSH_PORT });
        if (port !== undefined && port !== RTP_PUSH_PORT) {
            c.fail(
                `${port} cannot be used: a MediaLive RTP_PUSH input always listens on port ${RTP_PUSH_PORT} (MediaLive User Guide, "Creating an RTP input"); remove ingestPort or set it to ${RTP_PUSH_PORT}, or use via: mediaconnect to choose the port`,
            );
            return null;
        }
        return port ?? null;
    }
    const port = c.int({ min: 1024, max: 64000, default: CONTRIBUTION_DEFAULTS[protocol].ingestPort });
    if (port !== undefined && protocol === "rist" && port % 2 !== 0) {
        c.fail(`${port} is odd; RIST uses the even port for media and the next one for RTCP, so use an even port`);
    }
    return port ?? null;
}

/**
 * The SMPTE 2022-1 matrix is not a setting anywhere downstream: MediaConnect's rtp-fec source and
 * MediaLive's RTP input read L and D from the FEC packets' headers (the AWS::MediaConnect::Flow
 * Source schema has no FEC member). Accepting it would promise a check that never happens.
 */
function rejectFec(c: Cursor, protocol: ContributionProtocol): void {
    if (!c.present) return;
    if (protocol !== "rtp-fec") {
        c.fail(`applies to rtp-fec only; remove it or set protocol: rtp-fec`);
        return;
    }
    c.fail(
        `reaches nothing: MediaConnect and MediaLive read the SMPTE 2022-1 matrix (columns x rows) from the FEC packets the venue sends, and neither has a setting for it; remove fec (agree the matrix with the venue, ${FEC_REFERENCE.rows} rows x ${FEC_REFERENCE.columns} columns is the reference profile)`,
    );
}

function readVpcInterface(c: Cursor, via: string): ContributionConfig["vpcInterface"] {
    if (!c.present) return undefined;
    if (via !== "mediaconnect") {
        c.fail(`private ingest uses MediaConnect VPC interfaces; set via: mediaconnect or remove vpcInterface`);
        return undefined;
    }
    const v = readObject(c, VPC_INTERFACE);
    const subnets = v?.subnetIds ?? [];
    const groups = v?.securityGroupIds ?? [];
    if (subnets.length !== 2 || groups.length === 0) return undefined;
    return { subnetIds: [subnets[0]!, subnets[1]!], securityGroupIds: groups };
}
