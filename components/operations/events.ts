/**
 * EventBridge patterns that page operators. Each matches events of the shape the service documents
 * (test/observability/eventPatterns.test.ts runs them through an EventBridge matcher against the
 * documented examples).
 */

/** MediaLive alerts raised (not cleared) on this season's channels in the region. */
export function mediaLiveAlertPattern(channelArns: string[]): Record<string, unknown> {
    return { source: ["aws.medialive"], "detail-type": ["MediaLive Channel Alert"], resources: channelArns, detail: { alarm_state: ["SET"] } };
}

/**
 * A MediaLive pipeline switched its active input ("MediaLive Channel Input Change": Amazon
 * EventBridge events reference, AWS Elemental MediaLive events). MediaPackage v2 sends only
 * "MediaPackageV2 HarvestJob Notification" to EventBridge (same reference, MediaPackage events), so
 * its MQCS input switching is watched through what it switches on: MediaLive's per-pipeline MinMQCS
 * and input-loss metrics, in the alarms and dashboards.
 */
export function mediaLiveInputChangePattern(channelArns: string[]): Record<string, unknown> {
    return { source: ["aws.medialive"], "detail-type": ["MediaLive Channel Input Change"], resources: channelArns };
}

/** A contribution source turned unhealthy on one of this season's flows. */
export function sourceHealthPattern(flowArns: string[]): Record<string, unknown> {
    return { source: ["aws.mediaconnect"], "detail-type": ["MediaConnect Source Health"], resources: flowArns, detail: { unhealthy: [true] } };
}

/** A runner execution (channel start or stop) that failed or timed out. */
export function runnerFailurePattern(stateMachineArn: string): Record<string, unknown> {
    return {
        source: ["aws.states"],
        "detail-type": ["Step Functions Execution Status Change"],
        detail: { stateMachineArn: [stateMachineArn], status: ["FAILED", "TIMED_OUT", "ABORTED"] },
    };
}
