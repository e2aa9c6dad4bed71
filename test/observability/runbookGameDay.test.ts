import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { BatchScheduleActionCreateRequest } from "@aws-sdk/client-medialive";
import { validateSeason } from "../../components/config/season";
import { HOLD_OFF, holdOperatorPolicy, holdParameterName } from "../../components/operations/hold";
import { runnerDefinition } from "../../components/operations/runner";
import { QOE_FIGURES } from "../../components/observability/qoe/metrics";
import { readStackConfig } from "../../plan/stackConfig";
import { ROOT } from "../helpers/plan";
import { secretLookup } from "../helpers/season";
import { runMachine } from "./stateMachine";

/** The game-day steps of docs/runbook.md, checked against the code they drive. */
const runbook = fs.readFileSync(path.join(ROOT, "docs", "runbook.md"), "utf8");
const section = (title: string) => {
    const start = runbook.indexOf(`### ${title}`);
    assert.ok(start >= 0, title);
    const end = runbook.slice(start + 4).search(/\n##+ /);
    return runbook.slice(start, end < 0 ? undefined : start + 4 + end);
};
const bash = (text: string) => [...text.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.replace(/\\\n\s*/g, " ").split("\n")).map((l) => l.trim()).filter((l) => l !== "");
const prod = validateSeason(JSON.parse(readStackConfig(ROOT, "prod").config["onair:season"]!), { ...secretLookup(), isSet: () => true, isSecret: () => true, length: () => 64 });

describe("docs/runbook.md game day: hold, input switch, QoE panels", () => {
    const hold = section("Hold a channel for overtime");
    const [set, release] = bash(hold);

    it("sets and releases the hold with one command over every region of the prod season", () => {
        for (const [cmd, value] of [[set!, "on"], [release!, HOLD_OFF]] as const) {
            const loop = /^for r in ([a-z0-9 -]+); do aws ssm put-parameter --region "\$r" --name (\S+) --value (\S+) --overwrite; done$/.exec(cmd);
            assert.ok(loop, cmd);
            assert.deepStrictEqual(loop[1]!.split(" "), prod.regions.map((r) => r.region));
            assert.strictEqual(loop[2], holdParameterName("<season>", "<channel>"));
            assert.strictEqual(loop[3], value);
        }
    });

    it("the operators' policy allows exactly what the commands call", () => {
        const actions = [...hold.matchAll(/aws ssm ([a-z-]+)/g)].map((m) => `ssm:${m[1]!.split("-").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}`);
        assert.deepStrictEqual([...new Set(actions)].sort(), ["ssm:GetParameter", "ssm:PutParameter"]);
        assert.deepStrictEqual(holdOperatorPolicy(prod.name, ["us-east-1"], "1").Statement[0]!.Action, ["ssm:GetParameter", "ssm:PutParameter"]);
    });

    it("the values it writes do what it says to the runner: on holds, off stops, stop-now ignores the hold", async () => {
        const def = runnerDefinition({ season: prod.name, region: "us-east-1", hold: prod.operations.hold, topicArn: "arn:aws:sns:us-east-1:1:t" });
        const stopNow = JSON.parse(/--input '([^']+)'/.exec(bash(hold).find((l) => l.startsWith("aws stepfunctions start-execution"))!)![1]!);
        const mocks = (value: string) => ({ ReadHold: () => ({ Parameter: { Value: value } }), StopChannel: () => ({}), StopFlow: () => ({}), NotifyHolding: () => ({}), NotifyReleased: () => ({}), NotifyMaxOverrun: () => ({}) });
        const held = await runMachine(def, { ...stopNow, action: "stop" }, mocks("on"));
        assert.strictEqual(held.waitedSeconds - 60, prod.operations.hold.maxOverrunMinutes * 60);
        const off = await runMachine(def, { ...stopNow, action: "stop" }, mocks(HOLD_OFF));
        assert.ok(!off.calls.some((c) => c.state.startsWith("Notify")));
        const now = await runMachine(def, stopNow, mocks("on"));
        assert.deepStrictEqual([stopNow.action, now.calls[0]!.state], ["stop-now", "StopChannel"]);
    });

    it("the manual input switch is a MediaLive schedule action in both regions, in the SDK's shape", () => {
        const sw = section("Switch a channel's input by hand");
        const cmds = bash(sw);
        assert.deepStrictEqual(cmds.map((c) => /--region (\S+)/.exec(c)![1]), prod.regions.map((r) => r.region));
        assert.ok(cmds.every((c) => c.startsWith("aws medialive batch-update-schedule") && c.includes("--creates file://switch.json")));
        const json = JSON.parse(/```json\n([\s\S]*?)```/.exec(sw)![1]!);
        // Type-checked against @aws-sdk/client-medialive: the runbook's JSON must equal a value of the SDK's type.
        const typed: BatchScheduleActionCreateRequest = {
            ScheduleActions: [{
                ActionName: "manual-switch-1",
                ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
                ScheduleActionSettings: { InputSwitchSettings: { InputAttachmentNameReference: "<attachment name>" } },
            }],
        };
        assert.deepStrictEqual(json, typed);
    });

    // The failover drill's paragraph on the QoE panels.
    const drill = () => {
        const from = runbook.indexOf("While it happens, the global dashboard's QoE section");
        assert.ok(from > runbook.indexOf("## 4. Failover drill"));
        return runbook.slice(from, runbook.indexOf("Record the switch time", from));
    };

    it("names the QoE panels the global dashboard has", () => {
        const named = [...section("Reading the QoE panels").matchAll(/\*\*([^*]+)\*\*/g), ...drill().matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.replace(/\s+/g, " "));
        const titles = Object.values(QOE_FIGURES).map((f) => f.title);
        assert.ok(named.length >= 8);
        for (const n of named) assert.ok(titles.some((t) => t.startsWith(n)), `${n} is not a QoE panel (${titles.join("; ")})`);
    });
});
