import * as path from "path";
import { broadcastPack } from "../broadcast/pack";
import { PackDefinition } from "../lib/pack";
import { securityPack } from "../security/pack";
import { packConfigPath, readPackConfigFile, resolvePackConfig } from "./packConfig";
import { PackRun } from "./evaluate";
import { REPO_ROOT } from "../../contracts/repoRoot";

/** Both OnAir packs, in the order the plan reports them. */
export const ALL_PACKS: readonly PackDefinition[] = [broadcastPack, securityPack];

export const POLICIES_DIR = path.join(REPO_ROOT, "policies");

/** Loads each pack's `config.<stack>.json` (when present) and resolves levels and settings. */
export function packRunsForStack(stack: string, packs: readonly PackDefinition[] = ALL_PACKS, policiesDir = POLICIES_DIR): PackRun[] {
    return packs.map((pack) => {
        const file = packConfigPath(policiesDir, pack, stack);
        return { pack, config: resolvePackConfig(pack, readPackConfigFile(file), path.relative(process.cwd(), file) || file) };
    });
}
