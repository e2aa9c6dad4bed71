import * as assert from "assert";
import type { CreateChannelRequest, H264Settings, H265Settings } from "@aws-sdk/client-medialive";
import { T } from "../../contracts/resourceTypes";
import { PlanCapture } from "../../contracts/capturedPlan";
import { jamSyncClearance } from "../../components/config/jamSync";
import { readStackConfig } from "../../components/config/stackConfig";
import { prodPlan, ROOT } from "../helpers/plan";

/**
 * The prod plan's MediaLive and MediaConnect requests against what MediaLive accepts and encodes
 * as intended (each limit cited where it is checked).
 */
describe("prod plan: MediaLive requests MediaLive accepts and encodes as intended", function () {
    let plan: PlanCapture;
    before(async () => {
        plan = await prodPlan();
    });
    const channels = () => plan.resources.filter((r) => r.type === T.onairMediaLiveChannel);
    const requestOf = (r: { inputs: Record<string, unknown> }) => r.inputs["request"] as CreateChannelRequest;

    it("has MediaLive channels in both regions", () => {
        assert.strictEqual(channels().length, 8);
    });

    it("sends no contribution above 50 Mbps into a MediaLive input (InputSpecification.MaximumBitrate MAX_50_MBPS)", () => {
        for (const f of plan.resources.filter((r) => r.type === T.mediaConnectFlow || r.type === T.mediaConnectFlowSource)) {
            const source = (f.type === T.mediaConnectFlow ? f.inputs["source"] : f.inputs) as { maxBitrate?: number; protocol?: string };
            if (source.maxBitrate !== undefined) assert.ok(source.maxBitrate <= 50_000_000, `${f.name}: ${source.maxBitrate} bit/s`);
        }
        for (const c of channels()) assert.ok(["MAX_10_MBPS", "MAX_20_MBPS", "MAX_50_MBPS"].includes(requestOf(c).InputSpecification!.MaximumBitrate!));
    });

    it("jam-syncs every 59.94 fps channel at a whole UTC hour outside its games (EpochLockingSettings.JamSyncTime HH:00:00)", () => {
        const season = JSON.parse(readStackConfig(ROOT, "prod").config["onair:season"]!) as {
            schedule: { leadMinutes: number; tailMinutes: number };
            channels: { id: string; events: { name: string; start: string; end: string }[] }[];
        };
        for (const c of channels()) {
            const time = requestOf(c).EncoderSettings!.GlobalConfiguration!.OutputLockingSettings!.EpochLockingSettings!.JamSyncTime!;
            assert.match(time, /^([01]\d|2[0-3]):00:00$/, c.name);
            const events = season.channels.find((ch) => requestOf(c).Name!.endsWith(ch.id))!.events;
            assert.ok(jamSyncClearance(events, season.schedule)[Number(time.slice(0, 2))]! > 0, `${c.name}: ${time} is inside a game window`);
        }
        // Midnight UTC, MediaLive's default, is inside the football games.
        assert.strictEqual(jamSyncClearance(season.channels.find((ch) => ch.id === "football-uhd")!.events, season.schedule)[0], 0);
    });

    it("selects each audio track of a language that has two by PID", () => {
        for (const c of channels()) {
            const selectors = requestOf(c).InputAttachments![0]!.InputSettings!.AudioSelectors!;
            const languages = selectors.map((s) => s.SelectorSettings?.AudioLanguageSelection?.LanguageCode).filter(Boolean);
            assert.strictEqual(new Set(languages).size, languages.length, `${c.name} selects one language twice`);
        }
    });

    it("cuts segments that are exactly whole GOPs at the rung's frame rate (MILLISECONDS units)", () => {
        for (const c of channels()) {
            const es = requestOf(c).EncoderSettings!;
            const group = es.OutputGroups![0]!.OutputGroupSettings!.CmafIngestGroupSettings!;
            assert.strictEqual(group.SegmentLengthUnits, "MILLISECONDS");
            for (const v of es.VideoDescriptions!) {
                const s = (v.CodecSettings!.H264Settings ?? v.CodecSettings!.H265Settings) as H264Settings | H265Settings;
                const gopMs = (s.GopSize! * 1000 * s.FramerateDenominator!) / s.FramerateNumerator!;
                assert.strictEqual(group.SegmentLength! % gopMs, 0, `${c.name} ${v.Name}: ${group.SegmentLength} ms vs ${gopMs} ms GOP`);
            }
        }
    });

    it("sets no latency on RTP-FEC sources (MaxLatency applies to RIST and Zixi only)", () => {
        for (const f of plan.resources.filter((r) => r.type === T.mediaConnectFlow)) {
            const source = f.inputs["source"] as { protocol?: string; maxLatency?: number; minLatency?: number };
            if (source.protocol === "rtp-fec") assert.deepStrictEqual([source.maxLatency, source.minLatency], [undefined, undefined]);
        }
    });
});
