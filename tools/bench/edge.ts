import { mintToken } from "../../components/delivery/vending/token";
import { functionSource, FUNCTION_SIZE_LIMIT, loadViewerHandler, memoryKvs, viewerEvent } from "../edgeRuntime";

export interface EdgeRun {
    requests: number;
    nsPerRequest: number;
}

export function edgeSize(): { bytes: number; limitBytes: number } {
    return { bytes: Buffer.byteLength(functionSource()), limitBytes: FUNCTION_SIZE_LIMIT };
}

/**
 * Validates media requests for `durationMs` on one core: a valid session-bound token in the path,
 * checked against its key and both revocation lists, as on every segment request. Each request is
 * a fresh event (the function rewrites the URI in place).
 */
export async function edgeThroughput(durationMs: number): Promise<EdgeRun> {
    const now = 1_790_000_000;
    const key = "bench-hs256-signing-key-".padEnd(48, "x");
    const handler = loadViewerHandler({ kvs: memoryKvs({ "k:2026a": key, "r:other": "1" }), nowSeconds: now, isolate: false });
    const prefix = "/out/v1/rsn-2026-27/football-uhd/";
    const { token } = mintToken({ kid: "2026a", key }, { prefix, ttlSeconds: 14_400, now, jti: "bench", sessionId: "s-1" });
    const uri = `/tk/${token}${prefix}cmaf/segment_video-1080p_1001.mp4`;
    const headers = { "cmcd-session": 'sid="s-1"' };
    const once = async () => {
        const out = await handler(viewerEvent(uri, { headers }));
        if (out["statusCode"] !== undefined) throw new Error(`the benchmark token was refused: ${String(out["statusCode"])}`);
    };
    for (let i = 0; i < 5000; i++) await once();
    let requests = 0;
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(durationMs) * 1_000_000n;
    while (process.hrtime.bigint() < deadline) {
        for (let i = 0; i < 1000; i++) await once();
        requests += 1000;
    }
    return { requests, nsPerRequest: Number(process.hrtime.bigint() - start) / requests };
}

if (require.main === module) {
    edgeThroughput(Number(process.argv[2] ?? 1500)).then(
        (r) => process.stdout.write(JSON.stringify(r) + "\n"),
        (e) => {
            process.stderr.write(`${(e as Error).message}\n`);
            process.exit(1);
        },
    );
}
