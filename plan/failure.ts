import { describeError, isConfigurationFailure, withStack } from "../components/config/failure";
import { DuplicateUrnError } from "./duplicateUrns";
import { ProgramError } from "./programError";

/**
 * One paragraph naming what failed and how to fix it; the stack trace only with --verbose. The
 * planner's own failures (the program under the mock runtime, duplicate URNs) are described here;
 * configuration failures and anything else as components/config/failure.ts describes them.
 */
export function describeFailure(e: unknown, verbose: boolean): string {
    const original = e instanceof ProgramError ? e.original : e;
    // The whole list: each line names a registration to rename.
    if (original instanceof DuplicateUrnError) return `Program error: ${original.message}`;
    if (e instanceof ProgramError && !isConfigurationFailure(original)) {
        const msg = original instanceof Error ? original.message : String(original);
        return withStack(
            `Program error: the Pulumi program failed under the mock runtime: ${msg.split("\n")[0]}${verbose ? "" : "\n(run with --verbose for the stack trace)"}`,
            original,
            verbose,
        );
    }
    return describeError(original, verbose);
}
