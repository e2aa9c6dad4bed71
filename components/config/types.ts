/**
 * The season configuration: everything a stack can set, as one typed tree under `onair:season`.
 * The validator (`validateSeason`, season.ts) turns raw YAML into these types with every default
 * applied, so components never see an optional that still needs a fallback. The keys, bounds and
 * defaults are declared once in schema/*.ts; the section readers check at compile time that each
 * table's parsed shape is the interface here (ADR 033).
 */
import type { QuotaSettings } from "./quotas";
import type { DrmConfig } from "./drm";
import type { ExtraInputConfig } from "./inputs";
import type { InputSwitchConfig } from "./inputSwitches";
import type { OperationsConfig } from "./operations";
import type { QoeConfig } from "./qoe";

export type { AudioPreset, CmafMethod, DrmConfig, DrmSystem, VideoPreset } from "./drm";
export type { ExtraInputConfig, InputFailoverConfig } from "./inputs";
export type { InputSwitchConfig } from "./inputSwitches";
export type { HoldConfig, OperationsConfig } from "./operations";
export type { QoeConfig } from "./qoe";

export const REGION_ROLES = ["primary", "secondary"] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

export interface RegionConfig {
    /** AWS region code, e.g. `us-east-1`. */
    region: string;
    /** Exactly one primary; forced endpoint errors (404 on bad input) live only there. */
    role: RegionRole;
    /** Two availability zones, one per MediaLive pipeline / MediaConnect flow. */
    availabilityZones: [string, string];
}

export const CONTRIBUTION_PROTOCOLS = ["srt-listener", "srt-caller", "rist", "rtp-fec"] as const;
export type ContributionProtocol = (typeof CONTRIBUTION_PROTOCOLS)[number];

/** Where the venue feed lands: a MediaConnect flow per pipeline (default) or a MediaLive input directly. */
export const CONTRIBUTION_VIA = ["mediaconnect", "medialive"] as const;
export type ContributionVia = (typeof CONTRIBUTION_VIA)[number];

export const SRT_ALGORITHMS = ["aes128", "aes192", "aes256"] as const;
export type SrtAlgorithm = (typeof SRT_ALGORITHMS)[number];

export const FAILOVER_MODES = ["failover", "merge"] as const;
export type FailoverMode = (typeof FAILOVER_MODES)[number];

/** An encoder listener that MediaConnect / MediaLive calls (srt-caller), one per pipeline. */
export interface CallerTarget {
    address: string;
    port: number;
    /** SRT stream id, if the venue encoder expects one. */
    streamId?: string;
}

/** One contribution network (an ISP at the venue). Two networks make a dual-ISP channel. */
export interface ContributionNetwork {
    name: string;
    /**
     * Listener protocols: the venue's public range on this ISP, the only addresses allowed to push.
     * MediaConnect takes one CIDR per source, so each network names exactly one.
     */
    allowedCidr?: string;
    /**
     * srt-caller only: the encoder listeners each region dials on this ISP, pipeline A then B. Each
     * flow needs a listener of its own (most encoders accept one caller per port), so no two flows of
     * the season, in any region, dial the same address and port.
     */
    callerTargets?: Record<string, [CallerTarget, CallerTarget]>;
}

export interface ContributionConfig {
    protocol: ContributionProtocol;
    via: ContributionVia;
    /** Ceiling for the flow, Mbps; at most 50 (what a MediaLive input ingests). */
    maxBitrateMbps: number;
    /** SRT latency (>= 3 x RTT) or RIST recovery latency, milliseconds; absent for rtp-fec (no such setting). */
    latencyMs?: number;
    /** Listener port on the flow / input for listener protocols (5000 on a MediaLive RTP_PUSH input); absent for srt-caller. */
    ingestPort?: number;
    networks: ContributionNetwork[];
    /** Required with two networks: how the two copies are combined. */
    failover?: { mode: FailoverMode; recoveryWindowMs: number };
    /**
     * SRT only: the secret config key holding the passphrase, and (direct MediaLive SRT_CALLER input
     * only) the sender's AES key length; a MediaConnect flow takes it from the SRT handshake.
     */
    srt?: { passphraseKey: string; algorithm?: SrtAlgorithm };
    /** Private ingest (Direct Connect): a VPC interface per flow. */
    vpcInterface?: { subnetIds: [string, string]; securityGroupIds: string[] };
}

export const LADDERS = ["uhd", "hd"] as const;
export type LadderName = (typeof LADDERS)[number];

export const FRAME_RATES = ["25", "29.97", "30", "50", "59.94", "60"] as const;
export type FrameRate = (typeof FRAME_RATES)[number];

export const AUDIO_LAYOUTS = ["stereo", "surround-5.1"] as const;
export type AudioLayout = (typeof AUDIO_LAYOUTS)[number];

export interface AudioTrack {
    /** ISO 639-2 code, e.g. `eng`, `spa`. */
    language: string;
    /** Transport-stream PID of this track in the contribution feed; without it the track is picked by language. */
    pid?: number;
    layout: AudioLayout;
    /** Label shown in players. */
    label: string;
}

export interface CaptionTrack {
    /** CEA-608 channel (1-4) carried in the source. */
    channel: number;
    language: string;
    label: string;
}

export interface SegmentConfig {
    /** CMAF segment duration in seconds; identical in every region by construction. */
    lengthSeconds: number;
    /** Live manifest window, seconds. */
    manifestWindowSeconds: number;
    /** Start-over (DVR) window kept by MediaPackage, seconds. */
    startoverWindowSeconds: number;
}

export interface EventWindow {
    name: string;
    /** ISO-8601 UTC instants. */
    start: string;
    end: string;
}

export interface ChannelConfig {
    /** Lowercase slug used in resource names and the viewer path `/<id>/...`. */
    id: string;
    /** Human name for dashboards and players. */
    name: string;
    ladder: LadderName;
    frameRate: FrameRate;
    audio: AudioTrack[];
    captions: CaptionTrack[];
    segment: SegmentConfig;
    contribution: ContributionConfig;
    /** Set only to run a SINGLE_PIPELINE channel on purpose; the policy pack still flags it. */
    singlePipeline?: { reason: string };
    /** Lets `pulumi up` stop, update and restart a RUNNING channel. Off by default: a live game must not restart. */
    allowLiveUpdate: boolean;
    /** Lets `pulumi up` / `destroy` stop a RUNNING channel to delete or replace it. Off by default. */
    allowLiveDelete: boolean;
    events: EventWindow[];
    /**
     * 29.97 / 59.94 fps only: the UTC hour of MediaLive's daily epoch-locking jam sync. Set in the
     * config, or chosen by the validator as the hour farthest from every event window.
     */
    jamSyncHourUtc?: number;
    /** Set from `onair:season.ads.channels`: server-side ad insertion (MediaTailor) for this channel. */
    ads: boolean;
    /** Premium rights (UHD, pay-per-view): DRM is required on every endpoint (validator and security pack). */
    premium: boolean;
    /** SPEKE v2 encryption of the channel's endpoints, identical in every region but the key provider URL. */
    drm?: DrmConfig;
    /** Inputs beside the venue contribution: a studio feed to switch to, or the venue's backup (automatic input failover). */
    extraInputs: ExtraInputConfig[];
    /** Switches between the channel's inputs at times relative to each event (MediaLive schedule actions). */
    inputSwitches: InputSwitchConfig[];
    /**
     * Pins the channel to a shard (its distribution and channel groups, docs/adr/026); left out, the
     * channel takes the first shard with room, in the order the season lists channels.
     */
    shard?: number;
}

export const PRICE_CLASSES = ["PriceClass_All", "PriceClass_200", "PriceClass_100"] as const;
export type PriceClass = (typeof PRICE_CLASSES)[number];

export const TLS_POLICIES = ["TLSv1.2_2021", "TLSv1.2_2019", "TLSv1.2_2018", "TLSv1.3_2025"] as const;
export type TlsPolicy = (typeof TLS_POLICIES)[number];

export const FAILOVER_5XX = [500, 502, 503, 504] as const;

/** A private ALB, NLB or EC2 origin reached through a CloudFront VPC origin. */
export interface VpcOriginConfig {
    id: string;
    /** ARN of the load balancer or instance. */
    arn: string;
    /** Its DNS name (load balancer DNS name or the instance's private DNS name). */
    domainName: string;
    /** Viewer paths served by it, e.g. `/api/stats/*`. */
    pathPattern: string;
    httpsPort: number;
}

/** A public (on-premises) HTTPS origin that only accepts requests carrying the secret header. */
export interface CustomOriginConfig {
    id: string;
    domainName: string;
    pathPattern: string;
    /** Header CloudFront adds; the origin rejects requests without it. */
    headerName: string;
    /** Name of the secret config key holding the header value. */
    secretKey: string;
}

/** The audience the delivery layer is sized for: WAF rate limits and the real-time log stream. */
export interface AudienceConfig {
    /** Concurrent viewers at the season's biggest game. */
    peakViewers: number;
    /** Viewers behind one public address at worst: carrier-grade NAT, a campus, a bar. */
    viewersPerIp: number;
}

export interface DeliveryConfig {
    /**
     * Viewer hostnames and their ACM certificate (us-east-1). The certificate must also cover
     * `*.<clientRouting.domain>` when embedded-POP routing is on. Absent: the cloudfront.net name.
     */
    domain?: { aliases: string[]; certificateArn: string };
    /** Embedded-POP client routing: playback URLs on `<29-char label>.<domain>` (wildcard alias). */
    clientRouting?: { domain: string };
    vpcOrigins: VpcOriginConfig[];
    customOrigins: CustomOriginConfig[];
    priceClass: PriceClass;
    /** Origin Shield on every region's origin, each in the Origin Shield region nearest to it. */
    originShield: boolean;
    audience: AudienceConfig;
    /** IAM roles of the entitlement backend: the only principals the vending Function URL's policy admits. */
    urlVending: { callerRoleArns: string[] };
    /** 5xx codes that also fail over to the other region (404 always does). */
    failoverStatusCodes: number[];
    minimumTlsVersion: TlsPolicy;
}

export interface TokenKey {
    /** Key id carried in the token header (`kid`); rotation adds a new id. */
    kid: string;
    /** Name of the secret config key holding the HS256 key. */
    secretKey: string;
}

export interface SecurityConfig {
    /** ISO-3166 alpha-2 countries allowed to play. */
    geoAllow: string[];
    /** When true the policy pack requires a geo restriction on the distribution. */
    requireGeoRestriction: boolean;
    /** keys[0] signs new tokens; every key verifies (rotation adds a key, then retires the old one). */
    tokens: { keys: TokenKey[]; ttlSeconds: number; maxTtlSeconds: number };
    /** IAM roles allowed to invoke the revocation hook (they can revoke, never sign). */
    revocation: { operatorRoleArns: string[] };
    waf: {
        /** Coarse limit per client address, requests per 5 minutes: sized for delivery.audience.viewersPerIp. */
        perIpRequestsPer5Min: number;
        /** Per viewer token (query, header or cookie transport), requests per 5 minutes. */
        perTokenRequestsPer5Min: number;
        /** Per tokenised playlist path (path transport) or ad-session manifest, reloads per 5 minutes. */
        perPlaylistRequestsPer5Min: number;
        blockAnonymousIps: boolean;
        blockHostingProviders: boolean;
        ipReputationList: boolean;
    };
}

export const LOG_LEVELS = ["ERROR", "WARNING", "INFO", "DEBUG", "DISABLED"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * provisioned: shards sized from the audience; on-demand: a new stream's starting capacity only
 * (4 MB/s, 4,000 records/s); on-demand-advantage: on-demand warmed to the audience (an account-level
 * mode, MinimumThroughputBillingCommitment).
 */
export const REALTIME_STREAM_MODES = ["provisioned", "on-demand", "on-demand-advantage"] as const;
export type RealtimeStreamMode = (typeof REALTIME_STREAM_MODES)[number];

export interface ObservabilityConfig {
    /** MediaLive channel log level sent to CloudWatch. */
    channelLogLevel: LogLevel;
    /** CloudFront standard access logs in S3: moved to an archive class, then deleted. */
    standardLogs: { archiveAfterDays: number; expireAfterDays: number };
    /**
     * Real-time logs (Kinesis, CMCD fields): the percentage of requests logged and how the stream is
     * provisioned; both sized from delivery.audience (components/observability/realtimeSizing.ts).
     */
    realtimeLogs: { samplingRate: number; streamMode: RealtimeStreamMode; maxShards: number };
    /** Largest scan one Athena query may make, in GB. */
    athenaScanLimitGb: number;
    alarms: {
        /** Addresses subscribed to every region's alarm topic. */
        emails: string[];
        /** Alarm when a pipeline's minimum MQCS (0-100) falls below this. */
        minMqcs: number;
        /** Alarm when CloudFront's 5xx error rate exceeds this percentage. */
        cloudFront5xxPercent: number;
        /** Alarm when CloudFront's p90 origin latency exceeds this, in milliseconds. */
        originLatencyP90Ms: number;
    };
}

/** When channels start and stop around their event windows. */
export interface ScheduleConfig {
    /** Start each MediaLive channel this long before the window (channel start, checks with the venue). */
    leadMinutes: number;
    /** Stop it this long after the window (overtime, post-game). */
    tailMinutes: number;
}

/**
 * Planning rates for the season cost estimate, per the team's own price list (not fetched from
 * AWS): encoding per pipeline-hour by ladder, contribution per flow-hour, packaging per ingested GB.
 */
export interface CostRates {
    currency: string;
    medialivePipelineHour: { uhd: number; hd: number };
    mediaconnectFlowHour: number;
    mediapackageIngestPerGb: number;
}

export const AD_SEGMENT_TOKEN_TRANSPORTS = ["header", "query"] as const;
export type AdSegmentTokenTransport = (typeof AD_SEGMENT_TOKEN_TRANSPORTS)[number];

/** Server-side ad insertion with MediaTailor, for the listed channels. */
export interface AdsConfig {
    /** VAST/VMAP endpoint; MediaTailor session variables such as [session.id] are allowed. */
    adDecisionServerUrl: string;
    channels: string[];
    /** Shown when the ad server fills no ad. */
    slateAdUrl?: string;
    /**
     * How ad-session players carry the viewer token on requests whose URLs MediaTailor writes
     * (ADR 015): "header" (Authorization: Bearer, every CTV/native SDK can set it) or
     * "query" (?token=, only when MediaTailor's account-level setting passes manifest.* parameters to
     * CDN segment URLs).
     */
    segmentTokens: AdSegmentTokenTransport;
    /**
     * Optional: web players that cannot set headers (native HLS in Safari) also get an onair_token
     * cookie for this parent domain of the playback host (e.g. example.com for live.example.com).
     */
    cookieDomain?: string;
    /** Web pages that play ad channels (https://host): CORS on the ad behaviours names them. */
    playerOrigins: string[];
    /** Bump to mint MediaTailor's origin tokens with a fresh jti (after revoking one) on the next update. */
    originTokenGeneration: number;
    prefetch: {
        /** Spread ad-server requests for one break over this many seconds before it. */
        retrievalWindowSeconds: number;
        /** Start fetching the next break's ads this long after a break ends. */
        delayAfterAvailEndSeconds: number;
        /** Prefetched ads are kept this long. */
        adExpirationSeconds: number;
    };
}

export interface SeasonConfig {
    /** Season slug, e.g. `rsn-2026-27`; prefixes resource names. */
    name: string;
    regions: RegionConfig[];
    channels: ChannelConfig[];
    delivery: DeliveryConfig;
    security: SecurityConfig;
    observability: ObservabilityConfig;
    schedule: ScheduleConfig;
    costRates?: CostRates;
    ads?: AdsConfig;
    /** Game-day operations: the overtime hold on scheduled stops. */
    operations: OperationsConfig;
    /** Real-time quality of experience: log consumer sizing and viewer-side alarm thresholds. */
    qoe: QoeConfig;
    /** The account's raised service quotas and who else shares it (plan and layout use them). */
    quotas: QuotaSettings;
    /** Extra tags on every resource (provider default tags). */
    tags: Record<string, string>;
}
