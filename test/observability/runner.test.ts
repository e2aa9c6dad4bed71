import * as assert from "assert";
import { CHANNEL_DRAIN_SECONDS, FLOW_CONNECT_SECONDS, runnerDefinition, RunnerInput } from "../../components/operations/runner";

type State = Record<string, any>;
class TaskError extends Error {
    constructor(readonly error: string) {
        super(error);
    }
}

/**
 * Runs the runner's definition over a fake AWS: the subset of the Amazon States Language it uses
 * (Choice on $.action, Map over $.flowArns, Task with "$"/"$.channelId" parameters, Wait, Pass,
 * Succeed, Fail, Catch). Returns the calls made and waits taken, in order.
 */
async function execute(input: RunnerInput, fail: Record<string, string> = {}): Promise<{ calls: string[]; result: string }> {
    const calls: string[] = [];
    const run = async (machine: { StartAt: string; States: Record<string, State> }, data: unknown): Promise<string> => {
        let name = machine.StartAt;
        for (;;) {
            const s = machine.States[name]!;
            switch (s["Type"]) {
                case "Choice": {
                    const c = (s["Choices"] as State[]).find((x) => (data as Record<string, unknown>)[String(x["Variable"]).slice(2)] === x["StringEquals"]);
                    name = c ? c["Next"] : s["Default"];
                    break;
                }
                case "Map":
                    for (const item of (data as RunnerInput).flowArns) await run(s["ItemProcessor"], item);
                    name = s["Next"];
                    break;
                case "Task": {
                    const api = String(s["Resource"]).split(":").pop()!;
                    const [key, path] = Object.entries(s["Parameters"] as Record<string, string>)[0]!;
                    const arg = path === "$" ? data : (data as Record<string, unknown>)[path.slice(2)];
                    const call = `${api} ${key.replace(/\.\$$/, "")}=${String(arg)}`;
                    calls.push(call);
                    try {
                        if (fail[call]) throw new TaskError(fail[call]!);
                    } catch (e) {
                        const handler = (s["Catch"] as State[] | undefined)?.find((c) => (c["ErrorEquals"] as string[]).includes((e as TaskError).error));
                        if (!handler) return `failed: ${(e as TaskError).error}`;
                        name = handler["Next"];
                        break;
                    }
                    if (s["End"]) return "succeeded";
                    name = s["Next"];
                    break;
                }
                case "Wait":
                    calls.push(`wait ${s["Seconds"]}s`);
                    name = s["Next"];
                    break;
                case "Pass":
                    if (s["End"]) return "succeeded";
                    name = s["Next"];
                    break;
                case "Succeed":
                    return "succeeded";
                case "Fail":
                    return `failed: ${s["Error"]}`;
                default:
                    throw new Error(`state type ${s["Type"]} not modelled`);
            }
        }
    };
    const result = await run(runnerDefinition() as never, input);
    return { calls, result };
}

const INPUT = { channel: "football-uhd", event: "final", channelId: "1234567", flowArns: ["arn:flow-a", "arn:flow-b"] };

describe("season runner (Step Functions definition)", () => {
    it("starts both flows, lets them connect, then starts the channel", async () => {
        assert.deepStrictEqual(await execute({ ...INPUT, action: "start" }), {
            calls: ["startFlow FlowArn=arn:flow-a", "startFlow FlowArn=arn:flow-b", `wait ${FLOW_CONNECT_SECONDS}s`, "startChannel ChannelId=1234567"],
            result: "succeeded",
        });
    });

    it("stops the channel, lets it drain, then stops the flows", async () => {
        assert.deepStrictEqual(await execute({ ...INPUT, action: "stop" }), {
            calls: ["stopChannel ChannelId=1234567", `wait ${CHANNEL_DRAIN_SECONDS}s`, "stopFlow FlowArn=arn:flow-a", "stopFlow FlowArn=arn:flow-b"],
            result: "succeeded",
        });
    });

    it("carries on when an operator already started a flow or the channel", async () => {
        const r = await execute({ ...INPUT, action: "start" }, { "startFlow FlowArn=arn:flow-a": "MediaConnect.BadRequestException", "startChannel ChannelId=1234567": "MediaLive.ConflictException" });
        assert.strictEqual(r.result, "succeeded");
        assert.strictEqual(r.calls.length, 4);
    });

    it("fails, for the failure rule to page, when MediaLive refuses for another reason", async () => {
        const r = await execute({ ...INPUT, action: "start" }, { "startChannel ChannelId=1234567": "MediaLive.ForbiddenException" });
        assert.strictEqual(r.result, "failed: MediaLive.ForbiddenException");
    });

    it("refuses an unknown action", async () => {
        assert.strictEqual((await execute({ ...INPUT, action: "restart" as "start" })).result, "failed: OnAir.UnknownAction");
    });

    it("retries throttling of both services and is valid JSON for the state machine", () => {
        const def = runnerDefinition();
        assert.deepStrictEqual(JSON.parse(JSON.stringify(def)), def);
        const retried = ((def as any).States.StartChannel.Retry[0].ErrorEquals as string[]);
        assert.ok(retried.includes("MediaLive.TooManyRequestsException") && retried.includes("MediaConnect.TooManyRequestsException"));
        assert.ok(!retried.includes("States.ALL"), "a refusal must not be retried into a late start");
    });
});
