import * as fs from "fs";
import * as path from "path";
import { isConfigError } from "../components/config/errors";
import { PackConfigError } from "../policies/harness/packConfig";
import { evaluatePacks } from "../policies/harness/evaluate";
import { packRunsForStack } from "../policies/harness/packs";
import { REPO_ROOT } from "../components/repoRoot";
import { enableFastPath } from "./fastPath";
import { parseArgs, PlanArgs, USAGE } from "./args";
import { planJson } from "./json";
import { renderMarkdown } from "./markdown";
import { mandatoryCount, renderText } from "./report";
import { ProgramError, runProgram } from "./run";
import { renderRequiredSecrets } from "./requiredSecrets";
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
    if (args.fast) enableFastPath();
    const root = process.cwd();
    if (args.all) {
        let code: number = EXIT.ok;
        const markdown: string[] = [];
        const targets = discoverStacks(root);
        out(`Planning ${targets.length} stacks: ${targets.map((t) => `${path.relative(root, t.projectDir) || "."}:${t.stack}`).join(", ")}\n`);
        for (const t of targets) {
            const r = await planOne(root, t.projectDir, t.stack, undefined, undefined, args, out, err);
            if (r.markdown) markdown.push(r.markdown);
            code = Math.max(code, r.code);
        }
        if (args.markdown) fs.writeFileSync(args.markdown, markdown.join("\n"));
        return code;
    }
    // A program with its own Pulumi.yaml (e.g. stacks/index.ts) is planned with its own project's stack files.
    const programDir = args.program ? path.dirname(path.resolve(args.program)) : root;
    const projectDir = args.program && fs.existsSync(path.join(programDir, "Pulumi.yaml")) ? programDir : root;
    const r = await planOne(root, projectDir, args.stack, args.config, args.program, args, out, err);
    if (args.markdown && r.markdown) fs.writeFileSync(args.markdown, r.markdown);
    return r.code;
}

/**
 * Without ts-node (the compiled CLI of `npm run plan:fast`), a TypeScript program of this repository
 * runs as its compiled copy under build/.
 */
export function runnableProgram(program: string): string {
    if (!program.endsWith(".ts") || require.extensions[".ts"]) return program;
    const rel = path.relative(REPO_ROOT, program);
    const compiled = path.join(REPO_ROOT, "build", rel.replace(/\.ts$/, ".js"));
    if (rel.startsWith("..") || !fs.existsSync(compiled)) {
        throw new StackFileError(`${program} is TypeScript and this CLI runs without ts-node; use npm run plan for programs outside this repository's build`);
    }
    return compiled;
}

/** Every stack file of the root project and of each project one directory down (e.g. stacks/). */
export function discoverStacks(root: string): { projectDir: string; stack: string }[] {
    const dirs = [root, ...fs.readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith(".") && d.name !== "node_modules")
        .map((d) => path.join(root, d.name))
        .filter((d) => fs.existsSync(path.join(d, "Pulumi.yaml")))];
    return dirs.flatMap((dir) => fs.readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((stack): stack is string => stack !== undefined)
        .sort()
        .map((stack) => ({ projectDir: dir, stack })));
}

async function planOne(
    root: string,
    projectDir: string,
    stackName: string,
    configFile: string | undefined,
    programFile: string | undefined,
    args: PlanArgs,
    out: (s: string) => void,
    err: (s: string) => void,
): Promise<{ code: number; markdown?: string }> {
    try {
        const stack = readStackConfig(projectDir, stackName, configFile);
        const runs = packRunsForStack(stackName);
        // The program as the user named it; its compiled copy runs under plan:fast.
        const source = path.resolve(programFile ?? path.join(projectDir, readProject(projectDir).main ?? "index.ts"));
        const program = runnableProgram(source);
        if (!fs.existsSync(program)) throw new StackFileError(`program ${program} not found`);
        if (args.asOf) process.env["ONAIR_NOW"] = args.asOf;
        const plan = await runProgram({ program, stack });
        const verdict = await evaluatePacks(plan, runs);
        const meta = { source: path.relative(root, stack.source) || stack.source, program: path.relative(root, source) || source, secrets: renderRequiredSecrets(stack.stack, stack.secrets ?? []) };
        out(renderText(plan, verdict, meta));
        if (args.json) fs.writeFileSync(args.json, JSON.stringify(planJson(plan, verdict), null, 2) + "\n");
        return { code: mandatoryCount(verdict) > 0 ? EXIT.mandatory : EXIT.ok, markdown: renderMarkdown(plan, verdict, meta) };
    } catch (e) {
        const message = describeFailure(e, args.verbose);
        err(`${args.all ? `[${path.relative(root, projectDir) || "."}:${stackName}] ` : ""}${message}`);
        return { code: EXIT.error, markdown: `## OnAir plan: stack \`${stackName}\` - ERROR\n\n\`\`\`\n${message}\n\`\`\`\n` };
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
