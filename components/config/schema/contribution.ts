/** Schema of `channels[].contribution`: how the venue feed reaches both regions. */
import { RECOVERY_WINDOW_MS } from "../defaults";
import { CONTRIBUTION_PROTOCOLS, CONTRIBUTION_VIA, FAILOVER_MODES, SRT_ALGORITHMS } from "../types";
import { custom, int, list, object, oneOf, string } from "./nodes";

export const NETWORK_SLUG = {
    pattern: /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/,
    hint: "a lowercase slug of 2-32 characters: letters, digits and dashes, e.g. isp-a",
} as const;

export const CALLER_TARGET = object(
    {
        address: string({ hint: "the encoder's IPv4 address or hostname", doc: "the encoder listener's IPv4 address or hostname" }),
        port: int({ min: 1024, max: 65535, doc: "its port" }),
        streamId: string({ maxLength: 512, optional: true, doc: "SRT stream id, if the encoder expects one" }),
    },
    { doc: "an encoder listener" },
);

export const NETWORK = object(
    {
        name: string({ ...NETWORK_SLUG, doc: "unique per channel (it names the flow source)" }),
        allowedCidr: custom({
            typeDoc: "IPv4 CIDR",
            defaultDoc: "required for listeners",
            doc: "listener protocols: the venue's range on this ISP, a /16 at the broadest, host bits clear (`203.0.113.0/24`, not `203.0.113.5/24`)",
        }),
        callerTargets: custom({
            typeDoc: "`{ <region>: [A, B], ... }`",
            defaultDoc: "required for srt-caller",
            doc: "srt-caller: every region's pipeline A and B dial their own listener; no two flows of the season (any channel, region, pipeline or ISP) may dial the same address and port",
            fields: CALLER_TARGET.fields,
            childPath: ".<region>[]",
        }),
    },
    { doc: "one per ISP" },
);

export const FAILOVER = object(
    {
        mode: oneOf(FAILOVER_MODES, { doc: "`merge` = SMPTE 2022-7 (rtp-fec, rist); `failover` switches sources" }),
        recoveryWindowMs: int({ ...RECOVERY_WINDOW_MS, unit: "milliseconds", doc: "merge only: the 2022-7 reorder window" }),
    },
    { doc: "how the two networks' copies are combined" },
);

export const SRT = object(
    {
        // SRT accepts passphrases of 10-79 characters.
        passphraseKey: custom({ secret: true, defaultDoc: "required", doc: "names a secret key holding the passphrase (10-79 characters)" }),
        algorithm: oneOf(SRT_ALGORITHMS, {
            default: "aes256",
            doc: "only with `via: medialive`: a MediaConnect flow takes the key length from the SRT handshake, so it is rejected there",
        }),
    },
    { doc: "SRT encryption" },
);

export const VPC_INTERFACE = object(
    {
        subnetIds: list(string({ pattern: /^subnet-[0-9a-f]{8,17}$/, hint: "a subnet id such as subnet-0abc12345", doc: "a subnet" }), {
            min: 2,
            max: 2,
            what: "subnets (one per availability zone)",
            doc: "one subnet per availability zone",
        }),
        securityGroupIds: list(string({ pattern: /^sg-[0-9a-f]{8,17}$/, hint: "a security group id such as sg-0abc12345", doc: "a security group" }), {
            min: 1,
            max: 5,
            what: "security groups",
            doc: "security groups of the interfaces",
        }),
    },
    { doc: "private ingest (Direct Connect) through MediaConnect VPC interfaces" },
);

export const CONTRIBUTION = object(
    {
        protocol: oneOf(CONTRIBUTION_PROTOCOLS, { doc: "how the venue sends" }),
        via: oneOf(CONTRIBUTION_VIA, { default: "mediaconnect", doc: "`medialive`: direct RTP_PUSH (rtp-fec) or SRT_CALLER input, one network" }),
        maxBitrateMbps: int({
            min: 1,
            max: 1000,
            default: 40,
            unit: "Mbps",
            typeDoc: "1-50",
            doc: "every feed ends in a MediaLive input, which ingests at most 50 Mbps (`MAX_50_MBPS`)",
        }),
        latencyMs: custom({
            typeDoc: "SRT 120-15000, RIST 100-15000",
            defaultDoc: "`1000`",
            doc: "SRT latency (>= 3 x RTT) or RIST recovery buffer; rejected for rtp-fec (RTP has no latency setting in MediaConnect or MediaLive)",
        }),
        ingestPort: custom({
            typeDoc: "1024-64000 (even for RIST)",
            defaultDoc: "`5000`",
            doc: "listener port on the flow; the second network uses port + 10. Rejected for srt-caller (it dials `callerTargets`); with `via: medialive` only `5000`, the port every RTP_PUSH input listens on (the stack outputs report the port MediaLive gives)",
        }),
        networks: list(NETWORK, {
            min: 1,
            max: 2,
            what: "networks",
            doc: "one per ISP: `{ name, allowedCidr }` for listeners, `{ name, callerTargets }` for srt-caller",
        }),
        failover: custom({ defaultDoc: "required with 2 networks", doc: FAILOVER.doc, fields: FAILOVER.fields }),
        srt: custom({ defaultDoc: "required for SRT", doc: SRT.doc, fields: SRT.fields }),
        fec: custom({
            typeDoc: "(rejected)",
            defaultDoc: "",
            doc: "MediaConnect and MediaLive read the SMPTE 2022-1 matrix from the FEC packets and have no setting for it; agree the matrix (reference 5 rows x 20 columns) with the venue",
        }),
        vpcInterface: custom({ defaultDoc: "none", doc: VPC_INTERFACE.doc, fields: VPC_INTERFACE.fields }),
    },
    { doc: "the venue feed" },
);
