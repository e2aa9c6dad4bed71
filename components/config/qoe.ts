import { Cursor } from "./cursor";
import { Agree, Parsed } from "./schema/nodes";
import { QOE } from "./schema/operations";
import { readObject } from "./schema/read";

/**
 * Quality of experience in real time (`onair:season.qoe`): the viewer-side alarm thresholds and the
 * account limit the log consumer must fit. The consumer is sized from the real-time log stream,
 * which is sized from `delivery.audience.peakViewers` (one audience figure for the whole edge).
 */
export interface QoeConfig {
    /**
     * The account's Lambda concurrent executions in us-east-1 (Service Quotas, Lambda "Concurrent
     * executions"); the consumer's peak concurrency must fit in it.
     */
    accountLambdaConcurrency: number;
    alarms: {
        /** Alarm when more than this share of a channel's media requests report buffer starvation (CMCD bs). */
        rebufferingPercent: number;
        /** Alarm when more than this share of a channel's requests fail (5xx, 404, 410). */
        errorRatePercent: number;
        /** Below this many requests a minute (estimated from the log sample), a channel's ratios are too noisy to alarm on. */
        minRequestsPerMinute: number;
    };
}

export function readQoe(c: Cursor): QoeConfig | undefined {
    const moved = c.at("expectedPeakViewers").present;
    if (moved) {
        c.at("expectedPeakViewers").fail(
            `moved to delivery.audience.peakViewers: the real-time log stream, the WAF limits and the QoE consumer are all sized from that one figure; move the value there and remove this key`,
        );
    }
    // The old key is named once, as moved, and not offered among the settings a typo could mean.
    return readObject(c, QOE, moved ? ["expectedPeakViewers"] : []);
}

const _qoe: Agree<Parsed<typeof QOE.fields>, QoeConfig> = true;
void _qoe;
