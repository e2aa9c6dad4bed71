import * as fs from "fs";
import * as path from "path";
import * as service from "@pulumi/pulumiservice";
import { packConfigPath, readPackConfigFile, resolvePackConfig } from "../../policies/harness/packConfig";
import { ALL_PACKS, POLICIES_DIR } from "../../policies/harness/packs";
import { AutomationConfig } from "./config";

/** The version `pulumi policy publish policies/<pack>` gives the pack: its package.json version. */
export function packVersion(dir: string, policiesDir = POLICIES_DIR): string {
    const file = path.join(policiesDir, dir, "package.json");
    return String((JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown }).version ?? "");
}

/**
 * Pulumi Cloud enforces both packs on the season's stacks with the prod levels and thresholds the
 * pull-request gate uses (`policies/<pack>/config.prod.json`), checked here against the packs'
 * own schemas so a typo fails this update, not the next game-day deployment.
 */
export function policyGroupArgs(config: AutomationConfig, policiesDir = POLICIES_DIR): service.PolicyGroupArgs {
    const stacks = config.stacks.filter((s) => s.role !== "review-template");
    return {
        name: `${config.project}-season`,
        organizationName: config.organization,
        entityType: "stacks",
        mode: config.policyPacks.mode,
        stacks: stacks.map((s) => ({ name: s.name, routingProject: config.project })),
        policyPacks: ALL_PACKS.map((pack) => {
            const file = packConfigPath(policiesDir, pack, "prod");
            const entries = readPackConfigFile(file) ?? {};
            resolvePackConfig(pack, entries, path.relative(process.cwd(), file) || file);
            return { name: pack.name, versionTag: packVersion(pack.dir, policiesDir), config: entries };
        }),
    };
}
