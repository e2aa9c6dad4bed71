import * as assert from "assert";
import { disallowPlainRtp } from "../../../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-disallow-plain-rtp";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses, violations } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { flowOutput, flowSource, mediaConnectFlow } from "../../../fixtures/mediaconnect/flow";

// MediaConnect protocols: rtp (no error correction), rtp-fec (SMPTE 2022-1), rist, srt-*.
// https://docs.aws.amazon.com/mediaconnect/latest/ug/protocols.html
describe("onair-mediaconnect-flow-disallow-plain-rtp", () => {
    it("passes the flows OnAir builds (rtp-fec, srt-listener, rist) and protected sources and outputs", async () => {
        await assertPasses(disallowPlainRtp, [
            mediaConnectFlow("rtp-fec"),
            mediaConnectFlow("srt-listener"),
            mediaConnectFlow("rist"),
            flowSource(),
            flowOutput(),
        ]);
    });
    it("flags a flow whose source is plain rtp, naming the source", async () => {
        const flow = mutate(mediaConnectFlow("rtp-fec"), (p) => {
            p.source.protocol = "rtp";
        });
        await assertOneViolation(disallowPlainRtp, [flow], /source "venue" of "use1-flow-a" uses plain rtp/);
    });
    it("flags a plain-rtp FlowSource and FlowOutput", async () => {
        const v = await violations(disallowPlainRtp, [flowSource({ protocol: "rtp" }), flowOutput({ protocol: "rtp" })]);
        assert.strictEqual(v.length, 2);
        assert.ok(
            v.some((m) => /source "isp-b" of "backup-source"/.test(m)),
            v.join("\n"),
        );
        assert.ok(
            v.some((m) => /output "partner" of "to-partner"/.test(m)),
            v.join("\n"),
        );
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(disallowPlainRtp);
    });
});
