/**
 * `npm run bench:profile -- [plan options]`: runs `node --cpu-prof plan/launch/plan.js [options]`
 * (the plan of prod by default, `--config FILE` for a season) and prints where the plan process's
 * CPU went: the Pulumi SDK's resource and Output work, its closure serializer, module loading,
 * garbage collection, OnAir's own code. It shows what floor is the SDK's (ADR 028).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../contracts/repoRoot";

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
}

/** Native functions of Node's module loader. */
const LOADER_NATIVES = new Set([
    "compileFunction",
    "compileFunctionForCJSLoader",
    "readFileUtf8",
    "internalModuleStat",
    "internalModuleReadJSON",
    "readPackageJSON",
]);

/** What a sample's stack (leaf first) was doing, in the words of the summary. */
export function categorize(stack: ProfileNode["callFrame"][]): string {
    const leaf = stack[0]!;
    if (leaf.functionName === "(garbage collector)") return "garbage collection";
    if (leaf.functionName === "(idle)") return "idle (waiting for I/O or the supervisor)";
    if (leaf.functionName === "(program)") return "V8 and Node internals (program)";
    // Resolving, reading and compiling (a program's top level runs inside require: that is its own code's).
    const loader = (f: ProfileNode["callFrame"]) =>
        f.url.startsWith("node:internal/modules/") || f.url === "node:vm" || f.url.includes("/plan/launch/") || LOADER_NATIVES.has(f.functionName);
    if (loader(leaf) || (leaf.url === "" && loader(stack.find((f) => f.url !== "") ?? leaf))) return "loading modules (resolve, read, compile; V8 code cache)";
    if (stack.some((f) => f.url.includes("@pulumi/pulumi/runtime/closure/"))) return "SDK: closure serializer (dynamic providers: inspector, TypeScript parse)";
    const owner = stack.find((f) => f.url !== "")?.url ?? "";
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(owner)?.[1];
    if (pkg === "@pulumi/pulumi") return "SDK: resources, Outputs, promises, RPC serialization";
    if (pkg) return `package ${pkg}`;
    if (owner.startsWith("node:")) return "Node built-ins";
    const rel = path.relative(REPO_ROOT, owner.replace(/^file:\/\//, ""));
    if (!rel || rel.startsWith("..")) return "other";
    const parts = rel.split(path.sep);
    // By folder: plan/ and contracts/ as one each, components/media/ and policies/lib/ each; a file at the top by name.
    return `OnAir ${parts.length === 1 ? parts[0] : parts.length > 2 && parts[0] !== "plan" ? `${parts[0]}/${parts[1]}/` : `${parts[0]}/`}`;
}

/** Self time per category, ms, largest first. */
export function summarize(profile: CpuProfile): { category: string; ms: number }[] {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const totals = new Map<string, number>();
    for (const [id, us] of self) {
        const stack: ProfileNode["callFrame"][] = [];
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
        const c = categorize(stack);
        totals.set(c, (totals.get(c) ?? 0) + us / 1000);
    }
    return [...totals].map(([category, ms]) => ({ category, ms })).sort((a, b) => b.ms - a.ms);
}

function main(argv: string[]): void {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onair-profile-"));
    const launcher = path.join(REPO_ROOT, "plan", "launch", "plan.js");
    const run = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, launcher, ...argv], {
        cwd: process.cwd(),
        stdio: ["ignore", "ignore", "inherit"],
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`plan exited ${run.status}`);
    // Two profiles: the CLI (mostly idle, supervising) and the plan process (the larger one).
    const files = fs
        .readdirSync(dir)
        .map((f) => path.join(dir, f))
        .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
    const rows = summarize(JSON.parse(fs.readFileSync(files[0]!, "utf8")) as CpuProfile);
    const total = rows.reduce((a, r) => a + r.ms, 0);
    const busy = total - (rows.find((r) => r.category.startsWith("idle"))?.ms ?? 0);
    process.stdout.write(
        `CPU profile of the plan process (node --cpu-prof plan/launch/plan.js ${argv.join(" ")}): ${Math.round(busy)} ms busy of ${Math.round(total)} ms; load average ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(" ")}\n`,
    );
    const shown = rows.filter((r) => r.ms >= total / 200);
    const rest = total - shown.reduce((a, r) => a + r.ms, 0);
    for (const r of [...shown, { category: "everything else (each under 0.5 %)", ms: rest }])
        process.stdout.write(`${String(Math.round(r.ms)).padStart(7)} ms  ${((r.ms / total) * 100).toFixed(1).padStart(5)} %  ${r.category}\n`);
    process.stdout.write(`(profiling slows the run; the shares, not the times, are the point)\n`);
    fs.rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) main(process.argv.slice(2));
