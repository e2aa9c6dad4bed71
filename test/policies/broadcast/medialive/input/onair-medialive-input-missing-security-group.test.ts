import * as assert from "assert";
import { missingSecurityGroup } from "../../../../../policies/broadcast/medialive/input/onair-medialive-input-missing-security-group";
import { assertNotApplicableToOtherTypes, assertPasses, violations } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { mediaConnectInput, onairRtpPushInput, onairSrtCallerInput, rtpPushInput } from "../../../fixtures/medialive/input";

// Push inputs (RTP_PUSH, RTMP_PUSH, UDP_PUSH) accept streams only from an input security group's
// CIDRs; pull inputs (SRT_CALLER, MEDIACONNECT) take none.
// https://docs.aws.amazon.com/medialive/latest/ug/working-with-input-security-groups.html
describe("onair-medialive-input-missing-security-group", () => {
    it("passes push inputs with a security group and pull inputs without one", async () => {
        await assertPasses(missingSecurityGroup, [rtpPushInput(), onairRtpPushInput(), onairSrtCallerInput(), mediaConnectInput()]);
    });
    it("flags an RTP_PUSH input without one (aws and OnAir inputs)", async () => {
        const classic = mutate(rtpPushInput(), (p) => {
            p.inputSecurityGroups = [];
        });
        const onair = mutate(onairRtpPushInput(), (p) => {
            p.request.InputSecurityGroups = [];
        });
        const v = await violations(missingSecurityGroup, [classic, onair]);
        assert.strictEqual(v.length, 2, v.join("\n"));
        assert.ok(
            v.some((m) => /RTP_PUSH input "venue-rtp" has no input security group/.test(m)),
            v.join("\n"),
        );
        assert.ok(
            v.some((m) => /RTP_PUSH input "direct" has no input security group/.test(m)),
            v.join("\n"),
        );
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(missingSecurityGroup);
    });
});
