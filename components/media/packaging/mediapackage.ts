import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { ChannelConfig, RegionRole } from "../../config/types";
import { PACKAGING } from "../../naming";
import { PREMIUM_TAG, PREMIUM_VALUE } from "../../../contracts/tags";

/** SCTE-35 types MediaPackage turns into ad markers for MediaTailor on ad channels. */
export const AD_SCTE_FILTER = [
    "SPLICE_INSERT",
    "BREAK",
    "PROVIDER_ADVERTISEMENT",
    "DISTRIBUTOR_ADVERTISEMENT",
    "PROVIDER_PLACEMENT_OPPORTUNITY",
    "DISTRIBUTOR_PLACEMENT_OPPORTUNITY",
] as const;

/** Conditions under which the primary region answers 404 so CloudFront moves to the secondary. */
export const FORCED_ERROR_CONDITIONS = ["STALE_MANIFEST", "INCOMPLETE_MANIFEST", "SLATE_INPUT", "MISSING_DRM_KEY"] as const;

/**
 * CMAF input with MQCS input switching (pick the better of the two MediaLive pipelines per segment)
 * and MQCS published in CMSD headers (so CloudFront can pick the better region).
 */
export function packagingChannelArgs(channelGroupName: pulumi.Input<string>, channel: ChannelConfig): awsnative.mediapackagev2.ChannelArgs {
    return {
        channelGroupName,
        channelName: channel.id,
        description: `${channel.name} (OnAir)`,
        inputType: "CMAF",
        inputSwitchConfiguration: { mqcsInputSwitching: true, preferredInput: 1 },
        outputHeaderConfiguration: { publishMqcs: true },
        outputLockingMode: "EPOCH_LOCKED",
        // The rights requirement travels with the channel, where the security pack reads it.
        ...(channel.premium ? { tags: [{ key: PREMIUM_TAG, value: PREMIUM_VALUE }] } : {}),
    };
}

/**
 * One CMAF endpoint per channel carrying both the HLS and the DASH manifest: both formats reference
 * the same segments, so CloudFront caches each segment once. Everything here is identical in every
 * region except the forced errors, which only the primary returns, and the key provider's URL and
 * role inside `encryption`, which each region has its own of.
 */
export function originEndpointArgs(
    channelGroupName: pulumi.Input<string>,
    channel: ChannelConfig,
    role: RegionRole,
    encryption?: awsnative.types.input.mediapackagev2.OriginEndpointEncryptionArgs,
): awsnative.mediapackagev2.OriginEndpointArgs {
    const seg = channel.segment;
    return {
        channelGroupName,
        channelName: channel.id,
        originEndpointName: PACKAGING.endpointName,
        description: `${channel.name} CMAF (HLS + DASH)`,
        containerType: "CMAF",
        startoverWindowSeconds: seg.startoverWindowSeconds,
        segment: {
            segmentDurationSeconds: seg.lengthSeconds,
            segmentName: "segment",
            includeIframeOnlyStreams: false,
            ...(channel.ads ? { scte: { scteFilter: [...AD_SCTE_FILTER] } } : {}),
            // SPEKE v2 (endpointEncryption): one scheme for both manifests, as they share these segments.
            ...(encryption ? { encryption } : {}),
        },
        hlsManifests: [
            {
                manifestName: PACKAGING.hlsManifest,
                childManifestName: PACKAGING.hlsManifest,
                manifestWindowSeconds: seg.manifestWindowSeconds,
                programDateTimeIntervalSeconds: seg.lengthSeconds,
                // MediaTailor reads EXT-X-DATERANGE SCTE35-OUT/IN markers (they need program date time).
                ...(channel.ads ? { scteHls: { adMarkerHls: "DATERANGE" as const } } : {}),
            },
        ],
        dashManifests: [
            {
                manifestName: PACKAGING.dashManifest,
                manifestWindowSeconds: seg.manifestWindowSeconds,
                minBufferTimeSeconds: seg.lengthSeconds * 2,
                minUpdatePeriodSeconds: seg.lengthSeconds,
                suggestedPresentationDelaySeconds: seg.lengthSeconds * 3,
                segmentTemplateFormat: "NUMBER_WITH_TIMELINE",
                // MediaTailor's MULTI_PERIOD DASH expects a new period at each avail.
                ...(channel.ads ? { scteDash: { adMarkerDash: "XML" as const }, periodTriggers: ["AVAILS" as const] } : {}),
            },
        ],
        ...(role === "primary" ? { forceEndpointErrorConfiguration: { endpointErrorConditions: [...FORCED_ERROR_CONDITIONS] } } : {}),
    };
}
