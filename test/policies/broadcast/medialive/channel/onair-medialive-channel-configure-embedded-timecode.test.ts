import { configureEmbeddedTimecode } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-configure-embedded-timecode";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { classicChannel, onairChannel } from "../../../fixtures/medialive/channel";

// TimecodeConfig.Source EMBEDDED with SyncThreshold (frames) keeps both pipelines on the source's
// timecode; SYSTEMCLOCK aligns nothing across pipelines.
// https://docs.aws.amazon.com/medialive/latest/ug/timecode-sync.html
describe("onair-medialive-channel-configure-embedded-timecode", () => {
    it("passes EMBEDDED timecode with sync threshold 1", async () => {
        await assertPasses(configureEmbeddedTimecode, [onairChannel(), classicChannel()]);
    });
    it("flags system-clock timecode", async () => {
        const ch = mutate(classicChannel(), (p) => {
            p.encoderSettings!.timecodeConfig = { source: "SYSTEMCLOCK" };
        });
        await assertOneViolation(configureEmbeddedTimecode, [ch], /takes timecode from SYSTEMCLOCK; set timecodeConfig.source to EMBEDDED/);
    });
    it("flags a missing or loose sync threshold", async () => {
        const unset = mutate(onairChannel(), (p) => {
            p.request.EncoderSettings!.TimecodeConfig = { Source: "EMBEDDED" };
        });
        await assertOneViolation(configureEmbeddedTimecode, [unset], /syncThreshold unset; set it to 1 frame or less/);
        const loose = mutate(onairChannel(), (p) => {
            p.request.EncoderSettings!.TimecodeConfig = { Source: "EMBEDDED", SyncThreshold: 5 };
        });
        await assertOneViolation(configureEmbeddedTimecode, [loose], /syncThreshold 5/);
        await assertPasses(configureEmbeddedTimecode, [loose], { maxSyncThreshold: 5 });
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureEmbeddedTimecode);
    });
});
