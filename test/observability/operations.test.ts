import * as assert from "assert";
import { validateSeason } from "../../components/config/season";
import { AlarmSource, Expr, globalAlarms, regionAlarms, renderExpr } from "../../components/operations/alarms";
import { seasonCost } from "../../components/operations/cost";
import { globalDashboard, PANELS, regionDashboard } from "../../components/operations/dashboards";
import { mediaLiveAlertPattern, sourceHealthPattern } from "../../components/operations/events";
import { MonitoredRegion } from "../../components/operations/monitored";
import { runnerDefinition } from "../../components/operations/runner";
import { scheduledActions, scheduleName } from "../../components/operations/scheduleWindows";
import { PlanCapture } from "../../contracts/capturedPlan";
import { planSeason } from "../helpers/plan";
import { baselineSeason, secretLookup, setPath } from "../helpers/season";
import { inlinePolicy, ofType, one } from "../components/planQueries";

const REGION: MonitoredRegion = {
    region: "us-west-2",
    role: "secondary",
    channelGroup: "test-season",
    channels: [
        {
            id: "main-uhd",
            name: "Main UHD",
            mediaLiveChannelId: "1111111",
            mediaLiveChannelArn: "arn:aws:medialive:us-west-2:123456789012:channel:1111111",
            pipelines: 2,
            flowArns: ["arn:flow:a", "arn:flow:b"],
        },
        {
            id: "studio",
            name: "Studio",
            mediaLiveChannelId: "2222222",
            mediaLiveChannelArn: "arn:aws:medialive:us-west-2:123456789012:channel:2222222",
            pipelines: 1,
            flowArns: [],
        },
    ],
};

const THRESHOLDS = { emails: [], minMqcs: 70, cloudFront5xxPercent: 1, originLatencyP90Ms: 2000 };

type Widget = { type: string; x: number; y: number; width: number; height: number; properties: Record<string, any> };

describe("dashboards (generated from one panel definition)", () => {
    const body = regionDashboard(REGION);
    const graphs = (body.widgets as Widget[]).filter((w) => w.type === "metric");

    it("is valid CloudWatch dashboard JSON: widgets on the 24-column grid, without overlaps", () => {
        const json = JSON.parse(JSON.stringify(body));
        const cells = new Set<string>();
        for (const w of json.widgets as Widget[]) {
            assert.ok(w.x >= 0 && w.x + w.width <= 24, `widget at x=${w.x} width=${w.width}`);
            for (let x = w.x; x < w.x + w.width; x++)
                for (let y = w.y; y < w.y + w.height; y++) {
                    assert.ok(!cells.has(`${x},${y}`), `widgets overlap at ${x},${y}`);
                    cells.add(`${x},${y}`);
                }
        }
    });

    it("shows MediaLive per pipeline, MediaConnect per flow and MediaPackage per channel, in the region", () => {
        const byTitle = (t: string) => graphs.find((w) => w.properties["title"] === t)!;
        assert.deepStrictEqual(byTitle("main-uhd: Active alerts").properties["metrics"], [
            ["AWS/MediaLive", "ActiveAlerts", "ChannelId", "1111111", "Pipeline", "0", { stat: "Maximum", label: "pipeline 0" }],
            ["AWS/MediaLive", "ActiveAlerts", "ChannelId", "1111111", "Pipeline", "1", { stat: "Maximum", label: "pipeline 1" }],
        ]);
        assert.deepStrictEqual(byTitle("main-uhd: Quality score (min MQCS)").properties["metrics"][0].slice(0, 8), [
            "AWS/MediaLive",
            "MinMQCS",
            "ChannelId",
            "1111111",
            "Pipeline",
            "0",
            "OutputGroupName",
            "cmaf-ingest-mediapackage",
        ]);
        assert.strictEqual(byTitle("main-uhd: Packets not recovered").properties["metrics"].length, 2);
        assert.deepStrictEqual(byTitle("main-uhd: Round-trip time (ms)").properties["metrics"][1].slice(0, 4), [
            "AWS/MediaConnect",
            "SourceRoundTripTime",
            "FlowARN",
            "arn:flow:b",
        ]);
        assert.deepStrictEqual(byTitle("studio: Egress requests").properties["metrics"][0].slice(0, 8), [
            "AWS/MediaPackage",
            "EgressRequestCount",
            "ChannelGroup",
            "test-season",
            "Channel",
            "studio",
            "OriginEndpoint",
            "cmaf",
        ]);
        assert.strictEqual(
            graphs.filter((w) => w.properties["title"].startsWith("studio: ") && w.properties["metrics"][0][0] === "AWS/MediaConnect").length,
            0,
            "no flows, no MediaConnect graphs",
        );
        assert.ok(graphs.every((w) => w.properties["region"] === "us-west-2"));
        assert.strictEqual(graphs.length, PANELS.medialive.length * 2 + PANELS.mediaconnect.length + PANELS.mediapackage.length * 2);
    });

    it("puts CloudFront (us-east-1) and each channel's MQCS by region on the global dashboard", () => {
        const east = { ...REGION, region: "us-east-1", role: "primary" };
        const global = globalDashboard("test-season", "E2ABCDEF", [east, REGION]);
        const g = (global.widgets as Widget[]).filter((w) => w.type === "metric");
        assert.deepStrictEqual(
            g.slice(0, 5).map((w) => w.properties["metrics"][0].slice(0, 6)),
            PANELS.cloudfront.map((p) => ["AWS/CloudFront", p.metric, "DistributionId", "E2ABCDEF", "Region", "Global"]),
        );
        assert.ok(g.slice(0, 5).every((w) => w.properties["region"] === "us-east-1"));
        const mqcs = g.find((w) => w.properties["title"] === "main-uhd: MQCS by region")!;
        assert.deepStrictEqual(
            mqcs.properties["metrics"].map((m: any[]) => m[m.length - 1].region),
            ["us-east-1", "us-east-1", "us-west-2", "us-west-2"],
        );
        assert.strictEqual(g.find((w) => w.properties["title"] === "Origin latency p90 (ms)")!.properties["metrics"][0][6].stat, "p90");
    });
});

describe("alarms and event rules", () => {
    /** Evaluates an alarm expression for one minute's datapoints, as CloudWatch metric math would. */
    const evaluate = (e: Expr, values: Record<string, number>): number =>
        "test" in e
            ? (e.test.op === ">" ? values[e.test.id]! > e.test.value : values[e.test.id]! < e.test.value)
                ? 1
                : 0
            : "max" in e
              ? Math.max(...e.max.map((x) => evaluate(x, values)))
              : "min" in e
                ? Math.min(...e.min.map((x) => evaluate(x, values)))
                : values[e.percent.den]! >= e.percent.minDen
                  ? (100 * values[e.percent.num]!) / values[e.percent.den]!
                  : 0;
    const specs = regionAlarms("test-season", REGION, THRESHOLDS);
    const math = (key: string) => {
        const src = specs.find((s) => s.key === key)!.source;
        assert.strictEqual(src.kind, "math");
        return src as Extract<AlarmSource, { kind: "math" }>;
    };
    const healthy = { loss0: 0, mqcs0: 100, loss1: 0, mqcs1: 100 };

    it("alarm per channel on a degraded pipeline, the region off air, and unrecovered contribution packets", () => {
        assert.deepStrictEqual(
            specs.map((s) => s.key),
            ["main-uhd-pipeline-degraded", "main-uhd-region-degraded", "main-uhd-contribution-loss", "studio-region-degraded"],
        );
        assert.ok(specs.every((s) => s.name.startsWith("onair-test-season-") && s.name.length <= 255));
        const m = math("main-uhd-pipeline-degraded").metrics;
        assert.deepStrictEqual(m["mqcs1"], {
            namespace: "AWS/MediaLive",
            metric: "MinMQCS",
            dimensions: { ChannelId: "1111111", Pipeline: "1", OutputGroupName: "cmaf-ingest-mediapackage" },
            statistic: "Minimum",
        });
        assert.deepStrictEqual(m["loss0"], {
            namespace: "AWS/MediaLive",
            metric: "InputLossSeconds",
            dimensions: { ChannelId: "1111111", Pipeline: "0" },
            statistic: "Sum",
        });
        assert.deepStrictEqual(Object.keys(math("main-uhd-contribution-loss").metrics), ["flow0", "flow1"]);
    });

    it("tell redundancy lost (one pipeline) from off air (every pipeline), by input loss or low MQCS", () => {
        const any = math("main-uhd-pipeline-degraded").expression;
        const all = math("main-uhd-region-degraded").expression;
        const cases: [string, Record<string, number>, number, number][] = [
            ["both healthy", healthy, 0, 0],
            ["pipeline 0 lost its input", { ...healthy, loss0: 12 }, 1, 0],
            ["pipeline 1 scores below the floor", { ...healthy, mqcs1: 40 }, 1, 0],
            ["input lost on one, low MQCS on the other", { ...healthy, loss0: 60, mqcs1: 0 }, 1, 1],
            ["both lost their input", { ...healthy, loss0: 60, loss1: 60 }, 1, 1],
            ["exactly at the floor", { ...healthy, mqcs0: 70, mqcs1: 70 }, 0, 0],
        ];
        for (const [title, values, anyState, allState] of cases) {
            assert.deepStrictEqual([evaluate(any, values), evaluate(all, values)], [anyState, allState], title);
        }
        assert.strictEqual(renderExpr(all), "MIN([MAX([IF(loss0 > 0, 1, 0), IF(mqcs0 < 70, 1, 0)]), MAX([IF(loss1 > 0, 1, 0), IF(mqcs1 < 70, 1, 0)])])");
    });

    it("page at once when a region goes off air, after two of three minutes for the rest", () => {
        const at = (key: string) => {
            const s = specs.find((x) => x.key === key)!;
            return [s.evaluationPeriods, s.datapointsToAlarm, s.comparison, s.threshold];
        };
        assert.deepStrictEqual(at("main-uhd-region-degraded"), [1, 1, "GreaterThanThreshold", 0]);
        assert.deepStrictEqual(at("main-uhd-pipeline-degraded"), [3, 2, "GreaterThanThreshold", 0]);
        assert.deepStrictEqual(at("main-uhd-contribution-loss"), [3, 2, "GreaterThanThreshold", 0]);
        assert.strictEqual(evaluate(math("main-uhd-contribution-loss").expression, { flow0: 0, flow1: 3 }), 1);
        // A single-pipeline channel has nothing to lose redundancy on: off air is its only state.
        assert.strictEqual(evaluate(math("studio-region-degraded").expression, { loss0: 1, mqcs0: 100 }), 1);
    });

    it("alarm on the viewers' 5xx rate and p90 origin latency in us-east-1", () => {
        const g = globalAlarms("test-season", "E2ABCDEF", THRESHOLDS);
        assert.deepStrictEqual(
            g.map((s) => (s.source.kind === "metric" ? [s.source.metric.metric, s.source.metric.statistic ?? s.source.extendedStatistic, s.threshold] : [])),
            [
                ["5xxErrorRate", "Average", 1],
                ["OriginLatency", "p90", 2000],
            ],
        );
    });

    it("match raised MediaLive alerts and unhealthy contribution sources of this season only", () => {
        assert.deepStrictEqual(mediaLiveAlertPattern(["arn:c1"]), {
            source: ["aws.medialive"],
            "detail-type": ["MediaLive Channel Alert"],
            resources: ["arn:c1"],
            detail: { alarm_state: ["SET"] },
        });
        assert.deepStrictEqual(sourceHealthPattern(["arn:f1"]).detail, { unhealthy: [true] });
    });
});

describe("season schedule and cost", () => {
    const season = () => validateSeason(baselineSeason(), secretLookup());

    it("starts each channel the lead time before its window and stops it the tail after", () => {
        const actions = scheduledActions(season(), Date.parse("2026-09-01T00:00:00Z"));
        assert.deepStrictEqual(actions, [
            { channelId: "main-uhd", event: "opener", action: "start", at: "2026-09-05T21:00:00" },
            { channelId: "main-uhd", event: "opener", action: "stop", at: "2026-09-06T01:30:00" },
        ]);
    });

    it("schedules only what is still ahead: a running window gets its stop, a finished one nothing", () => {
        assert.deepStrictEqual(
            scheduledActions(season(), Date.parse("2026-09-05T23:00:00Z")).map((a) => a.action),
            ["stop"],
        );
        assert.deepStrictEqual(scheduledActions(season(), Date.parse("2026-09-07T00:00:00Z")), []);
    });

    it("keeps schedule names within 64 characters (Scheduler CreateSchedule: Name 1-64 of [0-9a-zA-Z-_.]), unique after the cut", () => {
        const channelId = "a-very-long-channel-identifier-x";
        const event = "a-very-long-event-name-for-the-season-opener-game-of-the-year";
        const long = scheduleName({ channelId, event, action: "start" });
        assert.ok(long.length <= 64, long);
        assert.match(long, /^[0-9a-zA-Z._-]+$/);
        assert.notStrictEqual(long, scheduleName({ channelId, event, action: "stop" }));
        // Two events alike up to the cut still get two names.
        assert.notStrictEqual(long, scheduleName({ channelId, event: `${event.slice(0, 40)}-replay-of-the-opener-game`, action: "start" }));
        assert.strictEqual(scheduleName({ channelId: "main-uhd", event: "final", action: "start" }), "main-uhd.final.start");
    });

    it("never gives two channel and event pairs one schedule name (hoops + hd-... and hoops-hd + ...)", () => {
        assert.notStrictEqual(
            scheduleName({ channelId: "hoops", event: "hd-2026-10-21-tip-off", action: "start" }),
            scheduleName({ channelId: "hoops-hd", event: "2026-10-21-tip-off", action: "start" }),
        );
    });

    it("rejects windows that overlap once lead and tail are added", () => {
        const raw = baselineSeason();
        raw.channels[0].events.push({ name: "late-game", start: "2026-09-06T01:30:00Z", end: "2026-09-06T04:00:00Z" });
        assert.throws(
            () => validateSeason(raw, secretLookup()),
            /events\[1\]\.start: starting 60 min early, "late-game" would start before "opener" stops 30 min after its end/,
        );
    });

    it("estimates channel-hours x pipelines x regions and prices them with the stack's rates", () => {
        const raw = setPath(baselineSeason(), "costRates", {
            medialivePipelineHour: { uhd: 10, hd: 3 },
            mediaconnectFlowHour: 0.1,
            mediapackageIngestPerGb: 0.05,
        });
        const cost = seasonCost(validateSeason(raw, secretLookup()));
        // opener: 3 h window + 1 h lead + 0.5 h tail = 4.5 h; 2 pipelines x 2 regions = 18 pipeline-hours.
        const main = cost.channels["main-uhd"]!;
        assert.deepStrictEqual([main.hours, main.pipelineHours, main.flowHours], [4.5, 18, 18]);
        // Ladder peak 34.5 Mb/s + audio 0.512 Mb/s (AAC 128k + E-AC-3 384k) over 18 pipeline-hours = 283.6 GB at most.
        assert.strictEqual(main.ingestGb, 283.6);
        assert.strictEqual(main.cost, Math.round((18 * 10 + 18 * 0.1 + 283.6 * 0.05) * 100) / 100);
        assert.strictEqual(cost.currency, "USD");
        assert.strictEqual(cost.channels["second-hd"]!.hours, 0);
        assert.strictEqual(seasonCost(season()).totals.cost, undefined, "no rates, no price");
    });
});

describe("season operations under the mock runtime", function () {
    let plan: PlanCapture;
    before(async () => {
        const s = setPath(baselineSeason(), "observability", { alarms: { emails: ["noc@example.com"] } });
        s.channels[0].events = [{ name: "final", start: "2026-12-05T20:00:00Z", end: "2026-12-06T00:00:00Z" }];
        plan = await planSeason(s);
    });

    it("creates a dashboard per region and a global one, and alarm topics EventBridge and CloudWatch may publish to", () => {
        assert.deepStrictEqual(
            ofType(plan, "aws:cloudwatch/dashboard:Dashboard")
                .map((d) => d.inputs["dashboardName"])
                .sort(),
            ["onair-test-season-global", "onair-test-season-us-east-1", "onair-test-season-us-west-2"],
        );
        const body = JSON.parse(one(plan, "aws:cloudwatch/dashboard:Dashboard", "usw2-dashboard").inputs["dashboardBody"] as string);
        assert.ok(body.widgets.length > 10);
        const policy = JSON.parse(one(plan, "aws:sns/topicPolicy:TopicPolicy", "usw2-alarms").inputs["policy"] as string);
        assert.deepStrictEqual(
            policy.Statement.map((s: any) => s.Principal.Service),
            ["cloudwatch.amazonaws.com", "events.amazonaws.com"],
        );
        assert.strictEqual(one(plan, "aws:sns/topicSubscription:TopicSubscription", "usw2-alarms-email-0").inputs["endpoint"], "noc@example.com");
    });

    it("keeps the access-log bucket when the season's stack is destroyed, never force-emptying it", () => {
        const bucket = one(plan, "aws:s3/bucket:Bucket", "access-logs");
        assert.strictEqual(bucket.opts.retainOnDelete, true);
        assert.strictEqual(bucket.inputs["forceDestroy"], false);
        assert.strictEqual(one(plan, "aws:kinesis/stream:Stream", "realtime-logs").opts.retainOnDelete, false);
    });

    it("alarms to the topic of their own region; CloudFront alarms live in us-east-1", () => {
        const alarms = ofType(plan, "aws:cloudwatch/metricAlarm:MetricAlarm");
        const topics = new Map(ofType(plan, "aws:sns/topic:Topic").map((t) => [t.outputs["arn"], t.region]));
        for (const a of alarms) {
            assert.strictEqual(topics.get((a.inputs["alarmActions"] as string[])[0]), a.region, a.name);
            assert.strictEqual(a.inputs["treatMissingData"], "notBreaching");
        }
        assert.strictEqual(one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "use1-cloudfront-5xx").region, "us-east-1");
        assert.strictEqual(alarms.length, 2 * 3 * 2 + 2 + 2 * 2, "2 channels x 3 alarms x 2 regions, 2 CloudFront alarms, 2 channels x 2 QoE alarms");
        const offAir = one(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "usw2-main-uhd-region-degraded").inputs as any;
        const ml = plan.resources.find((r) => r.type === "pulumi-nodejs:dynamic/medialive:Channel" && r.region === "us-west-2" && r.name.includes("main-uhd"))!;
        assert.deepStrictEqual(
            offAir.metricQueries.map((q: any) => q.id),
            ["loss0", "mqcs0", "loss1", "mqcs1", "result"],
        );
        assert.deepStrictEqual(offAir.metricQueries[3].metric, {
            namespace: "AWS/MediaLive",
            metricName: "MinMQCS",
            dimensions: { ChannelId: ml.outputs["channelId"], Pipeline: "1", OutputGroupName: "cmaf-ingest-mediapackage" },
            period: 60,
            stat: "Minimum",
        });
        assert.deepStrictEqual(
            offAir.metricQueries.filter((q: any) => q.returnData).map((q: any) => q.id),
            ["result"],
            "exactly one query is the alarm's",
        );
        assert.strictEqual(offAir.metricName, undefined);
        const sub = one(plan, "aws:cloudfront/monitoringSubscription:MonitoringSubscription", "cloudfront-additional-metrics");
        assert.strictEqual((sub.inputs["monitoringSubscription"] as any).realtimeMetricsSubscriptionConfig.realtimeMetricsSubscriptionStatus, "Enabled");
    });

    it("routes MediaLive alerts and input changes and contribution health to the topic (MediaPackage v2 emits no switch events)", () => {
        const rules = ofType(plan, "aws:cloudwatch/eventRule:EventRule", "us-east-1")
            .map((r) => r.inputs["name"])
            .sort();
        assert.deepStrictEqual(rules, [
            "onair-test-season-contribution-health",
            "onair-test-season-medialive-alerts",
            "onair-test-season-medialive-input-change",
            "onair-test-season-runner-failures",
        ]);
        const inputs = JSON.parse(one(plan, "aws:cloudwatch/eventRule:EventRule", "use1-medialive-input-change").inputs["eventPattern"] as string);
        assert.strictEqual(inputs.resources.length, 2, "scoped to this region's channels");
        const alerts = JSON.parse(one(plan, "aws:cloudwatch/eventRule:EventRule", "use1-medialive-alerts").inputs["eventPattern"] as string);
        assert.strictEqual(alerts.resources.length, 2);
        assert.strictEqual(ofType(plan, "aws:cloudwatch/eventTarget:EventTarget").length, 8, "four rules in each of two regions");
    });

    it("schedules a start and a stop per event in each region, each running the region's season runner", () => {
        const schedules = ofType(plan, "aws:scheduler/schedule:Schedule", "us-west-2");
        const runner = one(plan, "aws:sfn/stateMachine:StateMachine", "usw2-season-runner");
        assert.deepStrictEqual(schedules.map((s) => [s.inputs["name"], s.inputs["scheduleExpression"]]).sort(), [
            ["main-uhd.final.start", "at(2026-12-05T19:00:00)"],
            ["main-uhd.final.stop", "at(2026-12-06T00:30:00)"],
        ]);
        const ml = plan.resources.find((r) => r.type === "pulumi-nodejs:dynamic/medialive:Channel" && r.region === "us-west-2" && r.name.includes("main-uhd"))!;
        const flows = ofType(plan, "aws-native:mediaconnect:Flow", "us-west-2")
            .filter((f) => f.name.includes("main-uhd"))
            .map((f) => f.outputs["flowArn"]);
        for (const s of schedules) {
            const target = s.inputs["target"] as any;
            assert.strictEqual(target.arn, runner.outputs["arn"]);
            const input = JSON.parse(target.input);
            assert.deepStrictEqual(input, { action: input.action, channel: "main-uhd", event: "final", channelId: ml.outputs["channelId"], flowArns: flows });
            assert.deepStrictEqual(inlinePolicy(plan, "usw2-scheduler").Statement, [
                { Sid: "StartRunner", Effect: "Allow", Action: ["states:StartExecution"], Resource: runner.outputs["arn"] },
            ]);
        }
        assert.strictEqual(flows.length, 2, "one flow per pipeline");
    });

    it("lets the runner start and stop only this region's season flows and channels, add manual input switches to them, read their holds, notify its topic, and reports its failures", () => {
        const runner = one(plan, "aws:sfn/stateMachine:StateMachine", "usw2-season-runner");
        const topic = one(plan, "aws:sns/topic:Topic", "usw2-alarms").outputs["arn"] as string;
        assert.deepStrictEqual(
            JSON.parse(runner.inputs["definition"] as string),
            runnerDefinition({
                season: "test-season",
                region: "us-west-2",
                hold: { maxOverrunMinutes: 120, recheckMinutes: 5, whileInputLive: false },
                topicArn: topic,
            }),
        );
        const policy = inlinePolicy(plan, "usw2-season-runner");
        const ml = plan.resources.find((r) => r.type === "pulumi-nodejs:dynamic/medialive:Channel" && r.region === "us-west-2" && r.name.includes("main-uhd"))!;
        // MediaLive numbers its channels, so the runner names this region's channels by a pattern held
        // to the season's tag (known before they exist); flows by their names, two channels x two
        // pipelines; the hold parameters and the topic by the names the program gives them.
        assert.deepStrictEqual(
            policy.Statement.map((s: any) => [s.Sid, s.Action, [s.Resource].flat().length]),
            [
                ["RunChannels", ["medialive:StartChannel", "medialive:StopChannel"], 1],
                ["SwitchInputs", "medialive:BatchUpdateSchedule", 1],
                ["RunFlows", ["mediaconnect:StartFlow", "mediaconnect:StopFlow"], 4],
                ["ReadHolds", "ssm:GetParameter", 2],
                ["NotifyNoc", "sns:Publish", 1],
            ],
        );
        assert.strictEqual(policy.Statement[0].Resource[0], "arn:aws:medialive:us-west-2:123456789012:channel:*");
        assert.ok((ml.outputs["arn"] as string).startsWith("arn:aws:medialive:us-west-2:123456789012:channel:"));
        assert.deepStrictEqual(policy.Statement[0].Condition, {
            StringEquals: { "aws:ResourceTag/onair:season": (ml.inputs["request"] as any).Tags["onair:season"] },
        });
        assert.match(policy.Statement[3].Resource[0], /^arn:aws:ssm:us-west-2:\d{12}:parameter\/onair\/test-season\/hold\/main-uhd$/);
        // The topic the program names is the one the runner notifies.
        assert.strictEqual(policy.Statement[4].Resource, topic);
        assert.deepStrictEqual([policy.Statement[1].Resource, policy.Statement[1].Condition], [policy.Statement[0].Resource, policy.Statement[0].Condition]);
        const rule = one(plan, "aws:cloudwatch/eventRule:EventRule", "usw2-runner-failures");
        assert.deepStrictEqual(JSON.parse(rule.inputs["eventPattern"] as string).detail, {
            stateMachineArn: [runner.outputs["arn"]],
            status: ["FAILED", "TIMED_OUT", "ABORTED"],
        });
        const target = one(plan, "aws:cloudwatch/eventTarget:EventTarget", "usw2-runner-failures");
        assert.strictEqual(target.inputs["arn"], one(plan, "aws:sns/topic:Topic", "usw2-alarms").outputs["arn"]);
    });

    it("exports the schedules with their times and the season cost estimate", () => {
        const o = plan.outputs as any;
        assert.deepStrictEqual(o.schedules.map((s: any) => `${s.region} ${s.action} ${s.at}`).sort(), [
            "us-east-1 start 2026-12-05T19:00:00",
            "us-east-1 stop 2026-12-06T00:30:00",
            "us-west-2 start 2026-12-05T19:00:00",
            "us-west-2 stop 2026-12-06T00:30:00",
        ]);
        assert.strictEqual(o.seasonCostEstimate.channels["main-uhd"].pipelineHours, 22);
    });
});
