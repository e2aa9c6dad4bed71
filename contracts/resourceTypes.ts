/**
 * Resource type tokens the packs judge, and the program registers (its dynamic MediaLive resources
 * take their tokens from here), so a rule never matches a type the program no longer uses.
 */
export const T = {
    /** The OnAir MediaLive channel: a dynamic resource over the MediaLive API (CreateChannelRequest shape). */
    onairMediaLiveChannel: "pulumi-nodejs:dynamic/medialive:Channel",
    onairMediaLiveInput: "pulumi-nodejs:dynamic/medialive:Input",
    mediaLiveChannel: "aws:medialive/channel:Channel",
    mediaLiveInput: "aws:medialive/input:Input",
    mediaLiveInputSecurityGroup: "aws:medialive/inputSecurityGroup:InputSecurityGroup",
    mediaConnectFlow: "aws-native:mediaconnect:Flow",
    mediaConnectFlowSource: "aws-native:mediaconnect:FlowSource",
    mediaConnectFlowOutput: "aws-native:mediaconnect:FlowOutput",
    mediaPackageChannelGroup: "aws-native:mediapackagev2:ChannelGroup",
    mediaPackageChannel: "aws-native:mediapackagev2:Channel",
    mediaPackageOriginEndpoint: "aws-native:mediapackagev2:OriginEndpoint",
    mediaPackageOriginEndpointPolicy: "aws-native:mediapackagev2:OriginEndpointPolicy",
    cloudFrontDistributionNative: "aws-native:cloudfront:Distribution",
    cloudFrontDistributionClassic: "aws:cloudfront/distribution:Distribution",
    cloudFrontOacNative: "aws-native:cloudfront:OriginAccessControl",
    cloudFrontOacClassic: "aws:cloudfront/originAccessControl:OriginAccessControl",
    /** CloudWatch Logs vended-log delivery: how CloudFront standard logging (v2) is configured. */
    logDeliverySourceClassic: "aws:cloudwatch/logDeliverySource:LogDeliverySource",
    logDeliveryClassic: "aws:cloudwatch/logDelivery:LogDelivery",
    logDeliverySourceNative: "aws-native:logs:DeliverySource",
    logDeliveryNative: "aws-native:logs:Delivery",
} as const;

export const MEDIALIVE_CHANNEL_TYPES: readonly string[] = [T.onairMediaLiveChannel, T.mediaLiveChannel];
export const CLOUDFRONT_DISTRIBUTION_TYPES: readonly string[] = [T.cloudFrontDistributionNative, T.cloudFrontDistributionClassic];
export const CLOUDFRONT_OAC_TYPES: readonly string[] = [T.cloudFrontOacNative, T.cloudFrontOacClassic];
