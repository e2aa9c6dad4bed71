import { isConfigError } from "../components/config/errors";
import { PackConfigError } from "../policies/harness/packConfig";
import { DuplicateUrnError } from "./duplicateUrns";
import { ProgramError } from "./programError";
import { StackFileError } from "./stackConfig";

/** One paragraph naming what failed and how to fix it; the stack trace only with --verbose. */
export function describeFailure(e: unknown, verbose: boolean): string {
    const original = e instanceof ProgramError ? e.original : e;
    let text: string;
    if (isConfigError(original)) {
        text = `Configuration error: ${original.message.replace(/^Invalid OnAir configuration:?\s*/, "")}\nNo resources were planned. Fix the stack config and run the plan again.`;
    } else if (original instanceof StackFileError || original instanceof PackConfigError) {
        text = `Configuration error: ${original.message}`;
    } else if (original instanceof DuplicateUrnError) {
        // The whole list: each line names a registration to rename.
        return `Program error: ${original.message}`;
    } else if (e instanceof ProgramError) {
        const msg = original instanceof Error ? original.message : String(original);
        text = `Program error: the Pulumi program failed under the mock runtime: ${msg.split("\n")[0]}${verbose ? "" : "\n(run with --verbose for the stack trace)"}`;
    } else {
        text = `Error: ${(original as Error)?.message ?? String(original)}${verbose ? "" : "\n(run with --verbose for the stack trace)"}`;
    }
    if (verbose && original instanceof Error && original.stack) text += `\n\n${original.stack}`;
    return text;
}
