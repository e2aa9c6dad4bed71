import { disallowEpochLockedHlsAdMarkers } from "../../../../../policies/broadcast/medialive/channel/onair-medialive-channel-disallow-epoch-locked-hls-ad-markers";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { mutate } from "../../../fixtures/fixture";
import { ClassicChannelProps, classicChannel, onairChannel } from "../../../fixtures/medialive/channel";

const hlsGroup = (p: ClassicChannelProps) => p.encoderSettings!.outputGroups[0]!;
const epochLocked = () =>
    mutate(classicChannel(), (p) => {
        p.encoderSettings!.globalConfiguration!.outputLockingMode = "EPOCH_LOCKING";
    });

// Epoch locking requires HLS output groups without ad markers and without SCTE-35 passthrough in
// their outputs ("Requirements for output locking").
// https://docs.aws.amazon.com/medialive/latest/ug/pipeline-locking-requirements.html
describe("onair-medialive-channel-disallow-epoch-locked-hls-ad-markers", () => {
    it("passes OnAir's epoch-locked CMAF Ingest channel and epoch-locked HLS without markers", async () => {
        await assertPasses(disallowEpochLockedHlsAdMarkers, [onairChannel(), epochLocked()]);
    });
    it("passes ad markers on a pipeline-locked channel", async () => {
        const ch = mutate(classicChannel(), (p) => {
            hlsGroup(p).outputGroupSettings.hlsGroupSettings!.adMarkers = ["ELEMENTAL_SCTE35"];
        });
        await assertPasses(disallowEpochLockedHlsAdMarkers, [ch]);
    });
    it("flags manifest ad markers on an epoch-locked HLS group", async () => {
        const ch = mutate(epochLocked(), (p) => {
            hlsGroup(p).outputGroupSettings.hlsGroupSettings!.adMarkers = ["ELEMENTAL_SCTE35"];
        });
        await assertOneViolation(
            disallowEpochLockedHlsAdMarkers,
            [ch],
            /"classic-channel" uses EPOCH_LOCKING but HLS output group "hls-origin" adds ad markers \(ELEMENTAL_SCTE35\); MediaLive rejects this/,
        );
    });
    it("flags SCTE-35 passthrough on an epoch-locked HLS output", async () => {
        const ch = mutate(epochLocked(), (p) => {
            hlsGroup(p).outputs[0]!.outputSettings.hlsOutputSettings = {
                hlsSettings: { standardHlsSettings: { m3u8Settings: { scte35Behavior: "PASSTHROUGH" } } },
            };
        });
        await assertOneViolation(disallowEpochLockedHlsAdMarkers, [ch], /HLS output "hls-1080p" in group "hls-origin" passes SCTE-35 through/);
    });
    it("reads the MediaLive API shape of the OnAir resource too", async () => {
        const ch = mutate(onairChannel(), (p) => {
            p.request.EncoderSettings!.OutputGroups!.push({
                Name: "extra-hls",
                OutputGroupSettings: { HlsGroupSettings: { AdMarkers: ["ADOBE"], InputLossAction: "PAUSE_OUTPUT", Destination: { DestinationRefId: "x" } } },
                Outputs: [],
            });
        });
        await assertOneViolation(disallowEpochLockedHlsAdMarkers, [ch], /HLS output group "extra-hls" adds ad markers \(ADOBE\)/);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(disallowEpochLockedHlsAdMarkers);
    });
});
