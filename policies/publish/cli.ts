import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../contracts/repoRoot";
import { ALL_PACKS, POLICIES_DIR } from "../harness/packs";
import { assemblePack } from "./assemble";
import { Lockfile } from "./shrinkwrap";

/** `npm run packs:build [-- --out DIR]`: the folders to publish, one per pack (default build/packs/<pack>). */
export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n")): number {
    const i = argv.indexOf("--out");
    const outRoot = path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1]! : path.join(REPO_ROOT, "build", "packs"));
    const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as Lockfile;
    for (const pack of ALL_PACKS) {
        const built = assemblePack(POLICIES_DIR, pack.dir, outRoot, lock);
        out(`${built.name}@${built.version}: ${path.relative(process.cwd(), built.out) || built.out}`);
        out(`  publish with: pulumi policy publish ${path.relative(process.cwd(), built.out) || built.out}`);
    }
    return 0;
}

if (require.main === module) {
    try {
        process.exit(main(process.argv.slice(2)));
    } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        process.exit(2);
    }
}
