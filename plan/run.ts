import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { decodeProperty, decodeStruct } from "./decode";
import { createMocks } from "./mocks";
import { CapturedResource, isProviderType, PlanCapture } from "./resources";
import { StackConfig } from "./stackConfig";

export interface RunOptions {
    /** Absolute path of the Pulumi program's entry module. */
    program: string;
    stack: StackConfig;
}

/** A program failure (thrown error, rejected promise) while it ran under the mock runtime. */
export class ProgramError extends Error {
    /** What had been registered when the program failed (a config error must leave only the stack). */
    resources: CapturedResource[] = [];

    constructor(readonly original: unknown) {
        super(original instanceof Error ? original.message : String(original));
        this.name = "ProgramError";
    }
}

type Monitor = {
    registerResource(req: RegisterRequest, cb: (err: unknown, resp?: RegisterResponse) => void): unknown;
    newUrn?: (parent: string, type: string, name: string) => string;
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
    getAliasesList(): unknown[];
    getAdditionalsecretoutputsList(): string[];
    getDeletebeforereplace(): boolean;
    getDeletebeforereplacedefined(): boolean;
    getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
}

interface RegisterResponse {
    getUrn(): string;
    getId(): string;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
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
    await pulumi.runtime.setMocks(createMocks(), stack.project, stack.stack, false);

    const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
    // Engine URNs qualify a child's type with its ancestors' types, except the root stack's.
    monitor.newUrn = (parent, type, name) => {
        let qualified = type;
        if (parent) {
            const parentType = parent.split("::")[2]!;
            if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentType}$${type}`;
        }
        return `urn:pulumi:${stack.stack}::${stack.project}::${qualified}::${name}`;
    };

    const captured: CapturedResource[] = [];
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) =>
        register(req, (err, resp) => {
            if (!err && resp) captured.push(capture(req, resp));
            cb(err, resp);
        });

    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);

    let outputs: Record<string, unknown> = {};
    try {
        const programPath = path.resolve(opts.program);
        delete require.cache[require.resolve(programPath)];
        const raw = await pulumi.runtime.runInPulumiStack(async () => {
            let mod = require(programPath);
            if (typeof mod?.default === "function") mod = await mod.default();
            return mod;
        });
        outputs = decodeProperty(await serializeOutputs(raw)) as Record<string, unknown>;
    } catch (e) {
        const err = new ProgramError(e);
        err.resources = captured;
        throw err;
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (failures.length > 0) {
        const err = new ProgramError(failures[0]);
        err.resources = captured;
        throw err;
    }

    resolveRegions(captured);
    return { project: stack.project, stack: stack.stack, resources: captured, outputs };
}

async function serializeOutputs(raw: pulumi.Inputs | undefined): Promise<Record<string, unknown>> {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const rpc = require("@pulumi/pulumi/runtime/rpc") as { serializeProperties(label: string, props: unknown): Promise<Record<string, unknown>> };
    const plain: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw ?? {})) {
        if (k !== "__esModule" && typeof v !== "function") plain[k] = v;
    }
    return rpc.serializeProperties("stack outputs", plain);
}

/** Dynamic resources carry their serialized provider code; the plan shows its size, not the code. */
function withoutProviderCode(props: Record<string, unknown>): Record<string, unknown> {
    const code = props["__provider"];
    if (typeof code !== "string") return props;
    return { ...props, __provider: `[dynamic provider code, ${code.length} bytes]` };
}

function capture(req: RegisterRequest, resp: RegisterResponse): CapturedResource {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, v] of req.getPropertydependenciesMap().entries()) propertyDependencies[k] = v.getUrnsList();
    const timeouts = req.getCustomtimeouts();
    const providerRef = req.getProvider();
    const r: CapturedResource = {
        urn: resp.getUrn(),
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        inputs: withoutProviderCode(decodeStruct(req.getObject())),
        outputs: withoutProviderCode(decodeStruct(resp.getObject())),
        opts: {
            protect: req.getProtect(),
            retainOnDelete: req.getRetainondelete() ?? false,
            ignoreChanges: req.getIgnorechangesList(),
            aliases: req.getAliasesList().map(String),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            customTimeouts: {
                createSeconds: seconds(timeouts?.getCreate()),
                updateSeconds: seconds(timeouts?.getUpdate()),
                deleteSeconds: seconds(timeouts?.getDelete()),
            },
        },
    };
    if (req.getDeletebeforereplacedefined()) r.opts.deleteBeforeReplace = req.getDeletebeforereplace();
    if (resp.getId()) r.id = resp.getId();
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
