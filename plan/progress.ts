/**
 * What a plan run reports while it goes, so whoever watches it (plan/supervisor.ts) can say what
 * was still pending when a program never finished. Events are plain data: they cross a thread.
 */
import { REGISTER_RESOURCE, RegisterFn } from "../contracts/sdkInternals";

/** Where a run is: the phases a hung program can be stuck in, in order. */
export type RunPhase =
    /** Running the program module's top-level code. */
    | "loading"
    /** Awaiting the Promise the program's default export returned. */
    | "default-export"
    /** Awaiting the stack outputs. */
    | "outputs"
    /** Awaiting registrations no output depends on (as the language host does before it exits). */
    | "registrations"
    /** The program is done; waiting for its timers and handles to end (a late rejection fails it). */
    | "settling"
    /** Judging the plan with the policy packs. */
    | "judging";

export type RunEvent =
    | { e: "phase"; phase: RunPhase }
    /** A resource object was constructed; it registers once its inputs and parent resolve. */
    | { e: "constructed"; type: string; name: string; parent?: string }
    /** Its registration reached the mock monitor and was answered. */
    | { e: "registered"; type: string; name: string }
    /** The program's stack outputs, by key, once it returned them. */
    | { e: "outputs"; keys: string[] }
    | { e: "output-resolved"; key: string };

export type RunObserver = (event: RunEvent) => void;

/** What a run still waited for, rebuilt from its events. */
export interface PendingState {
    phase?: RunPhase;
    /** Resources constructed but not registered, by `type\u0000name`: count and parent. */
    resources: Map<string, { type: string; name: string; parent?: string; count: number }>;
    registered: number;
    outputs: Set<string>;
}

export function newPendingState(): PendingState {
    return { resources: new Map(), registered: 0, outputs: new Set() };
}

export function applyEvent(s: PendingState, ev: RunEvent): void {
    switch (ev.e) {
        case "phase":
            s.phase = ev.phase;
            break;
        case "constructed": {
            const key = `${ev.type}\u0000${ev.name}`;
            const entry = s.resources.get(key);
            if (entry) entry.count++;
            else s.resources.set(key, { type: ev.type, name: ev.name, ...(ev.parent ? { parent: ev.parent } : {}), count: 1 });
            break;
        }
        case "registered": {
            s.registered++;
            const key = `${ev.type}\u0000${ev.name}`;
            const entry = s.resources.get(key);
            if (entry && --entry.count <= 0) s.resources.delete(key);
            break;
        }
        case "outputs":
            for (const k of ev.keys) s.outputs.add(k);
            break;
        case "output-resolved":
            s.outputs.delete(ev.key);
            break;
    }
}

const PHASE_TEXT: Record<RunPhase, string> = {
    loading: "the program's top-level code had not returned",
    "default-export": "the Promise returned by the program's default export had not settled",
    outputs: "the program's stack outputs had not resolved",
    registrations: "resource registrations were still outstanding",
    settling: "the program had returned, but its timers or handles kept running",
    judging: "the policy packs were still judging the plan",
};

/** Lines naming what was pending, most useful first; at most `limit` resources are listed. */
export function describePending(s: PendingState, limit = 10): string[] {
    const lines: string[] = [];
    lines.push(
        s.phase ? `${PHASE_TEXT[s.phase]} (${s.registered} registration${s.registered === 1 ? "" : "s"} answered).` : "the plan had not started the program.",
    );
    if (s.outputs.size > 0) lines.push(`Stack outputs still pending: ${[...s.outputs].sort().join(", ")}.`);
    const resources = [...s.resources.values()].sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : 1));
    if (resources.length > 0) {
        const total = resources.reduce((n, r) => n + r.count, 0);
        lines.push(`Resources awaiting their inputs or parent (${total}):`);
        for (const r of resources.slice(0, limit)) {
            lines.push(`  - ${r.type} "${r.name}"${r.parent ? ` (parent ${r.parent})` : ""}${r.count > 1 ? ` x${r.count}` : ""}`);
        }
        if (resources.length > limit) lines.push(`  - ... and ${resources.length - limit} more`);
    }
    return lines;
}

let current: RunObserver | undefined;
let hooked = false;

/**
 * Reports each resource construction to the observer of the run under way. The SDK's Resource
 * constructor calls `runtime/resource.registerResource` (through the module object, so a wrapper
 * placed there sees every call) before it awaits the inputs: a resource whose input never
 * resolves is seen here even though it never reaches the monitor.
 */
export function observeConstructions(observer: RunObserver | undefined): void {
    current = observer;
    if (hooked || !observer) return;
    hooked = true;
    const owner = REGISTER_RESOURCE.owner();
    const original = REGISTER_RESOURCE.get();
    owner["registerResource"] = function (this: unknown, ...args: Parameters<RegisterFn>) {
        const [, parent, t, name] = args;
        const parentText = parent?.__pulumiType && parent.__pulumiType !== "pulumi:pulumi:Stack" ? `${parent.__pulumiType} "${parent.__name}"` : undefined;
        current?.({ e: "constructed", type: t, name, ...(parentText ? { parent: parentText } : {}) });
        return original.apply(this, args);
    };
}

/**
 * Reports each stack output as it resolves, so a hung run names the outputs it waited for. Walks
 * the value as the SDK's stack does (promises, outputs, resources by their URN, plain objects).
 */
export function observeOutputs(exports: Record<string, unknown>, keys: string[], observer: RunObserver | undefined): void {
    if (!observer) return;
    observer({ e: "outputs", keys });
    for (const key of keys) {
        settled(exports[key], new Set()).then(
            () => observer({ e: "output-resolved", key }),
            // A rejected output fails the run through the SDK; here it is only no longer pending.
            () => observer({ e: "output-resolved", key }),
        );
    }
}

async function settled(v: unknown, seen: Set<unknown>): Promise<void> {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the supervisor imports this module and must not load the SDK; only the plan process walks outputs
    const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    if (v instanceof Promise) return settled(await v, seen);
    if (pulumi.Output.isInstance(v)) return settled(await (v as unknown as { promise(): Promise<unknown> }).promise(), seen);
    if (pulumi.Resource.isInstance(v)) {
        await (v as unknown as { urn: { promise(): Promise<unknown> } }).urn.promise();
        return;
    }
    await Promise.all(Object.values(v as Record<string, unknown>).map((e) => settled(e, seen)));
}

const HANDLES: Record<string, string> = {
    Timeout: "a timer (setTimeout/setInterval)",
    Immediate: "setImmediate",
    TCPSocketWrap: "a network connection",
    TCPServerWrap: "a listening server",
    GetAddrInfoReqWrap: "a DNS lookup",
    FSReqCallback: "a file operation",
    FSReqPromise: "a file operation",
    ProcessWrap: "a child process",
    PipeWrap: "a pipe",
    TTYWrap: "the terminal",
    SignalWrap: "a signal handler",
};

/** What keeps an event loop busy, in words, from process.getActiveResourcesInfo(). */
export function describeHandles(names: string[]): string {
    const counts = new Map<string, number>();
    for (const n of names) counts.set(HANDLES[n] ?? n, (counts.get(HANDLES[n] ?? n) ?? 0) + 1);
    if (counts.size === 0) return "nothing the event loop tracks";
    return [...counts.entries()].map(([what, n]) => (n > 1 ? `${what} x${n}` : what)).join(", ");
}
