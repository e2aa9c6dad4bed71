import { enforceMqcsSwitching } from "../../../../../policies/broadcast/mediapackagev2/channel/onair-mediapackagev2-channel-enforce-mqcs-switching";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { packagingChannel } from "../../../fixtures/mediapackagev2/channel";

// MQCS: CMAF input, InputSwitchConfiguration.MQCSInputSwitching and
// OutputHeaderConfiguration.PublishMQCS together ("Media quality-aware resiliency").
// https://docs.aws.amazon.com/mediapackage/latest/userguide/mqcs.html
describe("onair-mediapackagev2-channel-enforce-mqcs-switching", () => {
    it("passes the channel OnAir builds", async () => {
        await assertPasses(enforceMqcsSwitching, [packagingChannel()]);
    });
    it("flags HLS input, switching off and unpublished MQCS in one message", async () => {
        const c = mutate(packagingChannel(), (p) => {
            p.inputType = "HLS";
            p.inputSwitchConfiguration = { mqcsInputSwitching: false };
            delete p.outputHeaderConfiguration;
        });
        await assertOneViolation(enforceMqcsSwitching, [c], /inputType is HLS \(use CMAF\); MQCS input switching is off; MQCS is not published to the CDN/);
    });
    it("flags each of the three on its own", async () => {
        await assertOneViolation(
            enforceMqcsSwitching,
            [
                mutate(packagingChannel(), (p) => {
                    p.inputType = "HLS";
                }),
            ],
            /: inputType is HLS \(use CMAF\)\.$/,
        );
        await assertOneViolation(
            enforceMqcsSwitching,
            [
                mutate(packagingChannel(), (p) => {
                    delete p.inputSwitchConfiguration;
                }),
            ],
            /: MQCS input switching is off\.$/,
        );
        await assertOneViolation(
            enforceMqcsSwitching,
            [
                mutate(packagingChannel(), (p) => {
                    p.outputHeaderConfiguration = { publishMqcs: false };
                }),
            ],
            /: MQCS is not published to the CDN \(publishMqcs\)\.$/,
        );
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(enforceMqcsSwitching);
    });
});
