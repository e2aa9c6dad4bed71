import { disallowInputLossFill } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-disallow-input-loss-fill";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { classicChannel, onairChannel } from "../../../fixtures/medialive/channel";

// GlobalConfiguration.InputLossBehavior: RepeatFrameMsec, then BlackFrameMsec, or a slate
// (InputLossImageType SLATE) while the input is lost.
// https://docs.aws.amazon.com/medialive/latest/ug/feature-input-loss.html
describe("onair-medialive-channel-disallow-input-loss-fill", () => {
    it("passes channels without input-loss fill (OnAir's) and short fills", async () => {
        const short = mutate(classicChannel(), (p) => {
            p.encoderSettings!.globalConfiguration!.inputLossBehavior = { repeatFrameMsec: 1000, blackFrameMsec: 500 };
        });
        await assertPasses(disallowInputLossFill, [onairChannel(), short]);
    });
    it("flags a slate", async () => {
        const ch = mutate(classicChannel(), (p) => {
            p.encoderSettings!.globalConfiguration!.inputLossBehavior = {
                inputLossImageType: "SLATE",
                inputLossImageSlate: { uri: "s3://slates/technical-difficulties.png" },
            };
        });
        await assertOneViolation(disallowInputLossFill, [ch], /"classic-channel" shows a slate image on input loss/);
    });
    it("flags long repeat and black fill against the configured limit", async () => {
        const ch = mutate(onairChannel(), (p) => {
            p.request.EncoderSettings!.GlobalConfiguration!.InputLossBehavior = { RepeatFrameMsec: 60000, BlackFrameMsec: 1_000_000 };
        });
        await assertOneViolation(
            disallowInputLossFill,
            [ch],
            /repeats the last frame for 60000 ms and fills black for 1000000 ms on input loss \(limit 1000 ms/,
        );
        await assertPasses(disallowInputLossFill, [ch], { maxFillMsec: 1_000_000 });
    });
    it("leaves single-pipeline channels to the single-pipeline rule", async () => {
        const ch = mutate(classicChannel(), (p) => {
            p.channelClass = "SINGLE_PIPELINE";
            p.encoderSettings!.globalConfiguration!.inputLossBehavior = { inputLossImageType: "SLATE" };
        });
        await assertPasses(disallowInputLossFill, [ch]);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(disallowInputLossFill);
    });
});
