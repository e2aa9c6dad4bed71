import { configureUdpFec } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-configure-udp-fec";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { ClassicChannelProps, classicChannel, onairChannel } from "../../../fixtures/medialive/channel";

/** The baseline's UDP output settings (group "udp-distribution", output "udp-1"). */
const udp = (p: ClassicChannelProps) => p.encoderSettings!.outputGroups[1]!.outputs[0]!.outputSettings.udpOutputSettings!;

// FecOutputSettings (SMPTE 2022-1): ColumnDepth 4-20, RowLength 1-20 (4-20 with COLUMN_AND_ROW),
// ColumnDepth x RowLength <= 100.
// https://docs.aws.amazon.com/medialive/latest/ug/udp-fec.html
describe("onair-medialive-channel-configure-udp-fec", () => {
    it("passes COLUMN_AND_ROW FEC at the 5 x 20 reference profile, and channels without UDP outputs", async () => {
        await assertPasses(configureUdpFec, [classicChannel(), onairChannel()]);
    });
    it("flags a UDP output without FEC", async () => {
        const ch = mutate(classicChannel(), (p) => {
            delete udp(p).fecOutputSettings;
        });
        await assertOneViolation(configureUdpFec, [ch], /UDP output "udp-1" in group "udp-distribution" sends no FEC/);
    });
    it("flags column-only FEC", async () => {
        const ch = mutate(classicChannel(), (p) => {
            udp(p).fecOutputSettings!.includeFec = "COLUMN";
        });
        await assertOneViolation(configureUdpFec, [ch], /includeFec is COLUMN \(use COLUMN_AND_ROW\)/);
    });
    it("flags a matrix beyond SMPTE 2022-1 bounds", async () => {
        const ch = mutate(classicChannel(), (p) => {
            udp(p).fecOutputSettings = { includeFec: "COLUMN_AND_ROW", columnDepth: 10, rowLength: 20 };
        });
        await assertOneViolation(configureUdpFec, [ch], /the 10 x 20 matrix exceeds the SMPTE 2022-1 limit of 100/);
    });
    it("applies the configured minimum column depth", async () => {
        await assertPasses(configureUdpFec, [classicChannel()]);
        await assertOneViolation(configureUdpFec, [classicChannel()], /columnDepth 5 is outside 6-20/, { minColumnDepth: 6 });
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(configureUdpFec);
    });
});
