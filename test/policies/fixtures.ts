import { validateSeason } from "../../components/config/season";
import { ChannelConfig } from "../../components/config/types";
import { flowArgs } from "../../components/media/contribution/flows";
import { channelRequest } from "../../components/media/encoding/channelRequest";
import { FixtureResource } from "../helpers/policyRunner";
import { T } from "../../policies/lib/types";
import { baselineSeason, secretLookup } from "../helpers/season";

/** Deep copy, so each test changes one field of a fresh baseline. */
export function clone<X>(x: X): X {
    return JSON.parse(JSON.stringify(x)) as X;
}

export function channelConfig(index = 0): ChannelConfig {
    return validateSeason(baselineSeason(), secretLookup()).channels[index]!;
}

/** The OnAir MediaLive channel exactly as the program builds it: the compliant baseline. */
export function onairChannel(): FixtureResource {
    const request = channelRequest(channelConfig(), {
        name: "test-season-main-uhd",
        roleArn: "arn:aws:iam::123456789012:role/medialive",
        inputId: "1234567",
        ingestUrls: ["https://a-1.ingest.b.mediapackagev2.us-east-1.amazonaws.com/in/v1/g/1/c/index", "https://a-2.ingest.b.mediapackagev2.us-east-1.amazonaws.com/in/v1/g/2/c/index"],
        logLevel: "ERROR",
        tags: {},
    });
    return { type: T.onairMediaLiveChannel, name: "use1-main-uhd-medialive", props: { region: "us-east-1", allowLiveUpdate: false, request: clone(request) } };
}

/** A compliant `aws.medialive.Channel` (Pulumi shape): HLS with PAUSE_OUTPUT, UDP with 2022-1 FEC. */
export function classicChannel(): FixtureResource {
    return {
        type: T.mediaLiveChannel,
        name: "classic-channel",
        props: {
            name: "classic",
            channelClass: "STANDARD",
            roleArn: "arn:aws:iam::123456789012:role/medialive",
            inputSpecification: { codec: "AVC", inputResolution: "HD", maximumBitrate: "MAX_20_MBPS" },
            inputAttachments: [{ inputAttachmentName: "in", inputId: "1" }],
            destinations: [{ id: "hls" }, { id: "udp" }],
            encoderSettings: {
                timecodeConfig: { source: "EMBEDDED", syncThreshold: 1 },
                globalConfiguration: { outputLockingMode: "PIPELINE_LOCKING" },
                audioDescriptions: [{ name: "a", audioSelectorName: "a" }],
                videoDescriptions: [{ name: "v" }],
                outputGroups: [
                    {
                        name: "hls-origin",
                        outputGroupSettings: { hlsGroupSettings: { destination: { destinationRefId: "hls" }, inputLossAction: "PAUSE_OUTPUT", programDateTime: "INCLUDE" } },
                        outputs: [{ outputName: "hls-1080p", videoDescriptionName: "v", outputSettings: { hlsOutputSettings: {} } }],
                    },
                    {
                        name: "udp-distribution",
                        outputGroupSettings: { udpGroupSettings: {} },
                        outputs: [{ outputName: "udp-1", outputSettings: { udpOutputSettings: { destination: { destinationRefId: "udp" }, fecOutputSettings: { includeFec: "COLUMN_AND_ROW", columnDepth: 5, rowLength: 20 } } } }],
                    },
                ],
            },
        },
    };
}

export function mediaConnectFlow(protocol: "rtp-fec" | "srt-listener" = "rtp-fec"): FixtureResource {
    const raw = baselineSeason();
    raw.channels[1].contribution = protocol === "rtp-fec"
        ? { protocol: "rtp-fec", networks: [{ name: "venue", allowedCidr: "192.0.2.0/28" }] }
        : raw.channels[0].contribution;
    const ch = validateSeason(raw, secretLookup()).channels[1]!;
    return { type: T.mediaConnectFlow, name: "use1-flow-a", props: clone(flowArgs(ch, "flow-a", "us-east-1a", 0, { secretArn: "arn:s", secretRoleArn: "arn:r" })) as unknown as Record<string, unknown> };
}

const MP_PRIMARY = "abc123.egress.def456.mediapackagev2.us-east-1.amazonaws.com";
const MP_SECONDARY = "ghi789.egress.jkl012.mediapackagev2.us-west-2.amazonaws.com";

/** A compliant aws-native distribution: two MediaPackage v2 origins with OAC in a media-quality group. */
export function nativeDistribution(): FixtureResource {
    return {
        type: T.cloudFrontDistributionNative,
        name: "delivery-distribution",
        props: {
            distributionConfig: {
                enabled: true,
                origins: [
                    { id: "football-us-east-1", domainName: MP_PRIMARY, originAccessControlId: "E2OAC", customOriginConfig: { originProtocolPolicy: "https-only" } },
                    { id: "football-us-west-2", domainName: MP_SECONDARY, originAccessControlId: "E2OAC", customOriginConfig: { originProtocolPolicy: "https-only" } },
                ],
                originGroups: {
                    quantity: 1,
                    items: [{
                        id: "football",
                        selectionCriteria: "media-quality-based",
                        failoverCriteria: { statusCodes: { quantity: 2, items: [404, 503] } },
                        members: { quantity: 2, items: [{ originId: "football-us-east-1" }, { originId: "football-us-west-2" }] },
                    }],
                },
                defaultCacheBehavior: { targetOriginId: "football", viewerProtocolPolicy: "https-only" },
                webAclId: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/onair/1",
                restrictions: { geoRestriction: { restrictionType: "whitelist", locations: ["US"] } },
                viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x", minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" },
            },
        },
    };
}

/** A compliant `aws.cloudfront.Distribution` (Pulumi shape) with an S3 origin behind OAC. */
export function classicDistribution(): FixtureResource {
    return {
        type: T.cloudFrontDistributionClassic,
        name: "classic-distribution",
        props: {
            enabled: true,
            origins: [{ originId: "assets", domainName: "onair-assets.s3.us-east-1.amazonaws.com", originAccessControlId: "E3OAC", s3OriginConfig: { originAccessIdentity: "" } }],
            defaultCacheBehavior: { targetOriginId: "assets", viewerProtocolPolicy: "redirect-to-https" },
            restrictions: { geoRestriction: { restrictionType: "whitelist", locations: ["US"] } },
            viewerCertificate: { cloudfrontDefaultCertificate: true },
        },
    };
}

/** Any unrelated resource: every policy must call itself not applicable. */
export function unrelated(): FixtureResource {
    return { type: "aws:s3/bucket:Bucket", name: "logs", props: { bucket: "logs" } };
}

/**
 * A premium channel's MediaPackage v2 channel and its DRM endpoint (SPEKE v2, cbcs) in one region.
 * `roleArn` is the key-provider role's ARN: an unknown value for a role not created yet.
 */
export function premiumDrm(region: string, roleArn: unknown, keyRotationIntervalSeconds = 300): FixtureResource[] {
    const names = { channelGroupName: "ppv", channelName: "fight" };
    return [
        { type: T.mediaPackageChannel, name: `mp-${region}`, props: { region, ...names, tags: [{ key: "onair:premium", value: "true" }] } },
        {
            type: T.mediaPackageOriginEndpoint,
            name: `ep-${region}`,
            props: {
                region, ...names, originEndpointName: "cmaf", containerType: "CMAF",
                segment: {
                    segmentDurationSeconds: 2,
                    encryption: {
                        encryptionMethod: { cmafEncryptionMethod: "CBCS" },
                        constantInitializationVector: "0123456789ABCDEF0123456789ABCDEF",
                        keyRotationIntervalSeconds,
                        spekeKeyProvider: {
                            resourceId: "ppv-fight",
                            drmSystems: ["FAIRPLAY", "WIDEVINE"],
                            encryptionContractConfiguration: { presetSpeke20Video: "PRESET_VIDEO_1", presetSpeke20Audio: "PRESET_AUDIO_1" },
                            url: `https://abc123.execute-api.${region}.amazonaws.com/prod/copyProtection`,
                            roleArn,
                        },
                    },
                },
            },
        },
    ];
}
