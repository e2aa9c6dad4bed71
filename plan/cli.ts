import * as fs from "fs";
import * as path from "path";
import { parseArgs, PlanArgs, USAGE } from "./args";
import { exitWhenFlushed } from "../contracts/flushedExit";
import { describeFailure } from "./failure";
import { unwritableReason, writeOutputFile } from "./outputFiles";
import { EXIT, StackJob, StackResult } from "./jobs";
import { superviseJobs } from "./supervisor";

export { EXIT };

/**
 * Runs the offline plan; returns the exit code. Output goes to the given writers (tests capture it).
 * This thread only reads the arguments, supervises and prints: each stack is planned in a child
 * process (plan/supervisor.ts), so a program that never finishes cannot hang or silently pass the gate.
 */
export async function main(
    argv: string[],
    out: (s: string) => void = (s) => process.stdout.write(s + "\n"),
    err: (s: string) => void = (s) => process.stderr.write(s + "\n"),
): Promise<number> {
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
    for (const [flag, file] of [
        ["--json", args.json],
        ["--markdown", args.markdown],
    ] as const) {
        const problem = file === undefined ? undefined : unwritableReason(flag, file);
        if (problem) {
            err(problem);
            return EXIT.error;
        }
    }
    const root = process.cwd();
    const jobs = planJobs(root, args);
    if (args.all) out(`Planning ${jobs.length} stacks: ${jobs.map((t) => `${path.relative(root, t.projectDir) || "."}:${t.stack}`).join(", ")}\n`);
    let code: number = EXIT.ok;
    const markdown: string[] = [];
    await superviseJobs(jobs, {
        timeoutMs: args.timeoutSeconds * 1000,
        fast: args.fast,
        onResult: (i, r) => {
            code = Math.max(code, report(jobs[i]!, r, args, root, out, err));
            markdown.push(r.markdown);
        },
    });
    if (args.markdown) {
        const problem = writeOutputFile("--markdown", args.markdown, markdown.join("\n"));
        if (problem) {
            err(problem);
            return EXIT.error;
        }
    }
    return code;
}

/** The stacks to plan: one, or with --all every stack file of the project and of project folders. */
function planJobs(root: string, args: PlanArgs): StackJob[] {
    const common = {
        root,
        verbose: args.verbose,
        json: args.json !== undefined,
        ...(args.asOf ? { asOf: args.asOf } : {}),
        ...(args.preview ? { preview: true } : {}),
    };
    if (args.all) return discoverStacks(root).map((t) => ({ ...common, projectDir: t.projectDir, stack: t.stack }));
    // A program with its own Pulumi.yaml (e.g. stacks/index.ts) is planned with its own project's stack files.
    const programDir = args.program ? path.dirname(path.resolve(args.program)) : root;
    const projectDir = args.program && fs.existsSync(path.join(programDir, "Pulumi.yaml")) ? programDir : root;
    return [
        {
            ...common,
            projectDir,
            stack: args.stack,
            ...(args.config ? { configFile: args.config } : {}),
            ...(args.program ? { programFile: args.program } : {}),
            ...(args.against ? { against: args.against } : {}),
        },
    ];
}

/** Prints one stack's result (the JSON file first: no verdict is printed for a plan that fails to write it). */
function report(job: StackJob, r: StackResult, args: PlanArgs, root: string, out: (s: string) => void, err: (s: string) => void): number {
    if (r.error !== undefined) {
        err(`${args.all ? `[${path.relative(root, job.projectDir) || "."}:${job.stack}] ` : ""}${r.error}`);
        return r.code;
    }
    if (args.json && r.json !== undefined) {
        const problem = writeOutputFile("--json", args.json, r.json);
        if (problem) {
            err(problem);
            return EXIT.error;
        }
    }
    out(r.text ?? "");
    return r.code;
}

/** Every stack file of the root project and of each project one directory down (e.g. stacks/). */
export function discoverStacks(root: string): { projectDir: string; stack: string }[] {
    const dirs = [
        root,
        ...fs
            .readdirSync(root, { withFileTypes: true })
            .filter((d) => d.isDirectory() && !d.name.startsWith(".") && d.name !== "node_modules")
            .map((d) => path.join(root, d.name))
            .filter((d) => fs.existsSync(path.join(d, "Pulumi.yaml"))),
    ];
    return dirs.flatMap((dir) =>
        fs
            .readdirSync(dir)
            .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
            .filter((stack): stack is string => stack !== undefined)
            .sort()
            .map((stack) => ({ projectDir: dir, stack })),
    );
}

/** Runs the plan as a command (`npm run plan`, plan/launch/plan.js): exits once the output drained. */
export function runFromShell(argv: string[] = process.argv.slice(2)): void {
    main(argv).then(
        (code) => exitWhenFlushed(code),
        (e) => {
            process.stderr.write(describeFailure(e, argv.includes("--verbose")) + "\n");
            exitWhenFlushed(EXIT.error);
        },
    );
}

if (require.main === module) runFromShell();
