/**
 * The fast path, `npm run plan`'s default since issue 20 (`--verbose` turns it off): V8 stack traces
 * off, and the SDK's two debugging aids that capture a stack per resource and per promise switched off. Neither aid
 * reaches the captured plan: registrations, inputs, outputs and the verdict stay the same, which
 * test/bench/fastPath.test.ts checks against the plain path.
 */
/**
 * Node flags of the fast path: no stack traces, and a young generation sized for a plan's burst of
 * short-lived promises. The supervisor starts the plan process with them (plan/supervisor.ts
 * childExecArgv, test/bench/fastPath.test.ts).
 */
export const FAST_NODE_FLAGS = ["--stack-trace-limit=0", "--max-semi-space-size=64", "--min-semi-space-size=64"];

export function enableFastPath(): void {
    Error.stackTraceLimit = 0;
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const resource = require("@pulumi/pulumi/resource") as { Resource: { callsites: () => unknown[] } };
    // Source positions of each registration (the plan does not record them).
    resource.Resource.callsites = () => [];
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T> };
    // Promise-leak bookkeeping (an Error and a set entry per promise), only read at process exit.
    debuggable.debuggablePromise = (p) => p;
    lazyRegistrationStructs();
}

/**
 * Registration requests carry their inputs as a protobuf Struct for the engine's gRPC wire. Under
 * the mock monitor nothing goes on the wire: the monitor reads them straight back with
 * toJavaScript(). Here a Struct is built only when something other than toJavaScript() needs it,
 * and registration requests keep it as is instead of flattening it for the wire.
 */
export function lazyRegistrationStructs(): void {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const structpb = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(o: unknown): object; prototype: object } };
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const resproto = require("@pulumi/pulumi/proto/resource_pb") as { RegisterResourceRequest: { prototype: Record<string, unknown> } };
    const eager = structpb.Struct.fromJavaScript.bind(structpb.Struct);
    structpb.Struct.fromJavaScript = (obj: unknown) => {
        let real: Record<string | symbol, unknown> | undefined;
        const materialize = () => (real ??= eager(obj) as Record<string | symbol, unknown>);
        return new Proxy({}, {
            get: (_t, key) => {
                if (key === "toJavaScript") return () => obj;
                const target = materialize();
                const v = target[key];
                return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
            },
            getPrototypeOf: () => structpb.Struct.prototype,
        });
    };
    const proto = resproto.RegisterResourceRequest.prototype;
    proto["setObject"] = function (this: { lazyObject?: unknown }, value: unknown) {
        this.lazyObject = value;
        return this;
    };
    proto["getObject"] = function (this: { lazyObject?: unknown }) {
        return this.lazyObject;
    };
}
