/**
 * The accepted values of enumerated keys that their readers' modules also use (drm.ts, inputs.ts).
 * They live in this leaf module so the schema (schema/*.ts) and those readers can both import them
 * without a cycle; drm.ts and inputs.ts re-export them.
 */

export const DRM_SYSTEMS = ["widevine", "playready", "fairplay", "irdeto", "clear-key-aes-128"] as const;
export type DrmSystem = (typeof DRM_SYSTEMS)[number];

/** CMAF encryption schemes (ISO/IEC 23001-7): cbcs (AES-CBC pattern) and cenc (AES-CTR). */
export const CMAF_METHODS = ["cbcs", "cenc"] as const;
export type CmafMethod = (typeof CMAF_METHODS)[number];

/** SPEKE v2 encryption contract presets (AWS::MediaPackageV2::OriginEndpoint EncryptionContractConfiguration). */
export const VIDEO_PRESETS = [
    "PRESET_VIDEO_1", "PRESET_VIDEO_2", "PRESET_VIDEO_3", "PRESET_VIDEO_4",
    "PRESET_VIDEO_5", "PRESET_VIDEO_6", "PRESET_VIDEO_7", "PRESET_VIDEO_8", "SHARED", "UNENCRYPTED",
] as const;
export type VideoPreset = (typeof VIDEO_PRESETS)[number];
export const AUDIO_PRESETS = ["PRESET_AUDIO_1", "PRESET_AUDIO_2", "PRESET_AUDIO_3", "SHARED", "UNENCRYPTED"] as const;
export type AudioPreset = (typeof AUDIO_PRESETS)[number];

/**
 * KeyRotationIntervalSeconds: 300 to 31,536,000 (CloudFormation schema of the origin endpoint); 0
 * here means the keys never rotate (the property is left out). The default of one hour is ADR'd.
 */
export const KEY_ROTATION = { min: 300, max: 31_536_000, default: 3600 } as const;

export const EXTRA_INPUT_ROLES = ["studio", "backup"] as const;
export type ExtraInputRole = (typeof EXTRA_INPUT_ROLES)[number];

/** rtp-push: an RTP_PUSH input OnAir creates; mediaconnect: a MEDIACONNECT input on flows you run. */
export const EXTRA_INPUT_TYPES = ["rtp-push", "mediaconnect"] as const;
export type ExtraInputType = (typeof EXTRA_INPUT_TYPES)[number];

export const FAILOVER_PREFERENCES = ["primary", "equal"] as const;
export type FailoverPreference = (typeof FAILOVER_PREFERENCES)[number];

/** Up to 20 inputs per channel in all (User Guide, "AWS Elemental MediaLive feature rules and limits"). */
export const MAX_INPUTS = 20;
