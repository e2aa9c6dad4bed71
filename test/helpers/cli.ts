import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../plan/cli";
import { ROOT } from "./plan";

export interface Run {
    code: number;
    out: string;
    err: string;
}

/** `npm run plan -- <argv>` in this process, with its output captured. */
export async function plan(...argv: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
        argv,
        (s) => out.push(s),
        (s) => err.push(s),
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The same with the working directory set to `dir` (as CI runs --all in a project folder). */
export async function planIn(dir: string, ...argv: string[]): Promise<Run> {
    const before = process.cwd();
    process.chdir(dir);
    try {
        return await plan(...argv);
    } finally {
        process.chdir(before);
    }
}

export function tmpFile(name: string, text?: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-")), name);
    if (text !== undefined) fs.writeFileSync(file, text);
    return file;
}

export const FIXTURES = path.join(ROOT, "test", "fixtures", "programs");
export const PROJECTS = path.join(ROOT, "test", "fixtures", "projects");
