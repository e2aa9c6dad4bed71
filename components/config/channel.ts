import { Cursor } from "./cursor";
import { readContribution } from "./contribution";
import { readChannelDrm } from "./drm";
import { readEvents } from "./events";
import { readExtraInputs } from "./inputs";
import { readInputSwitches } from "./inputSwitches";
import { SecretKeyLookup } from "./secrets";
import { AUDIO, CAPTION, CHANNEL, SEGMENT } from "./schema/channel";
import { Agree, Parsed } from "./schema/nodes";
import { keysOf, readNode, readObject } from "./schema/read";
import { AudioTrack, CaptionTrack, ChannelConfig, SegmentConfig } from "./types";

const F = CHANNEL.fields;

export function readChannel(c: Cursor, secrets: SecretKeyLookup): ChannelConfig | undefined {
    if (!c.object(keysOf(F))) return undefined;
    const id = readNode(c.at("id"), F.id);
    const name = readNode(c.at("name"), F.name);
    const ladder = readNode(c.at("ladder"), F.ladder);
    const frameRate = readNode(c.at("frameRate"), F.frameRate);
    const audio = c.at("audio").present ? c.at("audio").list(readAudio, F.audio) : [{ language: "eng", layout: "stereo" as const, label: "English" }];
    const captions = c.at("captions").list((t) => readObject(t, CAPTION), F.captions);
    const segment = readSegment(c.at("segment"));
    const contribution = readContribution(c.at("contribution"), secrets);
    const single = c.at("singlePipeline");
    let singlePipeline: ChannelConfig["singlePipeline"];
    if (single.present && single.object(keysOf(F.singlePipeline.fields))) {
        const reason = readNode(single.at("reason"), F.singlePipeline.fields.reason);
        if (reason !== undefined) singlePipeline = { reason };
    }
    const allowLiveUpdate = readNode(c.at("allowLiveUpdate"), F.allowLiveUpdate)!;
    const allowLiveDelete = readNode(c.at("allowLiveDelete"), F.allowLiveDelete)!;
    const events = readEvents(c.at("events"));
    const jamSyncHourUtc = readNode(c.at("jamSyncHourUtc"), F.jamSyncHourUtc);
    const { premium, drm } = readChannelDrm(c);
    const extraInputs = readExtraInputs(c.at("extraInputs"), contribution, singlePipeline ? 1 : 2);
    const inputSwitches = readInputSwitches(c.at("inputSwitches"), extraInputs, declaredNames(c.at("extraInputs")));
    const shard = readNode(c.at("shard"), F.shard);

    unique(
        c.at("audio"),
        audio.map((a) => `${a.language}/${a.layout}`),
        "audio track (language and layout)",
    );
    audioNeedsPids(c.at("audio"), audio);
    unique(
        c.at("captions"),
        captions.map((t) => String(t.channel)),
        "caption channel",
    );

    if (id === undefined || name === undefined || ladder === undefined || frameRate === undefined || segment === undefined || contribution === undefined) {
        return undefined;
    }
    const out: ChannelConfig = {
        id,
        name,
        ladder,
        frameRate,
        audio,
        captions,
        segment,
        contribution,
        allowLiveUpdate,
        allowLiveDelete,
        events,
        ads: false,
        premium,
        extraInputs,
        inputSwitches,
    };
    if (singlePipeline) out.singlePipeline = singlePipeline;
    if (jamSyncHourUtc !== undefined) out.jamSyncHourUtc = jamSyncHourUtc;
    if (drm) out.drm = drm;
    if (shard !== undefined) out.shard = shard;
    return out;
}

/** Input names as written: a switch to an input with a bad field elsewhere is not also "unknown". */
function declaredNames(c: Cursor): string[] {
    if (!Array.isArray(c.value)) return [];
    return (c.value as unknown[]).flatMap((x) =>
        x && typeof x === "object" && typeof (x as Record<string, unknown>)["name"] === "string" ? [(x as Record<string, string>)["name"]!] : [],
    );
}

function readAudio(c: Cursor): AudioTrack | undefined {
    const t = readObject(c, AUDIO);
    // Key order as before the schema: language, layout, label, pid.
    return (
        t &&
        (t.pid === undefined
            ? { language: t.language, layout: t.layout, label: t.label }
            : { language: t.language, layout: t.layout, label: t.label, pid: t.pid })
    );
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
        c.index(i)
            .at("pid")
            .fail(
                `is required: ${same} tracks are in ${lang}, and selecting by language gives each of them the first ${lang} track of the source; set every ${lang} track's transport-stream PID`,
            );
    });
    unique(
        c,
        audio.filter((t) => t.pid !== undefined).map((t) => String(t.pid)),
        "audio PID",
    );
}

function readSegment(c: Cursor): SegmentConfig | undefined {
    const s = readObject(c, SEGMENT);
    if (!s) return undefined;
    const { lengthSeconds, manifestWindowSeconds, startoverWindowSeconds } = s;
    if (manifestWindowSeconds < 3 * lengthSeconds) {
        c.at("manifestWindowSeconds").fail(
            `${manifestWindowSeconds} s holds fewer than three ${lengthSeconds}-second segments; players need at least three to play live, so use ${3 * lengthSeconds} or more`,
        );
    }
    if (startoverWindowSeconds < manifestWindowSeconds) {
        c.at("startoverWindowSeconds").fail(
            `${startoverWindowSeconds} s is shorter than the manifest window (${manifestWindowSeconds} s); use at least ${manifestWindowSeconds}`,
        );
    }
    return { lengthSeconds, manifestWindowSeconds, startoverWindowSeconds };
}

export function unique(c: Cursor, values: string[], what: string): void {
    c.unique(values, what);
}

const _audio: Agree<Parsed<typeof AUDIO.fields>, AudioTrack> = true;
const _caption: Agree<Parsed<typeof CAPTION.fields>, CaptionTrack> = true;
const _segment: Agree<Parsed<typeof SEGMENT.fields>, SegmentConfig> = true;
void [_audio, _caption, _segment];
