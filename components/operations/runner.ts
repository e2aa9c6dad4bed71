import { PolicyDocument } from "../media/iam";

/** What a schedule hands the runner: one channel of one region, started or stopped for one event. */
export interface RunnerInput {
    action: "start" | "stop";
    channel: string;
    event: string;
    channelId: string;
    flowArns: string[];
}

/** Seconds for started flows to connect to the venue before the channel starts reading them. */
export const FLOW_CONNECT_SECONDS = 30;
/** Seconds for a stopping channel to drain before its flows stop. */
export const CHANNEL_DRAIN_SECONDS = 60;

// Throttling and transient service errors are retried; anything else fails the execution, which
// the region's runner-failures rule sends to the alarm topic.
const RETRY = [{
    ErrorEquals: [
        "MediaConnect.TooManyRequestsException", "MediaConnect.ServiceUnavailableException", "MediaConnect.InternalServerErrorException",
        "MediaLive.TooManyRequestsException", "MediaLive.InternalServerErrorException", "MediaLive.BadGatewayException", "MediaLive.GatewayTimeoutException",
    ],
    IntervalSeconds: 5,
    MaxAttempts: 6,
    BackoffRate: 2,
}];

function flowMap(api: "startFlow" | "stopFlow", next: string): Record<string, unknown> {
    return {
        Type: "Map",
        ItemsPath: "$.flowArns",
        ItemProcessor: {
            ProcessorConfig: { Mode: "INLINE" },
            StartAt: "Flow",
            States: {
                Flow: {
                    Type: "Task",
                    Resource: `arn:aws:states:::aws-sdk:mediaconnect:${api}`,
                    Parameters: { "FlowArn.$": "$" },
                    Retry: RETRY,
                    // A flow an operator already started (or stopped) is where it should be.
                    Catch: [{ ErrorEquals: ["MediaConnect.BadRequestException"], Next: "AlreadyThere" }],
                    End: true,
                },
                AlreadyThere: { Type: "Pass", End: true },
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
 * The region's season runner (Step Functions): flows carry the venue feed, so they start before
 * the channel reads them and stop after it, which one-API-call schedules cannot order.
 */
export function runnerDefinition(): Record<string, unknown> {
    return {
        Comment: "OnAir: start a channel's MediaConnect flows, then its MediaLive channel; stop in reverse order.",
        StartAt: "Action",
        States: {
            Action: {
                Type: "Choice",
                Choices: [
                    { Variable: "$.action", StringEquals: "start", Next: "StartFlows" },
                    { Variable: "$.action", StringEquals: "stop", Next: "StopChannel" },
                ],
                Default: "UnknownAction",
            },
            UnknownAction: { Type: "Fail", Error: "OnAir.UnknownAction", Cause: "action must be start or stop" },
            StartFlows: flowMap("startFlow", "LetFlowsConnect"),
            LetFlowsConnect: { Type: "Wait", Seconds: FLOW_CONNECT_SECONDS, Next: "StartChannel" },
            StartChannel: channelTask("startChannel", "Done"),
            StopChannel: channelTask("stopChannel", "LetChannelDrain"),
            LetChannelDrain: { Type: "Wait", Seconds: CHANNEL_DRAIN_SECONDS, Next: "StopFlows" },
            StopFlows: flowMap("stopFlow", "Done"),
            Done: { Type: "Succeed" },
        },
    };
}

/**
 * The runner may start and stop exactly this region's season flows and channels. MediaLive
 * numbers its channels, so before they exist the channels are named by a pattern held to the
 * season's tag (MediaLive channels support aws:ResourceTag conditions); flows by name patterns.
 */
export function runnerPolicy(channelArns: string[], flowArns: string[], channelTag?: { key: string; value: string }): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "RunChannels",
                Effect: "Allow",
                Action: ["medialive:StartChannel", "medialive:StopChannel"],
                Resource: channelArns,
                ...(channelTag ? { Condition: { StringEquals: { [`aws:ResourceTag/${channelTag.key}`]: channelTag.value } } } : {}),
            },
            ...(flowArns.length > 0 ? [{ Sid: "RunFlows", Effect: "Allow" as const, Action: ["mediaconnect:StartFlow", "mediaconnect:StopFlow"], Resource: flowArns }] : []),
        ],
    };
}

/** EventBridge Scheduler may only start executions of the runner. */
export function schedulerPolicy(stateMachineArn: string): PolicyDocument {
    return { Version: "2012-10-17", Statement: [{ Sid: "StartRunner", Effect: "Allow", Action: ["states:StartExecution"], Resource: stateMachineArn }] };
}
