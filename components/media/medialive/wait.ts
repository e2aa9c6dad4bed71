import { Clock } from "./api";
import { awsErrorText, isThrottle, isTransient, providerError } from "./errors";
import { Timing } from "./timing";

export interface WaitOptions {
    timeoutMs: number;
    /** States that end the wait with an error naming the state. */
    failOn?: readonly string[];
    /** What the wait is for, e.g. "finish creating". */
    what: string;
    /** Who is waited on, e.g. `MediaLive channel 1234`. */
    label: string;
}

/**
 * Polls until the resource reaches one of `want`. A missing resource (or DELETED) satisfies
 * "DELETED" only. Throttled or 5xx polls do not end the wait: each one doubles the delay up to
 * `timing.maxBackoffMs` with full jitter (the AWS SDKs' backoff), until the timeout.
 */
export async function waitFor<T extends { state: string }>(
    describe: () => Promise<T | undefined>,
    want: readonly string[],
    opts: WaitOptions,
    clock: Clock,
    timing: Timing,
): Promise<T | undefined> {
    const started = clock.now();
    let failures = 0;
    let last = "unknown";
    for (;;) {
        let d: T | undefined;
        let polled = true;
        try {
            d = await describe();
        } catch (e) {
            if (!isThrottle(e) && !isTransient(e)) throw e;
            polled = false;
            failures++;
            last = `unknown (${awsErrorText(e)})`;
        }
        if (polled) {
            failures = 0;
            if (!d || d.state === "DELETED") {
                if (want.includes("DELETED")) return undefined;
                throw providerError(`${opts.label} disappeared while waiting to ${opts.what}; run \`pulumi refresh\` to record that it is gone`);
            }
            if (want.includes(d.state)) return d;
            if (opts.failOn?.includes(d.state)) {
                throw providerError(`${opts.label} went to ${d.state} while waiting to ${opts.what}; see its alerts in the MediaLive console`);
            }
            last = d.state;
        }
        const waited = clock.now() - started;
        if (waited >= opts.timeoutMs) {
            throw providerError(`${opts.label} is still ${last} after ${Math.round(waited / 1000)} s waiting to ${opts.what}`);
        }
        await clock.sleep(Math.min(nextDelay(failures, clock, timing), Math.max(1, opts.timeoutMs - waited)));
    }
}

/** The poll interval +/-20%, or after `failures` throttled polls a full-jitter exponential backoff. */
export function nextDelay(failures: number, clock: Clock, timing: Timing): number {
    if (failures === 0) return Math.round(timing.pollMs * (0.8 + 0.4 * clock.random()));
    const ceiling = Math.min(timing.maxBackoffMs, timing.pollMs * 2 ** failures);
    return Math.max(Math.round(timing.pollMs / 2), Math.round(ceiling * clock.random()));
}

/**
 * Runs a mutating call, retrying throttled answers the SDK's own retries gave up on (with the same
 * backoff), until `timeoutMs`. Other errors end it at once.
 */
export async function patiently<T>(call: () => Promise<T>, clock: Clock, timing: Timing, timeoutMs = timing.createMs): Promise<T> {
    const started = clock.now();
    for (let failures = 1; ; failures++) {
        try {
            return await call();
        } catch (e) {
            if (!isThrottle(e) || clock.now() - started >= timeoutMs) throw e;
            await clock.sleep(nextDelay(failures, clock, timing));
        }
    }
}
