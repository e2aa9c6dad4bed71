import { PackConfigError } from "../../contracts/packConfigError";
import { StackFileError } from "../../contracts/stackFile";
import { isConfigError } from "./errors";

/** A failure the user fixes in a stack file, the season or a pack config (never shown with a stack trace unasked). */
export function isConfigurationFailure(e: unknown): boolean {
    return isConfigError(e) || e instanceof StackFileError || e instanceof PackConfigError;
}

/**
 * One paragraph naming what failed and how to fix it; the stack trace only with `verbose`. Shared
 * by the planner (plan/failure.ts adds its own program failures) and the automation stack's checks.
 */
export function describeError(e: unknown, verbose: boolean): string {
    let text: string;
    if (isConfigError(e)) {
        text = `Configuration error: ${e.message.replace(/^Invalid OnAir configuration:?\s*/, "")}\nNo resources were planned. Fix the stack config and run the plan again.`;
    } else if (e instanceof StackFileError || e instanceof PackConfigError) {
        text = `Configuration error: ${e.message}`;
    } else {
        text = `Error: ${(e as Error)?.message ?? String(e)}${verbose ? "" : "\n(run with --verbose for the stack trace)"}`;
    }
    return withStack(text, e, verbose);
}

export function withStack(text: string, e: unknown, verbose: boolean): string {
    return verbose && e instanceof Error && e.stack ? `${text}\n\n${e.stack}` : text;
}
