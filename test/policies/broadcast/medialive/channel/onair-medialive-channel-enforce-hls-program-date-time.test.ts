import { enforceHlsProgramDateTime } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-enforce-hls-program-date-time";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { classicChannel, onairChannel } from "../../../fixtures/medialive/channel";

// HlsGroupSettings.ProgramDateTime: EXCLUDE by default; INCLUDE writes EXT-X-PROGRAM-DATE-TIME,
// which aligns the two pipelines' playlists.
// https://docs.aws.amazon.com/medialive/latest/ug/hls-resiliency.html
describe("onair-medialive-channel-enforce-hls-program-date-time", () => {
    it("passes HLS groups that include program date time, and channels without HLS groups", async () => {
        await assertPasses(enforceHlsProgramDateTime, [classicChannel(), onairChannel()]);
    });
    it("flags an HLS group without it", async () => {
        const ch = mutate(classicChannel(), (p) => {
            delete p.encoderSettings!.outputGroups[0]!.outputGroupSettings.hlsGroupSettings!.programDateTime;
        });
        await assertOneViolation(enforceHlsProgramDateTime, [ch], /HLS output group "hls-origin" has programDateTime unset \(EXCLUDE\); set it to INCLUDE/);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(enforceHlsProgramDateTime);
    });
});
