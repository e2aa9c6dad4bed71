/**
 * Contribution defaults and bounds that depend on the protocol, with the reason for each; the other
 * keys' bounds and defaults are in their section's table (schema/*.ts). The policy packs are
 * self-contained (ADR 024) and state their own bounds in their config schemas (the SRT latency
 * rule's 120-15000 ms, for one): a change here is made there too, by hand.
 */
import { ContributionProtocol } from "./types";

interface ProtocolDefaults {
    maxBitrateMbps: number;
    /** SRT: receiver latency; RIST: recovery (buffer) latency; RTP-FEC has none. */
    latency?: { min: number; max: number; default: number };
    /** Listener protocols on MediaConnect; srt-caller opens no port. */
    ingestPort: number;
}

/**
 * MediaLive ingests at most 50 Mbps per input (InputSpecification.MaximumBitrate: MAX_10_MBPS,
 * MAX_20_MBPS, MAX_50_MBPS; "Bitrates up to 50 Mbps are supported currently", API reference).
 */
export const MEDIALIVE_MAX_INPUT_MBPS = 50;

/** An RTP_PUSH input's endpoints listen on port 5000 (MediaLive User Guide, "Creating an RTP input"). */
export const RTP_PUSH_PORT = 5000;

/**
 * SRT latency must cover at least 3 x RTT to the venue for ARQ to retransmit in time; 120 ms is the
 * protocol's own floor. 1,000 ms covers a 300 ms RTT path with margin and costs one second of delay.
 */
export const CONTRIBUTION_DEFAULTS: Record<ContributionProtocol, ProtocolDefaults> = {
    "srt-listener": { maxBitrateMbps: 40, latency: { min: 120, max: 15000, default: 1000 }, ingestPort: 5000 },
    "srt-caller": { maxBitrateMbps: 40, latency: { min: 120, max: 15000, default: 1000 }, ingestPort: 5000 },
    rist: { maxBitrateMbps: 40, latency: { min: 100, max: 15000, default: 1000 }, ingestPort: 5000 },
    // RTP-FEC has no latency setting in MediaConnect or MediaLive (MaxLatency is RIST/Zixi only).
    "rtp-fec": { maxBitrateMbps: 40, ingestPort: 5000 },
};

/** The reference SMPTE 2022-1 contribution profile: 5 rows x 20 columns, about 25% overhead. */
export const FEC_REFERENCE = { columns: 20, rows: 5 } as const;

/** SMPTE 2022-7 merge needs RTP-based sources that carry identical packets on both paths. */
export const MERGE_PROTOCOLS: readonly ContributionProtocol[] = ["rtp-fec", "rist"];

/** MediaConnect source failover recovery window; 200 ms is the service default. */
export const RECOVERY_WINDOW_MS = { min: 100, max: 15000, default: 200 } as const;
