/** A stack to plan and what planning it gives: plain data, passed between the CLI and the plan process. */

export const EXIT = { ok: 0, mandatory: 1, error: 2 } as const;

export interface StackJob {
    /** Directory paths in messages are relative to. */
    root: string;
    projectDir: string;
    stack: string;
    configFile?: string;
    programFile?: string;
    asOf?: string;
    /** `--against`: the state export to compare with (relative to `root`). */
    against?: string;
    /** Plan as a first `pulumi preview` sees it: provider-computed outputs and ids unknown. */
    preview?: boolean;
    /** Build the `--json` document too. */
    json: boolean;
    verbose: boolean;
}

/** What a planned stack prints and writes; failures carry their one paragraph in `error`. */
export interface StackResult {
    code: 0 | 1 | 2;
    /** The report for stdout (absent when the stack failed). */
    text?: string;
    /** The failure paragraph for stderr. */
    error?: string;
    markdown: string;
    json?: string;
}

/** The Markdown section of a stack that failed: every stack gets one, so a gate never reads "nothing" as a pass. */
export function errorMarkdown(stack: string, message: string): string {
    return `## OnAir plan: stack \`${stack}\` - ERROR\n\n\`\`\`\n${message}\n\`\`\`\n`;
}

export function failureResult(job: StackJob, message: string): StackResult {
    return { code: EXIT.error, error: message, markdown: errorMarkdown(job.stack, message) };
}
