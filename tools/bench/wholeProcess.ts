import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** One run of a command as a person runs it from the shell, with what its processes used. */
export interface ProcessRun {
    wallMs: number;
    /** User and system CPU of every Node process of the run (npm, the CLI, the plan process). */
    cpuMs: number;
    /** The largest peak resident memory of any one of them (the plan process), MB. */
    peakRssMb: number;
    processes: number;
}

export interface Command {
    label: string;
    file: string;
    args: string[];
    cwd: string;
    env?: Record<string, string>;
}

const RUSAGE = path.join(__dirname, "rusage.js");

/** Runs the command to its end (exit 0 expected; stdout is read and dropped, as a terminal would show it). */
export function runWhole(c: Command): Promise<ProcessRun> {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-bench-")), "rusage.jsonl");
    const nodeOptions = [process.env["NODE_OPTIONS"], `--require ${JSON.stringify(RUSAGE)}`].filter(Boolean).join(" ");
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(c.file, c.args, {
            cwd: c.cwd,
            env: { ...process.env, ...c.env, NODE_OPTIONS: nodeOptions, ONAIR_BENCH_RUSAGE: log },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let err = "";
        child.stdout.resume();
        child.stderr.on("data", (d) => (err += d));
        child.on("error", reject);
        child.on("close", (code) => {
            const wallMs = performance.now() - start;
            if (code !== 0) return reject(new Error(`${c.label}: ${c.file} ${c.args.join(" ")} exited ${code}: ${err.trim().slice(-2000)}`));
            const lines = fs.existsSync(log)
                ? fs
                      .readFileSync(log, "utf8")
                      .trim()
                      .split("\n")
                      .filter(Boolean)
                      .map((l) => JSON.parse(l) as { userUs: number; systemUs: number; maxRssKb: number })
                : [];
            fs.rmSync(path.dirname(log), { recursive: true, force: true });
            resolve({
                wallMs,
                cpuMs: lines.reduce((a, l) => a + (l.userUs + l.systemUs) / 1000, 0),
                peakRssMb: Math.max(0, ...lines.map((l) => l.maxRssKb / 1024)),
                processes: lines.length,
            });
        });
    });
}
