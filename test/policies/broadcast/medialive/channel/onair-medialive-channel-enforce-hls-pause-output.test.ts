import { enforceHlsPauseOutput } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-enforce-hls-pause-output";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { classicChannel, onairChannel } from "../../../fixtures/medialive/channel";

// HlsGroupSettings.InputLossAction: EMIT_OUTPUT (the default) keeps publishing filler on input
// loss; PAUSE_OUTPUT stops the pipeline's output so the downstream switches to the other one.
// https://docs.aws.amazon.com/medialive/latest/ug/hls-resiliency.html
describe("onair-medialive-channel-enforce-hls-pause-output", () => {
    it("passes HLS groups with PAUSE_OUTPUT and channels without HLS groups (OnAir's CMAF Ingest)", async () => {
        await assertPasses(enforceHlsPauseOutput, [classicChannel(), onairChannel()]);
    });
    it("flags EMIT_OUTPUT and names the output group", async () => {
        const ch = mutate(classicChannel(), (p) => {
            p.encoderSettings!.outputGroups[0]!.outputGroupSettings.hlsGroupSettings!.inputLossAction = "EMIT_OUTPUT";
        });
        await assertOneViolation(enforceHlsPauseOutput, [ch], /HLS output group "hls-origin" has inputLossAction EMIT_OUTPUT; set it to PAUSE_OUTPUT/);
    });
    it("flags an HLS group that leaves inputLossAction unset (EMIT_OUTPUT by default)", async () => {
        const ch = mutate(onairChannel(), (p) => {
            p.request.EncoderSettings!.OutputGroups!.push({
                Name: "hls-backup",
                OutputGroupSettings: { HlsGroupSettings: { Destination: { DestinationRefId: "x" } } },
                Outputs: [],
            });
        });
        await assertOneViolation(enforceHlsPauseOutput, [ch], /"hls-backup" has inputLossAction unset \(EMIT_OUTPUT\)/);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(enforceHlsPauseOutput);
    });
});
