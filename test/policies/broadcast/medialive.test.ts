import * as assert from "assert";
import { configureUdpFec } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-configure-udp-fec";
import { disallowSinglePipeline } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-disallow-single-pipeline";
import { enforceHlsPauseOutput } from "../../../policies/broadcast/medialive/channel/onair-medialive-channel-enforce-hls-pause-output";
import { runPolicy } from "../../../policies/harness/single";
import { classicChannel, onairChannel, unrelated } from "../fixtures";

describe("broadcast pack: MediaLive channel rules", () => {
    describe("onair-medialive-channel-disallow-single-pipeline", () => {
        it("passes STANDARD channels (OnAir dynamic resource and aws.medialive.Channel)", async () => {
            assert.deepStrictEqual((await runPolicy(disallowSinglePipeline, [onairChannel(), classicChannel()])).violations, []);
        });
        it("flags a SINGLE_PIPELINE OnAir channel by name", async () => {
            const ch = onairChannel();
            (ch.props.request as any).ChannelClass = "SINGLE_PIPELINE";
            const r = await runPolicy(disallowSinglePipeline, [ch]);
            assert.strictEqual(r.violations.length, 1);
            assert.match(r.violations[0]!, /"use1-main-uhd-medialive" uses channelClass SINGLE_PIPELINE; set channelClass STANDARD/);
        });
        it("flags a SINGLE_PIPELINE aws.medialive.Channel", async () => {
            const ch = classicChannel();
            ch.props.channelClass = "SINGLE_PIPELINE";
            assert.strictEqual((await runPolicy(disallowSinglePipeline, [ch])).violations.length, 1);
        });
        it("is not applicable to other types", async () => {
            const r = await runPolicy(disallowSinglePipeline, [unrelated()]);
            assert.deepStrictEqual(r.violations, []);
            assert.strictEqual(r.notApplicable.length, 1);
        });
    });

    describe("onair-medialive-channel-enforce-hls-pause-output", () => {
        it("passes HLS groups with PAUSE_OUTPUT and channels without HLS groups", async () => {
            assert.deepStrictEqual((await runPolicy(enforceHlsPauseOutput, [classicChannel(), onairChannel()])).violations, []);
        });
        it("flags EMIT_OUTPUT and names the output group", async () => {
            const ch = classicChannel();
            (ch.props.encoderSettings as any).outputGroups[0].outputGroupSettings.hlsGroupSettings.inputLossAction = "EMIT_OUTPUT";
            const r = await runPolicy(enforceHlsPauseOutput, [ch]);
            assert.deepStrictEqual(r.violations.length, 1);
            assert.match(r.violations[0]!, /HLS output group "hls-origin" has inputLossAction EMIT_OUTPUT; set it to PAUSE_OUTPUT/);
        });
        it("flags an HLS group that leaves inputLossAction unset (EMIT_OUTPUT by default)", async () => {
            const ch = onairChannel();
            (ch.props.request as any).EncoderSettings.OutputGroups.push({ Name: "hls-backup", OutputGroupSettings: { HlsGroupSettings: { Destination: { DestinationRefId: "x" } } }, Outputs: [] });
            const r = await runPolicy(enforceHlsPauseOutput, [ch]);
            assert.match(r.violations[0]!, /"hls-backup" has inputLossAction unset \(EMIT_OUTPUT\)/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(enforceHlsPauseOutput, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-medialive-channel-configure-udp-fec", () => {
        it("passes COLUMN_AND_ROW FEC at the 5 x 20 reference profile", async () => {
            assert.deepStrictEqual((await runPolicy(configureUdpFec, [classicChannel(), onairChannel()])).violations, []);
        });
        const udp = (ch: ReturnType<typeof classicChannel>) => (ch.props.encoderSettings as any).outputGroups[1].outputs[0].outputSettings.udpOutputSettings;
        it("flags a UDP output without FEC", async () => {
            const ch = classicChannel();
            delete udp(ch).fecOutputSettings;
            const r = await runPolicy(configureUdpFec, [ch]);
            assert.match(r.violations[0]!, /UDP output "udp-1" in group "udp-distribution" sends no FEC/);
        });
        it("flags column-only FEC", async () => {
            const ch = classicChannel();
            udp(ch).fecOutputSettings.includeFec = "COLUMN";
            assert.match((await runPolicy(configureUdpFec, [ch])).violations[0]!, /includeFec is COLUMN \(use COLUMN_AND_ROW\)/);
        });
        it("flags a matrix beyond SMPTE 2022-1 bounds", async () => {
            const ch = classicChannel();
            udp(ch).fecOutputSettings = { includeFec: "COLUMN_AND_ROW", columnDepth: 10, rowLength: 20 };
            assert.match((await runPolicy(configureUdpFec, [ch])).violations[0]!, /the 10 x 20 matrix exceeds the SMPTE 2022-1 limit of 100/);
        });
        it("applies the configured minimum column depth", async () => {
            const ch = classicChannel();
            assert.deepStrictEqual((await runPolicy(configureUdpFec, [ch])).violations, []);
            const r = await runPolicy(configureUdpFec, [ch], { minColumnDepth: 6 });
            assert.match(r.violations[0]!, /columnDepth 5 is outside 6-20/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(configureUdpFec, [unrelated()])).notApplicable.length, 1);
        });
    });
});
