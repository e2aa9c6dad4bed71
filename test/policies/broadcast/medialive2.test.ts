import * as assert from "assert";
import { configureEmbeddedTimecode } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-configure-embedded-timecode";
import { disallowEpochLockedHlsAdMarkers } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-disallow-epoch-locked-hls-ad-markers";
import { disallowInputLossFill } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-disallow-input-loss-fill";
import { enforceHlsProgramDateTime } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-enforce-hls-program-date-time";
import { missingInputSecurityGroup } from "../../../policies/broadcast/medialive/input/onair-medialive-input-missing-security-group";
import { disallowOpenCidr } from "../../../policies/broadcast/medialive/inputsecuritygroup/onair-medialive-inputsecuritygroup-disallow-open-cidr";
import { runPolicy } from "../../../policies/harness/single";
import { T } from "../../../contracts/resourceTypes";
import { classicChannel, onairChannel, unrelated } from "../fixtures";

const enc = (ch: ReturnType<typeof classicChannel>) => ch.props.encoderSettings as any;

describe("broadcast pack: more MediaLive rules", () => {
    describe("onair-medialive-channel-enforce-hls-program-date-time", () => {
        it("passes HLS groups that include program date time", async () => {
            assert.deepStrictEqual((await runPolicy(enforceHlsProgramDateTime, [classicChannel(), onairChannel()])).violations, []);
        });
        it("flags an HLS group without it", async () => {
            const ch = classicChannel();
            delete enc(ch).outputGroups[0].outputGroupSettings.hlsGroupSettings.programDateTime;
            assert.match((await runPolicy(enforceHlsProgramDateTime, [ch])).violations[0]!, /HLS output group "hls-origin" has programDateTime unset \(EXCLUDE\); set it to INCLUDE/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(enforceHlsProgramDateTime, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-medialive-channel-disallow-epoch-locked-hls-ad-markers", () => {
        const epochLocked = () => {
            const ch = classicChannel();
            enc(ch).globalConfiguration.outputLockingMode = "EPOCH_LOCKING";
            return ch;
        };
        it("passes OnAir's epoch-locked CMAF Ingest channel and epoch-locked HLS without markers", async () => {
            assert.deepStrictEqual((await runPolicy(disallowEpochLockedHlsAdMarkers, [onairChannel(), epochLocked()])).violations, []);
        });
        it("passes ad markers on a pipeline-locked channel", async () => {
            const ch = classicChannel();
            enc(ch).outputGroups[0].outputGroupSettings.hlsGroupSettings.adMarkers = ["ELEMENTAL_SCTE35"];
            assert.deepStrictEqual((await runPolicy(disallowEpochLockedHlsAdMarkers, [ch])).violations, []);
        });
        it("flags manifest ad markers on an epoch-locked HLS group", async () => {
            const ch = epochLocked();
            enc(ch).outputGroups[0].outputGroupSettings.hlsGroupSettings.adMarkers = ["ELEMENTAL_SCTE35"];
            assert.match((await runPolicy(disallowEpochLockedHlsAdMarkers, [ch])).violations[0]!, /"classic-channel" uses EPOCH_LOCKING but HLS output group "hls-origin" adds ad markers \(ELEMENTAL_SCTE35\); MediaLive rejects this/);
        });
        it("flags SCTE-35 passthrough on an epoch-locked HLS output", async () => {
            const ch = epochLocked();
            enc(ch).outputGroups[0].outputs[0].outputSettings.hlsOutputSettings = { hlsSettings: { standardHlsSettings: { m3u8Settings: { scte35Behavior: "PASSTHROUGH" } } } };
            assert.match((await runPolicy(disallowEpochLockedHlsAdMarkers, [ch])).violations[0]!, /HLS output "hls-1080p" in group "hls-origin" passes SCTE-35 through/);
        });
        it("reads the MediaLive API shape of the OnAir resource too", async () => {
            const ch = onairChannel();
            (ch.props.request as any).EncoderSettings.OutputGroups.push({ Name: "extra-hls", OutputGroupSettings: { HlsGroupSettings: { AdMarkers: ["ADOBE"], InputLossAction: "PAUSE_OUTPUT" } }, Outputs: [] });
            assert.match((await runPolicy(disallowEpochLockedHlsAdMarkers, [ch])).violations[0]!, /HLS output group "extra-hls" adds ad markers \(ADOBE\)/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(disallowEpochLockedHlsAdMarkers, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-medialive-channel-disallow-input-loss-fill", () => {
        it("passes channels without input-loss fill (OnAir's) and short fills", async () => {
            const ch = classicChannel();
            enc(ch).globalConfiguration.inputLossBehavior = { repeatFrameMsec: 1000, blackFrameMsec: 500 };
            assert.deepStrictEqual((await runPolicy(disallowInputLossFill, [onairChannel(), ch])).violations, []);
        });
        it("flags a slate", async () => {
            const ch = classicChannel();
            enc(ch).globalConfiguration.inputLossBehavior = { inputLossImageType: "SLATE", inputLossImageSlate: { uri: "s3://slates/technical-difficulties.png" } };
            assert.match((await runPolicy(disallowInputLossFill, [ch])).violations[0]!, /"classic-channel" shows a slate image on input loss/);
        });
        it("flags long repeat and black fill against the configured limit", async () => {
            const ch = onairChannel();
            (ch.props.request as any).EncoderSettings.GlobalConfiguration.InputLossBehavior = { RepeatFrameMsec: 60000, BlackFrameMsec: 1_000_000 };
            const r = await runPolicy(disallowInputLossFill, [ch]);
            assert.match(r.violations[0]!, /repeats the last frame for 60000 ms and fills black for 1000000 ms on input loss \(limit 1000 ms/);
            assert.deepStrictEqual((await runPolicy(disallowInputLossFill, [ch], { maxFillMsec: 1_000_000 })).violations, []);
        });
        it("leaves single-pipeline channels to the single-pipeline rule", async () => {
            const ch = classicChannel();
            ch.props.channelClass = "SINGLE_PIPELINE";
            enc(ch).globalConfiguration.inputLossBehavior = { inputLossImageType: "SLATE" };
            assert.deepStrictEqual((await runPolicy(disallowInputLossFill, [ch])).violations, []);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(disallowInputLossFill, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-medialive-channel-configure-embedded-timecode", () => {
        it("passes EMBEDDED timecode with sync threshold 1", async () => {
            assert.deepStrictEqual((await runPolicy(configureEmbeddedTimecode, [onairChannel(), classicChannel()])).violations, []);
        });
        it("flags system-clock timecode", async () => {
            const ch = classicChannel();
            enc(ch).timecodeConfig = { source: "SYSTEMCLOCK" };
            assert.match((await runPolicy(configureEmbeddedTimecode, [ch])).violations[0]!, /takes timecode from SYSTEMCLOCK; set timecodeConfig.source to EMBEDDED/);
        });
        it("flags a missing or loose sync threshold", async () => {
            const ch = onairChannel();
            (ch.props.request as any).EncoderSettings.TimecodeConfig = { Source: "EMBEDDED" };
            assert.match((await runPolicy(configureEmbeddedTimecode, [ch])).violations[0]!, /syncThreshold unset; set it to 1 frame or less/);
            (ch.props.request as any).EncoderSettings.TimecodeConfig = { Source: "EMBEDDED", SyncThreshold: 5 };
            assert.strictEqual((await runPolicy(configureEmbeddedTimecode, [ch])).violations.length, 1);
            assert.deepStrictEqual((await runPolicy(configureEmbeddedTimecode, [ch], { maxSyncThreshold: 5 })).violations, []);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(configureEmbeddedTimecode, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-medialive-input-missing-security-group", () => {
        const rtp = (sgs: string[]) => ({ type: T.mediaLiveInput, name: "venue-rtp", props: { name: "venue", type: "RTP_PUSH", inputSecurityGroups: sgs } });
        it("passes push inputs with a security group and pull inputs without one", async () => {
            const srt = { type: T.onairMediaLiveInput, name: "venue-srt", props: { region: "us-east-1", request: { Name: "v", Type: "SRT_CALLER" } } };
            const mediaconnect = { type: T.mediaLiveInput, name: "mc", props: { type: "MEDIACONNECT" } };
            assert.deepStrictEqual((await runPolicy(missingInputSecurityGroup, [rtp(["1234"]), srt, mediaconnect])).violations, []);
        });
        it("flags an RTP_PUSH input without one (aws and OnAir inputs)", async () => {
            const onair = { type: T.onairMediaLiveInput, name: "direct", props: { region: "us-east-1", request: { Name: "d", Type: "RTP_PUSH", InputSecurityGroups: [] } } };
            const r = await runPolicy(missingInputSecurityGroup, [rtp([]), onair]);
            assert.strictEqual(r.violations.length, 2);
            assert.ok(r.violations.some((v) => /RTP_PUSH input "venue-rtp" has no input security group/.test(v)), r.violations.join("\n"));
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(missingInputSecurityGroup, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-medialive-inputsecuritygroup-disallow-open-cidr", () => {
        const isg = (...cidrs: string[]) => ({ type: T.mediaLiveInputSecurityGroup, name: "venue-isg", props: { whitelistRules: cidrs.map((cidr) => ({ cidr })) } });
        it("passes the venue's ranges", async () => {
            assert.deepStrictEqual((await runPolicy(disallowOpenCidr, [isg("203.0.113.0/28", "198.51.100.16/29")])).violations, []);
        });
        it("flags 0.0.0.0/0 and ranges broader than the configured prefix", async () => {
            assert.match((await runPolicy(disallowOpenCidr, [isg("0.0.0.0/0")])).violations[0]!, /allows 0.0.0.0\/0, which opens the input to the whole internet/);
            assert.deepStrictEqual((await runPolicy(disallowOpenCidr, [isg("10.0.0.0/12")])).violations, []);
            assert.strictEqual((await runPolicy(disallowOpenCidr, [isg("10.0.0.0/12")], { minPrefixLength: 16 })).violations.length, 1);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(disallowOpenCidr, [unrelated()])).notApplicable.length, 1);
        });
    });
});
