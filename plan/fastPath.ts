/**
 * The fast path, `npm run plan`'s default since issue 20 (`--verbose` turns it off): V8 stack traces
 * off, and the SDK's two debugging aids that capture a stack per resource and per promise switched off. Neither aid
 * reaches the captured plan: registrations, inputs, outputs and the verdict stay the same, which
 * test/bench/fastPath.test.ts checks against the plain path.
 */
import { CALLSITES, DEBUGGABLE_PROMISE, REGISTER_REQUEST_PROTO, STRUCT } from "../contracts/sdkInternals";

/**
 * Node flags of the fast path: no stack traces, and a young generation sized for a plan's burst of
 * short-lived promises. The supervisor starts the plan process with them (plan/supervisor.ts
 * childExecArgv, test/bench/fastPath.test.ts).
 */
export const FAST_NODE_FLAGS = ["--stack-trace-limit=0", "--max-semi-space-size=64", "--min-semi-space-size=64"];

export function enableFastPath(): void {
    Error.stackTraceLimit = 0;
    // Source positions of each registration (the plan does not record them).
    CALLSITES.owner()["callsites"] = () => [];
    // Promise-leak bookkeeping (an Error and a set entry per promise), only read at process exit.
    DEBUGGABLE_PROMISE.owner()["debuggablePromise"] = <T>(p: Promise<T>) => p;
    lazyRegistrationStructs();
}

/**
 * Registration requests carry their inputs as a protobuf Struct for the engine's gRPC wire. Under
 * the mock monitor nothing goes on the wire: the monitor reads them straight back with
 * toJavaScript(). Here a Struct is built only when something other than toJavaScript() needs it,
 * and registration requests keep it as is instead of flattening it for the wire.
 */
export function lazyRegistrationStructs(): void {
    const Struct = STRUCT.get();
    const eager = Struct.fromJavaScript.bind(Struct);
    Struct.fromJavaScript = (obj: unknown) => {
        let real: Record<string | symbol, unknown> | undefined;
        const materialize = () => (real ??= eager(obj) as Record<string | symbol, unknown>);
        return new Proxy(
            {},
            {
                get: (_t, key) => {
                    if (key === "toJavaScript") return () => obj;
                    const target = materialize();
                    const v = target[key];
                    return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
                },
                getPrototypeOf: () => Struct.prototype,
            },
        );
    };
    const proto = REGISTER_REQUEST_PROTO.get();
    proto["setObject"] = function (this: { lazyObject?: unknown }, value: unknown) {
        this.lazyObject = value;
        return this;
    };
    proto["getObject"] = function (this: { lazyObject?: unknown }) {
        return this.lazyObject;
    };
}
