import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { assemblePack } from "../../../policies/publish/assemble";
import { Lockfile } from "../../../policies/publish/shrinkwrap";
import { ROOT } from "../../helpers/plan";

/**
 * A pack as Pulumi Cloud runs it after `pulumi policy publish`: the CLI uploads `npm pack` of the
 * pack folder; enforcement extracts the tarball's `package/` folder and runs `npm install
 * --loglevel=error` in it (pulumi/pulumi pkg/backend/httpstate/policypack.go installRequiredPolicy,
 * sdk/nodejs/npm/npm.go installCmd). Here the install resolves from the local npm cache
 * (`--prefer-offline`; the pack's npm-shrinkwrap.json pins what the repository's lock installed).
 */
export interface InstalledPack {
    dir: string;
    /** The tarball `npm pack` produced. */
    tarball: string;
    /** Where it was extracted and installed: the program directory the runner is started in. */
    installed: string;
    /** Files in the tarball (paths inside `package/`). */
    files: string[];
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let work: string | undefined;
const installs = new Map<string, Promise<InstalledPack>>();

function workDir(): string {
    if (!work) {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "onair-published-packs-"));
        process.once("exit", () => fs.rmSync(work!, { recursive: true, force: true }));
    }
    return work;
}

function run(cmd: string, args: string[], cwd: string): string {
    // The repository's .npmrc (ignore-scripts for provider plugins) does not apply out here, as it
    // would not in Pulumi Cloud.
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_loglevel: "error" } });
}

/** Assembles, packs, extracts and installs one pack once per test run. */
export function installedPack(dir: string): Promise<InstalledPack> {
    let p = installs.get(dir);
    if (!p) {
        p = Promise.resolve().then(() => {
            const root = workDir();
            const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as Lockfile;
            const built = assemblePack(path.join(ROOT, "policies"), dir, path.join(root, "assembled"), lock);
            const tarball = path.join(root, run(npm, ["pack", "--loglevel=error", "--pack-destination", root], built.out).trim().split("\n").pop()!);
            const extracted = path.join(root, "installed", dir);
            fs.mkdirSync(extracted, { recursive: true });
            run("tar", ["-xzf", tarball, "-C", extracted], root);
            const files = run("tar", ["-tzf", tarball], root)
                .trim()
                .split("\n")
                .map((f) => f.replace(/^package\//, ""))
                .sort();
            const installed = path.join(extracted, "package");
            run(npm, ["install", "--loglevel=error", "--prefer-offline", "--no-audit", "--no-fund"], installed);
            return { dir, tarball, installed, files };
        });
        installs.set(dir, p);
    }
    return p;
}
