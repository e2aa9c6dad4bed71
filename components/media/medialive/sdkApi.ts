import type { CreateChannelRequest, CreateInputRequest } from "@aws-sdk/client-medialive";
import { ChannelDescription, InputDescription, MediaLiveApi } from "./api";

/**
 * MediaLiveApi over the AWS SDK v3 client. The SDK is loaded on first use so the offline plan and
 * the policy packs never load it.
 */
export function sdkApi(region: string): MediaLiveApi {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const sdk = require("@aws-sdk/client-medialive") as typeof import("@aws-sdk/client-medialive");
    const client = new sdk.MediaLiveClient({ region });
    const isNotFound = (e: unknown) => (e as { name?: string })?.name === "NotFoundException";
    return {
        async createChannel(request) {
            const out = await client.send(new sdk.CreateChannelCommand(request));
            if (!out.Channel?.Id || !out.Channel.Arn) throw new Error("MediaLive CreateChannel returned no channel id");
            return { id: out.Channel.Id, arn: out.Channel.Arn };
        },
        async describeChannel(id): Promise<ChannelDescription | undefined> {
            try {
                const c = await client.send(new sdk.DescribeChannelCommand({ ChannelId: id }));
                const request: CreateChannelRequest = {
                    Name: c.Name,
                    ChannelClass: c.ChannelClass,
                    RoleArn: c.RoleArn,
                    LogLevel: c.LogLevel,
                    InputSpecification: c.InputSpecification,
                    InputAttachments: c.InputAttachments,
                    Destinations: c.Destinations,
                    EncoderSettings: c.EncoderSettings,
                    Tags: c.Tags,
                };
                return { id, arn: c.Arn ?? "", state: c.State ?? "UNKNOWN", request };
            } catch (e) {
                if (isNotFound(e)) return undefined;
                throw e;
            }
        },
        async updateChannel(id, request) {
            await client.send(new sdk.UpdateChannelCommand({ ...request, ChannelId: id }));
        },
        async startChannel(id) {
            await client.send(new sdk.StartChannelCommand({ ChannelId: id }));
        },
        async stopChannel(id) {
            await client.send(new sdk.StopChannelCommand({ ChannelId: id }));
        },
        async deleteChannel(id) {
            try {
                await client.send(new sdk.DeleteChannelCommand({ ChannelId: id }));
            } catch (e) {
                if (!isNotFound(e)) throw e;
            }
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
                return {
                    id,
                    arn: i.Arn ?? "",
                    state: i.State ?? "UNKNOWN",
                    destinations: (i.Destinations ?? []).map((d) => ({ ip: d.Ip ?? "", port: d.Port ?? "", url: d.Url ?? "" })),
                    request: {
                        Name: i.Name,
                        Type: i.Type,
                        InputSecurityGroups: i.SecurityGroups,
                        SrtSettings: i.SrtSettings as CreateInputRequest["SrtSettings"],
                        Tags: i.Tags,
                    },
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
            try {
                await client.send(new sdk.DeleteInputCommand({ InputId: id }));
            } catch (e) {
                if (!isNotFound(e)) throw e;
            }
        },
    };
}
