import { StateMachine } from "aws-local-stepfunctions";

// aws-local-stepfunctions declares node >= 22 for one API, Promise.withResolvers (ES2024), which
// Node 20 (the project's floor) lacks; this is its specified behaviour (ECMA-262, 27.2.4.8).
const P = Promise as unknown as { withResolvers?: () => unknown };
if (!P.withResolvers) {
    P.withResolvers = () => {
        let resolve!: (v: unknown) => void;
        let reject!: (e: unknown) => void;
        const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
        return { promise, resolve, reject };
    };
}

/**
 * Runs a state machine definition in aws-local-stepfunctions (an Amazon States Language
 * interpreter we did not write: it validates the definition with asl-validator, then evaluates
 * JSONPath, Parameters/ResultSelector/ResultPath, intrinsic functions, Choice rules, Map, Retry
 * and Catch per the spec, https://states-language.net/spec.html). Task states are mocked by
 * name; Wait states and retry back-offs take no real time but are recorded with the seconds the
 * definition asks for, so a test can add up the overrun the machine would really wait.
 */
export type TaskMock = (input: any, call: number) => unknown;

export class TaskError extends Error {
    constructor(name: string, cause = name) {
        super(cause);
        this.name = name;
    }
}

export interface Step {
    state: string;
    type: string;
    input?: unknown;
}

export interface Run {
    /** "succeeded" or "failed: <Error>". */
    result: string;
    output?: unknown;
    /** Every state entered, in order (Map iterations included). */
    steps: Step[];
    /** Task calls as the mocks saw them: state name and its effective input (after Parameters). */
    calls: { state: string; input: any }[];
    /** Seconds every Wait state entered would have waited. */
    waitedSeconds: number;
}

type Definition = Record<string, any>;

function allStates(def: Definition): Record<string, Definition> {
    const out: Record<string, Definition> = {};
    for (const [name, s] of Object.entries(def["States"] as Record<string, Definition>)) {
        out[name] = s;
        const inner = s["ItemProcessor"] ?? s["Iterator"];
        if (inner) Object.assign(out, allStates(inner));
        for (const b of (s["Branches"] as Definition[] | undefined) ?? []) Object.assign(out, allStates(b));
    }
    return out;
}

/** What Step Functions puts in every execution's context object ($$), as far as the runner reads it. */
export const TEST_EXECUTION = {
    Name: "noc-2026-12-05T19-58-00Z",
    Id: "arn:aws:states:us-east-1:123456789012:execution:onair-rsn-2026-27-runner:noc-2026-12-05T19-58-00Z",
};

export async function runMachine(definition: Definition, input: unknown, mocks: Record<string, TaskMock>, execution = TEST_EXECUTION): Promise<Run> {
    const states = allStates(definition);
    const calls: Run["calls"] = [];
    const counts: Record<string, number> = {};
    const handlers: Record<string, (i: any) => Promise<any>> = {};
    for (const [name, s] of Object.entries(states)) {
        if (s["Type"] !== "Task") continue;
        handlers[name] = async (i: any) => {
            const mock = mocks[name];
            if (!mock) throw new Error(`task ${name} (${s["Resource"]}) has no mock`);
            calls.push({ state: name, input: i });
            counts[name] = (counts[name] ?? 0) + 1;
            return (await mock(i, counts[name]!)) ?? {};
        };
    }
    const waits = Object.fromEntries(
        Object.entries(states)
            .filter(([, s]) => s["Type"] === "Wait")
            .map(([n]) => [n, 0]),
    );
    const retries = Object.fromEntries(
        Object.entries(states)
            .filter(([, s]) => s["Retry"])
            .map(([n]) => [n, 0]),
    );
    const machine = new StateMachine(definition as never);
    const run = machine.run(input as never, {
        overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waits, retryIntervalOverrides: retries },
        context: { Execution: execution } as never,
    });
    const steps: Step[] = [];
    let waitedSeconds = 0;
    const logs = (async () => {
        for await (const ev of run.eventLogs) {
            if (ev.type !== "StateEntered") continue;
            const st = (ev as { state: { name: string; type: string; input: unknown } }).state;
            steps.push({ state: st.name, type: st.type, input: st.input });
            if (st.type === "Wait") waitedSeconds += Number(states[st.name]!["Seconds"]);
        }
    })();
    let result: string;
    let output: unknown;
    try {
        output = await run.result;
        result = "succeeded";
    } catch (e) {
        const cause = (e as { cause?: { name?: string } }).cause;
        result = `failed: ${cause?.name ?? (e as Error).message}`;
    }
    await logs;
    return { result, output, steps, calls, waitedSeconds };
}
