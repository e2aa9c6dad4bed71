import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { ROOT } from "../../helpers/plan";

// The analyzer protocol as the Pulumi CLI speaks it: generated stubs shipped with @pulumi/pulumi.
/* eslint-disable @typescript-eslint/no-var-requires */
const grpc = require("@grpc/grpc-js");
const services = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
export const messages = require("@pulumi/pulumi/proto/analyzer_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-var-requires */

export interface RunningPack {
    process: ChildProcess;
    port: number;
    client: any;
    call<T>(method: string, request: unknown): Promise<T>;
    stop(): void;
}

/**
 * Starts a real pack entry (`policies/<pack>/index.ts`) the way the CLI does: in the pack's
 * directory, reading the port it prints, and connects an AnalyzerClient over loopback.
 */
export function startPack(dir: string, timeoutMs = 60_000): Promise<RunningPack> {
    const cwd = path.join(ROOT, "policies", dir);
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "index.ts"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
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
                    new Promise<T>((ok, fail) => client[method](request, (e: Error | null, r: T) => (e ? fail(e) : ok(r)))),
                stop: () => {
                    client.close();
                    child.kill();
                },
            });
        });
    });
}

export function empty(): unknown {
    return new Empty();
}

export function struct(obj: Record<string, unknown>): unknown {
    return Struct.fromJavaScript(obj);
}

/** An AnalyzeRequest for one resource's inputs, with the resource options the engine always sends. */
export function analyzeRequest(type: string, name: string, props: Record<string, unknown>): unknown {
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
