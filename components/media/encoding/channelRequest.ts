import type { CreateChannelRequest, InputAttachment, InputSettings } from "@aws-sdk/client-medialive";
import type * as pulumi from "@pulumi/pulumi";
import type { DeepInput } from "../../deepInput";
import { ChannelConfig, LogLevel } from "../../config/types";
import { audioSelectorName, CAPTIONS_SELECTOR, encoderSettings, MEDIAPACKAGE_DESTINATION_ID } from "./encoderSettings";
import { inputAttachments } from "./inputAttachments";

/**
 * What the channel request needs from resources created before it. Those values are leaves of the
 * request (Outputs in the program), so during preview the rest of the request stays known.
 */
export interface ChannelWiring<S extends pulumi.Input<string> = pulumi.Input<string>> {
    name: string;
    roleArn: S;
    inputId: S;
    /** MediaPackage v2 ingest endpoint URLs: [pipeline 0, pipeline 1]. */
    ingestUrls: S[];
    logLevel: LogLevel;
    tags: Record<string, string>;
    /** MediaLive input ids of the channel's extraInputs, by name (inputAttachments.ts). */
    extraInputIds?: Record<string, S>;
}

export const INPUT_ATTACHMENT_NAME = "contribution";

function inputSettings(channel: ChannelConfig): InputSettings {
    return {
        SourceEndBehavior: "CONTINUE",
        InputFilter: "AUTO",
        DeblockFilter: "DISABLED",
        DenoiseFilter: "DISABLED",
        AudioSelectors: channel.audio.map((t) => ({
            Name: audioSelectorName(t),
            SelectorSettings:
                t.pid !== undefined
                    ? { AudioPidSelection: { Pid: t.pid } }
                    : { AudioLanguageSelection: { LanguageCode: t.language, LanguageSelectionPolicy: "LOOSE" } },
        })),
        CaptionSelectors:
            channel.captions.length > 0
                ? [{ Name: CAPTIONS_SELECTOR, SelectorSettings: { EmbeddedSourceSettings: { Convert608To708: "DISABLED", Scte20Detection: "OFF" } } }]
                : [],
    };
}

function inputSpecification(channel: ChannelConfig): NonNullable<CreateChannelRequest["InputSpecification"]> {
    const mbps = channel.contribution.maxBitrateMbps;
    return {
        Codec: channel.ladder === "uhd" ? "HEVC" : "AVC",
        Resolution: channel.ladder === "uhd" ? "UHD" : "HD",
        MaximumBitrate: mbps <= 10 ? "MAX_10_MBPS" : mbps <= 20 ? "MAX_20_MBPS" : "MAX_50_MBPS",
    };
}

/**
 * The full MediaLive CreateChannel request for one channel in one region. Pure: same input, same
 * request; with plain wiring (tests, tools) a plain request.
 */
export function channelRequest(channel: ChannelConfig, wiring: ChannelWiring<string>): CreateChannelRequest;
export function channelRequest(channel: ChannelConfig, wiring: ChannelWiring): DeepInput<CreateChannelRequest>;
export function channelRequest(channel: ChannelConfig, wiring: ChannelWiring): DeepInput<CreateChannelRequest> {
    const single = channel.singlePipeline !== undefined;
    const attachment: DeepInput<InputAttachment> = {
        InputAttachmentName: INPUT_ATTACHMENT_NAME,
        InputId: wiring.inputId,
        InputSettings: inputSettings(channel),
    };
    return {
        Name: wiring.name,
        ChannelClass: single ? "SINGLE_PIPELINE" : "STANDARD",
        RoleArn: wiring.roleArn,
        LogLevel: wiring.logLevel,
        InputSpecification: inputSpecification(channel),
        InputAttachments: inputAttachments(channel, attachment, wiring.extraInputIds ?? {}),
        Destinations: [
            {
                Id: MEDIAPACKAGE_DESTINATION_ID,
                // One URL per pipeline: pipeline 0 -> ingest endpoint 1, pipeline 1 -> endpoint 2.
                // MediaLive signs with the channel role; no credentials in the request.
                Settings: wiring.ingestUrls.slice(0, single ? 1 : 2).map((Url) => ({ Url })),
            },
        ],
        EncoderSettings: encoderSettings(channel),
        Tags: wiring.tags,
    };
}
