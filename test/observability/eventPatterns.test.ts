import * as assert from "assert";
import { mediaLiveAlertPattern, mediaLiveInputChangePattern, runnerFailurePattern, sourceHealthPattern } from "../../components/operations/events";
import { matchesPattern } from "../../tools/eventPattern";

const ACCOUNT = "111122223333";
const CHANNEL = `arn:aws:medialive:us-east-1:${ACCOUNT}:channel:4789478`;
const OTHER_CHANNEL = `arn:aws:medialive:us-east-1:${ACCOUNT}:channel:1234567`;
const FLOW = `arn:aws:mediaconnect:us-east-1:${ACCOUNT}:flow:1-AbCdEfGhIjKlMnOp-abcdef123455:rsn-studio-hd-a`;
const MACHINE = `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:onair-rsn-season-runner`;

function envelope(source: string, detailType: string, resources: string[], detail: Record<string, unknown>): Record<string, unknown> {
    return {
        version: "0",
        id: "01234567-0123-0123-0123-0123456789ab",
        "detail-type": detailType,
        source,
        account: ACCOUNT,
        time: "2026-11-28T20:31:05Z",
        region: "us-east-1",
        resources,
        detail,
    };
}

/**
 * Sample events in the shape each service documents. The MediaLive alert follows the MediaLive User
 * Guide's channel-alert example (alarm_state, alert_type, pipeline, channel_arn, message); the input
 * change its "MediaLive Channel Input Change" detail (active_input_attachment_name,
 * active_input_switch_action_name, pipeline, message, channel_arn); the source-health event the
 * MediaConnect User Guide's example (resources list the flow and the source; detail.unhealthy,
 * current/previous state with TR 101 290 flags); the execution event the Step Functions Developer
 * Guide's "Step Functions Execution Status Change" example.
 */
const SAMPLES = {
    alertSet: envelope("aws.medialive", "MediaLive Channel Alert", [CHANNEL], {
        alarm_state: "SET",
        alarm_id: "4e912d2be849354108def40099483af0cbb8b5c2",
        alert_type: "Stopped Receiving UDP Input",
        pipeline: "0",
        channel_arn: CHANNEL,
        message: "Stopped receiving network data on [mediaconnect-a]",
    }),
    inputChange: envelope("aws.medialive", "MediaLive Channel Input Change", [CHANNEL], {
        pipeline: "0",
        channel_arn: CHANNEL,
        message: "Input switch event on pipeline",
        active_input_attachment_name: "rsn-studio-hd-backup",
        active_input_switch_action_name: "failover-2026-11-28T20:31:05Z",
    }),
    sourceUnhealthy: envelope(
        "aws.mediaconnect",
        "MediaConnect Source Health",
        [FLOW, `arn:aws:mediaconnect:us-east-1:${ACCOUNT}:source:1-AbCdEfGhIjKlMnOp-abcdef123455:studio-isp-a`],
        {
            unhealthy: true,
            current: { state: "CONNECTED", tr101: { ts_sync_loss: false, continuity_count_error: true, transport_error: true, pcr_error: true } },
            previous: { state: "CONNECTED", tr101: { ts_sync_loss: false, continuity_count_error: false, transport_error: false, pcr_error: false } },
        },
    ),
    executionFailed: envelope(
        "aws.states",
        "Step Functions Execution Status Change",
        [`arn:aws:states:us-east-1:${ACCOUNT}:execution:onair-rsn-season-runner:start-football`],
        {
            executionArn: `arn:aws:states:us-east-1:${ACCOUNT}:execution:onair-rsn-season-runner:start-football`,
            stateMachineArn: MACHINE,
            name: "start-football",
            status: "FAILED",
            startDate: 1551225014968,
            stopDate: 1551225017576,
            input: "{}",
            output: null,
        },
    ),
    // The one event MediaPackage v2 sends to EventBridge (EventBridge events reference, MediaPackage events).
    harvestJob: envelope(
        "aws.mediapackagev2",
        "MediaPackageV2 HarvestJob Notification",
        [`arn:aws:mediapackagev2:us-east-1:${ACCOUNT}:channelGroup/rsn/channel/football/originEndpoint/cmaf/harvestJob/h1`],
        {
            harvest_job: { status: "COMPLETED" },
        },
    ),
};

function variant(e: Record<string, unknown>, change: (d: Record<string, any>, e: Record<string, any>) => void): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(e));
    change(copy.detail, copy);
    return copy;
}

describe("EventBridge patterns against documented sample events", () => {
    const patterns = {
        alerts: mediaLiveAlertPattern([CHANNEL]),
        inputChange: mediaLiveInputChangePattern([CHANNEL]),
        sources: sourceHealthPattern([FLOW]),
        runner: runnerFailurePattern(MACHINE),
    };

    it("a raised MediaLive alert on one of the season's channels pages; a cleared one or another channel's does not", () => {
        assert.ok(matchesPattern(patterns.alerts, SAMPLES.alertSet));
        assert.ok(
            !matchesPattern(
                patterns.alerts,
                variant(SAMPLES.alertSet, (d) => (d.alarm_state = "CLEARED")),
            ),
        );
        assert.ok(
            !matchesPattern(
                patterns.alerts,
                variant(SAMPLES.alertSet, (_d, e) => (e.resources = [OTHER_CHANNEL])),
            ),
        );
    });

    it("a MediaLive input change on one of the season's channels pages", () => {
        assert.ok(matchesPattern(patterns.inputChange, SAMPLES.inputChange));
        assert.ok(
            !matchesPattern(
                patterns.inputChange,
                variant(SAMPLES.inputChange, (_d, e) => (e.resources = [OTHER_CHANNEL])),
            ),
        );
        assert.ok(!matchesPattern(patterns.inputChange, SAMPLES.alertSet));
    });

    it("an unhealthy source pages by its flow ARN (the event lists the flow and the source)", () => {
        assert.ok(matchesPattern(patterns.sources, SAMPLES.sourceUnhealthy));
        assert.ok(
            !matchesPattern(
                patterns.sources,
                variant(SAMPLES.sourceUnhealthy, (d) => (d.unhealthy = false)),
            ),
        );
        assert.ok(
            !matchesPattern(
                patterns.sources,
                variant(SAMPLES.sourceUnhealthy, (_d, e) => (e.resources = [e.resources[1]])),
            ),
        );
    });

    it("a failed, timed-out or aborted runner execution pages; a successful one does not", () => {
        for (const status of ["FAILED", "TIMED_OUT", "ABORTED"]) {
            assert.ok(
                matchesPattern(
                    patterns.runner,
                    variant(SAMPLES.executionFailed, (d) => (d.status = status)),
                ),
                status,
            );
        }
        assert.ok(
            !matchesPattern(
                patterns.runner,
                variant(SAMPLES.executionFailed, (d) => (d.status = "SUCCEEDED")),
            ),
        );
        assert.ok(
            !matchesPattern(
                patterns.runner,
                variant(SAMPLES.executionFailed, (d) => (d.stateMachineArn = `${MACHINE}-other`)),
            ),
        );
    });

    it("no rule waits for a MediaPackage event: the only one v2 sends is a harvest-job notification", () => {
        for (const [name, p] of Object.entries(patterns)) assert.ok(!matchesPattern(p, SAMPLES.harvestJob), name);
        for (const p of Object.values(patterns)) assert.ok(!JSON.stringify(p).includes("mediapackage"));
    });
});

describe("the EventBridge matcher", () => {
    // Examples from the EventBridge User Guide's comparison-operator table.
    const event = { source: "aws.ec2", detail: { state: "running", "c-count": 5, tags: ["prod", "eu"], location: "us-east-1a" } };
    const cases: [string, Record<string, unknown>, boolean][] = [
        ["exact value", { detail: { state: ["running"] } }, true],
        ["one of several", { detail: { state: ["stopped", "running"] } }, true],
        ["numbers match numbers only", { detail: { "c-count": ["5"] } }, false],
        ["prefix", { detail: { location: [{ prefix: "us-" }] } }, true],
        ["suffix", { detail: { location: [{ suffix: "-1b" }] } }, false],
        ["anything-but a value", { detail: { state: [{ "anything-but": "stopped" }] } }, true],
        ["anything-but a list", { detail: { state: [{ "anything-but": ["running", "stopped"] }] } }, false],
        ["anything-but a prefix", { detail: { location: [{ "anything-but": { prefix: "eu-" } }] } }, true],
        ["numeric range", { detail: { "c-count": [{ numeric: [">", 0, "<=", 5] }] } }, true],
        ["numeric outside", { detail: { "c-count": [{ numeric: [">", 5] }] } }, false],
        ["exists", { detail: { state: [{ exists: true }] } }, true],
        ["does not exist", { detail: { missing: [{ exists: false }] } }, true],
        ["a missing field never equals", { detail: { missing: ["x"] } }, false],
        ["any element of an array", { detail: { tags: ["eu"] } }, true],
        ["equals-ignore-case", { detail: { state: [{ "equals-ignore-case": "RUNNING" }] } }, true],
        ["wildcard", { detail: { location: [{ wildcard: "us-*-1a" }] } }, true],
        ["$or", { detail: { $or: [{ state: ["stopped"] }, { "c-count": [5] }] } }, true],
        ["a nested object must exist", { detail: { sub: { x: ["y"] } } }, false],
    ];
    for (const [title, pattern, expected] of cases) {
        it(`${title}: ${expected ? "matches" : "does not match"}`, () => {
            assert.strictEqual(matchesPattern(pattern, event), expected);
        });
    }

    it("refuses what EventBridge would refuse: a bare value or an empty list as a leaf", () => {
        assert.throws(() => matchesPattern({ detail: { unhealthy: true } }, event), /must be a list of values/);
        assert.throws(() => matchesPattern({ source: [] }, event), /empty list/);
    });
});
