/**
 * A policy pack's per-stack config file is wrong (unknown policy, bad level, value against the
 * schema). Here, not in the harness that throws it, so every command that reports failures (the
 * planner, the automation stack's checks) recognises it as a configuration error.
 */
export class PackConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PackConfigError";
    }
}
