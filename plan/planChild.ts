/**
 * The plan process: plans stacks one after another, reporting progress to the supervisor
 * (plan/supervisor.ts) over the IPC channel as it goes. The program runs as the main thread of a
 * Node process of its own, as under Pulumi's language host: a busy loop can be stopped from
 * outside, process.exit() ends only this process, and a program whose promises can never settle
 * shows as an event loop that ran dry. (A worker thread cannot run it: the SDK's closure
 * serializer requires every built-in module, and trace_events is unavailable in workers.)
 */
import { appendEvent } from "./eventLog";
import { enableFastPath } from "./fastPath";
import { StackJob, StackResult } from "./jobs";
import { planStack } from "./planStack";
import { ProgramError } from "./programError";
import { applyEvent, describePending, newPendingState, PendingState, RunEvent } from "./progress";

export interface ChildData {
    jobs: StackJob[];
    /** Index of the first job this process plans (a replacement resumes after a failed one). */
    start: number;
    fast: boolean;
    /** The supervisor's event log (plan/eventLog.ts), when it gave one. */
    eventFd?: number;
}

/** Plan process to supervisor. */
export type ChildMessage =
    | { t: "start"; job: number }
    | { t: "event"; job: number; ev: RunEvent }
    | { t: "result"; job: number; result: StackResult }
    /** The event loop ran dry while the program still awaited something: nothing can ever settle it. */
    | { t: "stalled"; job: number; lines: string[] }
    | { t: "exit-called"; job: number; code: number }
    | { t: "uncaught"; job: number; message: string; lines: string[] }
    | { t: "pong"; job: number; lines: string[]; handles: string[] };

/** Supervisor to plan process. */
export type SupervisorMessage = { t: "ping" };

/** Phases in which an empty event loop means the program waits for something that cannot happen. */
const STALLABLE = new Set(["loading", "default-export", "outputs", "registrations"]);

function withoutOwn(handles: string[], own: string[]): string[] {
    const left = [...own];
    return handles.filter((h) => {
        const i = left.indexOf(h);
        if (i < 0) return true;
        left.splice(i, 1);
        return false;
    });
}

function run(send: (m: ChildMessage) => void, data: ChildData): void {
    let job = -1;
    let state: PendingState = newPendingState();
    const rejections: unknown[] = [];

    if (data.fast) enableFastPath();
    process.on("unhandledRejection", (reason) => rejections.push(reason));
    process.on("uncaughtException", (e) => {
        send({ t: "uncaught", job, message: e instanceof Error ? e.message : String(e), lines: describePending(state) });
        process.exitCode = 2;
        process.channel?.unref();
        // Nothing else of this program may run on: end once the message is out.
        setImmediate(() => exit(2));
    });
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) => {
        send({ t: "exit-called", job, code: Number(code ?? process.exitCode ?? 0) });
        return exit(code as number);
    }) as typeof process.exit;
    // This process's own handles (the IPC channel, stdout and stderr) are not the program's.
    void [process.stdout, process.stderr];
    const own = process.getActiveResourcesInfo();
    process.on("message", (m: SupervisorMessage) => {
        if (m.t === "ping") send({ t: "pong", job, lines: describePending(state), handles: withoutOwn(process.getActiveResourcesInfo(), own) });
    });
    // The channel must not keep the process alive: an empty event loop is how a stalled program shows.
    process.channel?.unref();
    process.on("beforeExit", () => {
        if (job >= 0 && state.phase && STALLABLE.has(state.phase)) {
            send({ t: "stalled", job, lines: describePending(state) });
            job = -1;
            // Not a normal end (the SDK's promise-leak report at exit would only repeat it).
            process.exitCode = 2;
        }
    });

    let log = data.eventFd;
    const observer = (ev: RunEvent) => {
        applyEvent(state, ev);
        if (ev.e !== "phase" && log !== undefined) {
            try {
                return appendEvent(log, job, ev);
            } catch {
                // The log is gone (closed by the program?): the channel still carries events.
                log = undefined;
            }
        }
        send({ t: "event", job, ev });
    };
    /** Waits for the program's own timers and handles to end; a rejection meanwhile fails it. */
    const settle = async () => {
        const before = rejections.length;
        observer({ e: "phase", phase: "settling" });
        await new Promise<void>((resolve) => {
            process.once("beforeExit", () => resolve());
            // Node emits beforeExit each time the loop runs dry, but not again for a listener added
            // while it handles one (as here, after an earlier stack): one turn re-arms it.
            setImmediate(() => undefined);
        });
        if (rejections.length > before) throw new ProgramError(rejections[before]);
    };

    // planStack turns a program's failure into its result; anything else reaches the handlers above.
    void (async () => {
        for (let i = data.start; i < data.jobs.length; i++) {
            job = i;
            state = newPendingState();
            send({ t: "start", job: i });
            // A fresh turn of the event loop, so that a stall of this job still emits beforeExit.
            await new Promise((resolve) => setImmediate(resolve));
            const result = await planStack(data.jobs[i]!, observer, settle);
            send({ t: "result", job: i, result });
        }
        job = -1;
    })();
}

if (require.main === module && process.send) {
    const send = process.send.bind(process) as (m: ChildMessage) => boolean;
    run((m) => void send(m), JSON.parse(process.argv[2] ?? "{}") as ChildData);
}
