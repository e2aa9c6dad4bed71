import { HoldConfig, maxHoldChecks } from "../config/operations";
import { PolicyDocument, Statement } from "../media/iam";
import { HOLD_OFF, holdParameterName, inputLostAlarmName } from "./hold";

/**
 * What a schedule (or an operator) hands the runner: one channel of one region. `stop` honours
 * the operator hold; `stop-now` (an operator's explicit stop) does not; `switch-input` (an
 * operator's) switches the channel to the attachment named by `input` at once.
 */
export interface RunnerInput {
    action: "start" | "stop" | "stop-now" | "switch-input";
    channel: string;
    event: string;
    channelId: string;
    flowArns: string[];
    /** switch-input: the input attachment to switch to (`contribution` or a channels[].extraInputs name). */
    input?: string;
}

/**
 * A manual switch's action name: `manual.<execution name>`, unique per channel schedule (execution
 * names are unique per state machine) and outside the schedule resource's `onair.` names, so a
 * `pulumi up` never deletes it.
 */
export const MANUAL_PREFIX = "manual.";

/** What the runner's definition is built from: one per region. */
export interface RunnerSettings {
    season: string;
    region: string;
    hold: HoldConfig;
    /** The region's alarm (NOC) topic: hold and stop notices go there. */
    topicArn: string;
}

/** Seconds for started flows to connect to the venue before the channel starts reading them. */
export const FLOW_CONNECT_SECONDS = 30;
/** Seconds for a stopping channel to drain before its flows stop. */
export const CHANNEL_DRAIN_SECONDS = 60;

// Throttling and transient service errors are retried; anything else fails the execution, which
// the region's runner-failures rule sends to the alarm topic. Names follow the SDK integration
// rule "ServiceName.ExceptionName" (Step Functions Developer Guide, "Using AWS SDK service
// integrations", error names).
const RETRY = [
    {
        ErrorEquals: [
            "MediaConnect.TooManyRequestsException",
            "MediaConnect.ServiceUnavailableException",
            "MediaConnect.InternalServerErrorException",
            "MediaLive.TooManyRequestsException",
            "MediaLive.InternalServerErrorException",
            "MediaLive.BadGatewayException",
            "MediaLive.GatewayTimeoutException",
        ],
        IntervalSeconds: 5,
        MaxAttempts: 6,
        BackoffRate: 2,
    },
];

/** The error GetParameter raises for a missing parameter, as Step Functions names it. */
export const PARAMETER_NOT_FOUND = "Ssm.ParameterNotFoundException";

/**
 * State names are unique in the whole machine, Map processors included (ASL spec, "States":
 * "State names MUST be unique within the scope of the whole state machine"), so each map names
 * its inner states after its API.
 */
function flowMap(api: "startFlow" | "stopFlow", next: string): Record<string, unknown> {
    const task = api === "startFlow" ? "StartFlow" : "StopFlow";
    const already = api === "startFlow" ? "FlowAlreadyStarted" : "FlowAlreadyStopped";
    return {
        Type: "Map",
        ItemsPath: "$.flowArns",
        ItemProcessor: {
            ProcessorConfig: { Mode: "INLINE" },
            StartAt: task,
            States: {
                [task]: {
                    Type: "Task",
                    Resource: `arn:aws:states:::aws-sdk:mediaconnect:${api}`,
                    Parameters: { "FlowArn.$": "$" },
                    Retry: RETRY,
                    // A flow an operator already started (or stopped) is where it should be.
                    Catch: [{ ErrorEquals: ["MediaConnect.BadRequestException"], Next: already }],
                    End: true,
                },
                [already]: { Type: "Pass", End: true },
            },
        },
        ResultPath: null,
        Next: next,
    };
}

function channelTask(api: "startChannel" | "stopChannel", next: string): Record<string, unknown> {
    return {
        Type: "Task",
        Resource: `arn:aws:states:::aws-sdk:medialive:${api}`,
        Parameters: { "ChannelId.$": "$.channelId" },
        Retry: RETRY,
        // Conflict: the channel is already running (or idle); nothing to do.
        Catch: [{ ErrorEquals: ["MediaLive.ConflictException"], ResultPath: null, Next: next }],
        ResultPath: null,
        Next: next,
    };
}

/**
 * States.Format templates: literal text must not carry `'`, `{`, `}` or `\` (they would need
 * escaping), which the season and region slugs never do; this keeps the guarantee explicit.
 */
function template(text: string): string {
    if (/['{}\\]/.test(text.replace(/\{\}/g, ""))) throw new Error(`notice text needs escaping for States.Format: ${text}`);
    return `'${text}'`;
}

/**
 * A NOC notice. A notice that cannot be sent never changes what the runner does: the hold and
 * the stop go on (Catch States.ALL).
 */
function notice(s: RunnerSettings, subject: string, message: string, args: string[], next: string): Record<string, unknown> {
    return {
        Type: "Task",
        Resource: "arn:aws:states:::sns:publish",
        Parameters: {
            TopicArn: s.topicArn,
            // SNS subjects are under 100 characters: the longest here is ~60 with a channel id.
            "Subject.$": `States.Format(${template(`OnAir ${subject}: {} (${s.region})`)}, $.channel)`,
            "Message.$": `States.Format(${template(message)}, ${args.join(", ")})`,
        },
        Retry: [{ ErrorEquals: ["States.TaskFailed"], IntervalSeconds: 2, MaxAttempts: 2, BackoffRate: 2 }],
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: null, Next: next }],
        ResultPath: null,
        Next: next,
    };
}

/**
 * The stop path with the operator hold. Before stopping it reads the channel's hold parameter;
 * while the hold is set (or, optionally, while the input is live) it notifies the NOC once,
 * waits `recheckMinutes` and reads again, up to `maxOverrunMinutes`; then it notifies and stops.
 * A hold it cannot read counts as held: an unreadable hold must not cut a game. A missing
 * parameter counts as no hold.
 */
function stopStates(s: RunnerSettings): Record<string, unknown> {
    const checks = maxHoldChecks(s.hold);
    const every = `${s.hold.recheckMinutes} min`;
    const latest = `${s.hold.maxOverrunMinutes} min`;
    const release = `Release it with: set ${holdParameterName(s.season, "<channel>")} to ${HOLD_OFF} in every region (docs/runbook.md, Hold a channel).`;
    const states: Record<string, unknown> = {
        BeginStop: { Type: "Pass", Result: { checks: 0 }, ResultPath: "$.hold", Next: "ReadHold" },
        ReadHold: {
            Type: "Task",
            Resource: "arn:aws:states:::aws-sdk:ssm:getParameter",
            Parameters: { "Name.$": `States.Format(${template(holdParameterName(s.season, "{}"))}, $.channel)` },
            ResultSelector: { "Value.$": "$.Parameter.Value" },
            ResultPath: "$.hold.read",
            Catch: [
                { ErrorEquals: [PARAMETER_NOT_FOUND], ResultPath: "$.hold.error", Next: "NoHoldParameter" },
                { ErrorEquals: ["States.ALL"], ResultPath: "$.hold.error", Next: "HoldUnreadable" },
            ],
            Next: "HoldDecision",
        },
        NoHoldParameter: { Type: "Pass", Result: { Value: HOLD_OFF }, ResultPath: "$.hold.read", Next: "HoldDecision" },
        HoldUnreadable: {
            Type: "Pass",
            Parameters: { "Value.$": "States.Format('unreadable, {}', $.hold.error.Error)" },
            ResultPath: "$.hold.read",
            Next: "HoldDecision",
        },
        HoldDecision: {
            Type: "Choice",
            Choices: [{ Not: { Variable: "$.hold.read.Value", StringEquals: HOLD_OFF }, Next: "HeldByOperator" }],
            Default: s.hold.whileInputLive ? "ReadInputSignal" : "NotHeld",
        },
        HeldByOperator: {
            Type: "Pass",
            Parameters: { "checks.$": "$.hold.checks", "reason.$": "States.Format('the operator hold is set ({})', $.hold.read.Value)" },
            ResultPath: "$.hold",
            Next: "StillHeld",
        },
        StillHeld: {
            Type: "Choice",
            Choices: [
                { Variable: "$.hold.checks", NumericGreaterThanEquals: checks, Next: "NotifyMaxOverrun" },
                { Variable: "$.hold.checks", NumericEquals: 0, Next: "NotifyHolding" },
            ],
            Default: "WaitForHold",
        },
        NotifyHolding: notice(
            s,
            "hold",
            `OnAir ${s.season}: {} (${s.region}) stays on air past its scheduled stop for {} because {}. The runner re-checks every ${every} and stops it at the latest ${latest} after the scheduled stop. ${release}`,
            ["$.channel", "$.event", "$.hold.reason"],
            "WaitForHold",
        ),
        WaitForHold: { Type: "Wait", Seconds: s.hold.recheckMinutes * 60, Next: "CountCheck" },
        CountCheck: { Type: "Pass", Parameters: { "checks.$": "States.MathAdd($.hold.checks, 1)" }, ResultPath: "$.hold", Next: "ReadHold" },
        NotHeld: {
            Type: "Choice",
            Choices: [{ Variable: "$.hold.checks", NumericGreaterThan: 0, Next: "NotifyReleased" }],
            Default: "StopChannel",
        },
        NotifyReleased: notice(
            s,
            "stopping",
            `OnAir ${s.season}: {} (${s.region}) is stopping for {}: the hold was released after {} re-checks of ${every}.`,
            ["$.channel", "$.event", "$.hold.checks"],
            "StopChannel",
        ),
        NotifyMaxOverrun: notice(
            s,
            "stopping at maximum overrun",
            `OnAir ${s.season}: {} (${s.region}) is stopping for {} although {}: it reached the maximum overrun of ${latest} after its scheduled stop. If the game is over, set the hold back to ${HOLD_OFF} so the next stop is not held.`,
            ["$.channel", "$.event", "$.hold.reason"],
            "StopChannel",
        ),
    };
    if (s.hold.whileInputLive) {
        Object.assign(states, {
            // A signal that cannot be read is ignored: the operator hold is the mechanism, the input is a hint.
            ReadInputSignal: {
                Type: "Task",
                Resource: "arn:aws:states:::aws-sdk:cloudwatch:describeAlarms",
                Parameters: { "AlarmNames.$": `States.Array(States.Format(${template(inputLostAlarmName(s.season, "{}", s.region))}, $.channel))` },
                // No ResultSelector: a path into an empty MetricAlarms list is a States.Runtime
                // error, which no Catch handles; the Choice tests presence instead.
                ResultPath: "$.hold.input",
                Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.hold.inputError", Next: "NotHeld" }],
                Next: "InputDecision",
            },
            InputDecision: {
                Type: "Choice",
                Choices: [
                    {
                        And: [
                            { Variable: "$.hold.input.MetricAlarms[0].StateValue", IsPresent: true },
                            { Variable: "$.hold.input.MetricAlarms[0].StateValue", StringEquals: "OK" },
                        ],
                        Next: "HeldByInput",
                    },
                ],
                Default: "NotHeld",
            },
            HeldByInput: {
                Type: "Pass",
                Parameters: { "checks.$": "$.hold.checks", reason: "its input is still live" },
                ResultPath: "$.hold",
                Next: "StillHeld",
            },
        });
    }
    return states;
}

/**
 * The operator's input switch: one immediate input switch in the channel's MediaLive schedule
 * (BatchUpdateSchedule; "For an input switch in a standard channel ... MediaLive internally sets the
 * start time to 10 seconds in the future", User Guide, "How input switch actions work"), then a
 * NOC notice. A refused switch (422: no such attachment) fails the execution, which the runner's
 * failure rule reports.
 */
function switchStates(s: RunnerSettings): Record<string, unknown> {
    return {
        HasInput: {
            Type: "Choice",
            Choices: [
                {
                    And: [
                        { Variable: "$.input", IsPresent: true },
                        { Variable: "$.input", IsString: true },
                    ],
                    Next: "SwitchInput",
                },
            ],
            Default: "MissingInput",
        },
        MissingInput: {
            Type: "Fail",
            Error: "OnAir.MissingInput",
            Cause: "switch-input needs input: the attachment to switch to (contribution or an extra input's name)",
        },
        SwitchInput: {
            Type: "Task",
            Resource: "arn:aws:states:::aws-sdk:medialive:batchUpdateSchedule",
            Parameters: {
                "ChannelId.$": "$.channelId",
                Creates: {
                    ScheduleActions: [
                        {
                            "ActionName.$": `States.Format(${template(`${MANUAL_PREFIX}{}`)}, $$.Execution.Name)`,
                            ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
                            ScheduleActionSettings: { InputSwitchSettings: { "InputAttachmentNameReference.$": "$.input" } },
                        },
                    ],
                },
            },
            Retry: RETRY,
            ResultPath: null,
            Next: "NotifySwitched",
        },
        NotifySwitched: notice(
            s,
            "input switch",
            `OnAir ${s.season}: {} (${s.region}) is switching to input {} now, by hand (execution {}). Scheduled switches still run at their times; switch every region.`,
            ["$.channel", "$.input", "$$.Execution.Name"],
            "Done",
        ),
    };
}

/**
 * The region's season runner (Step Functions): flows carry the venue feed, so they start before
 * the channel reads them and stop after it, which one-API-call schedules cannot order; a stop
 * waits while the channel is held; an operator's input switch is one immediate schedule action.
 * Scheduled input switches are not the runner's: they live in each channel's MediaLive schedule.
 */
export function runnerDefinition(s: RunnerSettings): Record<string, unknown> {
    return {
        Comment: "OnAir: start a channel's MediaConnect flows, then its MediaLive channel; stop in reverse order, after any operator hold.",
        StartAt: "Action",
        States: {
            Action: {
                Type: "Choice",
                Choices: [
                    { Variable: "$.action", StringEquals: "start", Next: "StartFlows" },
                    { Variable: "$.action", StringEquals: "stop", Next: "BeginStop" },
                    { Variable: "$.action", StringEquals: "stop-now", Next: "StopChannel" },
                    { Variable: "$.action", StringEquals: "switch-input", Next: "HasInput" },
                ],
                Default: "UnknownAction",
            },
            UnknownAction: { Type: "Fail", Error: "OnAir.UnknownAction", Cause: "action must be start, stop, stop-now or switch-input" },
            ...switchStates(s),
            StartFlows: flowMap("startFlow", "LetFlowsConnect"),
            LetFlowsConnect: { Type: "Wait", Seconds: FLOW_CONNECT_SECONDS, Next: "StartChannel" },
            StartChannel: channelTask("startChannel", "Done"),
            ...stopStates(s),
            StopChannel: channelTask("stopChannel", "LetChannelDrain"),
            LetChannelDrain: { Type: "Wait", Seconds: CHANNEL_DRAIN_SECONDS, Next: "StopFlows" },
            StopFlows: flowMap("stopFlow", "Done"),
            Done: { Type: "Succeed" },
        },
    };
}

export interface RunnerScope {
    /** ARNs or, before the channels exist, a pattern (components/arns.ts) held to `channelTag`. */
    channelArns: string[];
    /** ARNs or name patterns of this region's flows. */
    flowArns: string[];
    /** The hold parameters of this region's channels (exact ARNs). */
    holdParameterArns: string[];
    topicArn: string;
    /** Input-lost alarm ARNs, when the hold also follows the input. */
    inputAlarmArns: string[];
    /**
     * The season's tag, required on the channels: MediaLive numbers its channels, so a pattern
     * that names them before they exist is held to the season by tag (MediaLive channels support
     * aws:ResourceTag conditions).
     */
    channelTag?: { key: string; value: string };
}

/**
 * The runner may start and stop exactly this region's season flows and channels, add a manual
 * input switch to their schedules, read exactly
 * its channels' hold parameters (never write them), publish to its region's NOC topic and, when
 * configured, read its channels' input-lost alarms.
 */
export function runnerPolicy(scope: RunnerScope): PolicyDocument {
    const statements: Statement[] = [
        {
            Sid: "RunChannels",
            Effect: "Allow",
            Action: ["medialive:StartChannel", "medialive:StopChannel"],
            Resource: scope.channelArns,
            ...(scope.channelTag ? { Condition: { StringEquals: { [`aws:ResourceTag/${scope.channelTag.key}`]: scope.channelTag.value } } } : {}),
        },
        // The operator's switch-input: BatchUpdateSchedule acts on the channel resource, held to the same tag.
        {
            Sid: "SwitchInputs",
            Effect: "Allow",
            Action: "medialive:BatchUpdateSchedule",
            Resource: scope.channelArns,
            ...(scope.channelTag ? { Condition: { StringEquals: { [`aws:ResourceTag/${scope.channelTag.key}`]: scope.channelTag.value } } } : {}),
        },
    ];
    if (scope.flowArns.length > 0)
        statements.push({ Sid: "RunFlows", Effect: "Allow", Action: ["mediaconnect:StartFlow", "mediaconnect:StopFlow"], Resource: scope.flowArns });
    statements.push({ Sid: "ReadHolds", Effect: "Allow", Action: "ssm:GetParameter", Resource: scope.holdParameterArns });
    statements.push({ Sid: "NotifyNoc", Effect: "Allow", Action: "sns:Publish", Resource: scope.topicArn });
    if (scope.inputAlarmArns.length > 0)
        statements.push({ Sid: "ReadInputSignal", Effect: "Allow", Action: "cloudwatch:DescribeAlarms", Resource: scope.inputAlarmArns });
    return { Version: "2012-10-17", Statement: statements };
}

/** EventBridge Scheduler may only start executions of the runner. */
export function schedulerPolicy(stateMachineArn: string): PolicyDocument {
    return { Version: "2012-10-17", Statement: [{ Sid: "StartRunner", Effect: "Allow", Action: ["states:StartExecution"], Resource: stateMachineArn }] };
}
