import type { AutomaticInputFailoverSettings, FailoverCondition, InputAttachment } from "@aws-sdk/client-medialive";
import { ExtraInputConfig, InputFailoverConfig } from "../../config/inputs";
import { ChannelConfig } from "../../config/types";
import { DeepInput } from "../../deepInput";
import { audioSelectorName } from "./encoderSettings";

/**
 * The channel's input attachments: the venue first, then its backup, then studio feeds. MediaLive
 * starts a channel on the first attachment unless a switch is due ("it starts ingesting the first
 * input attachment listed in the channel", User Guide, "Starting and restarting a channel that has
 * multiple inputs"), and the primary of a failover pair "always appears first in the attachments"
 * ("Starting the channel", automatic input failover). Every attachment carries the venue's
 * selectors: the encodes name audio and caption selectors, and each input must provide them
 * (User Guide, "Design the selectors for each input").
 */
export function inputAttachments(
    channel: ChannelConfig,
    venue: DeepInput<InputAttachment>,
    extraInputIds: Record<string, DeepInput<string>>,
): DeepInput<InputAttachment>[] {
    const ordered = [...channel.extraInputs].sort((a, b) => rank(a) - rank(b));
    const backup = ordered.find((x) => x.role === "backup");
    const primary: DeepInput<InputAttachment> = { ...venue };
    if (backup) primary.AutomaticInputFailoverSettings = failoverSettings(channel, backup.failover!, idOf(backup, extraInputIds));
    return [primary, ...ordered.map((x) => ({ InputAttachmentName: x.name, InputId: idOf(x, extraInputIds), InputSettings: venue.InputSettings }))];
}

function rank(x: ExtraInputConfig): number {
    return x.role === "backup" ? 0 : 1;
}

function idOf(x: ExtraInputConfig, ids: Record<string, DeepInput<string>>): DeepInput<string> {
    const id = ids[x.name];
    if (id === undefined) throw new Error(`extra input ${x.name} has no MediaLive input id`);
    return id;
}

/**
 * AutomaticInputFailoverSettings on the primary (venue) attachment, naming the backup's input as
 * SecondaryInputId. Input loss always fails over; black video and audio silence only when set.
 */
export function failoverSettings(
    channel: ChannelConfig,
    f: InputFailoverConfig,
    secondaryInputId: DeepInput<string>,
): DeepInput<AutomaticInputFailoverSettings> {
    const conditions: FailoverCondition[] = [{ FailoverConditionSettings: { InputLossSettings: { InputLossThresholdMsec: f.inputLossMs } } }];
    if (f.videoBlackMs !== undefined) {
        // 0.1: a pixel darker than 10% white is black (VideoBlackFailoverSettings.BlackDetectThreshold).
        conditions.push({ FailoverConditionSettings: { VideoBlackSettings: { BlackDetectThreshold: 0.1, VideoBlackThresholdMsec: f.videoBlackMs } } });
    }
    if (f.audioSilenceMs !== undefined) {
        conditions.push({
            FailoverConditionSettings: {
                AudioSilenceSettings: { AudioSelectorName: audioSelectorName(channel.audio[0]!), AudioSilenceThresholdMsec: f.audioSilenceMs },
            },
        });
    }
    return {
        SecondaryInputId: secondaryInputId,
        InputPreference: f.preference === "equal" ? "EQUAL_INPUT_PREFERENCE" : "PRIMARY_INPUT_PREFERRED",
        ErrorClearTimeMsec: f.errorClearMs,
        FailoverConditions: conditions,
    };
}
