import { changedPaths, containsUnknown, DiffKind, sameValue } from "./drift";
import { ChannelInputs, ChannelOutputs, settingsOf } from "./lifecycle";

export interface PropertyDiff {
    kind: DiffKind;
    inputDiff: boolean;
}

export interface ChannelDiff {
    changes: boolean;
    replaces: string[];
    deleteBeforeReplace: boolean;
    /**
     * Which request members change. The 3.248 dynamic-provider host forwards only changes /
     * replaces / deleteBeforeReplace; the detail is for in-process callers and future hosts.
     */
    detailedDiff: Record<string, PropertyDiff>;
}

/**
 * Only the region replaces a channel (a channel lives in one region). A channel-class change is an
 * update (UpdateChannelClass), every other settings change is UpdateChannel. A channel recorded in
 * CREATE_FAILED (a create whose cleanup failed) is replaced: MediaLive cannot update it.
 * Unknown values at preview mean "update pending", never a replacement.
 */
export function diffChannel(olds: ChannelOutputs, news: ChannelInputs): ChannelDiff {
    const replaces: string[] = [];
    const detailedDiff: Record<string, PropertyDiff> = {};
    const mark = (path: string, kind: DiffKind = "update") => (detailedDiff[path] = { kind, inputDiff: true });
    if (news.region !== olds.region && !containsUnknown(news.region)) {
        replaces.push("region");
        mark("region");
    }
    if (olds.state === "CREATE_FAILED") {
        replaces.push("state");
        mark("state");
    }
    if (news.request === undefined || containsUnknown(news.request)) {
        mark("request");
        return { changes: true, replaces, deleteBeforeReplace: true, detailedDiff };
    }
    const before = olds.request ?? {};
    for (const [path, kind] of Object.entries(changedPaths(settingsOf(before), settingsOf(news.request)))) mark(`request.${path}`, kind);
    if (!sameValue(before.Tags ?? {}, news.request.Tags ?? {})) mark("request.Tags");
    // Recorded in state so delete and later updates see them; changing them costs no API call.
    if (olds.allowLiveUpdate !== news.allowLiveUpdate) mark("allowLiveUpdate");
    if (olds.allowLiveDelete !== news.allowLiveDelete) mark("allowLiveDelete");
    return { changes: Object.keys(detailedDiff).length > 0, replaces, deleteBeforeReplace: true, detailedDiff };
}
