import { DEFAULT_ACCOUNT_LAMBDA_CONCURRENCY } from "../observability/qoe/sizing";
import { Cursor } from "./cursor";

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
    // The old key is named once, as moved, and not offered among the settings a typo could mean.
    if (c.present && !c.object(["accountLambdaConcurrency", "alarms", ...(moved ? ["expectedPeakViewers"] : [])])) return undefined;
    if (moved) {
        c.at("expectedPeakViewers").fail(`moved to delivery.audience.peakViewers: the real-time log stream, the WAF limits and the QoE consumer are all sized from that one figure; move the value there and remove this key`);
    }
    // New accounts may start below the default (Lambda quotas: "reduced concurrency"); tens of thousands on request.
    const accountLambdaConcurrency = c.at("accountLambdaConcurrency").int({ min: 1, max: 1_000_000, default: DEFAULT_ACCOUNT_LAMBDA_CONCURRENCY, unit: "concurrent executions" });
    const a = c.at("alarms");
    if (a.present && !a.object(["rebufferingPercent", "errorRatePercent", "minRequestsPerMinute"])) return undefined;
    // 1% of segment requests starving is already one visible stall per viewer every few minutes.
    const rebufferingPercent = a.at("rebufferingPercent").int({ min: 1, max: 100, default: 1, unit: "percent" });
    const errorRatePercent = a.at("errorRatePercent").int({ min: 1, max: 100, default: 2, unit: "percent" });
    const minRequestsPerMinute = a.at("minRequestsPerMinute").int({ min: 1, max: 1_000_000, default: 300, unit: "requests" });
    if (accountLambdaConcurrency === undefined || rebufferingPercent === undefined || errorRatePercent === undefined || minRequestsPerMinute === undefined) return undefined;
    return { accountLambdaConcurrency, alarms: { rebufferingPercent, errorRatePercent, minRequestsPerMinute } };
}
