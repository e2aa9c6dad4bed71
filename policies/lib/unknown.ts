/**
 * Values not known during preview, as the policy SDK hands them to rules: every property read goes
 * through its unknown-checking proxy, and reading an unknown value throws its UnknownValueError,
 * which the engine reports as "can't run policy ... during preview" (advisory). Rules use these
 * helpers to decide on what is known and to say "cannot decide" for the rest through that same
 * error, never by passing.
 */

// The SDK's own error class and proxy (internal to @pulumi/policy, so not in its typings). The
// pack and the harness load the same module, so `instanceof` holds in both.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- @pulumi/policy/proxy has no typings to import; the shape is declared here
const proxy = require("@pulumi/policy/proxy") as {
    UnknownValueError: new (sentinel: unknown, path: string[]) => Error;
    unknownCheckingProxy<T extends object>(o: T): T;
};

export function isUnknownValueError(e: unknown): e is Error {
    return e instanceof proxy.UnknownValueError;
}

/** Wraps props as the policy SDK does before a rule sees them (the harness, during preview). */
export function unknownCheckingProxy<T extends object>(props: T): T {
    return proxy.unknownCheckingProxy(props);
}

/**
 * A value that was unknown when a view read it (an id, ARN or domain of a resource not created
 * yet). Views keep it instead of throwing, so one unknown id does not stop a rule from judging the
 * rest: it is known to be set, not what it is. A rule that needs the value itself calls `need()`.
 */
export class Unknown {
    constructor(readonly error: Error) {}
    toString(): string {
        return "(not known until created)";
    }
}

export type Maybe<T> = T | Unknown;

export function isUnknown(v: unknown): v is Unknown {
    return v instanceof Unknown;
}

/** Reads a value that may be unknown during preview. Any other error propagates. */
export function maybe<T>(read: () => T): Maybe<T> {
    try {
        return read();
    } catch (e) {
        if (isUnknownValueError(e)) return new Unknown(e);
        throw e;
    }
}

/**
 * Whether a reference (an ARN, an id) is set: a known non-empty value, or one computed by a
 * resource not created yet. Unknown is set, not missing.
 */
export function isSet(read: () => unknown): boolean {
    const v = maybe(read);
    return isUnknown(v) || (v !== undefined && v !== null && v !== "");
}

/** The value, or the SDK's own UnknownValueError: the rule cannot decide without it. */
export function need<T>(v: Maybe<T>): T {
    if (v instanceof Unknown) throw v.error;
    return v;
}

/**
 * What a rule could not decide. A rule reports every violation it can see from known values, runs
 * each check that may meet an unknown through `check()`, and ends with `settle()`: if any check
 * needed an unknown value, the first one's UnknownValueError is rethrown, so the engine reports the
 * rule as undecided at preview (the violations already reported stand).
 */
export class Undecided {
    private first?: Error;

    check(fn: () => void): void {
        const r = maybe(fn);
        if (r instanceof Unknown) this.first ??= r.error;
    }

    /** Marks the rule undecided because of a value a view kept as unknown. */
    note(v: Unknown): void {
        this.first ??= v.error;
    }

    settle(): void {
        if (this.first) throw this.first;
    }
}
