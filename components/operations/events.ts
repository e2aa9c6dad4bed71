/** EventBridge patterns that page operators. */

/** MediaLive alerts raised (not cleared) on this season's channels in the region. */
export function mediaLiveAlertPattern(channelArns: string[]): Record<string, unknown> {
    return { source: ["aws.medialive"], "detail-type": ["MediaLive Channel Alert"], resources: channelArns, detail: { alarm_state: ["SET"] } };
}

/**
 * MediaPackage input switches. MediaPackage documents this event ("MediaPackage Input Notification",
 * InputSwitchEvent); the v2 event reference does not yet list an equivalent, so the rule also takes
 * any v2 "Input" notification. The MQCS alarms cover v2 switches either way.
 */
export function mediaPackageInputSwitchPattern(): Record<string, unknown> {
    return {
        source: ["aws.mediapackage", "aws.mediapackagev2"],
        "detail-type": ["MediaPackage Input Notification", { prefix: "MediaPackageV2 Input" }],
    };
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
