import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { BENCH_SECRETS, syntheticSeason } from "./syntheticSeason";

/**
 * The synthetic season as a stack file, for whole-process runs of the CLI (`npm run plan --
 * --config FILE`): block YAML as a person writes it, secrets as `secure:` values (the plan marks
 * them secret and never sees their text). Returns the file's path.
 */
export function writeSeasonStackFile(dir: string, channels: number): string {
    const config: Record<string, unknown> = { "onair:season": syntheticSeason(channels) };
    for (const [k, v] of Object.entries(BENCH_SECRETS)) config[`onair:${k}`] = { secure: Buffer.from(v).toString("base64") };
    const file = path.join(dir, `Pulumi.bench-${channels}.yaml`);
    fs.writeFileSync(file, `# Synthetic ${channels}-channel season (tools/bench/syntheticSeason.ts)\n${stringify({ config })}`);
    return file;
}
