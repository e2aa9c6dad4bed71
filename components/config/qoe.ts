import { Cursor } from "./cursor";

/**
 * Quality of experience in real time (`onair:season.qoe`): the real-time log consumer's sizing
 * and the viewer-side alarm thresholds.
 */
export interface QoeConfig {
    /** Peak concurrent viewers of the whole season's busiest moment; sizes the log consumer. */
    expectedPeakViewers: number;
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
    if (c.present && !c.object(["expectedPeakViewers", "alarms"])) return undefined;
    const expectedPeakViewers = c.at("expectedPeakViewers").int({ min: 100, max: 20_000_000, default: 50_000, unit: "viewers" });
    const a = c.at("alarms");
    if (a.present && !a.object(["rebufferingPercent", "errorRatePercent", "minRequestsPerMinute"])) return undefined;
    // 1% of segment requests starving is already one visible stall per viewer every few minutes.
    const rebufferingPercent = a.at("rebufferingPercent").int({ min: 1, max: 100, default: 1, unit: "percent" });
    const errorRatePercent = a.at("errorRatePercent").int({ min: 1, max: 100, default: 2, unit: "percent" });
    const minRequestsPerMinute = a.at("minRequestsPerMinute").int({ min: 1, max: 1_000_000, default: 300, unit: "requests" });
    if (expectedPeakViewers === undefined || rebufferingPercent === undefined || errorRatePercent === undefined || minRequestsPerMinute === undefined) return undefined;
    return { expectedPeakViewers, alarms: { rebufferingPercent, errorRatePercent, minRequestsPerMinute } };
}
