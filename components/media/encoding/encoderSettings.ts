import type { AudioDescription, CaptionDescription, EncoderSettings, Output, OutputGroup, VideoDescription } from "@aws-sdk/client-medialive";
import { jamSyncTime } from "../../config/jamSync";
import { AudioTrack, ChannelConfig } from "../../config/types";
import { AUDIO_ENCODES, gopFrames, LADDERS, Rung, rungFrameRate, segmentMilliseconds } from "./ladders";

export const MEDIAPACKAGE_DESTINATION_ID = "mediapackage";
export const CAPTIONS_SELECTOR = "captions-embedded";
const CAPTIONS_DESCRIPTION = "captions-embedded";

export function audioSelectorName(t: AudioTrack): string {
    return `audio-${t.language}-${t.layout === "stereo" ? "stereo" : "51"}`;
}

function videoDescription(channel: ChannelConfig, rung: Rung): VideoDescription {
    const rate = rungFrameRate(channel.frameRate, rung);
    const gop = gopFrames(rate, channel.segment.lengthSeconds);
    // Fixed frame rate, closed GOPs and no scene-change keyframes: every region cuts identical
    // segments at identical times, which epoch locking and MQCS switching rely on.
    const common = {
        FramerateNumerator: rate.numerator,
        FramerateDenominator: rate.denominator,
        GopSize: gop,
        GopSizeUnits: "FRAMES" as const,
        GopClosedCadence: 1,
        GopNumBFrames: 3,
        SceneChangeDetect: "DISABLED" as const,
        RateControlMode: "QVBR" as const,
        MaxBitrate: rung.maxBitrate,
        QvbrQualityLevel: rung.qvbrQuality,
        BufSize: rung.maxBitrate * 2,
        TimecodeInsertion: "PIC_TIMING_SEI" as const,
        AdaptiveQuantization: "AUTO" as const,
        ColorMetadata: "INSERT" as const,
        AfdSignaling: "NONE" as const,
        ScanType: "PROGRESSIVE" as const,
        LookAheadRateControl: "HIGH" as const,
    };
    const codec =
        rung.codec === "h265"
            ? { H265Settings: { ...common, Profile: "MAIN_10BIT" as const, Tier: "HIGH" as const, Level: "H265_LEVEL_AUTO" as const } }
            : {
                  H264Settings: {
                      ...common,
                      FramerateControl: "SPECIFIED" as const,
                      Profile: rung.height >= 720 ? ("HIGH" as const) : ("MAIN" as const),
                      Level: "H264_LEVEL_AUTO" as const,
                      EntropyEncoding: "CABAC" as const,
                  },
              };
    return {
        Name: `video-${rung.name}`,
        Width: rung.width,
        Height: rung.height,
        ScalingBehavior: "DEFAULT",
        RespondToAfd: "NONE",
        Sharpness: 50,
        CodecSettings: codec,
    };
}

function audioDescription(t: AudioTrack): AudioDescription {
    const enc = AUDIO_ENCODES[t.layout];
    return {
        Name: audioSelectorName(t),
        AudioSelectorName: audioSelectorName(t),
        LanguageCode: t.language,
        LanguageCodeControl: "USE_CONFIGURED",
        StreamName: t.label,
        AudioTypeControl: "FOLLOW_INPUT",
        CodecSettings:
            enc.codec === "aac"
                ? {
                      AacSettings: {
                          Bitrate: enc.bitrate,
                          CodingMode: "CODING_MODE_2_0",
                          Profile: "LC",
                          RateControlMode: "CBR",
                          SampleRate: 48000,
                          RawFormat: "NONE",
                          Spec: "MPEG4",
                      },
                  }
                : {
                      Eac3Settings: {
                          Bitrate: enc.bitrate,
                          CodingMode: "CODING_MODE_3_2",
                          LfeControl: "LFE",
                          BitstreamMode: "COMPLETE_MAIN",
                          DcFilter: "ENABLED",
                          PassthroughControl: "NO_PASSTHROUGH",
                      },
                  },
    };
}

function captionDescriptions(channel: ChannelConfig): CaptionDescription[] {
    if (channel.captions.length === 0) return [];
    // Embedded 608/708 pass through inside the video renditions; the group maps channels to languages.
    return [{ Name: CAPTIONS_DESCRIPTION, CaptionSelectorName: CAPTIONS_SELECTOR, DestinationSettings: { EmbeddedDestinationSettings: {} } }];
}

function cmafIngestGroup(channel: ChannelConfig, videos: VideoDescription[], audios: AudioDescription[], hasCaptions: boolean): OutputGroup {
    const videoOutputs: Output[] = videos.map((v) => ({
        OutputName: v.Name,
        VideoDescriptionName: v.Name,
        ...(hasCaptions ? { CaptionDescriptionNames: [CAPTIONS_DESCRIPTION] } : {}),
        OutputSettings: { CmafIngestOutputSettings: { NameModifier: `_${v.Name}` } },
    }));
    // Audio renditions travel as their own CMAF tracks, so players switch video without re-fetching audio.
    const audioOutputs: Output[] = audios
        .map((a) => a.Name ?? a.AudioSelectorName ?? "audio")
        .map((name) => ({
            OutputName: name,
            AudioDescriptionNames: [name],
            OutputSettings: { CmafIngestOutputSettings: { NameModifier: `_${name}` } },
        }));
    return {
        Name: "cmaf-ingest-mediapackage",
        OutputGroupSettings: {
            CmafIngestGroupSettings: {
                Destination: { DestinationRefId: MEDIAPACKAGE_DESTINATION_ID },
                // Exactly the frames of the segment (2002 ms at 59.94 fps): a SECONDS length would put
                // the epoch grid 2 ms a segment off the GOPs (CmafIngestGroupSettings.SegmentLength: "The
                // segments will end on the next keyframe after the specified duration").
                SegmentLength: segmentMilliseconds(rungFrameRate(channel.frameRate, LADDERS[channel.ladder][0]!), channel.segment.lengthSeconds),
                SegmentLengthUnits: "MILLISECONDS",
                // Ad channels pass SCTE-35 markers without cutting extra segments, so segment boundaries
                // stay on the epoch grid in every region (docs/adr/008); other channels drop them.
                Scte35Type: channel.ads ? "SCTE_35_WITHOUT_SEGMENTATION" : "NONE",
                NielsenId3Behavior: "NO_PASSTHROUGH",
                KlvBehavior: "NO_PASSTHROUGH",
                ...(channel.captions.length > 0
                    ? { CaptionLanguageMappings: channel.captions.map((c) => ({ CaptionChannel: c.channel, LanguageCode: c.language })) }
                    : {}),
            },
        },
        Outputs: [...videoOutputs, ...audioOutputs],
    };
}

/**
 * The encoder settings of one channel. The same function runs for every region with the same
 * config, which is what makes the regions' segments interchangeable for the origin group.
 */
export function encoderSettings(channel: ChannelConfig): EncoderSettings {
    const videos = LADDERS[channel.ladder].map((r) => videoDescription(channel, r));
    const audios = channel.audio.map(audioDescription);
    const captions = captionDescriptions(channel);
    return {
        GlobalConfiguration: {
            OutputLockingMode: "EPOCH_LOCKING",
            // Daily jam sync at an hour clear of every game (config/jamSync.ts); only 29.97/59.94 fps have one.
            OutputLockingSettings: { EpochLockingSettings: channel.jamSyncHourUtc !== undefined ? { JamSyncTime: jamSyncTime(channel.jamSyncHourUtc) } : {} },
            OutputTimingSource: "INPUT_CLOCK",
            InputEndAction: "NONE",
            SupportLowFramerateInputs: "DISABLED",
            // No InputLossBehavior: no repeat/black/slate fill is configured, so a lost input shows up
            // downstream as a low quality score and MediaPackage / CloudFront switch away from it.
        },
        TimecodeConfig: { Source: "EMBEDDED", SyncThreshold: 1 },
        VideoDescriptions: videos,
        AudioDescriptions: audios,
        CaptionDescriptions: captions,
        OutputGroups: [cmafIngestGroup(channel, videos, audios, captions.length > 0)],
    };
}
