import { CapturedResource } from "../contracts/capturedPlan";

/** A program failure (thrown error, rejected promise) while it ran under the mock runtime. */
export class ProgramError extends Error {
    /** What had been registered when the program failed (a config error must leave only the stack). */
    resources: CapturedResource[] = [];

    constructor(readonly original: unknown) {
        super(original instanceof Error ? original.message : String(original));
        this.name = "ProgramError";
    }
}
