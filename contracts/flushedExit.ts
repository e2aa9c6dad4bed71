/**
 * Sets the exit code and exits once stdout and stderr have flushed. A bare process.exit() drops
 * whatever a slow pipe has not taken yet (the pipe holds 64 KiB): the Verdict line came last.
 */
export function exitWhenFlushed(code: number): void {
    process.exitCode = code;
    let open = 2;
    const flushed = () => {
        if (--open === 0) process.exit(code);
    };
    process.stdout.write("", flushed);
    process.stderr.write("", flushed);
}
