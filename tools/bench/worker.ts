import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../contracts/repoRoot";
import { checksMandatory, OfflineChecks, runOfflineChecks } from "../../plan/checks";
import { planJson } from "../../plan/json";
import { runProgram } from "../../plan/run";
import { evaluatePacks } from "../../policies/harness/evaluate";
import { packRunsForStack } from "../../policies/harness/packs";
import { enableFastPath } from "../../plan/fastPath";
import { syntheticStack } from "./stack";
import { BENCH_NOW } from "./syntheticSeason";

/** One measured plan-and-judge of a synthetic season, as the runner prints it. */
export interface Sample {
    channels: number;
    resources: number;
    planMs: number;
    policyMs: number;
    violations: { mandatory: number; advisory: number };
    /** What AWS would refuse: schema violations and quota rows that do not fit (mandatory). */
    offline: { schema: number; quotas: number; shards: number };
    /** Peak resident memory of this process, MB. */
    peakRssMb: number;
}

/** Plans and judges one synthetic season in this process. */
export async function measure(
    channels: number,
    program: string,
): Promise<Sample & { plan: Awaited<ReturnType<typeof runProgram>>; verdict: Awaited<ReturnType<typeof evaluatePacks>>; checks: OfflineChecks }> {
    const stack = syntheticStack(channels);
    const t0 = performance.now();
    const plan = await runProgram({ program, stack });
    const t1 = performance.now();
    // Judging is the policy verdict and the offline checks (resource schemas, service quotas), as the plan runs them.
    const verdict = await evaluatePacks(plan, packRunsForStack("prod"));
    const checks = await runOfflineChecks(plan, stack);
    const t2 = performance.now();
    const count = (level: string) => verdict.violations.filter((v) => v.enforcementLevel === level).length;
    return {
        channels,
        resources: plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).length,
        planMs: t1 - t0,
        policyMs: t2 - t1,
        violations: { mandatory: count("mandatory") + checksMandatory(checks), advisory: count("advisory") },
        offline: {
            schema: checks.schema.violations.length,
            quotas: checksMandatory(checks) - checks.schema.violations.length,
            shards: plan.resources.filter((r) => r.type === "aws-native:cloudfront:Distribution").length,
        },
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        plan,
        verdict,
        checks,
    };
}

/**
 * `node -r ./plan/launch/register.js tools/bench/worker.ts <channels> [--fast] [--warmup] [--dump
 * FILE]`: one sample per process, so peak memory is that of one plan. --warmup first plans a 1-channel season, so the
 * sample measures planning, not module loading and JIT warm-up (the runner prints both).
 */
async function main(argv: string[]): Promise<void> {
    const channels = Number(argv[0]);
    if (argv.includes("--fast")) enableFastPath();
    process.env["ONAIR_NOW"] = BENCH_NOW;
    // The program compiled next to this worker (build/index.js) or, under ts-node, the source.
    const program = fs.existsSync(path.join(__dirname, "../../index.js")) ? path.resolve(__dirname, "../../index.js") : path.join(REPO_ROOT, "index.ts");
    const started = performance.now();
    if (argv.includes("--warmup")) await measure(1, program);
    const sample = await measure(channels, program);
    const dump = argv.indexOf("--dump");
    if (dump >= 0) fs.writeFileSync(argv[dump + 1]!, JSON.stringify(planJson(sample.plan, sample.verdict, sample.checks)));
    const { plan: _plan, verdict: _verdict, checks: _checks, ...out } = sample;
    process.stdout.write(JSON.stringify({ ...out, processMs: performance.now() - started }) + "\n");
}

if (require.main === module) {
    main(process.argv.slice(2)).catch((e) => {
        process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
        process.exit(1);
    });
}
