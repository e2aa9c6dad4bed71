/**
 * Runs plan jobs in a child process under a watchdog. Whatever way a program fails to finish (a
 * promise that never settles, a timer or busy loop, process.exit, an uncaught exception, a crash),
 * its stack ends with exit 2 and a paragraph naming what was still pending, and the next stack is
 * planned in a fresh process.
 */
import { ChildProcess, fork, StdioOptions } from "child_process";
import * as path from "path";
import { EVENT_FD, EventLog, openEventLog } from "./eventLog";
import { FAST_NODE_FLAGS } from "./fastPath";
import { failureResult, StackJob, StackResult } from "./jobs";
import type { ChildData, ChildMessage, SupervisorMessage } from "./planChild";
import { applyEvent, describeHandles, describePending, newPendingState, PendingState } from "./progress";

export interface SuperviseOptions {
    /** Per stack, from the start of its program (and, before that, for loading the plan process). */
    timeoutMs: number;
    /** Stack traces off and the SDK's debugging aids off in the plan process (the default; not under --verbose). */
    fast: boolean;
    /** Called as each stack finishes, in job order. */
    onResult: (index: number, result: StackResult) => void;
}

/** How long a timed-out plan process gets to answer a ping: an answer means it was waiting, not busy. */
const PING_MS = 5_000;
/** Loading the plan process and a stack's config, before the program runs. */
const SETUP_MS = 120_000;
/** How long a plan process that sent its last result gets to exit by itself. */
const EXIT_GRACE_MS = 10_000;

/** The loader the plan process starts with when this CLI runs from source (ADR 028). */
export const REGISTER = path.join(__dirname, "launch", "register.js");

/** A TypeScript loader already among these node flags (ts-node, or plan/launch/register.js). */
function hasTypeScriptLoader(execArgv: string[]): boolean {
    return execArgv.some((a) => a.includes("ts-node") || /launch[\\/]register(\.js)?$/.test(a));
}

/**
 * The plan process's node flags: this process's own, the TypeScript loader when this CLI runs
 * from source and has none in its flags (under mocha, or `node plan/launch/plan.js`), and the fast
 * path's V8 flags, or for a --verbose run source-mapped stack traces (ts-node maps its own).
 */
export function childExecArgv(execArgv: string[], fast: boolean, compiled = __filename.endsWith(".js")): string[] {
    const loader = compiled || hasTypeScriptLoader(execArgv) ? [] : ["-r", REGISTER];
    const mapped = execArgv.some((a) => a.includes("ts-node")) || compiled ? [] : ["--enable-source-maps"];
    const extra = fast ? FAST_NODE_FLAGS : mapped;
    return [...execArgv, ...loader, ...extra.filter((f) => !execArgv.includes(f))];
}

function startChild(data: ChildData, log: EventLog | undefined): ChildProcess {
    const compiled = __filename.endsWith(".js");
    const entry = path.join(__dirname, compiled ? "planChild.js" : "planChild.ts");
    const stdio: StdioOptions = ["ignore", "inherit", "inherit", "ipc", ...(log ? [log.fd] : [])];
    return fork(entry, [JSON.stringify({ ...data, ...(log ? { eventFd: EVENT_FD } : {}) })], { execArgv: childExecArgv(process.execArgv, data.fast), stdio });
}

function paragraph(head: string, lines: string[], tail?: string): string {
    return [head, ...lines.map((l) => (l.startsWith("  ") ? l : `  ${l}`)), ...(tail ? [tail] : [])].join("\n");
}

/** Plans every job, each under the watchdog; resolves when all have a result. */
export async function superviseJobs(jobs: StackJob[], opts: SuperviseOptions): Promise<StackResult[]> {
    const results: StackResult[] = [];
    let next = 0;
    while (next < jobs.length) {
        next = await runChild(jobs, next, opts, (i, r) => {
            results[i] = r;
            opts.onResult(i, r);
        });
    }
    return results;
}

/** One plan process from job `start` on; resolves with the index of the first job it did not finish. */
function runChild(jobs: StackJob[], start: number, opts: SuperviseOptions, done: (i: number, r: StackResult) => void): Promise<number> {
    return new Promise((resolve) => {
        const log = openEventLog();
        const child = startChild({ jobs, start, fast: opts.fast }, log);
        let current = start;
        let state: PendingState = newPendingState();
        /** Brings the state up to date with the events the plan process has logged so far. */
        const catchUp = () => {
            for (const { job, ev } of log?.readNew() ?? []) if (job === current) applyEvent(state, ev);
        };
        let exitCalled: number | undefined;
        let finished = false;
        let timer: NodeJS.Timeout | undefined;
        let pong: ((m: Extract<ChildMessage, { t: "pong" }>) => void) | undefined;
        const seconds = opts.timeoutMs / 1000;

        // Until a program starts, the plan process loads (Node, ts-node, the SDK, the packs): that
        // gets a limit of its own, so a short --timeout bounds the program, not a loaded machine.
        const arm = (ms = Math.max(opts.timeoutMs, SETUP_MS)) => {
            if (timer) clearTimeout(timer);
            timer = setTimeout(() => void onTimeout(), ms);
        };
        /** Ends the current job with a failure; the next process resumes after it. */
        const fail = (message: string) => {
            if (finished) return;
            finished = true;
            if (timer) clearTimeout(timer);
            done(current, failureResult(jobs[current]!, message));
            resolve(current + 1);
        };
        const stackLabel = () => `stack ${jobs[current]!.stack}`;

        async function onTimeout(): Promise<void> {
            const timedOut = current;
            const answer = await new Promise<Extract<ChildMessage, { t: "pong" }> | undefined>((r) => {
                pong = r;
                // A closed channel (the process is ending) answers as a process that cannot answer.
                if (!child.connected) r(undefined);
                else child.send({ t: "ping" } satisfies SupervisorMessage, (e) => e && r(undefined));
                setTimeout(() => r(undefined), PING_MS).unref();
            });
            pong = undefined;
            // It finished while answering: a slow program, not a stuck one.
            if (finished || current !== timedOut) return;
            catchUp();
            const head = state.phase
                ? `Program error: the plan of ${stackLabel()} did not finish within ${seconds} s (--timeout); it was stopped.`
                : `Error: the plan process for ${stackLabel()} did not start its program within ${Math.round(Math.max(opts.timeoutMs, SETUP_MS) / 1000)} s; it was stopped.`;
            const lines = answer
                ? [...answer.lines, `Still waiting on: ${describeHandles(answer.handles)}.`]
                : [...describePending(state), "Its JavaScript never yielded: a busy loop or a long synchronous computation."];
            fail(paragraph(head, lines, "A large season may need a longer --timeout; a program that never finishes cannot be deployed by pulumi up either."));
            child.kill("SIGKILL");
        }

        arm();
        child.on("message", (m: ChildMessage) => {
            if (m.job !== current && m.t !== "start") return;
            switch (m.t) {
                case "start":
                    catchUp();
                    current = m.job;
                    state = newPendingState();
                    arm();
                    break;
                case "event":
                    applyEvent(state, m.ev);
                    // The limit is the program's: it starts when the program does, not while
                    // the stack file and policy packs load.
                    if (m.ev.e === "phase" && m.ev.phase === "loading") arm(opts.timeoutMs);
                    break;
                case "result":
                    done(m.job, m.result);
                    current = m.job + 1;
                    if (current < jobs.length) {
                        arm();
                        break;
                    }
                    // All planned: the process ends by itself (it waited for its program's handles).
                    finished = true;
                    if (timer) clearTimeout(timer);
                    setTimeout(() => child.kill("SIGKILL"), EXIT_GRACE_MS).unref();
                    child.once("exit", () => resolve(current));
                    break;
                case "stalled":
                    fail(
                        paragraph(
                            `Program error: the program of ${stackLabel()} can never finish: nothing it awaits is still running.`,
                            m.lines,
                            "pulumi up would end the same way without deploying; settle or remove the promise it awaits.",
                        ),
                    );
                    break;
                case "exit-called":
                    exitCalled = m.code;
                    break;
                case "uncaught":
                    fail(
                        paragraph(
                            `Program error: the program of ${stackLabel()} threw an uncaught exception in a callback: ${m.message.split("\n")[0]}`,
                            m.lines,
                        ),
                    );
                    break;
                case "pong":
                    pong?.(m);
                    break;
            }
        });
        child.on("error", (e) => fail(`Error: the plan process for ${stackLabel()} could not run: ${e.message}`));
        child.on("exit", (code, signal) => {
            if (timer) clearTimeout(timer);
            catchUp();
            log?.close();
            if (finished) return;
            const how = exitCalled !== undefined ? `called process.exit(${exitCalled})` : signal ? `was ended by ${signal}` : `ended (exit code ${code})`;
            fail(
                paragraph(
                    `Program error: the program of ${stackLabel()} ${how} before the plan finished.`,
                    describePending(state),
                    "Programs must not end the process; throw an Error to fail the update.",
                ),
            );
        });
    });
}
