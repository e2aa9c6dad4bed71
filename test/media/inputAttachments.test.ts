import * as assert from "assert";
import { CONTRIBUTION_ATTACHMENT } from "../../components/config/inputs";
import { validateSeason } from "../../components/config/season";
import { channelRequest, INPUT_ATTACHMENT_NAME } from "../../components/media/encoding/channelRequest";
import { emulatorSuite } from "../emulators/medialive/suite";
import { baselineSeason, secretLookup } from "../helpers/season";

const wiring = {
    name: "n",
    roleArn: "arn:aws:iam::123456789012:role/r",
    inputId: "venue-id",
    ingestUrls: ["https://a/1", "https://a/2"],
    logLevel: "ERROR" as const,
    tags: {},
};
/** Channel 1 of the baseline as an RTP venue feed straight into MediaLive (an RTP_PUSH input). */
const rtpVenue = { protocol: "rtp-fec", via: "medialive", networks: [{ name: "venue", allowedCidr: "192.0.2.0/28" }] };

function channel(change: (ch: Record<string, any>) => void) {
    const raw = baselineSeason();
    change(raw.channels[1]);
    return validateSeason(raw, secretLookup()).channels[1]!;
}

describe("MediaLive request: input attachments of studio and backup feeds", () => {
    it("names the venue attachment what the config calls it, and leaves a one-input channel as it was", () => {
        assert.strictEqual(INPUT_ATTACHMENT_NAME, CONTRIBUTION_ATTACHMENT);
        const r = channelRequest(
            channel(() => undefined),
            wiring,
        );
        assert.deepStrictEqual(
            r.InputAttachments!.map((a) => [a.InputAttachmentName, a.InputId, a.AutomaticInputFailoverSettings]),
            [["contribution", "venue-id", undefined]],
        );
    });

    it("attaches a studio feed after the venue, with the venue's audio and caption selectors", () => {
        const ch = channel((c) =>
            Object.assign(c, {
                extraInputs: [{ name: "studio", role: "studio", type: "rtp-push", allowedCidr: "198.51.100.32/28" }],
                inputSwitches: [{ input: "studio", minutesFromStart: -30 }],
            }),
        );
        const [venue, studio] = channelRequest(ch, { ...wiring, extraInputIds: { studio: "studio-id" } }).InputAttachments!;
        assert.deepStrictEqual([venue!.InputAttachmentName, studio!.InputAttachmentName, studio!.InputId], ["contribution", "studio", "studio-id"]);
        assert.deepStrictEqual(studio!.InputSettings, venue!.InputSettings);
        assert.strictEqual(venue!.AutomaticInputFailoverSettings, undefined, "a studio feed is switched to, not failed over to");
    });

    it("pairs a backup with the venue for automatic input failover: settings on the venue's attachment, the backup right after it", () => {
        const ch = channel((c) =>
            Object.assign(c, {
                contribution: rtpVenue,
                extraInputs: [
                    {
                        name: "backup",
                        role: "backup",
                        type: "rtp-push",
                        allowedCidr: "198.51.100.32/28",
                        failover: { preference: "equal", inputLossMs: 500, videoBlackMs: 2000, audioSilenceMs: 3000 },
                    },
                ],
            }),
        );
        const [venue, backup] = channelRequest(ch, { ...wiring, extraInputIds: { backup: "backup-id" } }).InputAttachments!;
        assert.strictEqual(backup!.InputId, "backup-id");
        assert.deepStrictEqual(venue!.AutomaticInputFailoverSettings, {
            SecondaryInputId: "backup-id",
            InputPreference: "EQUAL_INPUT_PREFERENCE",
            ErrorClearTimeMsec: 30000,
            FailoverConditions: [
                { FailoverConditionSettings: { InputLossSettings: { InputLossThresholdMsec: 500 } } },
                { FailoverConditionSettings: { VideoBlackSettings: { BlackDetectThreshold: 0.1, VideoBlackThresholdMsec: 2000 } } },
                {
                    FailoverConditionSettings: {
                        AudioSilenceSettings: { AudioSelectorName: venue!.InputSettings!.AudioSelectors![0]!.Name, AudioSilenceThresholdMsec: 3000 },
                    },
                },
            ],
        });
    });

    describe("accepted by the emulator, which refuses what MediaLive documents it refuses", function () {
        this.timeout(60_000);
        const suite = emulatorSuite();

        it("creates the channel with the venue and its backup as an RTP_PUSH failover pair", async () => {
            const ch = channel((c) =>
                Object.assign(c, {
                    contribution: rtpVenue,
                    extraInputs: [{ name: "backup", role: "backup", type: "rtp-push", allowedCidr: "198.51.100.32/28" }],
                }),
            );
            const venue = await suite.api().createInput({ Name: "pair-venue", Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
            const backup = await suite.api().createInput({ Name: "pair-backup", Type: "RTP_PUSH", InputSecurityGroups: ["1"] });
            const r = channelRequest(ch, { ...wiring, inputId: venue.id, extraInputIds: { backup: backup.id } });
            const created = await suite.api().createChannel(r);
            const d = (await suite.api().describeChannel(created.id))!;
            assert.strictEqual(d.request.InputAttachments![0]!.AutomaticInputFailoverSettings!.SecondaryInputId, backup.id);
        });
    });
});
