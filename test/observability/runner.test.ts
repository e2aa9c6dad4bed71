import * as assert from "assert";
import { HoldConfig } from "../../components/config/operations";
import { inputLostAlarmName } from "../../components/operations/hold";
import {
    CHANNEL_DRAIN_SECONDS,
    FLOW_CONNECT_SECONDS,
    PARAMETER_NOT_FOUND,
    runnerDefinition,
    RunnerInput,
    runnerPolicy,
    RunnerSettings,
} from "../../components/operations/runner";
import type { BatchUpdateScheduleRequest } from "@aws-sdk/client-medialive";
import { runMachine, TaskError, TaskMock, TEST_EXECUTION } from "./stateMachine";

/*
 * The season runner's definition, evaluated by aws-local-stepfunctions (see stateMachine.ts).
 * Constructs relied on, from the Amazon States Language spec (https://states-language.net/spec.html):
 *  - Task with Parameters, ResultSelector and ResultPath ("Task State", "Input and Output Processing");
 *  - Choice with StringEquals, NumericEquals/GreaterThan(Equals), Not, And and IsPresent ("Choice State");
 *  - Wait with Seconds ("Wait State"); Pass with Result and Parameters ("Pass State");
 *  - Map with ItemsPath and ItemProcessor ("Map State");
 *  - Retry and Catch, States.ALL matching every error and States.TaskFailed every Task failure
 *    ("Errors", "Retrying after error", "Fallback states");
 *  - intrinsic functions States.Format, States.MathAdd and States.Array ("Intrinsic Functions").
 * Error names of AWS SDK integrations are "ServiceName.ExceptionName" in PascalCase with the
 * Exception suffix (Step Functions Developer Guide, "Using AWS SDK service integrations"):
 * GetParameter's ParameterNotFound arrives as Ssm.ParameterNotFoundException, StartChannel's 409 as
 * MediaLive.ConflictException. SNS publish uses the optimized integration
 * arn:aws:states:::sns:publish ("Call Amazon SNS with Step Functions").
 */

const HOLD: HoldConfig = { maxOverrunMinutes: 120, recheckMinutes: 5, whileInputLive: false };
const SETTINGS: RunnerSettings = {
    season: "rsn-2026-27",
    region: "us-east-1",
    hold: HOLD,
    topicArn: "arn:aws:sns:us-east-1:123456789012:onair-rsn-2026-27-alarms",
};
const INPUT: RunnerInput = {
    action: "stop",
    channel: "football-uhd",
    event: "2026-11-28-season-finale",
    channelId: "1234567",
    flowArns: ["arn:flow-a", "arn:flow-b"],
};

const ok: TaskMock = () => ({});
const param =
    (...values: (string | Error)[]): TaskMock =>
    (_i, n) => {
        const v = values[Math.min(n, values.length) - 1]!;
        if (v instanceof Error) throw v;
        return { Parameter: { Name: "x", Type: "String", Value: v, Version: 1 } };
    };
const media = { StopChannel: ok, StartChannel: ok, StartFlow: ok, StopFlow: ok, NotifyHolding: ok, NotifyReleased: ok, NotifyMaxOverrun: ok };
const def = (s: Partial<RunnerSettings> = {}) => runnerDefinition({ ...SETTINGS, ...s });
const tasks = (r: { calls: { state: string }[] }) => r.calls.map((c) => c.state);

describe("season runner (Step Functions definition, evaluated)", () => {
    it("starts both flows, lets them connect, then starts the channel", async () => {
        const r = await runMachine(def(), { ...INPUT, action: "start" }, media);
        assert.strictEqual(r.result, "succeeded");
        assert.deepStrictEqual(
            r.calls.map((c) => [c.state, c.input]),
            [
                ["StartFlow", { FlowArn: "arn:flow-a" }],
                ["StartFlow", { FlowArn: "arn:flow-b" }],
                ["StartChannel", { ChannelId: "1234567" }],
            ],
        );
        assert.strictEqual(r.waitedSeconds, FLOW_CONNECT_SECONDS);
    });

    it("no hold: reads the hold, then stops the channel, drains and stops the flows, with no notice", async () => {
        const r = await runMachine(def(), INPUT, { ...media, ReadHold: param("off") });
        assert.strictEqual(r.result, "succeeded");
        assert.deepStrictEqual(tasks(r), ["ReadHold", "StopChannel", "StopFlow", "StopFlow"]);
        assert.deepStrictEqual(r.calls[0]!.input, { Name: "/onair/rsn-2026-27/hold/football-uhd" });
        assert.deepStrictEqual(
            r.calls.slice(2).map((c) => c.input.FlowArn),
            ["arn:flow-a", "arn:flow-b"],
        );
        assert.strictEqual(r.waitedSeconds, CHANNEL_DRAIN_SECONDS);
    });

    it("a missing hold parameter is no hold", async () => {
        const r = await runMachine(def(), INPUT, {
            ...media,
            ReadHold: param(new TaskError(PARAMETER_NOT_FOUND, "Service returned error code ParameterNotFound (Service: Ssm, Status Code: 400)")),
        });
        assert.strictEqual(r.result, "succeeded");
        assert.deepStrictEqual(tasks(r), ["ReadHold", "StopChannel", "StopFlow", "StopFlow"]);
    });

    it("hold released after 2 checks: notifies once, waits twice, notifies the stop, then stops", async () => {
        const r = await runMachine(def(), INPUT, { ...media, ReadHold: param("on", "on", "off") });
        assert.strictEqual(r.result, "succeeded");
        assert.deepStrictEqual(tasks(r), ["ReadHold", "NotifyHolding", "ReadHold", "ReadHold", "NotifyReleased", "StopChannel", "StopFlow", "StopFlow"]);
        assert.strictEqual(r.waitedSeconds, 2 * 5 * 60 + CHANNEL_DRAIN_SECONDS);
        const holding = r.calls.find((c) => c.state === "NotifyHolding")!.input;
        assert.strictEqual(holding.TopicArn, SETTINGS.topicArn);
        assert.strictEqual(holding.Subject, "OnAir hold: football-uhd (us-east-1)");
        assert.match(
            holding.Message,
            /football-uhd \(us-east-1\) stays on air past its scheduled stop for 2026-11-28-season-finale because the operator hold is set \(on\)/,
        );
        assert.match(holding.Message, /re-checks every 5 min and stops it at the latest 120 min after/);
        assert.match(r.calls.find((c) => c.state === "NotifyReleased")!.input.Message, /the hold was released after 2 re-checks of 5 min/);
    });

    it("hold never released: stops at the maximum overrun, with a notice saying so", async () => {
        const r = await runMachine(def(), INPUT, { ...media, ReadHold: param("OT 2") });
        assert.strictEqual(r.result, "succeeded");
        const names = tasks(r);
        assert.strictEqual(names.filter((n) => n === "ReadHold").length, 120 / 5 + 1);
        assert.deepStrictEqual(
            names.filter((n) => n.startsWith("Notify")),
            ["NotifyHolding", "NotifyMaxOverrun"],
        );
        assert.deepStrictEqual(names.slice(-3), ["StopChannel", "StopFlow", "StopFlow"]);
        // The overrun actually waited is the configured maximum, not one re-check more or less.
        assert.strictEqual(r.waitedSeconds - CHANNEL_DRAIN_SECONDS, 120 * 60);
        assert.match(
            r.calls.find((c) => c.state === "NotifyMaxOverrun")!.input.Message,
            /although the operator hold is set \(OT 2\): it reached the maximum overrun of 120 min/,
        );
    });

    it("an unreadable hold counts as held (an outage must not cut a game) and is named in the notice", async () => {
        const denied = new TaskError("Ssm.SsmException", "User is not authorized to perform: ssm:GetParameter");
        const r = await runMachine(def(), INPUT, { ...media, ReadHold: param(denied, "off") });
        assert.strictEqual(r.result, "succeeded");
        assert.deepStrictEqual(tasks(r), ["ReadHold", "NotifyHolding", "ReadHold", "NotifyReleased", "StopChannel", "StopFlow", "StopFlow"]);
        assert.match(r.calls[1]!.input.Message, /because the operator hold is set \(unreadable, Ssm.SsmException\)/);
    });

    it("a notice that cannot be sent never stops the hold or the stop", async () => {
        const r = await runMachine(def(), INPUT, {
            ...media,
            ReadHold: param("on", "off"),
            NotifyHolding: () => {
                throw new TaskError("SNS.AuthorizationErrorException");
            },
            NotifyReleased: () => {
                throw new TaskError("SNS.InternalErrorException");
            },
        });
        assert.strictEqual(r.result, "succeeded");
        // States.TaskFailed retries each notice twice before the catch moves on.
        assert.deepStrictEqual(
            tasks(r).filter((n) => n.startsWith("Notify")),
            ["NotifyHolding", "NotifyHolding", "NotifyHolding", "NotifyReleased", "NotifyReleased", "NotifyReleased"],
        );
        assert.deepStrictEqual(tasks(r).slice(-3), ["StopChannel", "StopFlow", "StopFlow"]);
    });

    it("stop-now ignores the hold", async () => {
        const r = await runMachine(def(), { ...INPUT, action: "stop-now" }, { ...media, ReadHold: param("on") });
        assert.deepStrictEqual(tasks(r), ["StopChannel", "StopFlow", "StopFlow"]);
    });

    it("with whileInputLive, keeps running while the input-lost alarm is OK, then stops", async () => {
        const alarm =
            (...states: string[][]): TaskMock =>
            (i, n) => {
                assert.deepStrictEqual(i, { AlarmNames: [inputLostAlarmName("rsn-2026-27", "football-uhd", "us-east-1")] });
                return { MetricAlarms: states[Math.min(n, states.length) - 1]!.map((StateValue) => ({ AlarmName: "x", StateValue })) };
            };
        const d = def({ hold: { ...HOLD, whileInputLive: true } });
        const live = await runMachine(d, INPUT, { ...media, ReadHold: param("off"), ReadInputSignal: alarm(["OK"], ["OK"], ["ALARM"]) });
        assert.deepStrictEqual(tasks(live), [
            "ReadHold",
            "ReadInputSignal",
            "NotifyHolding",
            "ReadHold",
            "ReadInputSignal",
            "ReadHold",
            "ReadInputSignal",
            "NotifyReleased",
            "StopChannel",
            "StopFlow",
            "StopFlow",
        ]);
        assert.match(live.calls[2]!.input.Message, /because its input is still live/);
        // No data (INSUFFICIENT_DATA), no alarm at all, or an unreadable signal: stop on schedule.
        for (const mock of [
            alarm(["INSUFFICIENT_DATA"]),
            alarm([]),
            () => {
                throw new TaskError("CloudWatch.CloudWatchException");
            },
        ]) {
            const r = await runMachine(d, INPUT, { ...media, ReadHold: param("off"), ReadInputSignal: mock });
            assert.deepStrictEqual(tasks(r), ["ReadHold", "ReadInputSignal", "StopChannel", "StopFlow", "StopFlow"]);
        }
        // The operator hold is read first and wins without the alarm.
        const held = await runMachine(d, INPUT, { ...media, ReadHold: param("on", "off"), ReadInputSignal: alarm(["ALARM"]) });
        assert.deepStrictEqual(tasks(held).slice(0, 4), ["ReadHold", "NotifyHolding", "ReadHold", "ReadInputSignal"]);
    });

    it("the maximum overrun follows the configuration", async () => {
        const r = await runMachine(def({ hold: { maxOverrunMinutes: 30, recheckMinutes: 10, whileInputLive: false } }), INPUT, {
            ...media,
            ReadHold: param("on"),
        });
        assert.strictEqual(r.waitedSeconds - CHANNEL_DRAIN_SECONDS, 30 * 60);
        assert.strictEqual(tasks(r).filter((n) => n === "ReadHold").length, 4);
    });

    it("carries on when an operator already started a flow or the channel", async () => {
        const r = await runMachine(
            def(),
            { ...INPUT, action: "start" },
            {
                ...media,
                StartFlow: (i) => {
                    if (i.FlowArn === "arn:flow-a") throw new TaskError("MediaConnect.BadRequestException");
                    return {};
                },
                StartChannel: () => {
                    throw new TaskError("MediaLive.ConflictException");
                },
            },
        );
        assert.strictEqual(r.result, "succeeded");
        assert.strictEqual(r.calls.length, 3);
    });

    it("retries throttling, then fails (for the failure rule to page) when MediaLive refuses for another reason", async () => {
        const throttled = await runMachine(
            def(),
            { ...INPUT, action: "stop-now" },
            {
                ...media,
                StopChannel: (_i, n) => {
                    if (n < 3) throw new TaskError("MediaLive.TooManyRequestsException");
                    return {};
                },
            },
        );
        assert.strictEqual(throttled.result, "succeeded");
        assert.strictEqual(tasks(throttled).filter((n) => n === "StopChannel").length, 3);
        const refused = await runMachine(
            def(),
            { ...INPUT, action: "start" },
            {
                ...media,
                StartChannel: () => {
                    throw new TaskError("MediaLive.ForbiddenException");
                },
            },
        );
        assert.strictEqual(refused.result, "failed: MediaLive.ForbiddenException");
    });

    it("switch-input: one immediate input switch in the channel's schedule, named for the execution, then a NOC notice", async () => {
        const r = await runMachine(def(), { ...INPUT, action: "switch-input", event: "manual", input: "studio" }, { SwitchInput: ok, NotifySwitched: ok });
        assert.strictEqual(r.result, "succeeded");
        assert.deepStrictEqual(tasks(r), ["SwitchInput", "NotifySwitched"]);
        // The Task's parameters are the SDK's BatchUpdateScheduleRequest (aws-sdk integrations take the API's request shape).
        const request: BatchUpdateScheduleRequest = {
            ChannelId: "1234567",
            Creates: {
                ScheduleActions: [
                    {
                        ActionName: `manual.${TEST_EXECUTION.Name}`,
                        ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
                        ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "studio" } },
                    },
                ],
            },
        };
        assert.deepStrictEqual(r.calls[0]!.input, request);
        assert.strictEqual(r.calls[1]!.input.Subject, "OnAir input switch: football-uhd (us-east-1)");
        assert.match(r.calls[1]!.input.Message, /football-uhd \(us-east-1\) is switching to input studio now, by hand \(execution noc-2026-12-05T19-58-00Z\)/);
        assert.ok(!r.calls.some((c) => /Channel|Flow|Hold/.test(c.state)), "a switch neither starts, stops nor reads the hold");
    });

    it("switch-input without an input fails before calling MediaLive; a refused switch fails the execution (the failure rule pages)", async () => {
        const missing = await runMachine(def(), { ...INPUT, action: "switch-input" }, { SwitchInput: ok, NotifySwitched: ok });
        assert.deepStrictEqual([missing.result, missing.calls.length], ["failed: OnAir.MissingInput", 0]);
        const refused = await runMachine(
            def(),
            { ...INPUT, action: "switch-input", input: "stduio" },
            {
                SwitchInput: () => {
                    throw new TaskError("MediaLive.UnprocessableEntityException");
                },
                NotifySwitched: ok,
            },
        );
        assert.strictEqual(refused.result, "failed: MediaLive.UnprocessableEntityException");
        const throttled = await runMachine(
            def(),
            { ...INPUT, action: "switch-input", input: "studio" },
            {
                SwitchInput: (_i, n) => {
                    if (n < 3) throw new TaskError("MediaLive.TooManyRequestsException");
                    return {};
                },
                NotifySwitched: ok,
            },
        );
        assert.deepStrictEqual([throttled.result, tasks(throttled).filter((t) => t === "SwitchInput").length], ["succeeded", 3]);
    });

    it("refuses an unknown action", async () => {
        assert.strictEqual((await runMachine(def(), { ...INPUT, action: "restart" }, media)).result, "failed: OnAir.UnknownAction");
    });
});

describe("season runner policy", () => {
    const scope = {
        channelArns: ["arn:ch"],
        flowArns: ["arn:flow-a"],
        holdParameterArns: ["arn:aws:ssm:us-east-1:123456789012:parameter/onair/s/hold/a"],
        topicArn: "arn:topic",
        inputAlarmArns: [] as string[],
    };

    it("reads exactly its hold parameters, never writes them, and publishes only to its topic", () => {
        const p = runnerPolicy(scope);
        const bySid = Object.fromEntries(p.Statement.map((s) => [s.Sid, s]));
        assert.deepStrictEqual(bySid["ReadHolds"]!.Action, "ssm:GetParameter");
        assert.deepStrictEqual(bySid["ReadHolds"]!.Resource, scope.holdParameterArns);
        assert.deepStrictEqual(bySid["NotifyNoc"]!.Resource, "arn:topic");
        assert.ok(!p.Statement.some((s) => [s.Action].flat().some((a) => /Put|Delete|\*/.test(a))));
        assert.ok(!p.Statement.some((s) => [s.Resource].flat().includes("*")));
        assert.ok(!bySid["ReadInputSignal"]);
        assert.deepStrictEqual(runnerPolicy({ ...scope, inputAlarmArns: ["arn:alarm"] }).Statement.find((s) => s.Sid === "ReadInputSignal")!.Resource, [
            "arn:alarm",
        ]);
    });

    it("may add input switches to exactly its channels' schedules (switch-input), nothing else of MediaLive's", () => {
        const p = runnerPolicy(scope);
        assert.deepStrictEqual(
            p.Statement.find((s) => s.Sid === "SwitchInputs"),
            { Sid: "SwitchInputs", Effect: "Allow", Action: "medialive:BatchUpdateSchedule", Resource: ["arn:ch"] },
        );
        assert.deepStrictEqual(
            p.Statement.flatMap((s) => [s.Action].flat())
                .filter((a) => a.startsWith("medialive:"))
                .sort(),
            ["medialive:BatchUpdateSchedule", "medialive:StartChannel", "medialive:StopChannel"],
        );
    });
});
