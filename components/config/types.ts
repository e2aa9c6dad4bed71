/**
 * The season configuration: everything a stack can set, as one typed tree under `onair:season`.
 * The validator (`validate.ts`) turns raw YAML into these types with every default applied, so
 * components never see an optional that still needs a fallback.
 */

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
    /** srt-caller only: the encoder listeners for pipeline A and pipeline B on this ISP. */
    callerTargets?: [CallerTarget, CallerTarget];
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
    /** Origin Shield in the primary region. */
    originShield: boolean;
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
    waf: {
        /** Requests per 5 minutes per client IP before blocking. */
        rateLimitPer5Min: number;
        blockAnonymousIps: boolean;
        blockHostingProviders: boolean;
        ipReputationList: boolean;
    };
}

export const LOG_LEVELS = ["ERROR", "WARNING", "INFO", "DEBUG", "DISABLED"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ObservabilityConfig {
    /** MediaLive channel log level sent to CloudWatch. */
    channelLogLevel: LogLevel;
    /** CloudFront standard access logs in S3: moved to an archive class, then deleted. */
    standardLogs: { archiveAfterDays: number; expireAfterDays: number };
    /** Real-time logs (Kinesis, CMCD fields): percentage of requests logged. */
    realtimeLogs: { samplingRate: number };
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

/** Server-side ad insertion with MediaTailor, for the listed channels. */
export interface AdsConfig {
    /** VAST/VMAP endpoint; MediaTailor session variables such as [session.id] are allowed. */
    adDecisionServerUrl: string;
    channels: string[];
    /** Shown when the ad server fills no ad. */
    slateAdUrl?: string;
    /**
     * Ad players fetch the personalised manifests with the viewer's token in a cookie set for this
     * parent domain of the playback host (e.g. example.com for live.example.com).
     */
    cookieDomain: string;
    /**
     * Web pages that play ad channels (https://host, under cookieDomain): the ad behaviours answer
     * their credentialed requests (the cookie) with CORS headers naming them.
     */
    playerOrigins: string[];
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
    /** Extra tags on every resource (provider default tags). */
    tags: Record<string, string>;
}
