import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../contracts/repoRoot";
import { evaluatePacks } from "../policies/harness/evaluate";
import { packRunsForStack } from "../policies/harness/packs";
import { checksMandatory, runOfflineChecks } from "./checks";
import { describeFailure } from "./failure";
import { checkStateStack, deployedLookup, impactAgainst } from "./impact/against";
import { impactViolations } from "./impact/assess";
import { readStateExport } from "./impact/stateExport";
import { EXIT, failureResult, StackJob, StackResult } from "./jobs";
import { planJson } from "./json";
import { renderMarkdown } from "./markdown";
import { RunObserver } from "./progress";
import { mandatoryCount, renderText } from "./report";
import { runProgram } from "./run";
import { renderRequiredSecrets } from "../components/config/requiredSecrets";
import { readProject, readStackConfig } from "../components/config/stackConfig";
import { StackFileError } from "../contracts/stackFile";

/**
 * Without a TypeScript loader (the compiled CLI, `npm run build` then `node build/plan/cli.js`), a
 * TypeScript program of this repository runs as its compiled copy under build/.
 */
export function runnableProgram(program: string): string {
    if (!program.endsWith(".ts") || require.extensions[".ts"]) return program;
    const rel = path.relative(REPO_ROOT, program);
    const compiled = path.join(REPO_ROOT, "build", rel.replace(/\.ts$/, ".js"));
    if (rel.startsWith("..") || !fs.existsSync(compiled)) {
        throw new StackFileError(
            `${program} is TypeScript and this CLI runs without a TypeScript loader; use npm run plan for programs outside this repository's build`,
        );
    }
    return compiled;
}

/**
 * Plans and judges one stack in this thread. `settle` runs between the program and the verdict
 * (the plan process waits there for the program's timers and late rejections).
 */
export async function planStack(job: StackJob, observer?: RunObserver, settle?: () => Promise<void>): Promise<StackResult> {
    try {
        const stack = readStackConfig(job.projectDir, job.stack, job.configFile);
        const runs = packRunsForStack(job.stack);
        // The program as the user named it; its compiled copy runs under the compiled CLI.
        const source = path.resolve(job.programFile ?? path.join(job.projectDir, readProject(job.projectDir).main ?? "index.ts"));
        const program = runnableProgram(source);
        if (!fs.existsSync(program)) throw new StackFileError(`program ${program} not found`);
        if (job.asOf) process.env["ONAIR_NOW"] = job.asOf;
        // The deployed state is read before the program runs: a bad export fails fast, and existing
        // resources answer with their deployed ids and outputs.
        const state = job.against ? readStateExport(path.resolve(job.root, job.against), job.against) : undefined;
        if (state) checkStateStack(state, stack.stack);
        const plan = await runProgram({
            program,
            stack,
            ...(job.preview ? { preview: true } : {}),
            ...(observer ? { observer } : {}),
            ...(state ? { deployed: deployedLookup(state) } : {}),
        });
        await settle?.();
        observer?.({ e: "phase", phase: "judging" });
        const verdict = await evaluatePacks(plan, runs);
        const checks = await runOfflineChecks(plan, stack);
        const impact = state ? await impactAgainst(plan, state, stack) : undefined;
        const meta = {
            source: path.relative(job.root, stack.source) || stack.source,
            program: path.relative(job.root, source) || source,
            secrets: renderRequiredSecrets(stack.stack, stack.secrets ?? []),
            checks,
            ...(impact ? { impact } : {}),
        };
        return {
            code: mandatoryCount(verdict) + checksMandatory(checks) + impactViolations(impact).length > 0 ? EXIT.mandatory : EXIT.ok,
            text: renderText(plan, verdict, meta),
            markdown: renderMarkdown(plan, verdict, meta),
            ...(job.json ? { json: JSON.stringify(planJson(plan, verdict, checks, impact), null, 2) + "\n" } : {}),
        };
    } catch (e) {
        return failureResult(job, describeFailure(e, job.verbose));
    }
}
