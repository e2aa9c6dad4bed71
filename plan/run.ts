import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { decodeProperty } from "../contracts/propertyDecoding";
import { DuplicateUrnError, UrnRegistry } from "./duplicateUrns";
import { DeployedAnswer, MockResourceArgs, createMocks } from "./mocks";
import { mockMonitorProblems, REGISTER_SUCCESS, sdkChangedMessage, WAIT_FOR_RPCS } from "../contracts/sdkInternals";
import { ProgramError } from "./programError";
import { observeConstructions, observeOutputs, RunObserver } from "./progress";
import { CapturedResource, isProviderType, PlanCapture } from "../contracts/capturedPlan";
import { StackConfig } from "../components/config/stackConfig";

export interface RunOptions {
    /** Absolute path of the Pulumi program's entry module. */
    program: string;
    stack: StackConfig;
    /** Run as a first `pulumi preview`: provider-computed outputs and ids unknown (see mocks.ts). */
    preview?: boolean;
    /** Told of each phase, construction, registration and resolved output (plan/progress.ts). */
    observer?: RunObserver;
    /**
     * With `--against`: the deployed resource of a URN, whose id and outputs the cloud answers with
     * (as the engine does for a resource that exists), so references to it carry deployed values.
     */
    deployed?: (urn: string, type: string) => DeployedAnswer | undefined;
}

export { ProgramError };

type Monitor = {
    registerResource(req: RegisterRequest, cb: (err: unknown, resp?: unknown) => void): unknown;
    registerResourceOutputs(
        req: { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined },
        cb: (err: unknown, resp?: unknown) => void,
    ): unknown;
    newUrn: (parent: string, type: string, name: string) => string;
    resources: Map<string, { urn: string; id: string | null; state: unknown }>;
};

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getProvider(): string;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> };
    getProtect(): boolean;
    getRetainondelete(): boolean | undefined;
    getIgnorechangesList(): string[];
    getAliasesList(): WireAlias[];
    getAdditionalsecretoutputsList(): string[];
    getImportid(): string;
    getDeletebeforereplace(): boolean;
    getDeletebeforereplacedefined(): boolean;
    getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
}

/** An alias as the SDK sends it when the monitor supports alias specs (proto/alias_pb Alias). */
interface WireAlias {
    getUrn(): string;
    getSpec():
        | { getName(): string; getType(): string; getStack(): string; getProject(): string; getParenturn(): string; getNoparent(): boolean | undefined }
        | undefined;
}

/**
 * The URNs a resource's aliases name, as the engine resolves them: an alias spec's empty fields are
 * the resource's own name, type, stack and project; its parent is the spec's parent URN, none with
 * noParent, else the resource's own parent.
 */
function aliasUrns(
    req: RegisterRequest,
    stack: string,
    project: string,
    newUrn: (parent: string, type: string, name: string, stack: string, project: string) => string,
): string[] {
    return req.getAliasesList().map((a) => {
        const spec = a.getSpec();
        if (!spec) return a.getUrn();
        const parent = spec.getNoparent() ? "" : spec.getParenturn() || req.getParent();
        return newUrn(parent, spec.getType() || req.getType(), spec.getName() || req.getName(), spec.getStack() || stack, spec.getProject() || project);
    });
}

function seconds(text: string | undefined): number {
    if (!text) return 0;
    const m = /^(\d+(?:\.\d+)?)([smh])$/.exec(text);
    if (!m) return 0;
    return Number(m[1]) * (m[2] === "h" ? 3600 : m[2] === "m" ? 60 : 1);
}

/**
 * Runs a Pulumi program under the SDK's mock runtime with the stack's config and captures every
 * registration: the same program `pulumi up` would run, with the cloud replaced by `mocks.ts`.
 */
export async function runProgram(opts: RunOptions): Promise<PlanCapture> {
    const { stack } = opts;
    pulumi.runtime.setAllConfig(stack.config, stack.secretKeys);
    const preview = opts.preview === true;
    // A resource that moved (an alias names its old URN) is answered as deployed under its old URN, as the engine does.
    const aliasesOf = new Map<string, string[]>();
    const deployed = opts.deployed;
    const lookup = deployed
        ? (urn: string, type: string) => deployed(urn, type) ?? (aliasesOf.get(urn) ?? []).map((a) => deployed(a, type)).find((d) => d !== undefined)
        : undefined;
    const mocks = createMocks({ preview, ...(lookup ? { deployed: lookup } : {}) });
    await pulumi.runtime.setMocks(mocks, stack.project, stack.stack, preview);

    const installed = pulumi.runtime.getMonitor();
    const changed = mockMonitorProblems(installed);
    if (changed.length) throw new Error(sdkChangedMessage(changed));
    const monitor = installed as unknown as Monitor;
    // Engine URNs qualify a child's type with its ancestors' types, except the root stack's.
    const urnOf = (parent: string, type: string, name: string, stackName = stack.stack, project = stack.project) => {
        let qualified = type;
        if (parent) {
            const parentType = parent.split("::")[2]!;
            if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentType}$${type}`;
        }
        return `urn:pulumi:${stackName}::${project}::${qualified}::${name}`;
    };
    monitor.newUrn = (parent, type, name) => urnOf(parent, type, name);

    // Registration as the SDK's mock monitor does it, minus its round trip through the SDK's
    // (de)serializers: the mocks see the wire form (secrets and references as signature objects,
    // which they echo back unchanged), and each registration is decoded once for the plan.
    const captured: CapturedResource[] = [];
    const urns = new UrnRegistry();
    const observer = opts.observer;
    observeConstructions(observer);
    const success = REGISTER_SUCCESS.get();
    monitor.registerResource = async (req, cb) => {
        try {
            const raw = req.getObject()?.toJavaScript() ?? {};
            // OnAir's mocks answer synchronously, so resources are captured in registration order.
            const urn = monitor.newUrn(req.getParent(), req.getType(), req.getName());
            const aliases = aliasUrns(req, stack.stack, stack.project, urnOf);
            if (aliases.length > 0) aliasesOf.set(urn, aliases);
            const answer = mocks.newResource({
                type: req.getType(),
                name: req.getName(),
                inputs: raw,
                provider: req.getProvider(),
                custom: req.getCustom(),
                id: req.getImportid(),
                urn,
            } as MockResourceArgs);
            const result = answer instanceof Promise ? await answer : answer;
            const state = wireSafe(result.state as Record<string, unknown>);
            // A reused URN is answered (so the program runs on and every reuse is found) but not
            // captured: the first registration stays, and the run fails below.
            if (urns.add({ urn, type: req.getType(), name: req.getName(), ...(req.getParent() ? { parent: req.getParent() } : {}) })) {
                monitor.resources.set(urn, { urn, id: result.id ?? null, state });
                captured.push(capture(req, urn, result.id ?? "", raw, state, aliases));
            }
            observer?.({ e: "registered", type: req.getType(), name: req.getName() });
            // The response as the SDK reads it (urn, id, result, and the state it decodes with
            // toJavaScript), without encoding the state into protobuf only to decode it again.
            cb(null, {
                getUrn: () => urn,
                getId: () => result.id || "",
                getObject: () => ({ toJavaScript: () => state }),
                getPropertydependenciesMap: () => undefined,
                // RegisterResourceResponse.Result.SUCCESS: the registration completed (unknowns are not kept).
                getResult: () => success,
            });
        } catch (e) {
            cb(e);
        }
    };

    // The stack's outputs as the engine receives them (registerOutputs of the root stack): secrets
    // stay secret there, unlike in the plain values runInPulumiStack resolves to.
    let stackOutputs: Record<string, unknown> | undefined;
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        if (req.getUrn().split("::")[2] === "pulumi:pulumi:Stack") stackOutputs = req.getOutputs()?.toJavaScript() ?? {};
        return registerOutputs(req, cb);
    };

    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);

    let outputs: Record<string, unknown>;
    try {
        const programPath = path.resolve(opts.program);
        delete require.cache[require.resolve(programPath)];
        let exported: Record<string, unknown> = {};
        await pulumi.runtime.runInPulumiStack(async () => {
            observer?.({ e: "phase", phase: "loading" });
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program is a path known only at run time, loaded synchronously as Pulumi's language host does
            let mod = require(programPath);
            if (typeof mod?.default === "function") {
                observer?.({ e: "phase", phase: "default-export" });
                mod = await mod.default();
            }
            exported = outputKeys(mod);
            observer?.({ e: "phase", phase: "outputs" });
            observeOutputs(mod, Object.keys(exported), observer);
            return mod;
        });
        observer?.({ e: "phase", phase: "registrations" });
        // As the language host does before exiting: registrations no output depends on still count.
        await WAIT_FOR_RPCS.get()();
        const registered = decodeProperty(stackOutputs ?? {}) as Record<string, unknown>;
        outputs = Object.fromEntries(
            Object.keys(exported)
                .filter((k) => k in registered)
                .map((k) => [k, registered[k]]),
        );
    } catch (e) {
        const err = new ProgramError(e);
        err.resources = captured;
        throw err;
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (failures.length > 0 || urns.duplicates.length > 0) {
        const err = new ProgramError(failures[0] ?? new DuplicateUrnError(urns.duplicates));
        err.resources = captured;
        throw err;
    }

    resolveRegions(captured);
    return { project: stack.project, stack: stack.stack, resources: captured, outputs, ...(preview ? { preview } : {}) };
}

/** The exports that are stack outputs: not functions, not the module's __esModule marker. */
function outputKeys(mod: unknown): Record<string, unknown> {
    const plain: Record<string, unknown> = {};
    if (mod === null || typeof mod !== "object") return plain;
    for (const [k, v] of Object.entries(mod)) {
        if (k !== "__esModule" && typeof v !== "function" && v !== undefined) plain[k] = v;
    }
    return plain;
}

/** Dynamic resources carry their serialized provider code; the plan shows its size, not the code. */
function withoutProviderCode(props: Record<string, unknown>): Record<string, unknown> {
    const code = props["__provider"];
    if (typeof code !== "string") return props;
    return { ...props, __provider: `[dynamic provider code, ${code.length} bytes]` };
}

/**
 * The mocks' state as the engine would return it: no undefined values (the SDK's getResource
 * invoke encodes it into protobuf). Inputs come off the wire without any; only the mocks' computed
 * top-level values may be undefined, and those are dropped.
 */
function wireSafe(state: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(state)) if (state[k] !== undefined) out[k] = state[k];
    return out;
}

/** Outputs decoded once: values the mocks echoed from the inputs reuse the inputs' decoding. */
function decodeOutputs(raw: Record<string, unknown>, inputs: Record<string, unknown>, state: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(state)) out[k] = state[k] === raw[k] && k in inputs ? inputs[k] : decodeProperty(state[k]);
    return out;
}

function capture(
    req: RegisterRequest,
    urn: string,
    id: string,
    raw: Record<string, unknown>,
    state: Record<string, unknown>,
    aliases: string[],
): CapturedResource {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, v] of req.getPropertydependenciesMap().entries()) propertyDependencies[k] = v.getUrnsList();
    const timeouts = req.getCustomtimeouts();
    const providerRef = req.getProvider();
    const inputs = decodeProperty(raw) as Record<string, unknown>;
    const r: CapturedResource = {
        urn,
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        inputs: withoutProviderCode(inputs),
        outputs: withoutProviderCode(decodeOutputs(raw, inputs, state)),
        opts: {
            protect: req.getProtect(),
            retainOnDelete: req.getRetainondelete() ?? false,
            ignoreChanges: req.getIgnorechangesList(),
            aliases,
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            customTimeouts: {
                createSeconds: seconds(timeouts?.getCreate()),
                updateSeconds: seconds(timeouts?.getUpdate()),
                deleteSeconds: seconds(timeouts?.getDelete()),
            },
        },
    };
    if (req.getDeletebeforereplacedefined()) r.opts.deleteBeforeReplace = req.getDeletebeforereplace();
    if (id) r.id = id;
    if (req.getParent()) r.parent = req.getParent();
    if (providerRef) r.provider = providerRef.slice(0, providerRef.lastIndexOf("::"));
    return r;
}

/** A resource's region is its own `region` input (aws v7 allows one per resource), else its provider's. */
function resolveRegions(resources: CapturedResource[]): void {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
        const own = r.inputs["region"];
        if (typeof own === "string" && !isProviderType(r.type)) {
            r.region = own;
        } else if (isProviderType(r.type)) {
            if (typeof own === "string") r.region = own;
        } else if (r.provider) {
            const p = byUrn.get(r.provider);
            const region = p?.inputs["region"];
            if (typeof region === "string") r.region = region;
        }
    }
}
