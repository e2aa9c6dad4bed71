/**
 * Force-new properties of the `aws:*` (classic, Terraform-bridged) types OnAir changes most, in the
 * program's (Pulumi) property names. @pulumi/aws 7.48's .d.ts files carry no "forces a new
 * resource" note for any of OnAir's types, and the ForceNew flags live in the provider plugin's
 * embedded Terraform schema (not in the npm package), so the table is read from the upstream
 * schema source, hashicorp/terraform-provider-aws (v6, the upstream of @pulumi/aws 7.x), one file
 * per type as cited. test/plan/impact/awsForceNew.test.ts checks every name against
 * @pulumi/aws's installed `<Type>Args` interface, so a renamed property fails a test.
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
    /** Global types (IAM) have no `region`. */
    global?: boolean;
}

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
};

/** The properties that replace a resource of `type`, or undefined when the type is not covered. */
export function forceNewOf(type: string): { properties: Set<string>; source: string } | undefined {
    const e = AWS_FORCE_NEW[type];
    if (!e) return undefined;
    return { properties: new Set(e.global ? e.properties : [...e.properties, "region"]), source: e.source };
}
