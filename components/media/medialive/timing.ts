/**
 * How long the provider waits for MediaLive and how often it asks. The dynamic-provider host runs
 * with the environment of `pulumi up`, so operators can tune polling without a code change (README,
 * "MediaLive provider timing"); tests use the same variable to poll fast.
 */
export interface Timing {
    /** Interval between DescribeChannel / DescribeInput polls (jittered by up to +/-20%). */
    pollMs: number;
    /** Ceiling of the backoff after a throttled or failed poll. */
    maxBackoffMs: number;
    createMs: number;
    updateMs: number;
    stopMs: number;
    startMs: number;
    deleteMs: number;
    /** An input detaches once its channel is deleted; how long to wait for that. */
    detachMs: number;
}

export const POLL_ENV = "ONAIR_MEDIALIVE_POLL_MS";

/** Polling every 5 s keeps a 40-channel, 3-region season (240 pollers at worst) near 50 requests/s. */
export const DEFAULT_TIMING: Timing = {
    pollMs: 5_000,
    maxBackoffMs: 60_000,
    createMs: 10 * 60_000,
    updateMs: 10 * 60_000,
    stopMs: 10 * 60_000,
    startMs: 15 * 60_000,
    deleteMs: 10 * 60_000,
    detachMs: 10 * 60_000,
};

/**
 * The timing in force: the defaults, with the poll interval from ONAIR_MEDIALIVE_POLL_MS
 * (10-60000 ms; anything else is ignored). The backoff ceiling scales with it.
 */
export function providerTiming(env: Record<string, string | undefined> = process.env): Timing {
    const raw = env[POLL_ENV];
    const poll = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(poll >= 10 && poll <= 60_000)) return DEFAULT_TIMING;
    return { ...DEFAULT_TIMING, pollMs: poll, maxBackoffMs: Math.max(poll, Math.min(DEFAULT_TIMING.maxBackoffMs, poll * 12)) };
}
