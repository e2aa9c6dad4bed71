/**
 * Force-new properties of the `aws:*` (classic, Terraform-bridged) types OnAir changes most, in the
 * program's (Pulumi) property names. @pulumi/aws 7.48's .d.ts files carry no "forces a new
 * resource" note for any of OnAir's types, and the ForceNew flags live in the provider plugin's
 * embedded Terraform schema (not in the npm package), so the table is read from the upstream
 * schema source, hashicorp/terraform-provider-aws (v6, the upstream of @pulumi/aws 7.x), one file
 * per type as cited. test/plan/impact/replacement.test.ts checks every name against
 * @pulumi/aws's installed `<Type>Args` interface, so a renamed property fails a test.
 *
 * The stored upstream file is not always the exact version @pulumi/aws 7.48 bridges: an `Args`
 * property the cited file does not have, or one that replaces only under a condition (a
 * CustomizeDiff ForceNewIf), is listed under `mayReplace` with the reason, so its change is
 * "may replace" rather than a guessed "update".
 *
 * Every region-aware type also replaces on `region`: "Changing the value of `region` will force
 * resource replacement" (terraform-provider-aws website/docs/guides/enhanced-region-support,
 * "How region works").
 *
 * A type not listed here is not judged: a change to it is "unknown: may replace".
 */
export interface ForceNewEntry {
    /** Top-level properties whose change replaces the resource. */
    properties: string[];
    /** Where the flags were read. */
    source: string;
    /** Global types (IAM, CloudFront) have no `region`. */
    global?: boolean;
    /** Properties whose change may replace the resource, with why the table cannot decide. */
    mayReplace?: Readonly<Record<string, string>>;
}

const NOT_IN_SOURCE = "not in the cited upstream file (newer than the version read): unknown";

const TF = "hashicorp/terraform-provider-aws internal/service/";

export const AWS_FORCE_NEW: Readonly<Record<string, ForceNewEntry>> = {
    // "type": ForceNew; name, sources, destinations, mediaConnectFlows, inputSecurityGroups update in place (UpdateInput).
    "aws:medialive/input:Input": { properties: ["type"], source: `${TF}medialive/input.go` },
    // whitelist_rules update in place (UpdateInputSecurityGroup); nothing is ForceNew.
    "aws:medialive/inputSecurityGroup:InputSecurityGroup": { properties: [], source: `${TF}medialive/input_security_group.go` },
    // name, name_prefix, path: ForceNew; the policies, description and session duration update in place.
    "aws:iam/role:Role": { properties: ["name", "namePrefix", "path"], source: `${TF}iam/role.go`, global: true },
    // alarm_name (Pulumi `name`): ForceNew; everything else is one PutMetricAlarm.
    "aws:cloudwatch/metricAlarm:MetricAlarm": { properties: ["name"], source: `${TF}cloudwatch/metric_alarm.go` },
    // name, name_prefix, group_name: ForceNew; the expression, target and window update in place.
    "aws:scheduler/schedule:Schedule": { properties: ["name", "namePrefix", "groupName"], source: `${TF}scheduler/schedule.go` },
    // dashboard_name: ForceNew; the body is one PutDashboard.
    "aws:cloudwatch/dashboard:Dashboard": { properties: ["dashboardName"], source: `${TF}cloudwatch/dashboard.go` },
    // name, name_prefix, event_bus_name: ForceNew; the pattern is one PutRule.
    "aws:cloudwatch/eventRule:EventRule": { properties: ["name", "namePrefix", "eventBusName"], source: `${TF}events/rule.go` },
    // function_name (Pulumi `name`), package_type, tenancy_config: ForceNew; code, environment and role update in place.
    "aws:lambda/function:Function": { properties: ["name", "packageType", "tenancyConfig"], source: `${TF}lambda/function.go` },
    // name: ForceNew; shard_count (UpdateShardCount), retention, encryption, stream mode and shard metrics update in place.
    "aws:kinesis/stream:Stream": { properties: ["name"], source: `${TF}kinesis/stream.go`, mayReplace: { warmThroughputMibPs: NOT_IN_SOURCE } },
    // key, key_value_store_arn: RequiresReplace (Plugin Framework); value is one PutKey. CloudFront is global (no region).
    "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey": {
        properties: ["key", "keyValueStoreArn"],
        source: `${TF}cloudfrontkeyvaluestore/key.go`,
        global: true,
    },
    // name, name_prefix: ForceNew; description, kms_key_id (UpdateSecret), policy and replicas update in place.
    "aws:secretsmanager/secret:Secret": {
        properties: ["name", "namePrefix"],
        source: `${TF}secretsmanager/secret.go`,
        // @pulumi/aws 7.48 SecretArgs.type: "This attribute cannot be changed after creation."
        mayReplace: { type: `${NOT_IN_SOURCE}; @pulumi/aws documents it as unchangeable after creation` },
    },
    // secret_id, secret_binary, secret_string, secret_string_wo_version: ForceNew (a new value is a new version); version_stages update in place.
    "aws:secretsmanager/secretVersion:SecretVersion": {
        properties: ["secretId", "secretBinary", "secretString", "secretStringWoVersion"],
        source: `${TF}secretsmanager/secret_version.go`,
    },
    // name, data_type: ForceNew; value, type, description, key_id are one PutParameter (Overwrite); tier replaces only Advanced -> Standard.
    "aws:ssm/parameter:Parameter": {
        properties: ["name", "dataType"],
        source: `${TF}ssm/parameter.go`,
        mayReplace: { tier: "CustomizeDiff ForceNewIfChange replaces on Advanced -> Standard only (a downgrade AWS refuses)" },
    },
    // name, name_prefix, type: ForceNew; definition, role_arn, logging, tracing, encryption are one UpdateStateMachine.
    "aws:sfn/stateMachine:StateMachine": { properties: ["name", "namePrefix", "type"], source: `${TF}sfn/state_machine.go` },
    // name, name_prefix, fifo_topic: ForceNew; every other attribute is a SetTopicAttributes.
    "aws:sns/topic:Topic": { properties: ["name", "namePrefix", "fifoTopic"], source: `${TF}sns/topic.go` },
    // name, name_prefix, log_group_class: ForceNew; retention (PutRetentionPolicy) and kms_key_id (AssociateKmsKey) update in place.
    "aws:cloudwatch/logGroup:LogGroup": {
        properties: ["name", "namePrefix", "logGroupClass"],
        source: `${TF}logs/group.go`,
        mayReplace: { deletionProtectionEnabled: NOT_IN_SOURCE },
    },
    // No Update at all: every argument is ForceNew (function_name is Pulumi `function`); a change is RemovePermission + AddPermission.
    "aws:lambda/permission:Permission": {
        properties: [
            "action",
            "eventSourceToken",
            "function",
            "functionUrlAuthType",
            "invokedViaFunctionUrl",
            "principal",
            "principalOrgId",
            "qualifier",
            "sourceAccount",
            "sourceArn",
            "statementId",
            "statementIdPrefix",
        ],
        source: `${TF}lambda/permission.go`,
    },
    // function_name, qualifier: ForceNew; authorization_type and cors are one UpdateFunctionUrlConfig.
    "aws:lambda/functionUrl:FunctionUrl": {
        properties: ["functionName", "qualifier"],
        source: `${TF}lambda/function_url.go`,
        mayReplace: { invokeMode: NOT_IN_SOURCE },
    },
    // The event source, its Kafka/MQ settings and starting position: ForceNew; batching, retries, filters, scaling update in place.
    "aws:lambda/eventSourceMapping:EventSourceMapping": {
        properties: [
            "amazonManagedKafkaEventSourceConfig",
            "eventSourceArn",
            "queues",
            "selfManagedEventSource",
            "selfManagedKafkaEventSourceConfig",
            "startingPosition",
            "startingPositionTimestamp",
            "topics",
        ],
        source: `${TF}lambda/event_source_mapping.go`,
        mayReplace: { metricsConfig: NOT_IN_SOURCE, provisionedPollerConfig: NOT_IN_SOURCE, useResourceTimeoutForPropagation: NOT_IN_SOURCE },
    },
    // rule, target_id, event_bus_name: ForceNew; the target's arn, input and settings are one PutTargets.
    "aws:cloudwatch/eventTarget:EventTarget": {
        properties: ["eventBusName", "rule", "targetId"],
        source: `${TF}events/target.go`,
        mayReplace: { appsyncTarget: NOT_IN_SOURCE },
    },
    // name, name_prefix: ForceNew; the update is tags only.
    "aws:scheduler/scheduleGroup:ScheduleGroup": { properties: ["name", "namePrefix"], source: `${TF}scheduler/schedule_group.go` },
    // name, name_prefix, role: ForceNew; the policy document is one PutRolePolicy.
    "aws:iam/rolePolicy:RolePolicy": { properties: ["name", "namePrefix", "role"], source: `${TF}iam/role_policy.go`, global: true },
    // name, name_prefix, path, description: ForceNew; the document is a new default policy version (CreatePolicyVersion).
    "aws:iam/policy:Policy": {
        properties: ["description", "name", "namePrefix", "path"],
        source: `${TF}iam/policy.go`,
        global: true,
        mayReplace: { delayAfterPolicyCreationInMs: NOT_IN_SOURCE },
    },
    // role_name: RequiresReplace (Plugin Framework); policy_names are synced in place (PutRolePolicy / DeleteRolePolicy).
    "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive": { properties: ["roleName"], source: `${TF}iam/role_policies_exclusive.go`, global: true },
    // arn (the topic): ForceNew; the policy is one SetTopicAttributes.
    "aws:sns/topicPolicy:TopicPolicy": { properties: ["arn"], source: `${TF}sns/topic_policy.go` },
    // topic_arn (Pulumi `topic`), protocol, endpoint: ForceNew; filter, delivery, redrive policies are SetSubscriptionAttributes.
    "aws:sns/topicSubscription:TopicSubscription": { properties: ["endpoint", "protocol", "topic"], source: `${TF}sns/topic_subscription.go` },
    // distribution_id: ForceNew; the subscription status is a CreateMonitoringSubscription again. CloudFront is global.
    "aws:cloudfront/monitoringSubscription:MonitoringSubscription": {
        properties: ["distributionId"],
        source: `${TF}cloudfront/monitoring_subscription.go`,
        global: true,
    },
    // bucket: ForceNew; the four flags are one PutPublicAccessBlock.
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { properties: ["bucket"], source: `${TF}s3/bucket_public_access_block.go` },
    // bucket: ForceNew; the rule is one PutBucketOwnershipControls.
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": { properties: ["bucket"], source: `${TF}s3/bucket_ownership_controls.go` },
    // bucket, expected_bucket_owner: ForceNew; the rules are one PutBucketEncryption.
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        properties: ["bucket", "expectedBucketOwner"],
        source: `${TF}s3/bucket_server_side_encryption_configuration.go`,
    },
};

/** The properties that replace a resource of `type` (and those that may), or undefined when the type is not covered. */
export function forceNewOf(type: string): { properties: Set<string>; mayReplace: Map<string, string>; source: string } | undefined {
    const e = AWS_FORCE_NEW[type];
    if (!e) return undefined;
    return {
        properties: new Set(e.global ? e.properties : [...e.properties, "region"]),
        mayReplace: new Map(Object.entries(e.mayReplace ?? {})),
        source: e.source,
    };
}
