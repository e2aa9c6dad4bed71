/**
 * Defaults and bounds of the season configuration, with the reason for each. Policy packs read the
 * same bounds (via their config schema defaults) so a stack and its gate agree.
 */
import { ContributionProtocol } from "./types";

interface ProtocolDefaults {
    maxBitrateMbps: number;
    /** SRT: receiver latency; RIST: recovery (buffer) latency. */
    latency: { min: number; max: number; default: number };
    ingestPort: number;
}

/**
 * SRT latency must cover at least 3 x RTT to the venue for ARQ to retransmit in time; 120 ms is the
 * protocol's own floor. 1,000 ms covers a 300 ms RTT path with margin and costs one second of delay.
 */
export const CONTRIBUTION_DEFAULTS: Record<ContributionProtocol, ProtocolDefaults> = {
    "srt-listener": { maxBitrateMbps: 40, latency: { min: 120, max: 15000, default: 1000 }, ingestPort: 5000 },
    "srt-caller": { maxBitrateMbps: 40, latency: { min: 120, max: 15000, default: 1000 }, ingestPort: 5000 },
    rist: { maxBitrateMbps: 40, latency: { min: 100, max: 15000, default: 1000 }, ingestPort: 5000 },
    // RTP-FEC carries no latency setting of its own; the value sizes MediaConnect's jitter buffer.
    "rtp-fec": { maxBitrateMbps: 40, latency: { min: 100, max: 15000, default: 1000 }, ingestPort: 5000 },
};

/** SMPTE 2022-1: column depth D (rows) 4-20, row length L (columns) 4-20 with row FEC, L x D at most 100. */
export const FEC_BOUNDS = {
    /** L */
    columns: { min: 4, max: 20 },
    /** D */
    rows: { min: 4, max: 20 },
    maxMatrix: 100,
    /** The reference contribution profile: 5 rows x 20 columns, about 25% overhead. */
    reference: { columns: 20, rows: 5 },
} as const;

/** SMPTE 2022-7 merge needs RTP-based sources that carry identical packets on both paths. */
export const MERGE_PROTOCOLS: readonly ContributionProtocol[] = ["rtp-fec", "rist"];

/** MediaConnect source failover recovery window; 200 ms is the service default. */
export const RECOVERY_WINDOW_MS = { min: 100, max: 15000, default: 200 } as const;
