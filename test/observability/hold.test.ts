import * as assert from "assert";
import { validateSeason } from "../../components/config/season";
import { holdOperatorPolicy } from "../../components/operations/hold";
import { PlanCapture } from "../../contracts/capturedPlan";
import { planSeason } from "../helpers/plan";
import { baselineSeason, configIssues, secretLookup, setPath } from "../helpers/season";
import { inlinePolicy, ofType, one } from "../components/planQueries";

describe("operations.hold configuration", () => {
    it("defaults to a two-hour maximum overrun re-checked every five minutes, without the input signal", () => {
        assert.deepStrictEqual(validateSeason(baselineSeason(), secretLookup()).operations, {
            hold: { maxOverrunMinutes: 120, recheckMinutes: 5, whileInputLive: false },
        });
    });

    it("names the key and the fix for a bad hold setting", () => {
        assert.deepStrictEqual(
            configIssues(setPath(baselineSeason(), "operations.hold", { maxOverrunMinutes: 50, recheckMinutes: 15 })).map((i) => i.path),
            ["onair:season.operations.hold.maxOverrunMinutes"],
        );
        assert.match(
            configIssues(setPath(baselineSeason(), "operations.hold", { maxOverrunMinutes: 50, recheckMinutes: 15 }))[0]!.message,
            /not a multiple of recheckMinutes \(15\).*use e\.g\. 60/,
        );
        assert.match(configIssues(setPath(baselineSeason(), "operations.hold.maxOverrunMinutes", 1000))[0]!.message, /out of range; use 5 to 720 minutes/);
        assert.deepStrictEqual(
            configIssues(setPath(baselineSeason(), "operations.hold.maxOverun", 60)).map((i) => i.path),
            ["onair:season.operations.hold.maxOverun"],
        );
        assert.match(configIssues(setPath(baselineSeason(), "operations.hold.whileInputLive", "yes"))[0]!.message, /not a boolean/);
    });
});

describe("overtime hold under the mock runtime", function () {
    let plan: PlanCapture;
    let live: PlanCapture;
    const season = () => {
        const s = baselineSeason();
        s.channels[0].events = [{ name: "final", start: "2026-12-05T20:00:00Z", end: "2026-12-06T00:00:00Z" }];
        return s;
    };
    before(async () => {
        plan = await planSeason(season());
        live = await planSeason(setPath(season(), "operations.hold.whileInputLive", true));
    });

    it("creates one hold parameter per channel and region, off, which updates never reset", () => {
        const params = ofType(plan, "aws:ssm/parameter:Parameter");
        assert.deepStrictEqual(params.map((p) => `${p.region} ${p.inputs["name"]} ${p.inputs["insecureValue"]}`).sort(), [
            "us-east-1 /onair/test-season/hold/main-uhd off",
            "us-east-1 /onair/test-season/hold/second-hd off",
            "us-west-2 /onair/test-season/hold/main-uhd off",
            "us-west-2 /onair/test-season/hold/second-hd off",
        ]);
        for (const p of params) {
            assert.deepStrictEqual(p.opts.ignoreChanges, ["insecureValue"], "an operator's hold survives pulumi up");
            assert.strictEqual(p.inputs["value"], undefined);
            assert.strictEqual(p.inputs["type"], "String");
        }
        assert.deepStrictEqual((plan.outputs as any).holds.parameters["main-uhd"], {
            "us-east-1": "/onair/test-season/hold/main-uhd",
            "us-west-2": "/onair/test-season/hold/main-uhd",
        });
    });

    it("gives operators a managed policy to read and set the season's holds, in its regions, and nothing else", () => {
        const p = one(plan, "aws:iam/policy:Policy", "hold-operator");
        assert.strictEqual(p.inputs["name"], "onair-test-season-hold-operator");
        const doc = JSON.parse(p.inputs["policy"] as string);
        assert.deepStrictEqual(
            doc.Statement.map((s: any) => [s.Action, s.Resource.map((r: string) => r.replace(/:\d{12}:/, ":<account>:"))]),
            [
                [
                    ["ssm:GetParameter", "ssm:PutParameter"],
                    [
                        "arn:aws:ssm:us-east-1:<account>:parameter/onair/test-season/hold/*",
                        "arn:aws:ssm:us-west-2:<account>:parameter/onair/test-season/hold/*",
                    ],
                ],
            ],
        );
        assert.strictEqual((plan.outputs as any).holds.operatorPolicyArn, p.outputs["arn"]);
        assert.deepStrictEqual(holdOperatorPolicy("s", ["eu-west-1"], "1").Statement[0]!.Resource, ["arn:aws:ssm:eu-west-1:1:parameter/onair/s/hold/*"]);
    });

    it("without whileInputLive: no input signal alarms, no DescribeAlarms permission", () => {
        assert.strictEqual(ofType(plan, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.name.endsWith("-input-lost")).length, 0);
        assert.ok(!inlinePolicy(plan, "usw2-season-runner").Statement.some((s: any) => s.Sid === "ReadInputSignal"));
    });

    it("with whileInputLive: an action-less input-lost alarm per channel and region, readable by that region's runner only", () => {
        const alarms = ofType(live, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.name.endsWith("-input-lost"));
        assert.deepStrictEqual(alarms.map((a) => `${a.region} ${a.inputs["name"]}`).sort(), [
            "us-east-1 onair-test-season-main-uhd-us-east-1-input-lost",
            "us-east-1 onair-test-season-second-hd-us-east-1-input-lost",
            "us-west-2 onair-test-season-main-uhd-us-west-2-input-lost",
            "us-west-2 onair-test-season-second-hd-us-west-2-input-lost",
        ]);
        for (const a of alarms) {
            assert.strictEqual(a.inputs["actionsEnabled"], false);
            assert.strictEqual(a.inputs["alarmActions"], undefined);
            assert.strictEqual(a.inputs["treatMissingData"], "breaching", "no data means no input");
        }
        const q = alarms[0]!.inputs["metricQueries"] as any[];
        assert.deepStrictEqual(
            q.map((m) => m.id),
            ["loss0", "loss1", "result"],
        );
        assert.strictEqual(q[2].expression, "MIN([IF(loss0 > 30, 1, 0), IF(loss1 > 30, 1, 0)])");
        const stmt = inlinePolicy(live, "usw2-season-runner").Statement.find((s: any) => s.Sid === "ReadInputSignal");
        assert.deepStrictEqual(stmt.Action, "cloudwatch:DescribeAlarms");
        assert.deepStrictEqual(
            stmt.Resource.map((r: string) => r.replace(/:\d{12}:/, ":<account>:")),
            [
                "arn:aws:cloudwatch:us-west-2:<account>:alarm:onair-test-season-main-uhd-us-west-2-input-lost",
                "arn:aws:cloudwatch:us-west-2:<account>:alarm:onair-test-season-second-hd-us-west-2-input-lost",
            ],
        );
        const definition = JSON.parse(one(live, "aws:sfn/stateMachine:StateMachine", "usw2-season-runner").inputs["definition"] as string);
        assert.strictEqual(definition.States.HoldDecision.Default, "ReadInputSignal");
    });
});
