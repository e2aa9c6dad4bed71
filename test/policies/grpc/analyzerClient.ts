import { ChildProcess, spawn } from "child_process";
import { installedPack } from "./publishedPacks";

// The analyzer protocol as the Pulumi CLI speaks it: generated stubs shipped with @pulumi/pulumi.
import * as grpc from "@grpc/grpc-js";
import * as services from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as messages from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
export { messages };

type UnaryCall<T> = (this: services.AnalyzerClient, request: unknown, callback: (e: Error | null, r: T) => void) => void;

export interface RunningPack {
    process: ChildProcess;
    port: number;
    client: services.AnalyzerClient;
    call<T>(method: string, request: unknown): Promise<T>;
    stop(): void;
}

/**
 * Starts a published pack (`policies/<pack>` packed, installed as Pulumi Cloud installs it) the way
 * the CLI does: the Node.js language host runs `node <@pulumi/pulumi/cmd/run-policy-pack, resolved
 * from the pack> <engine address> <pack directory>` with the pack directory as working directory
 * (pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs/main.go, RunPlugin for kind analyzer). The
 * runner registers ts-node with type checking and loads the package's main; the pack prints the
 * port of its analyzer server, and an AnalyzerClient connects over loopback.
 */
export async function startPack(dir: string, timeoutMs = 300_000): Promise<RunningPack> {
    const { installed: cwd } = await installedPack(dir);
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [cwd] });
    if (!runner.startsWith(cwd)) throw new Error(`the runner resolved outside the installed pack: ${runner}`);
    // The runner only forwards the engine address; these packs never call the engine.
    // ts-node settings of this test process (transpile-only) must not leak into the runner.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("TS_NODE_")));
    Object.assign(env, { PULUMI_NODEJS_PROJECT: "onair", PULUMI_NODEJS_STACK: "prod", PULUMI_NODEJS_DRY_RUN: "true" });
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", cwd], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`policy pack ${dir} printed no port within ${timeoutMs} ms; stderr: ${err}`));
        }, timeoutMs);
        child.stderr!.on("data", (d) => (err += d));
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`policy pack ${dir} exited with ${code}: ${err}`));
        });
        child.stdout!.on("data", (d) => {
            out += d;
            const m = /^(\d+)\s*$/m.exec(out);
            if (!m) return;
            clearTimeout(timer);
            child.removeAllListeners("exit");
            const port = Number(m[1]);
            const client = new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
            resolve({
                process: child,
                port,
                client,
                call: <T>(method: string, request: unknown) =>
                    new Promise<T>((ok, fail) => {
                        // The unary methods by name (analyze, analyzeStack, getAnalyzerInfo, ...), as the engine calls them.
                        const unary = (client as unknown as Record<string, UnaryCall<T>>)[method];
                        if (typeof unary !== "function") throw new Error(`the analyzer service has no method ${method}`);
                        unary.call(client, request, (e, r) => (e ? fail(e) : ok(r)));
                    }),
                stop: () => {
                    client.close();
                    child.kill();
                },
            });
        });
    });
}

export function empty(): Empty {
    return new Empty();
}

export function struct(obj: Record<string, unknown>): Struct {
    // Plain data of a test (JSON-like): what fromJavaScript accepts.
    return Struct.fromJavaScript(obj as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** An AnalyzeRequest for one resource's inputs, with the resource options the engine always sends. */
export function analyzeRequest(type: string, name: string, props: Record<string, unknown>): messages.AnalyzeRequest {
    const req = new messages.AnalyzeRequest();
    req.setType(type);
    req.setName(name);
    req.setUrn(`urn:pulumi:prod::onair::${type}::${name}`);
    req.setProperties(struct(props));
    const opts = new messages.AnalyzerResourceOptions();
    opts.setProtect(false);
    req.setOptions(opts);
    return req;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:prod::onair::${type}::${name}`;
}

/** A resource of an AnalyzeStackRequest, as the engine sends it: outputs, provider, property dependencies. */
export function stackResource(
    type: string,
    name: string,
    props: Record<string, unknown>,
    extra: { provider?: { type: string; name: string; props: Record<string, unknown> }; propertyDependencies?: Record<string, string[]> } = {},
): messages.AnalyzerResource {
    const r = new messages.AnalyzerResource();
    r.setType(type);
    r.setName(name);
    r.setUrn(urnOf(type, name));
    r.setProperties(struct(props));
    const opts = new messages.AnalyzerResourceOptions();
    opts.setProtect(false);
    r.setOptions(opts);
    if (extra.provider) {
        const p = new messages.AnalyzerProviderResource();
        p.setType(extra.provider.type);
        p.setName(extra.provider.name);
        p.setUrn(urnOf(extra.provider.type, extra.provider.name));
        p.setProperties(struct(extra.provider.props));
        r.setProvider(p);
    }
    for (const [k, urns] of Object.entries(extra.propertyDependencies ?? {})) {
        const deps = new messages.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        r.getPropertydependenciesMap().set(k, deps);
    }
    return r;
}

export function analyzeStackRequest(resources: messages.AnalyzerResource[]): messages.AnalyzeStackRequest {
    const req = new messages.AnalyzeStackRequest();
    req.setResourcesList(resources);
    return req;
}
