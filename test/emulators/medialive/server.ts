import * as http from "http";
import { AddressInfo } from "net";
import { ApiError, Delays, DEFAULT_DELAYS, MediaLiveService } from "./service";

type Json = Record<string, any>;
type Handler = (svc: MediaLiveService, region: string, params: string[], body: Json, query: URLSearchParams) => { status: number; body?: Json };

/**
 * The restJson1 HTTP bindings of the operations OnAir calls, as the model's `smithy.api#http`
 * traits declare them (method, URI, success code), e.g. CreateChannel POST /prod/channels 201,
 * DescribeChannel GET /prod/channels/{ChannelId} 200, CreateTags POST /prod/tags/{ResourceArn} 204,
 * DescribeSchedule GET /prod/channels/{ChannelId}/schedule 200 (query maxResults, nextToken; the
 * model's smithy.api#paginated: NextToken in and out, items ScheduleActions), BatchUpdateSchedule
 * PUT /prod/channels/{ChannelId}/schedule 200.
 */
const ROUTES: [string, RegExp, string, Handler][] = [
    ["POST", /^\/prod\/channels$/, "CreateChannel", (s, r, _p, b) => ({ status: 201, body: s.createChannel(r, b) })],
    ["GET", /^\/prod\/channels\/([^/]+)$/, "DescribeChannel", (s, _r, [id]) => ({ status: 200, body: s.describeChannel(id!) })],
    ["PUT", /^\/prod\/channels\/([^/]+)$/, "UpdateChannel", (s, _r, [id], b) => ({ status: 200, body: s.updateChannel(id!, b) })],
    ["DELETE", /^\/prod\/channels\/([^/]+)$/, "DeleteChannel", (s, _r, [id]) => ({ status: 200, body: s.deleteChannel(id!) })],
    ["PUT", /^\/prod\/channels\/([^/]+)\/channelClass$/, "UpdateChannelClass", (s, _r, [id], b) => ({ status: 200, body: s.updateChannelClass(id!, b) })],
    ["POST", /^\/prod\/channels\/([^/]+)\/start$/, "StartChannel", (s, _r, [id]) => ({ status: 200, body: s.startChannel(id!) })],
    ["POST", /^\/prod\/channels\/([^/]+)\/stop$/, "StopChannel", (s, _r, [id]) => ({ status: 200, body: s.stopChannel(id!) })],
    ["GET", /^\/prod\/channels\/([^/]+)\/schedule$/, "DescribeSchedule", (s, _r, [id], _b, q) => ({ status: 200, body: s.describeSchedule(id!, q) })],
    ["PUT", /^\/prod\/channels\/([^/]+)\/schedule$/, "BatchUpdateSchedule", (s, _r, [id], b) => ({ status: 200, body: s.batchUpdateSchedule(id!, b) })],
    ["POST", /^\/prod\/inputs$/, "CreateInput", (s, r, _p, b) => ({ status: 201, body: s.createInput(r, b) })],
    ["GET", /^\/prod\/inputs\/([^/]+)$/, "DescribeInput", (s, _r, [id]) => ({ status: 200, body: s.describeInput(id!) })],
    ["PUT", /^\/prod\/inputs\/([^/]+)$/, "UpdateInput", (s, _r, [id], b) => ({ status: 200, body: s.updateInput(id!, b) })],
    ["DELETE", /^\/prod\/inputs\/([^/]+)$/, "DeleteInput", (s, _r, [id]) => ({ status: 200, body: s.deleteInput(id!) })],
    ["POST", /^\/prod\/tags\/(.+)$/, "CreateTags", (s, _r, [arn], b) => (s.createTags(arn!, b["tags"] ?? {}), { status: 204 })],
    ["DELETE", /^\/prod\/tags\/(.+)$/, "DeleteTags", (s, _r, [arn], _b, q) => (s.deleteTags(arn!, q.getAll("tagKeys")), { status: 204 })],
];

/** The region a request is signed for: SigV4's credential scope `<key>/<date>/<region>/medialive/aws4_request`. */
function regionOf(req: http.IncomingMessage): string {
    const m = /Credential=[^/]+\/\d+\/([^/]+)\/medialive\//.exec(String(req.headers["authorization"] ?? ""));
    return m?.[1] ?? "us-east-1";
}

function send(res: http.ServerResponse, status: number, body: Json | undefined, errorShape?: string): void {
    const headers: Record<string, string> = { "x-amzn-requestid": `emu-${Date.now()}-${Math.random().toString(36).slice(2)}` };
    // restJson1 errors name their shape in X-Amzn-ErrorType; the body carries the shape's members.
    if (errorShape) headers["x-amzn-errortype"] = errorShape;
    if (body === undefined) {
        res.writeHead(status, headers).end();
        return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) }).end(text);
}

export interface RunningEmulator {
    service: MediaLiveService;
    /** http://127.0.0.1:<port>, for AWS_ENDPOINT_URL_MEDIALIVE. */
    endpoint: string;
    /** Operations called, in order (with throttled and failed ones). */
    calls: { op: string; region: string; status: number }[];
    stop(): Promise<void>;
}

/** Serves the emulator on 127.0.0.1 (an ephemeral port) for the real AWS SDK client. */
export async function startMediaLiveEmulator(delays: Partial<Delays> = {}): Promise<RunningEmulator> {
    const service = new MediaLiveService({ ...DEFAULT_DELAYS, ...delays });
    const calls: RunningEmulator["calls"] = [];
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const url = new URL(req.url ?? "/", "http://127.0.0.1");
            const path = decodeURIComponent(url.pathname);
            const route = ROUTES.find(([m, re]) => m === req.method && re.test(path));
            const region = regionOf(req);
            if (!route) {
                calls.push({ op: `${req.method} ${path}`, region, status: 404 });
                return send(res, 404, { message: `no route for ${req.method} ${path}` }, "NotFoundException");
            }
            const [, re, op, handler] = route;
            const params = re.exec(path)!.slice(1);
            const id = params[0];
            if (service.faults.takeThrottle(op)) {
                calls.push({ op, region, status: 429 });
                service.record(region, "call", `${op} (throttled)`, id);
                return send(res, 429, { message: "Too many requests" }, "TooManyRequestsException");
            }
            try {
                const text = Buffer.concat(chunks).toString("utf8");
                const body = text ? (JSON.parse(text) as Json) : {};
                service.record(region, "call", op, id);
                const out = handler(service, region, params, body, url.searchParams);
                calls.push({ op, region, status: out.status });
                send(res, out.status, out.body);
            } catch (e) {
                if (e instanceof ApiError) {
                    calls.push({ op, region, status: e.status });
                    return send(res, e.status, { message: e.message, ...e.body }, e.shape);
                }
                calls.push({ op, region, status: 500 });
                send(res, 500, { message: String(e) }, "InternalServerErrorException");
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
        service,
        endpoint: `http://127.0.0.1:${port}`,
        calls,
        stop: () => {
            service.close();
            server.closeAllConnections?.();
            return new Promise((resolve) => server.close(() => resolve()));
        },
    };
}

/** Environment for anything that runs the SDK against the emulator: endpoint override and dummy credentials. */
export function emulatorEnv(endpoint: string): Record<string, string> {
    return {
        AWS_ENDPOINT_URL_MEDIALIVE: endpoint,
        AWS_ACCESS_KEY_ID: "AKIAEMULATOR",
        AWS_SECRET_ACCESS_KEY: "emulator-secret",
        AWS_REGION: "us-east-1",
        AWS_EC2_METADATA_DISABLED: "true",
    };
}
