import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { cloudWatchAlarmArn, mediaConnectFlowArnPattern, mediaLiveChannelArnPattern, snsTopicArn, stateMachineArn } from "../arns";
import { SeasonConfig } from "../config/types";
import { PolicyDocument, serviceRole } from "../media/iam";
import { ChannelChainOutputs } from "../media/outputs";
import { regionShort, SEASON_TAG } from "../naming";
import { createQoeConsumer } from "../observability/qoe/qoeConsumer";
import { ConsumerSizing } from "../observability/qoe/sizing";
import { StreamSizing } from "../observability/realtimeSizing";
import { AlarmSpec, globalAlarms, inputLostAlarms, qoeAlarms, regionAlarms, renderExpr } from "./alarms";
import { globalDashboard, regionDashboard } from "./dashboards";
import { qoeGraphs } from "./qoeDashboard";
import { mediaLiveAlertPattern, mediaLiveInputChangePattern, runnerFailurePattern, sourceHealthPattern } from "./events";
import { MonitoredRegion } from "./monitored";
import { HOLD_OFF, holdOperatorPolicy, holdParameterArn, holdParameterName, inputLostAlarmName } from "./hold";
import { RunnerInput, runnerDefinition, runnerPolicy, schedulerPolicy } from "./runner";
import { scheduledActions, scheduleName } from "./scheduleWindows";
import { MediaLiveSchedule } from "../media/medialive/schedule";
import { OWNED_PREFIX, switchActions, UpcomingSwitch, upcomingSwitches } from "./inputSchedule";

/** What operations read of one channel's chain in a region: the channel and flows it starts, stops and watches. */
export type MonitoredChain = Pick<ChannelChainOutputs, "mediaLiveChannelId" | "mediaLiveChannelArn" | "flowArns" | "flowNames" | "channelGroupName">;

export interface RegionChains {
    region: string;
    role: string;
    channels: Record<string, MonitoredChain>;
}

/** The sections of the season operations read: not its delivery, security, ads, quotas or tags. */
export type OperationsSeason = Pick<SeasonConfig, "name" | "channels" | "regions" | "schedule" | "observability" | "operations" | "qoe">;

export interface SeasonOperationsArgs {
    season: OperationsSeason;
    regions: RegionChains[];
    /** Each region's aws provider: its topic, dashboard, alarms, rules and schedules live there. */
    awsProviders: Record<string, pulumi.ProviderResource>;
    /** The us-east-1 aws provider: CloudFront metrics and alarms live there. */
    globalProvider: pulumi.ProviderResource;
    distributionId: pulumi.Input<string>;
    /** The distributions of shards 2.. of a large season (docs/adr/026): each gets the same metrics and alarms. */
    shardDistributionIds?: { shard: number; id: pulumi.Input<string> }[];
    /** The real-time log stream (us-east-1) the QoE consumer reads, and the sizing it was created with. */
    realtimeLogStream?: { arn: pulumi.Input<string>; name: string; sizing: StreamSizing };
    /** Schedules are only created for what is still ahead of this instant. */
    nowMs: number;
}

/** The alarm (NOC) topic's name, the same in every region: the runner's policy names it before it exists. */
function alarmTopicName(season: string): string {
    return `onair-${season}-alarms`;
}

/** CloudWatch alarms and EventBridge rules of this account may publish to the alarm topic. */
function topicPolicy(topicArn: string, account: string): PolicyDocument {
    const publishers: [string, string][] = [
        ["AlarmsAndEvents", "cloudwatch.amazonaws.com"],
        ["EventBridgeRules", "events.amazonaws.com"],
    ];
    return {
        Version: "2012-10-17",
        Statement: publishers.map(([Sid, service]) => ({
            Sid,
            Effect: "Allow" as const,
            Principal: { Service: service },
            Action: "sns:Publish",
            Resource: topicArn,
            Condition: { StringEquals: { "aws:SourceAccount": account } },
        })),
    };
}

/** Resolves a region's chains into plain values for the dashboard and alarm builders. */
function monitored(season: OperationsSeason, r: RegionChains): pulumi.Output<MonitoredRegion> {
    const channels = season.channels.map((ch) => {
        const o = r.channels[ch.id]!;
        return pulumi.all([o.mediaLiveChannelId, o.mediaLiveChannelArn, pulumi.all(o.flowArns)]).apply(([id, arn, flows]) => ({
            id: ch.id,
            name: ch.name,
            mediaLiveChannelId: id,
            mediaLiveChannelArn: arn,
            pipelines: ch.singlePipeline ? 1 : 2,
            flowArns: flows,
            ...(o.channelGroupName !== season.name ? { channelGroup: o.channelGroupName } : {}),
        }));
    });
    return pulumi.all(channels).apply((cs) => ({ region: r.region, role: r.role, channelGroup: season.name, channels: cs }));
}

/**
 * Season operations: per region an alarm topic, a dashboard, alarms, EventBridge rules, the season
 * runner with each channel's overtime hold and the Scheduler schedules that run it around each
 * event, and the channels' input-switch schedules; globally the CloudFront dashboard and alarms
 * (additional metrics on every shard's distribution), the QoE consumer with its alarms, and the
 * hold operators' policy. Providers come in the args (each child names its region's); children keep
 * the logical names they were first deployed with, not prefixed with `name` (ADR 032).
 */
export class SeasonOperations extends pulumi.ComponentResource {
    readonly topicArns: Record<string, pulumi.Output<string>> = {};
    readonly dashboards: pulumi.Output<string>[] = [];
    readonly schedules: { region: string; name: string; at: string; action: string }[] = [];
    /** The season runner (Step Functions) of each region with windows ahead. */
    readonly runnerArns: Record<string, pulumi.Output<string>> = {};
    /** Per channel and region, the hold parameter the runner reads before a scheduled stop. */
    readonly holdParameters: Record<string, Record<string, string>> = {};
    /** The managed policy to attach to the NOC's role: set and read the season's holds, nothing else. */
    holdOperatorPolicyArn?: pulumi.Output<string>;
    /**
     * Per channel with input switches: the switches still ahead, and per region what the schedule
     * resource holds in MediaLive, what waits for MediaLive's 14-day window and what was missed.
     */
    readonly inputSwitches: Record<
        string,
        {
            upcoming: UpcomingSwitch[];
            regions: Record<string, { scheduled: pulumi.Output<string[]>; deferred: pulumi.Output<string[]>; missed: pulumi.Output<string[]> }>;
        }
    > = {};
    /** The QoE consumer and how its event source mapping was sized. */
    qoe?: { functionName: pulumi.Output<string>; sizing: ConsumerSizing; alarms: string[]; panels: string[] };

    constructor(name: string, args: SeasonOperationsArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("onair:operations:SeasonOperations", name, {}, opts);
        const { season } = args;
        const topics: Record<string, aws.sns.Topic> = {};
        const topicFor = (region: string, provider: pulumi.ProviderResource) => {
            if (topics[region]) return topics[region]!;
            const o = { parent: this, provider };
            const account = aws.getCallerIdentityOutput({}, o).accountId;
            const topic = new aws.sns.Topic(
                `${regionShort(region)}-alarms`,
                { name: alarmTopicName(season.name), displayName: `OnAir ${season.name} alarms (${region})` },
                o,
            );
            new aws.sns.TopicPolicy(
                `${regionShort(region)}-alarms`,
                { arn: topic.arn, policy: pulumi.jsonStringify(pulumi.all([topic.arn, account]).apply(([t, a]) => topicPolicy(t, a))) },
                o,
            );
            season.observability.alarms.emails.forEach(
                (email, i) =>
                    new aws.sns.TopicSubscription(`${regionShort(region)}-alarms-email-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }, o),
            );
            topics[region] = topic;
            this.topicArns[region] = topic.arn;
            return topic;
        };
        const monitoredRegions: pulumi.Output<MonitoredRegion>[] = [];
        for (const r of args.regions) {
            const p = args.awsProviders[r.region];
            if (!p) throw new Error(`SeasonOperations: no aws provider for ${r.region}`);
            const o = { parent: this, provider: p };
            const short = regionShort(r.region);
            const topic = topicFor(r.region, p);
            const m = monitored(season, r);
            monitoredRegions.push(m);
            const dashboard = new aws.cloudwatch.Dashboard(
                `${short}-dashboard`,
                {
                    dashboardName: `onair-${season.name}-${r.region}`,
                    dashboardBody: m.apply((x) => JSON.stringify(regionDashboard(x))),
                },
                o,
            );
            this.dashboards.push(dashboard.dashboardName);

            const live: MonitoredRegion<pulumi.Output<string>> = {
                region: r.region,
                role: r.role,
                channelGroup: season.name,
                channels: season.channels.map((ch) => ({
                    id: ch.id,
                    name: ch.name,
                    mediaLiveChannelId: r.channels[ch.id]!.mediaLiveChannelId,
                    mediaLiveChannelArn: r.channels[ch.id]!.mediaLiveChannelArn,
                    pipelines: ch.singlePipeline ? 1 : 2,
                    flowArns: r.channels[ch.id]!.flowArns,
                })),
            };
            for (const spec of regionAlarms(season.name, live, season.observability.alarms)) metricAlarm(this, spec, r.region, topic, o);
            if (season.operations.hold.whileInputLive) for (const spec of inputLostAlarms(season.name, live)) metricAlarm(this, spec, r.region, topic, o);

            const rules: [string, pulumi.Output<unknown>][] = [
                ["medialive-alerts", m.apply((x) => mediaLiveAlertPattern(x.channels.map((c) => c.mediaLiveChannelArn)))],
                ["medialive-input-change", m.apply((x) => mediaLiveInputChangePattern(x.channels.map((c) => c.mediaLiveChannelArn)))],
                ["contribution-health", m.apply((x) => sourceHealthPattern(x.channels.flatMap((c) => c.flowArns)))],
            ];
            for (const [key, pattern] of rules) {
                const rule = new aws.cloudwatch.EventRule(
                    `${short}-${key}`,
                    {
                        name: `onair-${season.name}-${key}`,
                        description: `OnAir ${season.name}: ${key.replace(/-/g, " ")} (${r.region})`,
                        eventPattern: pattern.apply((x) => JSON.stringify(x)),
                    },
                    o,
                );
                new aws.cloudwatch.EventTarget(`${short}-${key}`, { rule: rule.name, arn: topic.arn }, o);
            }

            this.scheduleRegion(args, r, p, topic);
            this.inputSchedules(args, r);
        }

        // Global: CloudFront's additional metrics (origin latency, cache hit rate), dashboard and alarms.
        const g = { parent: this, provider: args.globalProvider };
        new aws.cloudfront.MonitoringSubscription(
            "cloudfront-additional-metrics",
            {
                distributionId: args.distributionId,
                monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } },
            },
            g,
        );
        const globalTopic = topicFor("us-east-1", args.globalProvider);
        const dashboard = new aws.cloudwatch.Dashboard(
            "global-dashboard",
            {
                dashboardName: `onair-${season.name}-global`,
                dashboardBody: pulumi
                    .all([pulumi.output(args.distributionId), pulumi.all(monitoredRegions)])
                    .apply(([d, rs]) => JSON.stringify(globalDashboard(season.name, d, rs))),
            },
            g,
        );
        this.dashboards.push(dashboard.dashboardName);
        for (const spec of globalAlarms(season.name, args.distributionId, season.observability.alarms)) metricAlarm(this, spec, "us-east-1", globalTopic, g);
        for (const d of args.shardDistributionIds ?? []) {
            new aws.cloudfront.MonitoringSubscription(
                `cloudfront-additional-metrics-${d.shard}`,
                {
                    distributionId: d.id,
                    monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } },
                },
                g,
            );
            for (const spec of globalAlarms(season.name, d.id, season.observability.alarms)) {
                metricAlarm(
                    this,
                    { ...spec, key: `${spec.key}-${d.shard}`, name: `${spec.name}-shard-${d.shard}`, description: `Shard ${d.shard}: ${spec.description}` },
                    "us-east-1",
                    globalTopic,
                    g,
                );
            }
        }
        if (args.realtimeLogStream) {
            // Channel group names are the same in every region: the first region's chains name them.
            const groups = Object.fromEntries(Object.entries(args.regions[0]?.channels ?? {}).map(([id, c]) => [id, c.channelGroupName]));
            const consumer = createQoeConsumer(season, groups, "us-east-1", args.realtimeLogStream, g);
            const specs = qoeAlarms(season.name, season.channels, season.qoe.alarms);
            for (const spec of specs) metricAlarm(this, spec, "us-east-1", globalTopic, g);
            const panels =
                qoeGraphs(
                    season.name,
                    season.channels,
                    season.regions.map((r) => r.region),
                )[0]?.graphs.map((x) => x.title.replace(/^[^:]+: /, "")) ?? [];
            this.qoe = { ...consumer, alarms: specs.map((x) => x.name), panels };
        }
        if (Object.keys(this.runnerArns).length > 0) {
            const account = aws.getCallerIdentityOutput({}, g).accountId;
            const policy = new aws.iam.Policy(
                "hold-operator",
                {
                    name: `onair-${season.name}-hold-operator`,
                    description: `OnAir ${season.name}: read and set the overtime hold of the season's channels (docs/runbook.md)`,
                    policy: pulumi.jsonStringify(account.apply((a) => holdOperatorPolicy(season.name, Object.keys(this.runnerArns), a))),
                },
                g,
            );
            this.holdOperatorPolicyArn = policy.arn;
        }
        this.registerOutputs({
            topicArns: this.topicArns,
            dashboards: this.dashboards,
            runnerArns: this.runnerArns,
            holdParameters: this.holdParameters,
            holdOperatorPolicyArn: this.holdOperatorPolicyArn,
            qoe: this.qoe,
            inputSwitches: this.inputSwitches,
        });
    }

    /**
     * Scheduled input switches (docs/adr/027-input-switching.md): one schedule resource per channel
     * and region over the channel's MediaLive schedule. It takes the channel id from the channel
     * resource, so it is created and updated after the channel (whose attachments it switches to).
     */
    private inputSchedules(args: SeasonOperationsArgs, r: RegionChains): void {
        for (const ch of args.season.channels) {
            if (ch.inputSwitches.length === 0) continue;
            const schedule = new MediaLiveSchedule(
                `${regionShort(r.region)}-${ch.id}-input-schedule`,
                {
                    region: r.region,
                    channelId: r.channels[ch.id]!.mediaLiveChannelId,
                    actions: switchActions(ch),
                    ownedPrefix: OWNED_PREFIX,
                },
                { parent: this },
            );
            const entry = (this.inputSwitches[ch.id] ??= { upcoming: upcomingSwitches(ch, args.nowMs), regions: {} });
            entry.regions[r.region] = {
                scheduled: schedule.scheduled.apply((a) => (a ?? []).map((x) => x.ActionName!)),
                deferred: schedule.deferred.apply((d) => d ?? []),
                missed: schedule.missed.apply((m) => m ?? []),
            };
        }
    }

    /**
     * Starting and stopping around each window: one Step Functions runner per region orders flows
     * and channel, and two EventBridge Scheduler one-time schedules per event (start, stop) run it.
     */
    private scheduleRegion(args: SeasonOperationsArgs, r: RegionChains, provider: pulumi.ProviderResource, topic: aws.sns.Topic): void {
        const { season } = args;
        const actions = scheduledActions(season, args.nowMs);
        if (actions.length === 0) return;
        const o = { parent: this, provider };
        const short = regionShort(r.region);
        const account = aws.getCallerIdentityOutput({}, o).accountId;
        const chains = season.channels.map((ch) => r.channels[ch.id]!);

        // The hold an operator sets before the stop; Pulumi creates it "off" and never resets it.
        for (const ch of season.channels) {
            const name = holdParameterName(season.name, ch.id);
            new aws.ssm.Parameter(
                `${short}-${ch.id}-hold`,
                {
                    name,
                    type: "String",
                    tier: "Standard",
                    // insecureValue: a hold is not a secret, and the plan should show it (value is always masked).
                    insecureValue: HOLD_OFF,
                    description: `OnAir ${season.name}: overtime hold of ${ch.name} in ${r.region}. "${HOLD_OFF}" stops on schedule; any other value keeps the channel on air (re-checked every ${season.operations.hold.recheckMinutes} min, at most ${season.operations.hold.maxOverrunMinutes} min past the scheduled stop).`,
                },
                { ...o, ignoreChanges: ["insecureValue"] },
            );
            (this.holdParameters[ch.id] ??= {})[r.region] = name;
        }
        const hold = season.operations.hold;
        const runnerRole = serviceRole(
            `${short}-season-runner`,
            {
                description: `Step Functions starts and stops OnAir ${season.name} flows and channels in ${r.region}, after any operator hold`,
                service: "states.amazonaws.com",
                account,
                policyName: "season-runner",
                // Named by ARNs and patterns the program knows before the channels, flows and topic exist (known during preview).
                policy: account.apply((a) =>
                    runnerPolicy({
                        channelArns: [mediaLiveChannelArnPattern(r.region, a)],
                        channelTag: { key: SEASON_TAG, value: season.name },
                        flowArns: chains.flatMap((c) => c.flowNames.map((f) => mediaConnectFlowArnPattern(r.region, a, f))),
                        holdParameterArns: season.channels.map((ch) => holdParameterArn(r.region, a, season.name, ch.id)),
                        topicArn: snsTopicArn(r.region, a, alarmTopicName(season.name)),
                        inputAlarmArns: hold.whileInputLive
                            ? season.channels.map((ch) => cloudWatchAlarmArn(r.region, a, inputLostAlarmName(season.name, ch.id, r.region)))
                            : [],
                    }),
                ),
            },
            o,
        );
        const runnerName = `onair-${season.name}-runner`;
        const runner = new aws.sfn.StateMachine(
            `${short}-season-runner`,
            {
                name: runnerName,
                type: "STANDARD",
                roleArn: runnerRole.arn,
                definition: topic.arn.apply((topicArn) => JSON.stringify(runnerDefinition({ season: season.name, region: r.region, hold, topicArn }))),
            },
            o,
        );
        this.runnerArns[r.region] = runner.arn;
        const failures = new aws.cloudwatch.EventRule(
            `${short}-runner-failures`,
            {
                name: `onair-${season.name}-runner-failures`,
                description: `OnAir ${season.name}: a scheduled channel start or stop failed (${r.region})`,
                eventPattern: runner.arn.apply((arn) => JSON.stringify(runnerFailurePattern(arn))),
            },
            o,
        );
        new aws.cloudwatch.EventTarget(`${short}-runner-failures`, { rule: failures.name, arn: topic.arn }, o);

        const group = new aws.scheduler.ScheduleGroup(`${short}-season-schedule`, { name: `onair-${season.name}` }, o);
        const role = serviceRole(
            `${short}-scheduler`,
            {
                description: `EventBridge Scheduler runs the OnAir ${season.name} season runner in ${r.region}`,
                service: "scheduler.amazonaws.com",
                account,
                policyName: "start-season-runner",
                policy: account.apply((a) => schedulerPolicy(stateMachineArn(r.region, a, runnerName))),
            },
            o,
        );
        for (const a of actions) {
            const chain = r.channels[a.channelId]!;
            const input = pulumi
                .all([chain.mediaLiveChannelId, pulumi.all(chain.flowArns)])
                .apply(([channelId, flowArns]): RunnerInput => ({ action: a.action, channel: a.channelId, event: a.event, channelId, flowArns }));
            new aws.scheduler.Schedule(
                `${short}-${scheduleName(a)}`,
                {
                    groupName: group.name,
                    name: scheduleName(a),
                    description: `${a.action} ${a.channelId} (flows and channel) for ${a.event}`,
                    scheduleExpression: `at(${a.at})`,
                    scheduleExpressionTimezone: "UTC",
                    flexibleTimeWindow: { mode: "OFF" },
                    actionAfterCompletion: "NONE",
                    target: {
                        arn: runner.arn,
                        roleArn: role.arn,
                        input: pulumi.jsonStringify(input),
                        retryPolicy: { maximumEventAgeInSeconds: 900, maximumRetryAttempts: 5 },
                    },
                },
                o,
            );
            this.schedules.push({ region: r.region, name: scheduleName(a), at: a.at, action: a.action });
        }
    }
}

/**
 * Missing data is "not breaching": channels are off between events and must not page anyone.
 * Signals (read by the runner) page no one and read missing data as breaching.
 */
function metricAlarm(
    parent: pulumi.Resource,
    spec: AlarmSpec<pulumi.Input<string>>,
    region: string,
    topic: aws.sns.Topic,
    o: pulumi.CustomResourceOptions,
): aws.cloudwatch.MetricAlarm {
    const src = spec.source;
    const reading: Partial<aws.cloudwatch.MetricAlarmArgs> =
        src.kind === "metric"
            ? {
                  namespace: src.metric.namespace,
                  metricName: src.metric.metric,
                  dimensions: src.metric.dimensions,
                  ...(src.metric.statistic ? { statistic: src.metric.statistic } : {}),
                  ...(src.extendedStatistic ? { extendedStatistic: src.extendedStatistic } : {}),
                  period: spec.period,
              }
            : {
                  metricQueries: [
                      ...Object.entries(src.metrics).map(([id, m]) => ({
                          id,
                          metric: {
                              namespace: m.namespace,
                              metricName: m.metric,
                              dimensions: m.dimensions,
                              period: spec.period,
                              stat: m.statistic ?? "Average",
                          },
                          returnData: false,
                      })),
                      { id: "result", expression: renderExpr(src.expression), label: src.label, returnData: true },
                  ],
              };
    return new aws.cloudwatch.MetricAlarm(
        `${regionShort(region)}-${spec.key}`,
        {
            name: spec.name,
            alarmDescription: spec.description,
            ...reading,
            evaluationPeriods: spec.evaluationPeriods,
            datapointsToAlarm: spec.datapointsToAlarm,
            threshold: spec.threshold,
            comparisonOperator: spec.comparison,
            treatMissingData: spec.signal ? "breaching" : "notBreaching",
            ...(spec.signal ? { actionsEnabled: false } : { alarmActions: [topic.arn], okActions: [topic.arn] }),
        },
        { ...o, parent },
    );
}
