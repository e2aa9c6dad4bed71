/**
 * Every Pulumi Node SDK internal the offline planner reads or replaces, in one place (ADR 003).
 * It sits in contracts/ because the captured-plan decoding (contracts/propertyDecoding.ts), which
 * the policy harness shares with the planner, reads the wire signatures through it (ADR 031).
 * None of them is in @pulumi/pulumi's public typings, so a new SDK version may move or reshape any
 * of them without notice; test/plan/sdkInternals.test.ts is the canary that names the one that
 * changed. Nothing outside this file requires an @pulumi/pulumi subpath for the planner.
 */

const SDK = "@pulumi/pulumi";

type Kind = "function" | "number" | "string" | "object";

/** One internal: the SDK module, the property path inside it, what it must be, and why we use it. */
export interface SdkInternal<T> {
    module: string;
    path: string[];
    kind: Kind;
    why: string;
    /** The module object holding the last path element: replacing a property there is seen by the SDK. */
    owner(): Record<string, unknown>;
    get(): T;
}

const registry: SdkInternal<unknown>[] = [];

function internal<T>(module: string, path: string[], kind: Kind, why: string): SdkInternal<T> {
    const owner = () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- module paths are data (the registry of SDK internals); loaded when first read
        let o = require(module.startsWith("google-protobuf") ? module : `${SDK}/${module}`) as Record<string, unknown>;
        for (const key of path.slice(0, -1)) o = o[key] as Record<string, unknown>;
        return o;
    };
    const entry: SdkInternal<T> = { module, path, kind, why, owner, get: () => owner()[path[path.length - 1]!] as T };
    registry.push(entry as SdkInternal<unknown>);
    return entry;
}

/** Every internal the planner depends on, for the canary and ADR 003. */
export function sdkInternals(): readonly SdkInternal<unknown>[] {
    return registry;
}

/** The installed @pulumi/pulumi version (the planner is checked against the pinned one). */
export function sdkVersion(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed package.json, resolved at run time
    return (require(`${SDK}/package.json`) as { version: string }).version;
}

/** The error a planner run gives when the installed SDK no longer has what it relies on. */
export function sdkChangedMessage(problems: string[]): string {
    return [
        `@pulumi/pulumi ${sdkVersion()} has changed where the offline planner reaches inside it:`,
        ...problems.map((p) => `  - ${p}`),
        "Pin @pulumi/pulumi back to the version in package.json, or update contracts/sdkInternals.ts and ADR 003 for the new SDK.",
    ].join("\n");
}

/** What is wrong with the installed SDK for each internal that is missing or of another kind. */
export function internalProblems(): string[] {
    return registry.flatMap((i) => {
        let value: unknown;
        try {
            value = i.get();
        } catch (e) {
            return [`${i.module} ${i.path.join(".")}: cannot be loaded (${(e as Error).message.split("\n")[0]}); the planner uses it to ${i.why}`];
        }
        const actual = value === null ? "null" : typeof value;
        return actual === i.kind ? [] : [`${i.module} ${i.path.join(".")}: expected a ${i.kind}, found ${actual}; the planner uses it to ${i.why}`];
    });
}

export const WAIT_FOR_RPCS = internal<() => Promise<void>>(
    "runtime/settings",
    ["waitForRPCs"],
    "function",
    "wait for every outstanding registration before reading the captured plan",
);

export const REGISTER_SUCCESS = internal<number>(
    "proto/resource_pb",
    ["Result", "SUCCESS"],
    "number",
    "answer a registration as completed, as the engine does",
);

export const REGISTER_REQUEST_PROTO = internal<Record<string, unknown>>(
    "proto/resource_pb",
    ["RegisterResourceRequest", "prototype"],
    "object",
    "keep a registration's inputs as a JavaScript object instead of a wire Struct (fast path)",
);

export const STRUCT = internal<{ fromJavaScript(o: unknown): object; prototype: object }>(
    "google-protobuf/google/protobuf/struct_pb",
    ["Struct"],
    "function",
    "build a registration's Struct only when something other than the mock monitor reads it (fast path)",
);

export const CALLSITES = internal<() => unknown[]>(
    "resource",
    ["Resource", "callsites"],
    "function",
    "skip capturing source positions per resource, which the plan never records (fast path)",
);

export const DEBUGGABLE_PROMISE = internal<<T>(p: Promise<T>, ctx: unknown) => Promise<T>>(
    "runtime/debuggable",
    ["debuggablePromise"],
    "function",
    "skip the per-promise leak bookkeeping read only at process exit (fast path)",
);

export type RegisterFn = (res: unknown, parent: { __pulumiType?: string; __name?: string } | undefined, t: string, name: string, ...rest: unknown[]) => unknown;

export const REGISTER_RESOURCE = internal<RegisterFn>(
    "runtime/resource",
    ["registerResource"],
    "function",
    "see each resource construction before its inputs resolve, so a hung plan names what it waited for",
);

/**
 * The program itself (components/config/load.ts, not the planner) reads this one to tell `secure:`
 * config keys apart; it is listed here so the canary covers it too.
 */
export const IS_CONFIG_SECRET = internal<(key: string) => boolean>(
    "runtime/config",
    ["isConfigSecret"],
    "function",
    "let the program refuse a season held in one secure value (components/config/load.ts)",
);

/** The Pulumi RPC property format's wire signatures (secrets, resource references, assets, unknowns). */
const SIGNATURES = {
    sigKey: "specialSigKey",
    secret: "specialSecretSig",
    resource: "specialResourceSig",
    asset: "specialAssetSig",
    archive: "specialArchiveSig",
    outputValue: "specialOutputValueSig",
    unknown: "unknownValue",
} as const;

const signatureInternals = Object.fromEntries(
    Object.entries(SIGNATURES).map(([k, name]) => [
        k,
        internal<string>("runtime/rpc", [name], "string", "decode serialized properties the mock monitor receives"),
    ]),
);

/** The wire signatures, read from the SDK's rpc module. */
export function wireSignatures(): Record<keyof typeof SIGNATURES, string> {
    return Object.fromEntries(Object.entries(signatureInternals).map(([k, i]) => [k, i.get()])) as Record<keyof typeof SIGNATURES, string>;
}

/** The members of the SDK's MockMonitor (runtime/mocks) that plan/run.ts reads or replaces. */
export const MOCK_MONITOR_MEMBERS: Record<string, Kind> = {
    registerResource: "function",
    registerResourceOutputs: "function",
    newUrn: "function",
    resources: "object",
};

/** What is wrong with the monitor `pulumi.runtime.setMocks` installed, against MOCK_MONITOR_MEMBERS. */
export function mockMonitorProblems(monitor: unknown): string[] {
    const m = (monitor ?? {}) as Record<string, unknown>;
    return Object.entries(MOCK_MONITOR_MEMBERS).flatMap(([key, kind]) => {
        const actual = m[key] === null ? "null" : typeof m[key];
        if (actual !== kind) return [`runtime/mocks MockMonitor.${key}: expected a ${kind}, found ${actual}; the planner captures registrations through it`];
        if (key === "resources" && !(m[key] instanceof Map))
            return ["runtime/mocks MockMonitor.resources: expected a Map; the planner records registered state in it"];
        return [];
    });
}
