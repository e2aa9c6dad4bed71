import { configureRistLatency } from "../../../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-configure-rist-latency";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { mediaConnectFlow } from "../../../fixtures/mediaconnect/flow";

const rist = (maxLatency: number | undefined) =>
    mutate(mediaConnectFlow("rist"), (p) => {
        if (maxLatency === undefined) delete p.source.maxLatency;
        else p.source.maxLatency = maxLatency;
    });

// RIST maximum latency: the recovery buffer for retransmitted packets ("Adding a source to a
// flow", RIST).
// https://docs.aws.amazon.com/mediaconnect/latest/ug/source-adding-standard.html
describe("onair-mediaconnect-flow-configure-rist-latency", () => {
    it("passes the RIST flow OnAir builds, and a recovery latency within bounds", async () => {
        await assertPasses(configureRistLatency, [mediaConnectFlow("rist"), rist(800)]);
    });
    it("flags a missing recovery latency", async () => {
        await assertOneViolation(configureRistLatency, [rist(undefined)], /RIST source "isp-a" of "use1-flow-a" has recovery latency unset ms/);
    });
    it("flags a too small or too large recovery latency", async () => {
        await assertOneViolation(configureRistLatency, [rist(50)], /has recovery latency 50 ms/);
        await assertOneViolation(configureRistLatency, [rist(8000)], /set maxLatency within 100-4000 ms/, { maxLatencyMs: 4000 });
    });
    it("ignores flows of other protocols", async () => {
        await assertPasses(configureRistLatency, [mediaConnectFlow("srt-listener"), mediaConnectFlow("rtp-fec")]);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureRistLatency);
    });
});
