import * as assert from "assert";
import type { CmafIngestGroupSettings, H264Settings, H265Settings } from "@aws-sdk/client-medialive";
import { jamSyncClearance, jamSyncHour } from "../../components/config/jamSync";
import { validateSeason } from "../../components/config/season";
import { FRAME_RATES } from "../../components/config/types";
import { channelRequest } from "../../components/media/encoding/channelRequest";
import { gopFrames, LADDERS, rungFrameRate, segmentMilliseconds } from "../../components/media/encoding/ladders";
import { baselineSeason, secretLookup, setPath } from "../helpers/season";

const wiring = {
    name: "n",
    roleArn: "arn:aws:iam::123456789012:role/r",
    inputId: "1",
    ingestUrls: ["https://a/1", "https://a/2"],
    logLevel: "ERROR" as const,
    tags: {},
};

function requestFor(change: (s: Record<string, any>) => void = () => undefined) {
    const raw = baselineSeason();
    change(raw);
    const season = validateSeason(raw, secretLookup());
    return channelRequest(season.channels[0]!, wiring);
}

describe("MediaLive request: segments, GOPs, jam sync, audio selection, input bitrate", () => {
    it("makes every segment exactly a whole number of GOPs and frames at every allowed frame rate and segment length", () => {
        for (const rate of FRAME_RATES) {
            for (let seconds = 1; seconds <= 30; seconds++) {
                for (const ladder of ["uhd", "hd"] as const) {
                    const lengths = LADDERS[ladder].map((rung) => {
                        const r = rungFrameRate(rate, rung);
                        const gop = gopFrames(r, seconds);
                        const gopMs = (gop * 1000 * r.denominator) / r.numerator;
                        const ms = segmentMilliseconds(r, seconds);
                        assert.ok(Number.isInteger(ms), `${rate} ${seconds}s`);
                        // The segment is a whole number of GOPs: the cut lands on a keyframe exactly on the epoch grid.
                        assert.ok(
                            Math.abs(ms / gopMs - Math.round(ms / gopMs)) < 1e-9,
                            `${rate} fps, ${seconds} s, ${rung.name}: ${ms} ms is not a multiple of a ${gopMs} ms GOP`,
                        );
                        return ms;
                    });
                    // One segment length for the whole output group, whatever the rung's rate.
                    assert.strictEqual(new Set(lengths).size, 1, `${rate} fps ${ladder}: ${lengths}`);
                }
            }
        }
        // 2 s at 59.94 fps is 120 frames = 2.002 s exactly; at 50 fps 100 frames = 2 s.
        assert.strictEqual(segmentMilliseconds({ numerator: 60000, denominator: 1001 }, 2), 2002);
        assert.strictEqual(segmentMilliseconds({ numerator: 50, denominator: 1 }, 2), 2000);
        assert.strictEqual(gopFrames({ numerator: 60000, denominator: 1001 }, 2), 120);
        assert.strictEqual(gopFrames({ numerator: 30000, denominator: 1001 }, 3), 30);
    });

    it("writes the CMAF Ingest segment in MILLISECONDS with GOPs in FRAMES that match it", () => {
        const r = requestFor();
        const group = r.EncoderSettings!.OutputGroups![0]!.OutputGroupSettings!.CmafIngestGroupSettings as CmafIngestGroupSettings;
        assert.deepStrictEqual([group.SegmentLength, group.SegmentLengthUnits], [2002, "MILLISECONDS"]);
        const top = r.EncoderSettings!.VideoDescriptions![0]!.CodecSettings!.H265Settings as H265Settings;
        assert.deepStrictEqual([top.GopSize, top.GopSizeUnits, top.FramerateNumerator, top.FramerateDenominator], [120, "FRAMES", 60000, 1001]);
        const hd = requestFor((s) => setPath(s, "channels[0].ladder", "hd"));
        const half = hd.EncoderSettings!.VideoDescriptions![3]!.CodecSettings!.H264Settings as H264Settings;
        assert.deepStrictEqual([half.GopSize, half.FramerateNumerator], [60, 30000]);
        const at50 = requestFor((s) => setPath(s, "channels[0].frameRate", "50"));
        assert.strictEqual(
            (at50.EncoderSettings!.OutputGroups![0]!.OutputGroupSettings!.CmafIngestGroupSettings as CmafIngestGroupSettings).SegmentLength,
            2000,
        );
    });

    it("sets EpochLockingSettings.JamSyncTime at a whole hour clear of the games at 59.94 fps, and none at 50 fps", () => {
        const r = requestFor();
        assert.deepStrictEqual(r.EncoderSettings!.GlobalConfiguration!.OutputLockingSettings, { EpochLockingSettings: { JamSyncTime: "11:00:00" } });
        const at50 = requestFor((s) => setPath(s, "channels[0].frameRate", "50"));
        assert.deepStrictEqual(at50.EncoderSettings!.GlobalConfiguration!.OutputLockingSettings, { EpochLockingSettings: {} });
    });

    it("finds the hour farthest from every window, crossing midnight, and none when games cover the day", () => {
        const schedule = { leadMinutes: 60, tailMinutes: 30 };
        // 23:00-03:00 runs 22:00-03:30: midnight is inside, 13:00 is farthest (9.5 h from 03:30, 9 h from 22:00 -> 12:00/13:00).
        const late = [{ name: "late", start: "2026-10-10T23:00:00Z", end: "2026-10-11T03:00:00Z" }];
        const clearance = jamSyncClearance(late, schedule);
        assert.strictEqual(clearance[0], 0);
        assert.strictEqual(clearance[23], 0);
        assert.ok(clearance[4]! > 0);
        assert.strictEqual(jamSyncHour(late, schedule), 13);
        assert.strictEqual(jamSyncHour([{ name: "all-day", start: "2026-10-10T00:30:00Z", end: "2026-10-10T23:30:00Z" }], schedule), undefined);
        assert.strictEqual(jamSyncHour([], schedule), 0);
    });

    it("selects two tracks of one language by PID, a single-language track by language", () => {
        const r = requestFor((s) => s.channels[0].audio.push({ language: "spa", layout: "stereo", label: "Espanol" }));
        const selectors = r.InputAttachments![0]!.InputSettings!.AudioSelectors!;
        assert.deepStrictEqual(
            selectors.map((a) => a.SelectorSettings),
            [
                { AudioPidSelection: { Pid: 258 } },
                { AudioPidSelection: { Pid: 259 } },
                { AudioLanguageSelection: { LanguageCode: "spa", LanguageSelectionPolicy: "LOOSE" } },
            ],
        );
    });

    it("declares at most MAX_50_MBPS of input, the most a MediaLive input ingests", () => {
        assert.strictEqual(requestFor((s) => setPath(s, "channels[0].contribution.maxBitrateMbps", 50)).InputSpecification!.MaximumBitrate, "MAX_50_MBPS");
        assert.strictEqual(requestFor((s) => setPath(s, "channels[0].contribution.maxBitrateMbps", 20)).InputSpecification!.MaximumBitrate, "MAX_20_MBPS");
    });
});
