import type {
    CreateChannelRequest,
    CreateInputRequest,
    OutputDestination,
    ScheduleAction,
    UpdateChannelRequest,
    UpdateInputRequest,
} from "@aws-sdk/client-medialive";

/** What OnAir reads back about a channel. */
export interface ChannelDescription {
    id: string;
    arn: string;
    state: string;
    /**
     * Everything DescribeChannel returned about the channel's settings, in CreateChannelRequest
     * shape. It carries server defaults and members the request never set; compare it with
     * `drift.ts`, never directly.
     */
    request: CreateChannelRequest;
}

export interface InputEndpoint {
    ip: string;
    port: string;
    url: string;
}

export interface InputDescription {
    id: string;
    arn: string;
    /** CREATING, DETACHED, ATTACHED, DELETING, DELETED. */
    state: string;
    /** Push endpoints MediaLive opened (RTP_PUSH), one per pipeline. */
    destinations: InputEndpoint[];
    /** Channels the input is attached to (MediaLive allows one). */
    attachedChannels: string[];
    request: CreateInputRequest;
}

/**
 * The slice of the MediaLive API the lifecycle uses. Production wraps the AWS SDK client
 * (`sdkApi.ts`); in-process tests inject a fake, host tests run the SDK against an emulator.
 * Every method rejects with the SDK's error (its `name` is the API's error shape).
 */
export interface MediaLiveApi {
    createChannel(request: CreateChannelRequest): Promise<{ id: string; arn: string }>;
    /** Undefined when the channel does not exist (NotFound). */
    describeChannel(id: string): Promise<ChannelDescription | undefined>;
    updateChannel(id: string, request: Omit<UpdateChannelRequest, "ChannelId">): Promise<void>;
    updateChannelClass(id: string, channelClass: string, destinations: OutputDestination[] | undefined): Promise<void>;
    startChannel(id: string): Promise<void>;
    stopChannel(id: string): Promise<void>;
    deleteChannel(id: string): Promise<void>;
    tagResource(arn: string, tags: Record<string, string>): Promise<void>;
    untagResource(arn: string, keys: string[]): Promise<void>;
    createInput(request: CreateInputRequest): Promise<{ id: string; arn: string }>;
    describeInput(id: string): Promise<InputDescription | undefined>;
    updateInput(id: string, request: Omit<UpdateInputRequest, "InputId">): Promise<void>;
    deleteInput(id: string): Promise<void>;
    /** Every action in the channel's schedule (all pages); undefined when the channel does not exist. */
    describeSchedule(channelId: string): Promise<ScheduleAction[] | undefined>;
    /** One BatchUpdateSchedule: MediaLive validates the batch as a whole and deletes before it creates. */
    batchUpdateSchedule(channelId: string, change: ScheduleChange): Promise<void>;
}

export interface ScheduleChange {
    creates: ScheduleAction[];
    /** Action names. */
    deletes: string[];
}

export interface Clock {
    sleep(ms: number): Promise<void>;
    now(): number;
    /** Uniform in [0, 1): jitter for polls and backoff. */
    random(): number;
}

export const realClock: Clock = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    random: () => Math.random(),
};
