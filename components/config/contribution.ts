import { Cursor } from "./cursor";
import { SecretKeyLookup, secretKeyRef } from "./secrets";
import { allowListProblem, isHostname, parseIpv4 } from "./network";
import { CONTRIBUTION_DEFAULTS, FEC_BOUNDS, MERGE_PROTOCOLS, RECOVERY_WINDOW_MS } from "./defaults";
import {
    CallerTarget,
    CONTRIBUTION_PROTOCOLS,
    CONTRIBUTION_VIA,
    ContributionConfig,
    ContributionNetwork,
    ContributionProtocol,
    FAILOVER_MODES,
    SmpteFec,
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
    const maxBitrateMbps = c.at("maxBitrateMbps").int({ min: 1, max: 80, default: d.maxBitrateMbps, unit: "Mbps" });
    const latencyMs = c.at("latencyMs").int({ ...d.latency, unit: "milliseconds" });
    const ingestPort = c.at("ingestPort").int({ min: 1024, max: 64000, default: d.ingestPort });
    if (ingestPort !== undefined && protocol === "rist" && ingestPort % 2 !== 0) {
        c.at("ingestPort").fail(`${ingestPort} is odd; RIST uses the even port for media and the next one for RTCP, so use an even port`);
    }

    const networks = c.at("networks").list((n) => readNetwork(n, protocol), { min: 1, max: 2, what: "networks" });
    // Network names name the flow sources: MediaConnect refuses two sources of one name in a flow.
    c.at("networks").unique(networks.map((n) => n.name), "network name");
    // Count the networks as written, so one malformed entry does not also trigger "needs two networks".
    const rawNetworks = Array.isArray(c.at("networks").value) ? (c.at("networks").value as unknown[]).length : networks.length;
    const failover = readFailover(c, protocol, rawNetworks, via);
    const srt = readSrt(c.at("srt"), protocol, secrets);
    const fec = readFec(c.at("fec"), protocol);
    const vpcInterface = readVpcInterface(c.at("vpcInterface"), via);

    if (maxBitrateMbps === undefined || latencyMs === undefined || ingestPort === undefined) return undefined;
    const out: ContributionConfig = { protocol, via, maxBitrateMbps, latencyMs, ingestPort, networks };
    if (failover) out.failover = failover;
    if (srt) out.srt = srt;
    if (fec) out.fec = fec;
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
    const problem = allowListProblem(text);
    return problem ? c.fail(problem) : text;
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

function readSrt(c: Cursor, protocol: ContributionProtocol, secrets: SecretKeyLookup): ContributionConfig["srt"] {
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
    const algorithm = c.at("algorithm").oneOf(SRT_ALGORITHMS, { default: "aes256" });
    return passphraseKey === undefined || algorithm === undefined ? undefined : { passphraseKey, algorithm };
}

function readFec(c: Cursor, protocol: ContributionProtocol): SmpteFec | undefined {
    if (protocol !== "rtp-fec") {
        if (c.present) c.fail(`applies to rtp-fec only; remove it or set protocol: rtp-fec`);
        return undefined;
    }
    if (!c.present) return { ...FEC_BOUNDS.reference };
    if (!c.object(["columns", "rows"])) return undefined;
    const columns = c.at("columns").int({ ...FEC_BOUNDS.columns, unit: "(SMPTE 2022-1 row length L, with row FEC)" });
    const rows = c.at("rows").int({ ...FEC_BOUNDS.rows, unit: "(SMPTE 2022-1 column depth D)" });
    if (columns === undefined || rows === undefined) return undefined;
    if (columns * rows > FEC_BOUNDS.maxMatrix) {
        c.fail(`${rows} rows x ${columns} columns exceeds the SMPTE 2022-1 matrix limit of ${FEC_BOUNDS.maxMatrix} packets; lower one of them (reference profile: 5 x 20)`);
        return undefined;
    }
    return { columns, rows };
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
