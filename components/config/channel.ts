import { Cursor } from "./cursor";
import { readContribution, SLUG } from "./contribution";
import { readChannelDrm } from "./drm";
import { readEvents } from "./events";
import { readExtraInputs } from "./inputs";
import { readInputSwitches } from "./inputSwitches";
import { SecretKeyLookup } from "./secrets";
import { SEGMENT_DEFAULTS } from "./segments";
import { AUDIO_LAYOUTS, AudioTrack, CaptionTrack, ChannelConfig, FRAME_RATES, LADDERS, SegmentConfig } from "./types";

const KEYS = ["id", "name", "ladder", "frameRate", "audio", "captions", "segment", "contribution", "singlePipeline", "allowLiveUpdate", "allowLiveDelete", "events", "jamSyncHourUtc", "premium", "drm", "extraInputs", "inputSwitches", "shard"] as const;
const LANGUAGE = /^[a-z]{3}$/;
const LANGUAGE_HINT = "an ISO 639-2 code such as eng or spa";

export function readChannel(c: Cursor, secrets: SecretKeyLookup): ChannelConfig | undefined {
    if (!c.object(KEYS)) return undefined;
    const id = c.at("id").string({ pattern: SLUG, patternHint: "a lowercase slug of 2-32 characters: letters, digits and dashes, e.g. football-main" });
    const name = c.at("name").string({ maxLength: 128 });
    const ladder = c.at("ladder").oneOf(LADDERS);
    const frameRate = c.at("frameRate").oneOf(FRAME_RATES, { default: "59.94" });
    const audio = c.at("audio").present
        ? c.at("audio").list(readAudio, { min: 1, max: 8, what: "audio tracks" })
        : [{ language: "eng", layout: "stereo" as const, label: "English" }];
    const captions = c.at("captions").list(readCaption, { optional: true, max: 4, what: "caption tracks" });
    const segment = readSegment(c.at("segment"));
    const contribution = readContribution(c.at("contribution"), secrets);
    const single = c.at("singlePipeline");
    let singlePipeline: ChannelConfig["singlePipeline"];
    if (single.present && single.object(["reason"])) {
        const reason = single.at("reason").string({ patternHint: "why this channel may run without a second pipeline" });
        if (reason !== undefined) singlePipeline = { reason };
    }
    const allowLiveUpdate = c.at("allowLiveUpdate").bool({ default: false });
    const allowLiveDelete = c.at("allowLiveDelete").bool({ default: false });
    const events = readEvents(c.at("events"));
    const jamSyncHourUtc = c.at("jamSyncHourUtc").present ? c.at("jamSyncHourUtc").int({ min: 0, max: 23, unit: "(UTC hour of the daily jam sync)" }) : undefined;
    const { premium, drm } = readChannelDrm(c);
    const extraInputs = readExtraInputs(c.at("extraInputs"), contribution, singlePipeline ? 1 : 2);
    const inputSwitches = readInputSwitches(c.at("inputSwitches"), extraInputs, declaredNames(c.at("extraInputs")));
    // A season has at most 60 channels, so at most 60 shards.
    const shard = c.at("shard").present ? c.at("shard").int({ min: 1, max: 60, unit: "(the shard's number, from 1)" }) : undefined;

    unique(c.at("audio"), audio.map((a) => `${a.language}/${a.layout}`), "audio track (language and layout)");
    audioNeedsPids(c.at("audio"), audio);
    unique(c.at("captions"), captions.map((t) => String(t.channel)), "caption channel");

    if (id === undefined || name === undefined || ladder === undefined || frameRate === undefined || segment === undefined || contribution === undefined) {
        return undefined;
    }
    const out: ChannelConfig = { id, name, ladder, frameRate, audio, captions, segment, contribution, allowLiveUpdate, allowLiveDelete, events, ads: false, premium, extraInputs, inputSwitches };
    if (singlePipeline) out.singlePipeline = singlePipeline;
    if (jamSyncHourUtc !== undefined) out.jamSyncHourUtc = jamSyncHourUtc;
    if (drm) out.drm = drm;
    if (shard !== undefined) out.shard = shard;
    return out;
}

/** Input names as written: a switch to an input with a bad field elsewhere is not also "unknown". */
function declaredNames(c: Cursor): string[] {
    if (!Array.isArray(c.value)) return [];
    return (c.value as unknown[]).flatMap((x) => (x && typeof x === "object" && typeof (x as Record<string, unknown>)["name"] === "string" ? [(x as Record<string, string>)["name"]!] : []));
}

function readAudio(c: Cursor): AudioTrack | undefined {
    if (!c.object(["language", "layout", "label", "pid"])) return undefined;
    const language = c.at("language").string({ pattern: LANGUAGE, patternHint: LANGUAGE_HINT });
    const layout = c.at("layout").oneOf(AUDIO_LAYOUTS, { default: "stereo" });
    const label = c.at("label").string({ maxLength: 64 });
    const pid = c.at("pid").present ? c.at("pid").int({ min: 32, max: 8186, unit: "(MPEG-TS PID)" }) : undefined;
    if (language === undefined || layout === undefined || label === undefined) return undefined;
    return pid === undefined ? { language, layout, label } : { language, layout, label, pid };
}

/**
 * MediaLive's language selection takes the first track of that language in the source (LOOSE:
 * "the demux will choose another audio stream in the program with the same stream type",
 * AudioLanguageSelection, API reference), so two tracks of one language (stereo and 5.1) would
 * both carry the same source track. Those are selected by PID, which each must then name.
 */
function audioNeedsPids(c: Cursor, audio: AudioTrack[]): void {
    const raw = Array.isArray(c.value) ? (c.value as Record<string, unknown>[]) : [];
    const language = (r: Record<string, unknown> | undefined) => (typeof r?.["language"] === "string" ? r["language"] : undefined);
    raw.forEach((r, i) => {
        const lang = language(r);
        const same = raw.filter((o) => language(o) === lang).length;
        if (lang === undefined || same < 2 || (r && r["pid"] !== undefined)) return;
        c.index(i).at("pid").fail(`is required: ${same} tracks are in ${lang}, and selecting by language gives each of them the first ${lang} track of the source; set every ${lang} track's transport-stream PID`);
    });
    unique(c, audio.filter((t) => t.pid !== undefined).map((t) => String(t.pid)), "audio PID");
}

function readCaption(c: Cursor): CaptionTrack | undefined {
    if (!c.object(["channel", "language", "label"])) return undefined;
    const channel = c.at("channel").int({ min: 1, max: 4, unit: "(CEA-608 channel)" });
    const language = c.at("language").string({ pattern: LANGUAGE, patternHint: LANGUAGE_HINT });
    const label = c.at("label").string({ maxLength: 64 });
    if (channel === undefined || language === undefined || label === undefined) return undefined;
    return { channel, language, label };
}

function readSegment(c: Cursor): SegmentConfig | undefined {
    if (c.present && !c.object(["lengthSeconds", "manifestWindowSeconds", "startoverWindowSeconds"])) return undefined;
    const lengthSeconds = c.at("lengthSeconds").int({ ...SEGMENT_DEFAULTS.lengthSeconds, unit: "seconds" });
    const manifestWindowSeconds = c.at("manifestWindowSeconds").int({ ...SEGMENT_DEFAULTS.manifestWindowSeconds, unit: "seconds" });
    const startoverWindowSeconds = c.at("startoverWindowSeconds").int({ ...SEGMENT_DEFAULTS.startoverWindowSeconds, unit: "seconds" });
    if (lengthSeconds === undefined || manifestWindowSeconds === undefined || startoverWindowSeconds === undefined) return undefined;
    if (manifestWindowSeconds < 3 * lengthSeconds) {
        c.at("manifestWindowSeconds").fail(`${manifestWindowSeconds} s holds fewer than three ${lengthSeconds}-second segments; players need at least three to play live, so use ${3 * lengthSeconds} or more`);
    }
    if (startoverWindowSeconds < manifestWindowSeconds) {
        c.at("startoverWindowSeconds").fail(`${startoverWindowSeconds} s is shorter than the manifest window (${manifestWindowSeconds} s); use at least ${manifestWindowSeconds}`);
    }
    return { lengthSeconds, manifestWindowSeconds, startoverWindowSeconds };
}

export function unique(c: Cursor, values: string[], what: string): void {
    c.unique(values, what);
}
