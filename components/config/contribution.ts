import { Cursor } from "./cursor";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { isHostname, isOverlyBroad, parseIpv4, parseIpv4Cidr } from "./network";
import { CONTRIBUTION_DEFAULTS, FEC_REFERENCE, MEDIALIVE_MAX_INPUT_MBPS, MERGE_PROTOCOLS, RECOVERY_WINDOW_MS, RTP_PUSH_PORT } from "./defaults";
import {
    CallerTarget,
    CONTRIBUTION_PROTOCOLS,
    CONTRIBUTION_VIA,
    ContributionConfig,
    ContributionNetwork,
    ContributionProtocol,
    ContributionVia,
    FAILOVER_MODES,
    SRT_ALGORITHMS,
} from "./types";

const SLUG = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const SLUG_HINT = "a lowercase slug of 2-32 characters: letters, digits and dashes, e.g. isp-a";

const KEYS = ["protocol", "via", "maxBitrateMbps", "latencyMs", "ingestPort", "networks", "failover", "srt", "fec", "vpcInterface"] as const;

export function isListener(p: ContributionProtocol): boolean {
    return p !== "srt-caller";
}

export function isSrt(p: ContributionProtocol): boolean {
    return p === "srt-listener" || p === "srt-caller";
}

export function readContribution(c: Cursor, secrets: SecretKeyLookup): ContributionConfig | undefined {
    if (!c.object(KEYS)) return undefined;
    const protocol = c.at("protocol").oneOf(CONTRIBUTION_PROTOCOLS);
    const via = c.at("via").oneOf(CONTRIBUTION_VIA, { default: "mediaconnect" });
    if (protocol === undefined || via === undefined) return undefined;

    if (via === "medialive" && protocol !== "rtp-fec" && protocol !== "srt-caller") {
        c.at("via").fail(`"medialive" supports rtp-fec (RTP_PUSH input) and srt-caller (SRT_CALLER input) only; use via: mediaconnect for ${protocol}`);
    }

    const d = CONTRIBUTION_DEFAULTS[protocol];
    const maxBitrateMbps = c.at("maxBitrateMbps").int({ min: 1, max: 1000, default: d.maxBitrateMbps, unit: "Mbps" });
    if (maxBitrateMbps !== undefined && maxBitrateMbps > MEDIALIVE_MAX_INPUT_MBPS) {
        // Every contribution ends in a MediaLive input (MEDIACONNECT, RTP_PUSH or SRT_CALLER), and
        // MediaLive ingests at most 50 Mbps (InputSpecification.MaximumBitrate, largest value MAX_50_MBPS:
        // "Bitrates up to 50 Mbps are supported currently", MediaLive API reference).
        c.at("maxBitrateMbps").fail(`${maxBitrateMbps} Mbps is more than a MediaLive input ingests (50 Mbps, InputSpecification.MaximumBitrate MAX_50_MBPS); ask the venue for at most ${MEDIALIVE_MAX_INPUT_MBPS} Mbps and set maxBitrateMbps to it`);
    }
    const latencyMs = readLatency(c.at("latencyMs"), protocol);
    const ingestPort = readIngestPort(c.at("ingestPort"), protocol, via);
    const networks = c.at("networks").list((n) => readNetwork(n, protocol), { min: 1, max: 2, what: "networks" });
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
    if (!c.object(["name", "allowedCidr", "callerTargets"])) return undefined;
    const name = c.at("name").string({ pattern: SLUG, patternHint: SLUG_HINT });
    const cidr = c.at("allowedCidr");
    let allowedCidr: string | undefined;
    if (isListener(protocol)) {
        allowedCidr = readCidr(cidr);
    } else if (cidr.present) {
        cidr.fail(`applies to listener protocols only; srt-caller dials out to callerTargets, so remove allowedCidr`);
    }
    const targets = c.at("callerTargets");
    let callerTargets: [CallerTarget, CallerTarget] | undefined;
    if (protocol === "srt-caller") {
        const list = targets.list((t) => readCallerTarget(t), { min: 2, max: 2, what: "targets (pipeline A and pipeline B)" });
        if (list.length === 2) callerTargets = [list[0]!, list[1]!];
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
    const cidr = parseIpv4Cidr(text);
    if (!cidr) return c.fail(`${JSON.stringify(text)} is not an IPv4 CIDR; use the venue's range, e.g. 203.0.113.0/28`);
    if (isOverlyBroad(cidr.prefix)) {
        return c.fail(`${JSON.stringify(text)} opens the ingest to most of the internet; list only the venue's ranges (prefix /8 or longer)`);
    }
    return text;
}

function readCallerTarget(c: Cursor): CallerTarget | undefined {
    if (!c.object(["address", "port", "streamId"])) return undefined;
    const address = c.at("address").string({ patternHint: "the encoder's IPv4 address or hostname" });
    if (address !== undefined && !parseIpv4(address) && !isHostname(address)) {
        c.at("address").fail(`${JSON.stringify(address)} is neither an IPv4 address nor a hostname`);
    }
    const port = c.at("port").int({ min: 1024, max: 65535 });
    const streamId = c.at("streamId").optionalString({ maxLength: 512 });
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
    if (!f.object(["mode", "recoveryWindowMs"])) return undefined;
    const mode = f.at("mode").oneOf(FAILOVER_MODES);
    if (mode === "merge" && !MERGE_PROTOCOLS.includes(protocol)) {
        f.at("mode").fail(`"merge" (SMPTE 2022-7) needs ${MERGE_PROTOCOLS.join(" or ")} sources; use mode: failover for ${protocol}`);
    }
    if (mode === "failover" && f.at("recoveryWindowMs").present) {
        f.at("recoveryWindowMs").fail(`applies to mode: merge only (it is the 2022-7 reorder window); remove it for failover`);
    }
    const recoveryWindowMs = f.at("recoveryWindowMs").int({ ...RECOVERY_WINDOW_MS, unit: "milliseconds" });
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
    if (!c.object(["passphraseKey", "algorithm"])) return undefined;
    // SRT accepts passphrases of 10-79 characters.
    const passphraseKey = secretKeyRef(c.at("passphraseKey"), secrets, "passphrase", { min: 10, max: 79 });
    if (via === "mediaconnect") {
        // A MediaConnect source's srt-password decryption has no key length to set: the key length is
        // negotiated in the SRT handshake from the sender's setting (MediaConnect flow Encryption:
        // Algorithm applies to static-key and SPEKE, not srt-password).
        if (c.at("algorithm").present) {
            c.at("algorithm").fail(`reaches nothing on a MediaConnect flow: MediaConnect takes the key length from the sender in the SRT handshake; remove it (it applies to via: medialive srt-caller inputs only)`);
        }
        return passphraseKey === undefined ? undefined : { passphraseKey };
    }
    const algorithm = c.at("algorithm").oneOf(SRT_ALGORITHMS, { default: "aes256" });
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
        if (c.present) c.fail(`reaches nothing for ${protocol}: MediaConnect and MediaLive have no latency setting for RTP (MaxLatency applies to RIST and Zixi only, MinLatency to SRT); remove it`);
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
        if (c.present) c.fail(`reaches nothing for srt-caller: the flow or input dials out to networks[].callerTargets[].port and opens no port of its own; remove it`);
        return undefined;
    }
    if (via === "medialive") {
        const port = c.int({ min: 1024, max: 64000, default: RTP_PUSH_PORT });
        if (port !== undefined && port !== RTP_PUSH_PORT) {
            c.fail(`${port} cannot be used: a MediaLive RTP_PUSH input always listens on port ${RTP_PUSH_PORT} (MediaLive User Guide, "Creating an RTP input"); remove ingestPort or set it to ${RTP_PUSH_PORT}, or use via: mediaconnect to choose the port`);
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
    c.fail(`reaches nothing: MediaConnect and MediaLive read the SMPTE 2022-1 matrix (columns x rows) from the FEC packets the venue sends, and neither has a setting for it; remove fec (agree the matrix with the venue, ${FEC_REFERENCE.rows} rows x ${FEC_REFERENCE.columns} columns is the reference profile)`);
}

function readVpcInterface(c: Cursor, via: string): ContributionConfig["vpcInterface"] {
    if (!c.present) return undefined;
    if (via !== "mediaconnect") {
        c.fail(`private ingest uses MediaConnect VPC interfaces; set via: mediaconnect or remove vpcInterface`);
        return undefined;
    }
    if (!c.object(["subnetIds", "securityGroupIds"])) return undefined;
    const subnets = c.at("subnetIds").list((s) => s.string({ pattern: /^subnet-[0-9a-f]{8,17}$/, patternHint: "a subnet id such as subnet-0abc12345" }), { min: 2, max: 2, what: "subnets (one per availability zone)" });
    const groups = c.at("securityGroupIds").list((s) => s.string({ pattern: /^sg-[0-9a-f]{8,17}$/, patternHint: "a security group id such as sg-0abc12345" }), { min: 1, max: 5, what: "security groups" });
    if (subnets.length !== 2 || groups.length === 0) return undefined;
    return { subnetIds: [subnets[0]!, subnets[1]!], securityGroupIds: groups };
}

export { SLUG, SLUG_HINT };
