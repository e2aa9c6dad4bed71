import * as assert from "assert";
import { disallowSinglePipeline } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-disallow-single-pipeline";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { runPolicy } from "../../../../helpers/policyRunner";
import { mutate, unknownValue } from "../../../fixtures/fixture";
import { classicChannel, onairChannel } from "../../../fixtures/medialive/channel";

// STANDARD runs two pipelines in two availability zones; SINGLE_PIPELINE runs one.
// https://docs.aws.amazon.com/medialive/latest/ug/plan-redundancy.html
describe("onair-medialive-channel-disallow-single-pipeline", () => {
    it("passes STANDARD channels (OnAir dynamic resource and aws.medialive.Channel)", async () => {
        await assertPasses(disallowSinglePipeline, [onairChannel(), classicChannel()]);
    });
    it("flags a SINGLE_PIPELINE OnAir channel by name", async () => {
        const ch = mutate(onairChannel(), (p) => {
            p.request.ChannelClass = "SINGLE_PIPELINE";
        });
        await assertOneViolation(disallowSinglePipeline, [ch], /"use1-main-uhd-medialive" uses channelClass SINGLE_PIPELINE; set channelClass STANDARD/);
    });
    it("flags a SINGLE_PIPELINE aws.medialive.Channel", async () => {
        const ch = mutate(classicChannel(), (p) => {
            p.channelClass = "SINGLE_PIPELINE";
        });
        await assertOneViolation(disallowSinglePipeline, [ch], /"classic-channel" uses channelClass SINGLE_PIPELINE/);
    });
    it("at preview, decides on the class whatever the unknown role, input and ingest URLs", async () => {
        const ch = mutate(onairChannel(), (p) => {
            p.request.RoleArn = unknownValue();
            p.request.InputAttachments![0]!.InputId = unknownValue();
            p.request.Destinations![0]!.Settings = [{ Url: unknownValue() }, { Url: unknownValue() }];
        });
        await assertPasses(disallowSinglePipeline, [ch], {}, { preview: true });
        const single = mutate(ch, (p) => {
            p.request.ChannelClass = "SINGLE_PIPELINE";
        });
        const r = await runPolicy(disallowSinglePipeline, [single], {}, { preview: true });
        assert.deepStrictEqual([r.violations.length, r.undecided], [1, []]);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(disallowSinglePipeline);
    });
});
