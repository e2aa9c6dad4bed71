import { configureSrtLatency } from "../../../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-configure-srt-latency";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { flowOutput, mediaConnectFlow } from "../../../fixtures/mediaconnect/flow";

// SRT minimum latency: how long the receiver waits for retransmissions; at least 3 x the round
// trip ("Adding a source to a flow", SRT minimum latency).
// https://docs.aws.amazon.com/mediaconnect/latest/ug/source-adding-standard.html
describe("onair-mediaconnect-flow-configure-srt-latency", () => {
    it("passes the SRT flow OnAir builds (1000 ms)", async () => {
        await assertPasses(configureSrtLatency, [mediaConnectFlow("srt-listener")]);
    });
    it("flags latency below the configured minimum", async () => {
        await assertOneViolation(
            configureSrtLatency,
            [mediaConnectFlow("srt-listener")],
            /SRT source "venue" of "use1-flow-a" has latency 1000 ms; set minLatency to at least 2000 ms/,
            { minLatencyMs: 2000 },
        );
    });
    it("flags an SRT output without latency", async () => {
        await assertOneViolation(configureSrtLatency, [flowOutput({ protocol: "srt-caller" })], /SRT output "partner" of "to-partner" has latency unset ms/);
    });
    it("ignores non-SRT flows", async () => {
        await assertPasses(configureSrtLatency, [mediaConnectFlow("rtp-fec"), mediaConnectFlow("rist")]);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureSrtLatency);
    });
});
