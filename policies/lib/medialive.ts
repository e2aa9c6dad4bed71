import { dig, field, list, num, str } from "./props";

/**
 * One view of a MediaLive channel, whether it comes from the OnAir dynamic resource (MediaLive API
 * shape) or from `aws.medialive.Channel` (Pulumi shape). Rules read this, never the raw props.
 */
export interface MediaLiveChannelView {
    channelClass?: string;
    outputLockingMode?: string;
    outputTimingSource?: string;
    inputLossBehavior?: { repeatFrameMsec?: number; blackFrameMsec?: number; imageType?: string; hasSlate: boolean };
    timecode?: { source?: string; syncThreshold?: number };
    outputGroups: OutputGroupView[];
}

export type OutputGroupKind = "hls" | "cmafIngest" | "mediaPackage" | "udp" | "rtmp" | "msSmooth" | "archive" | "frameCapture" | "multiplex" | "srt" | "other";

export interface OutputGroupView {
    /** The group's name, or `output group #i` when unnamed. */
    name: string;
    kind: OutputGroupKind;
    settings: Record<string, unknown>;
    outputs: OutputView[];
}

export interface OutputView {
    name: string;
    /** HLS outputs: the transport stream's SCTE-35 handling (PASSTHROUGH or NO_PASSTHROUGH). */
    hlsScte35Behavior?: string;
    udpFec?: { includeFec?: string; columnDepth?: number; rowLength?: number } | "absent";
}

const GROUP_KEYS: [string, OutputGroupKind][] = [
    ["hlsGroupSettings", "hls"],
    ["cmafIngestGroupSettings", "cmafIngest"],
    ["mediaPackageGroupSettings", "mediaPackage"],
    ["udpGroupSettings", "udp"],
    ["rtmpGroupSettings", "rtmp"],
    ["msSmoothGroupSettings", "msSmooth"],
    ["archiveGroupSettings", "archive"],
    ["frameCaptureGroupSettings", "frameCapture"],
    ["multiplexGroupSettings", "multiplex"],
    ["srtGroupSettings", "srt"],
];

// Seven rules read each channel; the view is built once per props object (views are read-only).
const views = new WeakMap<object, MediaLiveChannelView>();

export function mediaLiveChannelView(raw: Record<string, unknown>): MediaLiveChannelView {
    let view = views.get(raw);
    if (!view) views.set(raw, (view = buildView(raw)));
    return view;
}

function buildView(raw: Record<string, unknown>): MediaLiveChannelView {
    // The OnAir dynamic resource carries the API request under `request`; aws.medialive.Channel is flat.
    const request = field(raw, "request");
    const props = request && typeof request === "object" ? (request as Record<string, unknown>) : raw;
    const encoder = field(props, "encoderSettings");
    const global = field(encoder, "globalConfiguration");
    const loss = field(global, "inputLossBehavior");
    const timecode = field(encoder, "timecodeConfig");
    const view: MediaLiveChannelView = {
        outputGroups: list(field(encoder, "outputGroups")).map(outputGroupView),
    };
    const channelClass = str(field(props, "channelClass"));
    if (channelClass) view.channelClass = channelClass;
    const locking = str(field(global, "outputLockingMode"));
    if (locking) view.outputLockingMode = locking;
    const timing = str(field(global, "outputTimingSource"));
    if (timing) view.outputTimingSource = timing;
    if (loss && typeof loss === "object") {
        const lv: NonNullable<MediaLiveChannelView["inputLossBehavior"]> = { hasSlate: field(loss, "inputLossImageSlate") !== undefined };
        const repeat = num(field(loss, "repeatFrameMsec"));
        const black = num(field(loss, "blackFrameMsec"));
        const image = str(field(loss, "inputLossImageType"));
        if (repeat !== undefined) lv.repeatFrameMsec = repeat;
        if (black !== undefined) lv.blackFrameMsec = black;
        if (image) lv.imageType = image;
        view.inputLossBehavior = lv;
    }
    if (timecode && typeof timecode === "object") {
        const tv: NonNullable<MediaLiveChannelView["timecode"]> = {};
        const source = str(field(timecode, "source"));
        const sync = num(field(timecode, "syncThreshold"));
        if (source) tv.source = source;
        if (sync !== undefined) tv.syncThreshold = sync;
        view.timecode = tv;
    }
    return view;
}

function outputGroupView(g: unknown, i: number): OutputGroupView {
    const settings = field(g, "outputGroupSettings");
    let kind: OutputGroupKind = "other";
    let inner: Record<string, unknown> = {};
    for (const [key, k] of GROUP_KEYS) {
        const v = field(settings, key);
        if (v !== undefined && v !== null) {
            kind = k;
            // aws.medialive.Channel models archive settings as a one-element list.
            inner = ((Array.isArray(v) ? v[0] : v) as Record<string, unknown>) ?? {};
            break;
        }
    }
    return {
        name: str(field(g, "name")) ?? `output group #${i + 1}`,
        kind,
        settings: inner,
        outputs: list(field(g, "outputs")).map((o, j) => outputView(o, j)),
    };
}

function outputView(o: unknown, j: number): OutputView {
    const view: OutputView = { name: str(field(o, "outputName")) ?? `output #${j + 1}` };
    const hlsScte = str(dig(o, "outputSettings", "hlsOutputSettings", "hlsSettings", "standardHlsSettings", "m3u8Settings", "scte35Behavior"));
    if (hlsScte) view.hlsScte35Behavior = hlsScte;
    const udp = dig(o, "outputSettings", "udpOutputSettings");
    if (udp !== undefined) {
        const fec = field(udp, "fecOutputSettings");
        if (fec === undefined || fec === null) {
            view.udpFec = "absent";
        } else {
            const f: { includeFec?: string; columnDepth?: number; rowLength?: number } = {};
            const include = str(field(fec, "includeFec"));
            const depth = num(field(fec, "columnDepth"));
            const row = num(field(fec, "rowLength"));
            if (include) f.includeFec = include;
            if (depth !== undefined) f.columnDepth = depth;
            if (row !== undefined) f.rowLength = row;
            view.udpFec = f;
        }
    }
    return view;
}
