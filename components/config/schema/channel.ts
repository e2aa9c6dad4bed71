/** Schema of `channels[]`: one live channel, its tracks, segments, events, DRM and extra inputs. */
import {
    AUDIO_PRESETS,
    CMAF_METHODS,
    DRM_SYSTEMS,
    EXTRA_INPUT_ROLES,
    EXTRA_INPUT_TYPES,
    FAILOVER_PREFERENCES,
    KEY_ROTATION,
    MAX_INPUTS,
    VIDEO_PRESETS,
} from "../enums";
import { SEGMENT_DEFAULTS } from "../segments";
import { AUDIO_LAYOUTS, FRAME_RATES, LADDERS } from "../types";
import { CONTRIBUTION } from "./contribution";
import { bool, custom, int, list, object, oneOf, string } from "./nodes";

export const CHANNEL_SLUG = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const LANGUAGE = { pattern: /^[a-z]{3}$/, hint: "an ISO 639-2 code such as eng or spa" } as const;

export const AUDIO = object(
    {
        language: string({ ...LANGUAGE, doc: "ISO 639-2 code" }),
        layout: oneOf(AUDIO_LAYOUTS, { default: "stereo", doc: "`stereo` (AAC) or `surround-5.1` (E-AC-3)" }),
        label: string({ maxLength: 64, doc: "label shown in players" }),
        pid: int({
            min: 32,
            max: 8186,
            unit: "(MPEG-TS PID)",
            optional: true,
            doc: "transport-stream PID of the track in the contribution; without it the track is selected by language, and two tracks of one language must each name their `pid` (selecting by language gives both the first track of that language)",
        }),
    },
    { doc: "an audio track" },
);

export const CAPTION = object(
    {
        channel: int({ min: 1, max: 4, unit: "(CEA-608 channel)", doc: "CEA-608 channel carried in the source" }),
        language: string({ ...LANGUAGE, doc: "ISO 639-2 code" }),
        label: string({ maxLength: 64, doc: "label shown in players" }),
    },
    { doc: "a caption track" },
);

export const SEGMENT = object(
    {
        lengthSeconds: int({
            ...SEGMENT_DEFAULTS.lengthSeconds,
            unit: "seconds",
            doc: 'nominal CMAF segment (ingest and endpoint), identical in every region ([ADR 004](docs/adr/004-packaging-one-cmaf-endpoint-per-channel.md)); at 29.97/59.94 fps a segment is exactly that many 1.001 s "seconds" of frames, 2 s = 2002 ms ([segment/GOP ADR](docs/adr/021-segment-and-gop-alignment.md))',
        }),
        manifestWindowSeconds: int({
            ...SEGMENT_DEFAULTS.manifestWindowSeconds,
            unit: "seconds",
            typeDoc: "6-900, >= 3 segments",
            doc: "live manifest window",
        }),
        startoverWindowSeconds: int({
            ...SEGMENT_DEFAULTS.startoverWindowSeconds,
            unit: "seconds",
            typeDoc: "60-1209600, >= the manifest window",
            doc: "start-over (DVR) window",
        }),
    },
    { optional: true, doc: "CMAF segments and windows" },
);

export const ISO_UTC = { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/, hint: "an ISO-8601 UTC time such as 2026-09-06T17:00:00Z" } as const;

export const EVENT = object(
    {
        name: string({ pattern: /^[a-z0-9][a-z0-9-]{0,62}$/, hint: "a lowercase slug such as 2026-week-01", doc: "unique per channel" }),
        start: string({ ...ISO_UTC, doc: "UTC ISO-8601" }),
        end: string({ ...ISO_UTC, doc: "UTC ISO-8601, after `start`, at most 24 h later" }),
    },
    { doc: "a game window" },
);

export const DRM = object(
    {
        systems: list(oneOf(DRM_SYSTEMS, { doc: "a DRM system" }), {
            min: 1,
            max: 4,
            what: "DRM systems",
            typeDoc: "1-4 of `widevine` `playready` `fairplay` `irdeto`",
            doc: "DRM systems; each must decrypt `method` on CMAF (FairPlay cbcs only, Irdeto cenc only; `clear-key-aes-128` is TS-only and refused)",
        }),
        method: oneOf(CMAF_METHODS, { default: "cbcs", doc: 'one scheme for the channel\'s one CMAF endpoint, which serves HLS and DASH ("DRM" below)' }),
        // A SPEKE resource id: 1-256 of [0-9a-zA-Z_-] (SpekeKeyProvider.ResourceId).
        resourceId: string({
            pattern: /^[0-9a-zA-Z_-]{1,256}$/,
            hint: "1-256 letters, digits, _ and - (the SPEKE content id)",
            optional: true,
            defaultDoc: "`<season>-<channel id>`",
            doc: "the SPEKE content id, the same in every region, unique per channel",
        }),
        presets: object(
            {
                // One key per SD / HD / UHD tier and one for all audio (ADR 023): licence policy can then demand
                // hardware-backed DRM for the UHD key only.
                video: oneOf(VIDEO_PRESETS, {
                    default: "PRESET_VIDEO_3",
                    doc: "SPEKE v2 video preset: keys per SD/HD/UHD tier; premium channels cannot leave video `UNENCRYPTED`",
                }),
                audio: oneOf(AUDIO_PRESETS, { default: "PRESET_AUDIO_1", doc: "SPEKE v2 audio preset; `SHARED` pairs only with `SHARED`" }),
            },
            { optional: true, doc: "SPEKE v2 encryption contract presets" },
        ),
        keyRotationSeconds: int({
            min: 0,
            max: KEY_ROTATION.max,
            default: KEY_ROTATION.default,
            unit: "seconds",
            typeDoc: "`0` or 300-31536000",
            doc: "content-key period; `0` = keys never rotate",
        }),
        keyProvider: custom({
            defaultDoc: "required",
            doc: "the SPEKE v2 key provider",
            fields: {
                urls: custom({
                    typeDoc: "`{ <region>: https://... }` for every season region",
                    defaultDoc: "required with `drm`",
                    doc: "the SPEKE v2 endpoint each region's MediaPackage calls; an API Gateway URL must be in its own region; never the viewer CDN",
                }),
                roleArn: string({
                    pattern: /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
                    hint: "an IAM role ARN such as arn:aws:iam::444455556666:role/SpekeAccess",
                    optional: true,
                    defaultDoc: "OnAir creates one per region",
                    doc: "the role your DRM vendor gives you; required when a URL is not an API Gateway URL",
                }),
            },
        }),
    },
    { doc: "SPEKE v2 encryption of the channel's endpoints ([ADR 023](docs/adr/023-drm-same-keys-in-every-region.md))" },
);

export const INPUT_FAILOVER = object(
    {
        preference: oneOf(FAILOVER_PREFERENCES, {
            default: "primary",
            doc: "`primary` returns to the venue once it is healthy for `errorClearMs`, `equal` stays (and lets `inputSwitches` name the backup)",
        }),
        // Minimums are the API model's: InputLossThresholdMsec __integerMin100, ErrorClearTimeMsec
        // __integerMin1, VideoBlackThresholdMsec and AudioSilenceThresholdMsec __integerMin1000.
        inputLossMs: int({
            min: 100,
            max: 60_000,
            default: 1_000,
            unit: "milliseconds",
            doc: "input loss that fails over (one second: well past a burst of lost packets)",
        }),
        errorClearMs: int({
            min: 1,
            max: 600_000,
            default: 30_000,
            unit: "milliseconds",
            doc: "how long a recovered input must stay clean to count as healthy",
        }),
        videoBlackMs: int({ min: 1000, max: 60_000, unit: "milliseconds", optional: true, doc: "black video this long fails over too" }),
        audioSilenceMs: int({ min: 1000, max: 60_000, unit: "milliseconds", optional: true, doc: "silence on the first audio track this long fails over too" }),
    },
    { optional: true, doc: "backup only: automatic input failover settings" },
);

export const EXTRA_INPUT = object(
    {
        name: string({
            pattern: CHANNEL_SLUG,
            hint: "a lowercase slug of 2-32 characters such as studio or backup",
            doc: "the MediaLive attachment name (not `contribution`)",
        }),
        role: oneOf(EXTRA_INPUT_ROLES, {
            doc: "`studio`: another program (pregame, post-game) that `inputSwitches` switch to; `backup`: the same program over another path, paired with the venue for automatic input failover: one at most, of the venue input's type (`mediaconnect` for MediaConnect venues, `rtp-push` for `via: medialive` rtp-fec), never of an srt-caller venue (a pull input cannot pair), and it takes the last push input",
        }),
        type: custom({
            typeDoc: EXTRA_INPUT_TYPES.map((t) => `\`${t}\``).join(" \\| "),
            defaultDoc: "required",
            doc: `\`rtp-push\`: an RTP_PUSH input (two endpoints, port 5000); \`mediaconnect\`: a MEDIACONNECT input on flows you run (OnAir attaches them, never starts or stops them). HLS is refused: it stops epoch locking for the whole channel`,
        }),
        allowedCidr: custom({ typeDoc: "IPv4 CIDR", defaultDoc: "required for `rtp-push`", doc: "the sender's range, a /16 at the broadest" }),
        flowArns: custom({
            typeDoc: "`{ <region>: [A, B] }` flow ARNs",
            defaultDoc: "required for `mediaconnect`",
            doc: "for every season region, the flows of pipeline A and B, in the AZs of that region's pipelines",
        }),
        failover: INPUT_FAILOVER,
    },
    { doc: "an input beside the venue feed" },
);

/** A switch is at most a day from its event's start or end. */
const DAY_MINUTES = 24 * 60;

export const INPUT_SWITCH = object(
    {
        input: custom({ typeDoc: "`contribution` or an extra input's name", defaultDoc: "required", doc: "the attachment to switch to" }),
        minutesFromStart: int({
            min: -DAY_MINUTES,
            max: DAY_MINUTES,
            unit: "minutes from the event's start",
            optional: true,
            defaultDoc: "this or `minutesFromEnd`",
            doc: "minutes from each event's start (e.g. `studio` at `-60`, `contribution` at `0`)",
        }),
        minutesFromEnd: int({
            min: -DAY_MINUTES,
            max: DAY_MINUTES,
            unit: "minutes from the event's end",
            optional: true,
            defaultDoc: "this or `minutesFromStart`",
            doc: "minutes from each event's end",
        }),
    },
    { doc: "a switch between the channel's inputs" },
);

export const CHANNEL = object(
    {
        id: string({
            pattern: CHANNEL_SLUG,
            hint: "a lowercase slug of 2-32 characters: letters, digits and dashes, e.g. football-main",
            typeDoc: "slug, 2-32",
            doc: "resource names, viewer path `/out/v1/<channel group>/<id>/...` (the season's name, or `<season>_s<n>` on shard n)",
        }),
        name: string({ maxLength: 128, doc: "human name" }),
        ladder: oneOf(LADDERS, { doc: "UHD: 2160p/1440p (HEVC), 1080p/720p (AVC); HD: 1080p/720p/540p/360p (AVC)" }),
        frameRate: oneOf(FRAME_RATES, { default: "59.94", doc: "lower HD rungs run at half rate" }),
        audio: list(AUDIO, { min: 1, max: 8, what: "audio tracks", defaultDoc: "English stereo", doc: "one CMAF audio rendition each" }),
        captions: list(CAPTION, { max: 4, what: "caption tracks", doc: "embedded 608/708 passed through, languages mapped" }),
        segment: SEGMENT,
        contribution: CONTRIBUTION,
        singlePipeline: custom({
            defaultDoc: "none",
            doc: "opt into SINGLE_PIPELINE; the broadcast pack still flags it",
            fields: {
                reason: string({ hint: "why this channel may run without a second pipeline", doc: "why this channel may run without a second pipeline" }),
            },
        }),
        allowLiveUpdate: bool({
            default: false,
            doc: 'let `pulumi up` stop, update and restart a RUNNING channel, one region after the other (see "MediaLive channels on game day")',
        }),
        allowLiveDelete: bool({
            default: false,
            doc: "let `pulumi up` / `destroy` stop a RUNNING channel to delete or replace it; record it with one `pulumi up` before the run that deletes",
        }),
        events: list(EVENT, { max: 500, what: "event windows", doc: "game windows; must not overlap, at most 24 h each" }),
        jamSyncHourUtc: int({
            min: 0,
            max: 23,
            unit: "(UTC hour of the daily jam sync)",
            optional: true,
            defaultDoc: "the clear hour farthest from every event",
            doc: "29.97/59.94 fps only: UTC hour of MediaLive's daily epoch-locking jam sync (`EpochLockingSettings.JamSyncTime`); must fall outside every event window with the schedule margins",
        }),
        premium: bool({
            default: false,
            doc: "premium rights (UHD, pay-per-view): `drm` is required and the security pack requires DRM on every endpoint of the channel",
        }),
        drm: custom({ defaultDoc: "none (required when `premium`)", doc: DRM.doc, fields: DRM.fields }),
        extraInputs: list(EXTRA_INPUT, {
            max: MAX_INPUTS - 1,
            what: "extra inputs",
            doc: "inputs beside the venue feed ([ADR 027](docs/adr/027-input-switching.md)). MediaLive attaches at most 2 push inputs (both types here are push, and so is the venue's input unless it is a `via: medialive` srt-caller input, a pull input), so a push venue takes one extra input",
        }),
        inputSwitches: list(INPUT_SWITCH, {
            max: 20,
            what: "input switches",
            doc: "MediaLive schedule actions, identical in every region. Each must fall in every event's run window (start - `leadMinutes` to end + `tailMinutes`); no two at one instant, none twice in a row to one input",
        }),
        // A season has at most 60 channels, so at most 60 shards.
        shard: int({
            min: 1,
            max: 60,
            unit: "(the shard's number, from 1)",
            optional: true,
            defaultDoc: "the first shard with room, in list order",
            doc: "pins the channel to a shard: a distribution and a channel group per region ([ADR 026](docs/adr/026-shards-for-large-seasons.md)); a pin that does not fit the shard's quotas or leaves a shard empty is refused",
        }),
    },
    { doc: "a live channel" },
);
