import type { CreateChannelRequest, CreateInputRequest, UpdateChannelRequest, UpdateInputRequest } from "@aws-sdk/client-medialive";

/** What OnAir reads back about a channel. */
export interface ChannelDescription {
    id: string;
    arn: string;
    state: string;
    /** The channel's settings in CreateChannelRequest shape, for drift detection. */
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
    request: CreateInputRequest;
}

/**
 * The slice of the MediaLive API the channel lifecycle uses. Production wraps the AWS SDK client
 * (`sdkApi.ts`); tests inject a fake that records calls and drives state changes.
 */
export interface MediaLiveApi {
    createChannel(request: CreateChannelRequest): Promise<{ id: string; arn: string }>;
    /** Undefined when the channel does not exist (NotFound). */
    describeChannel(id: string): Promise<ChannelDescription | undefined>;
    updateChannel(id: string, request: Omit<UpdateChannelRequest, "ChannelId">): Promise<void>;
    startChannel(id: string): Promise<void>;
    stopChannel(id: string): Promise<void>;
    deleteChannel(id: string): Promise<void>;
    tagResource(arn: string, tags: Record<string, string>): Promise<void>;
    untagResource(arn: string, keys: string[]): Promise<void>;
    createInput(request: CreateInputRequest): Promise<{ id: string; arn: string }>;
    describeInput(id: string): Promise<InputDescription | undefined>;
    updateInput(id: string, request: Omit<UpdateInputRequest, "InputId">): Promise<void>;
    deleteInput(id: string): Promise<void>;
}

export interface Clock {
    sleep(ms: number): Promise<void>;
    now(): number;
}

export const realClock: Clock = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
};
