import { createHash } from "crypto";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { ChannelConfig, DrmConfig, DrmSystem } from "../../config/types";

/** SpekeKeyProvider.DrmSystems values (AWS::MediaPackageV2::OriginEndpoint DrmSystem). */
export const DRM_SYSTEM_API: Record<DrmSystem, awsnative.types.enums.mediapackagev2.OriginEndpointDrmSystem> = {
    widevine: "WIDEVINE",
    playready: "PLAYREADY",
    fairplay: "FAIRPLAY",
    irdeto: "IRDETO",
    "clear-key-aes-128": "CLEAR_KEY_AES_128",
};

/**
 * The constant IV of a cbcs endpoint, the same in every region. In cbcs the IV is carried once in
 * the init segment's track encryption box, not per sample, so an init segment from one region must
 * fit the media segments of the other; left unset, "MediaPackage creates the constant
 * initialization vector" (Encryption.ConstantInitializationVector) per endpoint. An IV is public (it
 * sits in the clear in every init segment), so deriving it from the content id gives nothing away.
 */
export function constantIv(resourceId: string): string {
    return createHash("sha256").update(`onair-cbcs-iv|${resourceId}`).digest("hex").slice(0, 32).toUpperCase();
}

/**
 * Segment encryption of one region's endpoint. Only `url` and `roleArn` are regional; the content
 * id, systems, contract presets, rotation, scheme and IV come from the one channel definition, so
 * both regions request the same keys for each key period and a player's licence decrypts segments
 * from either origin.
 */
export function endpointEncryption(
    drm: DrmConfig,
    url: string,
    roleArn: pulumi.Input<string>,
): awsnative.types.input.mediapackagev2.OriginEndpointEncryptionArgs {
    return {
        encryptionMethod: { cmafEncryptionMethod: drm.method === "cbcs" ? "CBCS" : "CENC" },
        // In cenc every sample's IV travels in its own segment; only cbcs needs one fixed IV.
        ...(drm.method === "cbcs" ? { constantInitializationVector: constantIv(drm.resourceId) } : {}),
        ...(drm.keyRotationSeconds > 0 ? { keyRotationIntervalSeconds: drm.keyRotationSeconds } : {}),
        spekeKeyProvider: {
            resourceId: drm.resourceId,
            drmSystems: drm.systems.map((s) => DRM_SYSTEM_API[s]),
            encryptionContractConfiguration: { presetSpeke20Video: drm.presets.video, presetSpeke20Audio: drm.presets.audio },
            url,
            roleArn,
        },
    };
}

/** What a player needs to know about a channel's protection: the playback output. */
export interface PlaybackDrm {
    /** Systems whose licences play the HLS manifest. */
    hls: DrmSystem[];
    /** Systems whose licences play the DASH manifest (FairPlay Streaming is an HLS technology). */
    dash: DrmSystem[];
    method: DrmConfig["method"];
    keyRotationSeconds: number;
}

export function playbackDrm(ch: ChannelConfig): PlaybackDrm | null {
    if (!ch.drm) return null;
    return {
        hls: [...ch.drm.systems],
        dash: ch.drm.systems.filter((s) => s !== "fairplay"),
        method: ch.drm.method,
        keyRotationSeconds: ch.drm.keyRotationSeconds,
    };
}
