import * as fs from "fs";
import * as path from "path";

function problemOf(e: unknown): string {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === "ENOENT") return "its folder does not exist";
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "it cannot be written here (permission denied)";
    if (code === "EISDIR") return "it is a folder";
    return (e as Error)?.message ?? String(e);
}

/**
 * Why `--json`/`--markdown FILE` cannot be written, checked before anything is planned: a gate must
 * not print a verdict and then fail on its output file. Undefined when it can be written.
 */
export function unwritableReason(flag: string, file: string): string | undefined {
    const target = path.resolve(file);
    const dir = path.dirname(target);
    let problem: string | undefined;
    try {
        if (!fs.statSync(dir).isDirectory()) problem = `${dir} is not a folder`;
        else if (fs.existsSync(target) && fs.statSync(target).isDirectory()) problem = "it is a folder";
        else fs.accessSync(fs.existsSync(target) ? target : dir, fs.constants.W_OK);
    } catch (e) {
        problem = problemOf(e);
    }
    return problem === undefined ? undefined : describe(flag, file, problem);
}

function describe(flag: string, file: string, problem: string): string {
    return `Output error: ${flag} ${file} cannot be written: ${problem}. Nothing was planned; pass a file in an existing, writable folder (e.g. ${flag} ${path.basename(file) || "plan.out"}).`;
}

/** Writes an output file; returns the failure paragraph instead of throwing. */
export function writeOutputFile(flag: string, file: string, text: string): string | undefined {
    try {
        fs.writeFileSync(file, text);
        return undefined;
    } catch (e) {
        return describe(flag, file, problemOf(e)).replace("Nothing was planned", "The verdict was not printed");
    }
}
