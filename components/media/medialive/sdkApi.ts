import type { CreateChannelRequest, CreateInputRequest, DescribeChannelResponse, ScheduleAction } from "@aws-sdk/client-medialive";
import { ChannelDescription, InputDescription, MediaLiveApi } from "./api";
import { DEFAULT_TIMING, providerTiming, Timing } from "./timing";

/**
 * SDK attempts per call. Adaptive mode adds a client-side rate limiter that slows every call of
 * the client after a 429, on top of the standard exponential backoff with full jitter (AWS SDKs
 * and Tools Reference Guide, "Retry behavior": base 100 ms, 500 ms for throttling, capped at 20 s).
 * Ten attempts ride out a throttled burst of tens of seconds; longer throttling is absorbed by the
 * provider's own waits (wait.ts). The SDK default is 3.
 */
export const SDK_MAX_ATTEMPTS = 10;
const SDK_MAX_DELAY_MS = 20_000;
const SDK_MIN_FILL_RATE = 0.5;
/** DescribeSchedule page size (the model's MaxResults range is 1-1000). */
export const SCHEDULE_PAGE_SIZE = 100;

/**
 * The SDK's adaptive strategy with its delays scaled by the provider timing (ONAIR_MEDIALIVE_POLL_MS
 * against its 5 s default): at the default the delays and rate floor are the SDK's own.
 */
export function retryStrategy(timing: Timing): unknown {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: the offline plan and the policy packs never load the SDK
    const retry = require("@smithy/core/retry") as typeof import("@smithy/core/retry");
    const scale = timing.pollMs / DEFAULT_TIMING.pollMs;
    let base = 100 * scale;
    const backoff = {
        setDelayBase: (ms: number) => (base = ms * scale),
        computeNextBackoffDelay: (attempts: number) => Math.floor(Math.min(SDK_MAX_DELAY_MS * scale, Math.random() * 2 ** attempts * base)),
    };
    return new retry.AdaptiveRetryStrategy(SDK_MAX_ATTEMPTS, {
        rateLimiter: new retry.DefaultRateLimiter({ minFillRate: SDK_MIN_FILL_RATE / scale }),
        backoff,
    } as never);
}

function isNotFound(e: unknown): boolean {
    return (e as { name?: string })?.name === "NotFoundException";
}

/** The settings members of DescribeChannel, in request shape (drift.ts compares them). */
function requestOf(c: DescribeChannelResponse): CreateChannelRequest {
    const {
        Arn,
        Id,
        State,
        PipelineDetails,
        PipelinesRunningCount,
        EgressEndpoints,
        Maintenance,
        Vpc,
        AnywhereSettings,
        ChannelEngineVersion,
        LinkedChannelSettings,
        InferenceSettings,
        $metadata,
        ...rest
    } = c as DescribeChannelResponse & { $metadata?: unknown };
    return rest as CreateChannelRequest;
}

/**
 * MediaLiveApi over the AWS SDK v3 client, one client per region (its rate limiter learns from
 * every call). The SDK is loaded on first use so the offline plan and the policy packs never load
 * it. The endpoint is the SDK's own choice: AWS_ENDPOINT_URL_MEDIALIVE or AWS_ENDPOINT_URL when set
 * (AWS SDKs and Tools Reference Guide, "Service-specific endpoints"), else the regional endpoint.
 */
export function sdkApiFactory(): (region: string) => MediaLiveApi {
    const cache: Record<string, MediaLiveApi> = {};
    return (region) => (cache[region] ??= sdkApi(region));
}

export function sdkApi(region: string, timing: Timing = providerTiming()): MediaLiveApi {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: the offline plan and the policy packs never load the SDK
    const sdk = require("@aws-sdk/client-medialive") as typeof import("@aws-sdk/client-medialive");
    const client = new sdk.MediaLiveClient({ region, retryMode: "adaptive", maxAttempts: SDK_MAX_ATTEMPTS, retryStrategy: retryStrategy(timing) as never });
    return {
        async createChannel(request) {
            const out = await client.send(new sdk.CreateChannelCommand(request));
            if (!out.Channel?.Id || !out.Channel.Arn) throw new Error("MediaLive CreateChannel returned no channel id");
            return { id: out.Channel.Id, arn: out.Channel.Arn };
        },
        async describeChannel(id): Promise<ChannelDescription | undefined> {
            try {
                const c = await client.send(new sdk.DescribeChannelCommand({ ChannelId: id }));
                return { id, arn: c.Arn ?? "", state: c.State ?? "UNKNOWN", request: requestOf(c) };
            } catch (e) {
                if (isNotFound(e)) return undefined;
                throw e;
            }
        },
        async updateChannel(id, request) {
            await client.send(new sdk.UpdateChannelCommand({ ...request, ChannelId: id }));
        },
        async updateChannelClass(id, channelClass, destinations) {
            await client.send(
                new sdk.UpdateChannelClassCommand({
                    ChannelId: id,
                    ChannelClass: channelClass as "STANDARD" | "SINGLE_PIPELINE",
                    ...(destinations ? { Destinations: destinations } : {}),
                }),
            );
        },
        async startChannel(id) {
            await client.send(new sdk.StartChannelCommand({ ChannelId: id }));
        },
        async stopChannel(id) {
            await client.send(new sdk.StopChannelCommand({ ChannelId: id }));
        },
        async deleteChannel(id) {
            await client.send(new sdk.DeleteChannelCommand({ ChannelId: id }));
        },
        async tagResource(arn, tags) {
            await client.send(new sdk.CreateTagsCommand({ ResourceArn: arn, Tags: tags }));
        },
        async untagResource(arn, keys) {
            await client.send(new sdk.DeleteTagsCommand({ ResourceArn: arn, TagKeys: keys }));
        },
        async createInput(request) {
            const out = await client.send(new sdk.CreateInputCommand(request));
            if (!out.Input?.Id || !out.Input.Arn) throw new Error("MediaLive CreateInput returned no input id");
            return { id: out.Input.Id, arn: out.Input.Arn };
        },
        async describeInput(id): Promise<InputDescription | undefined> {
            try {
                const i = await client.send(new sdk.DescribeInputCommand({ InputId: id }));
                const request: CreateInputRequest = { Name: i.Name, Type: i.Type, InputSecurityGroups: i.SecurityGroups, Tags: i.Tags };
                // Only members the input has: an RTP_PUSH input has no SrtSettings.
                if (i.SrtSettings) request.SrtSettings = i.SrtSettings as CreateInputRequest["SrtSettings"];
                return {
                    id,
                    arn: i.Arn ?? "",
                    state: i.State ?? "UNKNOWN",
                    destinations: (i.Destinations ?? []).map((d) => ({ ip: d.Ip ?? "", port: d.Port ?? "", url: d.Url ?? "" })),
                    attachedChannels: i.AttachedChannels ?? [],
                    request,
                };
            } catch (e) {
                if (isNotFound(e)) return undefined;
                throw e;
            }
        },
        async updateInput(id, request) {
            await client.send(new sdk.UpdateInputCommand({ ...request, InputId: id }));
        },
        async deleteInput(id) {
            await client.send(new sdk.DeleteInputCommand({ InputId: id }));
        },
        async describeSchedule(channelId): Promise<ScheduleAction[] | undefined> {
            const actions: ScheduleAction[] = [];
            let NextToken: string | undefined;
            try {
                do {
                    const page = await client.send(
                        new sdk.DescribeScheduleCommand({ ChannelId: channelId, MaxResults: SCHEDULE_PAGE_SIZE, ...(NextToken ? { NextToken } : {}) }),
                    );
                    actions.push(...(page.ScheduleActions ?? []));
                    NextToken = page.NextToken || undefined;
                } while (NextToken);
            } catch (e) {
                if (isNotFound(e)) return undefined;
                throw e;
            }
            return actions;
        },
        async batchUpdateSchedule(channelId, change) {
            await client.send(
                new sdk.BatchUpdateScheduleCommand({
                    ChannelId: channelId,
                    ...(change.creates.length > 0 ? { Creates: { ScheduleActions: change.creates } } : {}),
                    ...(change.deletes.length > 0 ? { Deletes: { ActionNames: change.deletes } } : {}),
                }),
            );
        },
    };
}
