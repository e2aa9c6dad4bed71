/**
 * The accepted values and bounds of keys whose readers' modules also use them (drm.ts, inputs.ts,
 * regions.ts). They live in this leaf module so the schema (schema/*.ts) and those readers can both
 * import them without a cycle; the readers' modules re-export them.
 */

export const DRM_SYSTEMS = ["widevine", "playready", "fairplay", "irdeto", "clear-key-aes-128"] as const;
export type DrmSystem = (typeof DRM_SYSTEMS)[number];

/** CMAF encryption schemes (ISO/IEC 23001-7): cbcs (AES-CBC pattern) and cenc (AES-CTR). */
export const CMAF_METHODS = ["cbcs", "cenc"] as const;
export type CmafMethod = (typeof CMAF_METHODS)[number];

/** SPEKE v2 encryption contract presets (AWS::MediaPackageV2::OriginEndpoint EncryptionContractConfiguration). */
export const VIDEO_PRESETS = [
    "PRESET_VIDEO_1",
    "PRESET_VIDEO_2",
    "PRESET_VIDEO_3",
    "PRESET_VIDEO_4",
    "PRESET_VIDEO_5",
    "PRESET_VIDEO_6",
    "PRESET_VIDEO_7",
    "PRESET_VIDEO_8",
    "SHARED",
    "UNENCRYPTED",
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

/**
 * Regions where MediaConnect, MediaLive and MediaPackage v2 all run: a chain needs the three side by
 * side. Extend the list when AWS adds a region to all three services.
 */
export const MEDIA_REGIONS = [
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "ca-central-1",
    "sa-east-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-central-1",
    "eu-north-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
] as const;

/**
 * The country CloudFront geolocates a region's AWS addresses to: services that read through the
 * distribution from a region (MediaTailor) must not be geo-blocked.
 */
export const REGION_COUNTRY: Record<(typeof MEDIA_REGIONS)[number], string> = {
    "us-east-1": "US",
    "us-east-2": "US",
    "us-west-1": "US",
    "us-west-2": "US",
    "ca-central-1": "CA",
    "sa-east-1": "BR",
    "eu-west-1": "IE",
    "eu-west-2": "GB",
    "eu-west-3": "FR",
    "eu-central-1": "DE",
    "eu-north-1": "SE",
    "ap-northeast-1": "JP",
    "ap-northeast-2": "KR",
    "ap-south-1": "IN",
    "ap-southeast-1": "SG",
    "ap-southeast-2": "AU",
};

/** Seamless cross-region failover needs at least two regions; more than three adds cost, not safety. */
export const REGION_COUNT = { min: 2, max: 3 } as const;
