/**
 * ARNs (and ARN patterns) of resources the program names itself, in the formats of the Service
 * Authorization Reference ("Resource types defined by ..." of each service). IAM documents built
 * from these are known during a first preview, when the resources' own `arn` outputs are not, so
 * the policy packs can judge every role before anything is created. Where the service appends an
 * id it chooses (a flow id, a secret's six random characters, a MediaLive channel number), the
 * pattern keeps the part the program chooses and wildcards only the rest.
 */

/** `arn:${Partition}:mediapackagev2:${Region}:${Account}:channelGroup/${ChannelGroupName}/channel/${ChannelName}` */
export function mediaPackageChannelArn(region: string, account: string, group: string, channel: string): string {
    return `arn:aws:mediapackagev2:${region}:${account}:channelGroup/${group}/channel/${channel}`;
}

/** `arn:${Partition}:mediaconnect:${Region}:${Account}:flow:${FlowId}:${FlowName}`; MediaConnect picks the id. */
export function mediaConnectFlowArnPattern(region: string, account: string, flowName: string): string {
    return `arn:aws:mediaconnect:${region}:${account}:flow:*:${flowName}`;
}

/**
 * `arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}`, where the id is the
 * secret's name plus a hyphen and six random characters; the program gives its secrets a name prefix.
 */
export function secretArnPattern(region: string, account: string, namePrefix: string): string {
    return `arn:aws:secretsmanager:${region}:${account}:secret:${namePrefix}*`;
}

/** `arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}` */
export function kinesisStreamArn(region: string, account: string, name: string): string {
    return `arn:aws:kinesis:${region}:${account}:stream/${name}`;
}

/** `arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}` */
export function stateMachineArn(region: string, account: string, name: string): string {
    return `arn:aws:states:${region}:${account}:stateMachine:${name}`;
}

/** `arn:${Partition}:medialive:${Region}:${Account}:channel:${ChannelId}`; MediaLive numbers its channels. */
export function mediaLiveChannelArnPattern(region: string, account: string): string {
    return `arn:aws:medialive:${region}:${account}:channel:*`;
}

/** `arn:${Partition}:s3:::${BucketName}` for buckets named from a prefix. */
export function s3BucketArnPattern(bucketPrefix: string): string {
    return `arn:aws:s3:::${bucketPrefix}*`;
}

/** `arn:${Partition}:sns:${Region}:${Account}:${TopicName}` */
export function snsTopicArn(region: string, account: string, name: string): string {
    return `arn:aws:sns:${region}:${account}:${name}`;
}

/** `arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}` */
export function cloudWatchAlarmArn(region: string, account: string, name: string): string {
    return `arn:aws:cloudwatch:${region}:${account}:alarm:${name}`;
}
