import * as fs from "fs";
import * as path from "path";

/**
 * The repository root, whether this module runs from source (ts-node) or from the compiled copy
 * under build/ (the benchmark's fast path): files the program reads or ships (edge function,
 * Lambda code, policy configs, stack files) always come from the checked-in sources.
 */
export function findRepoRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no OnAir repository (package.json and Pulumi.yaml) above ${from}`);
    }
}

export const REPO_ROOT = findRepoRoot(__dirname);
