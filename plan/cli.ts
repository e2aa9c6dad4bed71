import * as fs from "fs";
import * as path from "path";
import { isConfigError } from "../components/config/errors";
import { PackConfigError } from "../policies/harness/packConfig";
import { evaluatePacks } from "../policies/harness/evaluate";
import { packRunsForStack } from "../policies/harness/packs";
import { parseArgs, PlanArgs, USAGE } from "./args";
import { planJson } from "./json";
import { renderMarkdown } from "./markdown";
import { mandatoryCount, renderText } from "./report";
import { ProgramError, runProgram } from "./run";
import { readProject, readStackConfig, StackFileError } from "./stackConfig";

export const EXIT = { ok: 0, mandatory: 1, error: 2 } as const;

/** Runs the offline plan; returns the exit code. Output goes to the given writers (tests capture it). */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n"), err: (s: string) => void = (s) => process.stderr.write(s + "\n")): Promise<number> {
    let args: PlanArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        err(`error: ${(e as Error).message}\n\n${USAGE}`);
        return EXIT.error;
    }
    if (args.help) {
        out(USAGE);
        return EXIT.ok;
    }
    const root = process.cwd();
    try {
        const stack = readStackConfig(root, args.stack, args.config);
        const runs = packRunsForStack(args.stack);
        const program = path.resolve(args.program ?? readProject(root).main ?? "index.ts");
        if (!fs.existsSync(program)) throw new StackFileError(`program ${program} not found`);
        if (args.asOf) process.env["ONAIR_NOW"] = args.asOf;
        const plan = await runProgram({ program, stack });
        const verdict = await evaluatePacks(plan, runs);
        const meta = { source: path.relative(root, stack.source) || stack.source, program: path.relative(root, program) || program };
        out(renderText(plan, verdict, meta));
        if (args.json) fs.writeFileSync(args.json, JSON.stringify(planJson(plan, verdict), null, 2) + "\n");
        if (args.markdown) fs.writeFileSync(args.markdown, renderMarkdown(plan, verdict, meta));
        return mandatoryCount(verdict) > 0 ? EXIT.mandatory : EXIT.ok;
    } catch (e) {
        err(describeFailure(e, args.verbose));
        return EXIT.error;
    }
}

/** One paragraph naming what failed and how to fix it; the stack trace only with --verbose. */
export function describeFailure(e: unknown, verbose: boolean): string {
    const original = e instanceof ProgramError ? e.original : e;
    let text: string;
    if (isConfigError(original)) {
        text = `Configuration error: ${original.message.replace(/^Invalid OnAir configuration:?\s*/, "")}\nNo resources were planned. Fix the stack config and run the plan again.`;
    } else if (original instanceof StackFileError || original instanceof PackConfigError) {
        text = `Configuration error: ${original.message}`;
    } else if (e instanceof ProgramError) {
        const msg = original instanceof Error ? original.message : String(original);
        text = `Program error: the Pulumi program failed under the mock runtime: ${msg.split("\n")[0]}${verbose ? "" : "\n(run with --verbose for the stack trace)"}`;
    } else {
        text = `Error: ${(original as Error)?.message ?? String(original)}${verbose ? "" : "\n(run with --verbose for the stack trace)"}`;
    }
    if (verbose && original instanceof Error && original.stack) text += `\n\n${original.stack}`;
    return text;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e) => {
            process.stderr.write(describeFailure(e, process.argv.includes("--verbose")) + "\n");
            process.exit(EXIT.error);
        },
    );
}
