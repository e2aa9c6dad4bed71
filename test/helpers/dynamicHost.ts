import { ChildProcess, spawn } from "child_process";
import * as pulumi from "@pulumi/pulumi";
import { ROOT } from "./plan";

/**
 * Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`), started as the engine
 * starts it, driven over gRPC with the generated stubs shipped in @pulumi/pulumi. The provider it
 * runs is the serialized text the program registers as the `__provider` input.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the SDK's generated gRPC stubs and protobuf modules have no typings, and @grpc/grpc-js is the SDK's copy, not our dependency */
const grpc = require("@grpc/grpc-js");
const services = require("@pulumi/pulumi/proto/provider_grpc_pb");
const proto = require("@pulumi/pulumi/proto/provider_pb");
const statusProto = require("@pulumi/pulumi/proto/status_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-require-imports -- typed imports again from here */

/** The engine's placeholder for values unknown at preview (rpc.unknownValue in @pulumi/pulumi). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an SDK internal, not in its typings' public surface
export const UNKNOWN = (require("@pulumi/pulumi/runtime/rpc") as { unknownValue: string }).unknownValue;

export type Props = Record<string, any>;

/** What a failed RPC brings back: its message, and for a partly created resource its id and state. */
export class HostError extends Error {
    constructor(
        message: string,
        readonly initFailed?: { id: string; properties: Props; reasons: string[] },
    ) {
        super(message);
    }
}

/**
 * Registers one MediaLiveChannel, one MediaLiveInput and one MediaLiveSchedule under Pulumi's mock
 * runtime and returns the `__provider` text each registration carried: the closure the engine
 * would store and hand to the host.
 */
export async function registeredProviders(): Promise<{ channel: string; input: string; schedule: string }> {
    const found: Record<string, string> = {};
    await pulumi.runtime.setMocks(
        {
            newResource: (a) => {
                if (typeof a.inputs["__provider"] === "string") found[a.type] = a.inputs["__provider"];
                return { id: `${a.name}-id`, state: a.inputs };
            },
            call: (a) => a.inputs,
        },
        "onair",
        "host-test",
        false,
    );
    const { MediaLiveChannel, CHANNEL_TYPE } = await import("../../components/media/medialive/channel");
    const { MediaLiveInput, INPUT_TYPE } = await import("../../components/media/medialive/input");
    const { MediaLiveSchedule, SCHEDULE_TYPE } = await import("../../components/media/medialive/schedule");
    const ch = new MediaLiveChannel("host-test-channel", { region: "us-east-1", request: { Name: "x" }, allowLiveUpdate: false, allowLiveDelete: false });
    const input = new MediaLiveInput("host-test-input", { region: "us-east-1", request: { Name: "x", Type: "RTP_PUSH" } });
    const schedule = new MediaLiveSchedule("host-test-schedule", { region: "us-east-1", channelId: "1", actions: [], ownedPrefix: "onair." });
    const types = [CHANNEL_TYPE, INPUT_TYPE, SCHEDULE_TYPE];
    await Promise.all([ch, input, schedule].map((r) => new Promise<void>((resolve) => r.urn.apply(() => resolve()))));
    for (let i = 0; i < 100 && !types.every((t) => found[t]); i++) await new Promise((r) => setTimeout(r, 20));
    if (!types.every((t) => found[t])) throw new Error("the mock runtime saw no __provider input");
    return { channel: found[CHANNEL_TYPE]!, input: found[INPUT_TYPE]!, schedule: found[SCHEDULE_TYPE]! };
}

function struct(v: Props) {
    return Struct.fromJavaScript(v);
}

export interface DiffAnswer {
    changes: "none" | "some" | "unknown";
    replaces: string[];
    deleteBeforeReplace: boolean;
}

export class DynamicHost {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: any,
        readonly stderr: () => string,
    ) {}

    /** Spawns the host with `env` on top of this process's environment and connects to the port it prints. */
    static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<DynamicHost> {
        const entry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js");
        // The engine passes its own address; the host only requires that one is given.
        const child = spawn(process.execPath, [entry, "127.0.0.1:0"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        let err = "";
        child.stderr!.on("data", (d) => (err += d));
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            const timer = setTimeout(() => {
                child.kill();
                reject(new Error(`dynamic-provider host printed no port within ${timeoutMs} ms; stderr: ${err}`));
            }, timeoutMs);
            child.on("exit", (code) => {
                clearTimeout(timer);
                reject(new Error(`dynamic-provider host exited with ${code}: ${err}`));
            });
            child.stdout!.on("data", (d) => {
                out += d;
                const m = /^(\d+)\s*$/m.exec(out);
                if (!m) return;
                clearTimeout(timer);
                child.removeAllListeners("exit");
                resolve(Number(m[1]));
            });
        });
        const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new DynamicHost(child, client, () => err);
    }

    stop(): void {
        this.client.close();
        this.child.kill();
    }

    private call<T>(method: string, req: unknown): Promise<T> {
        return new Promise((resolve, reject) => {
            this.client[method](req, (e: any, r: T) => (e ? reject(toHostError(e)) : resolve(r)));
        });
    }

    async check(urn: string, olds: Props, news: Props): Promise<Props> {
        const req = new proto.CheckRequest();
        req.setUrn(urn);
        req.setOlds(struct(olds));
        req.setNews(struct(news));
        const r = await this.call<any>("check", req);
        return r.getInputs().toJavaScript();
    }

    async diff(urn: string, id: string, olds: Props, news: Props): Promise<DiffAnswer> {
        const req = new proto.DiffRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setOlds(struct(olds));
        req.setNews(struct(news));
        const r = await this.call<any>("diff", req);
        const c = r.getChanges();
        const E = proto.DiffResponse.DiffChanges;
        return {
            changes: c === E.DIFF_NONE ? "none" : c === E.DIFF_SOME ? "some" : "unknown",
            replaces: r.getReplacesList(),
            deleteBeforeReplace: r.getDeletebeforereplace(),
        };
    }

    async create(urn: string, props: Props): Promise<{ id: string; props: Props }> {
        const req = new proto.CreateRequest();
        req.setUrn(urn);
        req.setProperties(struct(props));
        const r = await this.call<any>("create", req);
        return { id: r.getId(), props: r.getProperties().toJavaScript() };
    }

    async read(urn: string, id: string, props: Props): Promise<{ id: string; props: Props }> {
        const req = new proto.ReadRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setProperties(struct(props));
        const r = await this.call<any>("read", req);
        return { id: r.getId(), props: r.getProperties()?.toJavaScript() ?? {} };
    }

    async update(urn: string, id: string, olds: Props, news: Props): Promise<Props> {
        const req = new proto.UpdateRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setOlds(struct(olds));
        req.setNews(struct(news));
        const r = await this.call<any>("update", req);
        return r.getProperties().toJavaScript();
    }

    async delete(urn: string, id: string, props: Props): Promise<void> {
        const req = new proto.DeleteRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setProperties(struct(props));
        await this.call("delete", req);
    }
}

/** grpc-js error -> message and, when the host packed one, the ErrorResourceInitFailed detail. */
function toHostError(e: any): HostError {
    const message = String(e.details ?? e.message);
    const bin = e.metadata?.get?.("grpc-status-details-bin")?.[0];
    if (!bin) return new HostError(message);
    const status = statusProto.Status.deserializeBinary(new Uint8Array(bin));
    for (const any of status.getDetailsList()) {
        if (!String(any.getTypeUrl()).endsWith("pulumirpc.ErrorResourceInitFailed")) continue;
        const detail = proto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
        return new HostError(message, { id: detail.getId(), properties: detail.getProperties()?.toJavaScript() ?? {}, reasons: detail.getReasonsList() });
    }
    return new HostError(message);
}
