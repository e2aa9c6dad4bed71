import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { BatchScheduleActionCreateRequest, BatchUpdateScheduleRequest } from "@aws-sdk/client-medialive";
import { validateSeason } from "../../components/config/season";
import { HOLD_OFF, holdOperatorPolicy, holdParameterName } from "../../components/operations/hold";
import { OWNED_PREFIX, switchActions } from "../../components/operations/inputSchedule";
import { MANUAL_PREFIX, runnerDefinition } from "../../components/operations/runner";
import { QOE_FIGURES } from "../../components/observability/qoe/metrics";
import { readStackConfig } from "../../components/config/stackConfig";
import { ROOT } from "../helpers/plan";
import { secretLookup } from "../helpers/season";
import { runMachine, TEST_EXECUTION } from "./stateMachine";

/** The game-day steps of docs/runbook.md, checked against the code they drive. */
const runbook = fs.readFileSync(path.join(ROOT, "docs", "runbook.md"), "utf8");
const section = (title: string) => {
    const start = runbook.indexOf(`### ${title}`);
    assert.ok(start >= 0, title);
    const end = runbook.slice(start + 4).search(/\n##+ /);
    return runbook.slice(start, end < 0 ? undefined : start + 4 + end);
};
const bash = (text: string) =>
    [...text.matchAll(/```bash\n([\s\S]*?)```/g)]
        .flatMap((m) => m[1]!.replace(/\\\n\s*/g, " ").split("\n"))
        .map((l) => l.trim())
        .filter((l) => l !== "");
const prod = validateSeason(JSON.parse(readStackConfig(ROOT, "prod").config["onair:season"]!), {
    ...secretLookup(),
    isSet: () => true,
    isSecret: () => true,
    length: () => 64,
});

describe("docs/runbook.md game day: hold, input switches, QoE panels", () => {
    const hold = section("Hold a channel for overtime");
    const [set, release] = bash(hold);

    it("sets and releases the hold with one command over every region of the prod season", () => {
        for (const [cmd, value] of [
            [set!, "on"],
            [release!, HOLD_OFF],
        ] as const) {
            const loop = /^for r in ([a-z0-9 -]+); do aws ssm put-parameter --region "\$r" --name (\S+) --value (\S+) --overwrite; done$/.exec(cmd);
            assert.ok(loop, cmd);
            assert.deepStrictEqual(
                loop[1]!.split(" "),
                prod.regions.map((r) => r.region),
            );
            assert.strictEqual(loop[2], holdParameterName("<season>", "<channel>"));
            assert.strictEqual(loop[3], value);
        }
    });

    it("the operators' policy allows exactly what the commands call", () => {
        const actions = [...hold.matchAll(/aws ssm ([a-z-]+)/g)].map(
            (m) =>
                `ssm:${m[1]!
                    .split("-")
                    .map((w) => w[0]!.toUpperCase() + w.slice(1))
                    .join("")}`,
        );
        assert.deepStrictEqual([...new Set(actions)].sort(), ["ssm:GetParameter", "ssm:PutParameter"]);
        assert.deepStrictEqual(holdOperatorPolicy(prod.name, ["us-east-1"], "1").Statement[0]!.Action, ["ssm:GetParameter", "ssm:PutParameter"]);
    });

    it("the values it writes do what it says to the runner: on holds, off stops, stop-now ignores the hold", async () => {
        const def = runnerDefinition({ season: prod.name, region: "us-east-1", hold: prod.operations.hold, topicArn: "arn:aws:sns:us-east-1:1:t" });
        const stopNow = JSON.parse(/--input '([^']+)'/.exec(bash(hold).find((l) => l.startsWith("aws stepfunctions start-execution"))!)![1]!);
        const mocks = (value: string) => ({
            ReadHold: () => ({ Parameter: { Value: value } }),
            StopChannel: () => ({}),
            StopFlow: () => ({}),
            NotifyHolding: () => ({}),
            NotifyReleased: () => ({}),
            NotifyMaxOverrun: () => ({}),
        });
        const held = await runMachine(def, { ...stopNow, action: "stop" }, mocks("on"));
        assert.strictEqual(held.waitedSeconds - 60, prod.operations.hold.maxOverrunMinutes * 60);
        const off = await runMachine(def, { ...stopNow, action: "stop" }, mocks(HOLD_OFF));
        assert.ok(!off.calls.some((c) => c.state.startsWith("Notify")));
        const now = await runMachine(def, stopNow, mocks("on"));
        assert.deepStrictEqual([stopNow.action, now.calls[0]!.state], ["stop-now", "StopChannel"]);
    });

    it("the manual input switch is the runner's switch-input in every region: one immediate switch, in the SDK's shape", async () => {
        const sw = section("Switch a channel's input by hand");
        const runs = bash(sw).filter((c) => c.startsWith("aws stepfunctions start-execution"));
        assert.deepStrictEqual(
            runs.map((c) => /--region (\S+)/.exec(c)![1]),
            prod.regions.map((r) => r.region),
        );
        for (const run of runs) {
            const input = JSON.parse(/--input '([^']+)'/.exec(run)![1]!);
            const def = runnerDefinition({ season: prod.name, region: "us-east-1", hold: prod.operations.hold, topicArn: "arn:aws:sns:us-east-1:1:t" });
            const r = await runMachine(def, input, { SwitchInput: () => ({}), NotifySwitched: () => ({}) });
            assert.strictEqual(r.result, "succeeded");
            // aws-sdk:medialive:batchUpdateSchedule takes the API's request: type-checked against the SDK.
            const request: BatchUpdateScheduleRequest = {
                ChannelId: "<id>",
                Creates: {
                    ScheduleActions: [
                        {
                            ActionName: `${MANUAL_PREFIX}${TEST_EXECUTION.Name}`,
                            ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
                            ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "contribution" } },
                        },
                    ],
                },
            };
            assert.deepStrictEqual(r.calls[0]!.input, request);
            assert.ok(prod.channels.find((c) => c.id === input.channel)!.extraInputs.length > 0, "the example channel has another input to switch from");
        }
    });

    it("the switch without the runner is the same action by the CLI in every region, outside the schedule resource's names", () => {
        const sw = section("Switch a channel's input by hand");
        const cmds = bash(sw).filter((c) => c.startsWith("aws medialive"));
        assert.deepStrictEqual(
            cmds.map((c) => /--region (\S+)/.exec(c)![1]),
            prod.regions.map((r) => r.region),
        );
        assert.ok(cmds.every((c) => c.startsWith("aws medialive batch-update-schedule") && c.includes("--creates file://switch.json")));
        const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(sw)![1]!);
        const typed: BatchScheduleActionCreateRequest = {
            ScheduleActions: [
                {
                    ActionName: "manual.noc-1",
                    ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
                    ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "<attachment name>" } },
                },
            ],
        };
        assert.deepStrictEqual(json, typed);
        const name = typed.ScheduleActions![0]!.ActionName!;
        assert.ok(name.startsWith(MANUAL_PREFIX) && !name.startsWith(OWNED_PREFIX));
    });

    it("the scheduled-switch steps name the actions as the schedule resource does, and prod has such a channel", () => {
        const text = section("Scheduled input switches");
        const pattern = /`onair\.<event>\.<start\|end><\+\|-minutes>\.<input>`/;
        assert.match(text, pattern);
        const football = prod.channels.find((c) => c.id === "football-uhd")!;
        const names = switchActions(football).map((a) => a.ActionName!);
        assert.ok(
            names.every((n) => /^onair\.[a-z0-9-]+\.(start|end)[+-]\d+\.[a-z0-9-]+$/.test(n)),
            names.join(", "),
        );
        assert.deepStrictEqual(
            football.inputSwitches.map((s) => [s.input, s.from, s.minutes]),
            [
                ["studio", "start", -prod.schedule.leadMinutes],
                ["contribution", "start", 0],
            ],
            "pregame from the channel's start (T-lead), the stadium at kick-off",
        );
    });

    // The failover drill's paragraph on the QoE panels.
    const drill = () => {
        const from = runbook.indexOf("While it happens, the global dashboard's QoE section");
        assert.ok(from > runbook.indexOf("## 4. Failover drill"));
        return runbook.slice(from, runbook.indexOf("Record the switch time", from));
    };

    it("names the QoE panels the global dashboard has", () => {
        const named = [...section("Reading the QoE panels").matchAll(/\*\*([^*]+)\*\*/g), ...drill().matchAll(/\*\*([^*]+)\*\*/g)].map((m) =>
            m[1]!.replace(/\s+/g, " "),
        );
        const titles = Object.values(QOE_FIGURES).map((f) => f.title);
        assert.ok(named.length >= 8);
        for (const n of named)
            assert.ok(
                titles.some((t) => t.startsWith(n)),
                `${n} is not a QoE panel (${titles.join("; ")})`,
            );
    });
});
