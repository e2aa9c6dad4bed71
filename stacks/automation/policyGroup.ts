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

/** A policy's entry as the Pulumi Cloud API stores it: its settings with the level alongside. */
export type ServicePolicyConfig = { enforcementLevel?: string } & Record<string, unknown>;

/**
 * A `--policy-pack-config` file in the form the service expects. The file may give a policy a
 * bare level (`"mandatory"`) or an object; the API takes only objects. This is the conversion
 * `pulumi policy enable --config` applies before calling the API: parse each entry into a level and
 * properties, skip entries with neither, and send `{ ...properties, enforcementLevel }`
 * (pulumi/pulumi pkg/resource/analyzer/config.go parsePolicyPackConfig, and
 * pkg/cmd/pulumi/policy/policy_enable.go loadPolicyConfigFromFile / marshalAnalyzerPolicyConfig).
 * `@pulumi/pulumiservice` passes `config` through untouched, so the program converts it.
 */
export function serviceConfig(file: Record<string, unknown>): Record<string, ServicePolicyConfig> {
    const out: Record<string, ServicePolicyConfig> = {};
    for (const [policy, entry] of Object.entries(file)) {
        // ESC environment references travel separately from policy entries (the CLI takes them out too).
        if (policy === "environments") continue;
        let level: string | undefined;
        let properties: Record<string, unknown> = {};
        if (typeof entry === "string") {
            level = entry;
        } else if (entry && typeof entry === "object" && !Array.isArray(entry)) {
            const { enforcementLevel, ...rest } = entry as Record<string, unknown>;
            if (enforcementLevel !== undefined) level = String(enforcementLevel);
            properties = rest;
        }
        if (level === undefined && Object.keys(properties).length === 0) continue;
        out[policy] = { ...properties, ...(level !== undefined ? { enforcementLevel: level } : {}) };
    }
    return out;
}

/**
 * Pulumi Cloud enforces both packs on the season's stacks with the prod levels and thresholds the
 * pull-request gate uses (`policies/<pack>/config.prod.json`), checked here against the packs'
 * own schemas so a typo fails this update, not the next game-day deployment, and converted to the
 * object form the service stores.
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
            return { name: pack.name, versionTag: packVersion(pack.dir, policiesDir), config: serviceConfig(entries) };
        }),
    };
}
