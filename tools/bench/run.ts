import { execFileSync, spawn } from "child_process";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../components/repoRoot";
import { FAST_NODE_FLAGS } from "../../plan/fastPath";
import { EdgeRun, edgeSize } from "./edge";
import { cpuCalibrationMs, linearFit, median } from "./stats";
import { Sample } from "./worker";

/** What the benchmark promises (issue: plan and judge a large season in seconds). */
export const TARGETS = { channels: 40, medianMs: 3000, peakRssMb: 1024, edgeBytes: 5 * 1024, edgeRequestsPerSecond: 200_000 };


const BUILD = path.join(REPO_ROOT, "build");

interface Options {
    sizes: number[];
    runs: number;
    build: boolean;
    edgeMs: number;
    /** Channels of the one plain-path run (ts-node, stack traces on), 0 to skip. */
    plainChannels: number;
}

function parse(argv: string[]): Options {
    const o: Options = { sizes: [1, 10, 40, 60], runs: 5, build: true, edgeMs: 2000, plainChannels: 10 };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i]!;
        if (a === "--sizes") o.sizes = argv[++i]!.split(",").map(Number);
        else if (a === "--runs") o.runs = Number(argv[++i]);
        else if (a === "--no-build") o.build = false;
        else if (a === "--edge-ms") o.edgeMs = Number(argv[++i]);
        else if (a === "--plain") o.plainChannels = Number(argv[++i]);
        else throw new Error(`unknown option ${a}; use --sizes 1,10,40,60 --runs 5 --no-build --edge-ms 2000 --plain 10`);
    }
    if (o.sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 60) || !(o.runs >= 1)) throw new Error("--sizes takes 1-60 channels, --runs at least 1");
    return o;
}

function run(file: string, args: string[], flags: string[] = []): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [...flags, file, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(file)} ${args.join(" ")} failed (${code}): ${err.trim()}`))));
    });
}

function pad(s: string | number, n: number): string {
    return String(s).padStart(n);
}

async function main(): Promise<void> {
    const o = parse(process.argv.slice(2));
    const log = (s = "") => process.stdout.write(s + "\n");
    log(`OnAir benchmark: synthetic seasons in 3 regions, every feature on; ${o.runs} runs per size, one process per run`);
    log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    if (o.build) {
        const t = Date.now();
        execFileSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(REPO_ROOT, "tsconfig.build.json")], { stdio: "inherit" });
        log(`Fast path: compiled to build/ in ${((Date.now() - t) / 1000).toFixed(1)} s; node ${FAST_NODE_FLAGS.join(" ")}, SDK source positions and promise-leak tracking off`);
    }
    log(`Each run plans a 1-channel season first (module loading, JIT), then plans and judges the measured season.`);
    const calibration = [cpuCalibrationMs()];
    log(`CPU calibration (fixed loop, lower is faster): ${Math.round(calibration[0]!)} ms\n`);

    const worker = path.join(BUILD, "tools", "bench", "worker.js");
    const rows: { channels: number; samples: (Sample & { processMs: number })[] }[] = [];
    for (const channels of o.sizes) {
        const samples: (Sample & { processMs: number })[] = [];
        for (let i = 0; i < o.runs; i++) samples.push(JSON.parse(await run(worker, [String(channels), "--fast", "--warmup"], FAST_NODE_FLAGS)));
        rows.push({ channels, samples });
    }

    log("channels  resources  plan+judge ms (median)  min..max      ms/resource  policy share  peak MB  process ms");
    const points: { x: number; y: number }[] = [];
    for (const { channels, samples } of rows) {
        const totals = samples.map((s) => s.planMs + s.policyMs);
        const m = median(totals);
        const share = median(samples.map((s) => s.policyMs / (s.planMs + s.policyMs)));
        points.push({ x: channels, y: m });
        log(`${pad(channels, 8)}  ${pad(samples[0]!.resources, 9)}  ${pad(Math.round(m), 22)}  ${pad(`${Math.round(Math.min(...totals))}..${Math.round(Math.max(...totals))}`, 12)}  ${pad((m / samples[0]!.resources).toFixed(2), 11)}  ${pad((share * 100).toFixed(1) + " %", 12)}  ${pad(Math.round(Math.max(...samples.map((s) => s.peakRssMb))), 7)}  ${pad(Math.round(median(samples.map((s) => s.processMs))), 10)}`);
    }
    if (o.plainChannels > 0) {
        // The same worker from source through ts-node, stack traces and SDK debugging aids on: what
        // `npm run plan` does, for comparison.
        const plain: Sample = JSON.parse(await run(path.join(REPO_ROOT, "tools", "bench", "worker.ts"), [String(o.plainChannels), "--warmup"], ["-r", "ts-node/register/transpile-only"]));
        log(`plain path (ts-node, stack traces on), ${o.plainChannels} channels: ${Math.round(plain.planMs + plain.policyMs)} ms, ${((plain.planMs + plain.policyMs) / plain.resources).toFixed(2)} ms/resource (one run)`);
    }
    for (const r of rows.filter((x) => x.channels >= TARGETS.channels)) {
        const s = r.samples[0]!;
        log(`${r.channels === TARGETS.channels ? "\n" : ""}Verdict of the ${r.channels}-channel season: ${s.violations.mandatory} mandatory (${s.offline.schema} schema, ${s.offline.quotas} quota beyond its declared increases), ${s.violations.advisory} advisory; ${s.offline.shards} distributions`);
    }
    let fitLine = "";
    if (new Set(points.map((p) => p.x)).size >= 2) {
        const fit = linearFit(points);
        fitLine = `time = ${Math.round(fit.intercept)} ms + ${fit.slope.toFixed(1)} ms x channels (R^2 = ${fit.r2.toFixed(4)})`;
        log(`Linear fit: ${fitLine}`);
    }

    calibration.push(cpuCalibrationMs());
    log(`CPU calibration after the runs: ${Math.round(calibration[1]!)} ms`);

    const size = edgeSize();
    const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
    const edgeFile = path.join(BUILD, "tools", "bench", "edge.js");
    const single: EdgeRun = JSON.parse(await run(edgeFile, [String(o.edgeMs)]));
    const parallel: EdgeRun[] = (await Promise.all(Array.from({ length: cores }, () => run(edgeFile, [String(o.edgeMs)])))).map((s) => JSON.parse(s));
    const perSecond = parallel.reduce((a, r) => a + 1e9 / r.nsPerRequest, 0);
    log(`\nEdge function: ${size.bytes} bytes (CloudFront limit ${size.limitBytes}); token validation in Node: ${Math.round(single.nsPerRequest)} ns per request, ${Math.round(1e9 / single.nsPerRequest).toLocaleString("en-US")} per second on one core, ${Math.round(perSecond).toLocaleString("en-US")} per second on ${cores} cores`);

    const target = rows.find((r) => r.channels === TARGETS.channels);
    const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");
    log("\nTargets:");
    if (target) {
        const m = median(target.samples.map((s) => s.planMs + s.policyMs));
        const peak = Math.max(...target.samples.map((s) => s.peakRssMb));
        log(`  ${verdict(m <= TARGETS.medianMs)}  ${TARGETS.channels} channels x 3 regions planned and judged in ${Math.round(m)} ms median (target <= ${TARGETS.medianMs} ms)`);
        log(`  ${verdict(peak <= TARGETS.peakRssMb)}  peak memory ${Math.round(peak)} MB (target <= ${TARGETS.peakRssMb} MB)`);
    } else {
        log(`  (no ${TARGETS.channels}-channel run: add ${TARGETS.channels} to --sizes)`);
    }
    if (fitLine) {
        const fit = linearFit(points);
        log(`  ${verdict(fit.r2 >= 0.98)}  time linear in channels: R^2 ${fit.r2.toFixed(4)} (target >= 0.98)`);
    }
    log(`  ${verdict(size.bytes <= TARGETS.edgeBytes)}  edge function ${size.bytes} bytes (target <= ${TARGETS.edgeBytes})`);
    log(`  ${verdict(perSecond >= TARGETS.edgeRequestsPerSecond)}  ${Math.round(perSecond).toLocaleString("en-US")} validations per second on this machine (target >= ${TARGETS.edgeRequestsPerSecond.toLocaleString("en-US")})`);
}

if (require.main === module) {
    main().catch((e) => {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exit(1);
    });
}
