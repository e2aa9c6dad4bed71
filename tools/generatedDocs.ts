import * as fs from "fs";
import * as path from "path";

/**
 * What the docs generators (policy reference, README configuration tables, README season diagram)
 * share: splicing a generated block between its markers, and `--check` (fail when the committed
 * copy is stale) versus write.
 */

/** `text` with the block between `begin` and `end` replaced by `block`; throws when the markers are missing. */
export function withBlock(text: string, begin: string, end: string, block: string, file = "README.md"): string {
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`${file} has no ${begin} ... ${end} block`);
    return `${text.slice(0, a + begin.length)}\n${block}\n${text.slice(b)}`;
}

export interface GeneratedFile {
    file: string;
    /** The generated content. */
    next: string;
    /** The committed content (what `--check` compares with). */
    current: string;
    /** `--check` failed: what is stale and the command that regenerates it. */
    stale: string;
    /** `--check` passed. */
    ok: string;
    /** Written. */
    wrote: string;
}

/** With `check`, exits 1 when the committed copy differs from the generated one; else writes it. */
export function checkOrWrite(g: GeneratedFile, check: boolean): void {
    if (check) {
        if (g.next !== g.current) {
            process.stderr.write(`${g.stale}\n`);
            process.exit(1);
        }
        process.stdout.write(`${g.ok}\n`);
    } else {
        fs.writeFileSync(g.file, g.next);
        process.stdout.write(`${g.wrote.replace("{file}", path.relative(process.cwd(), g.file))}\n`);
    }
}
