import * as service from "@pulumi/pulumiservice";
import { AutomationConfig, ManagedStack } from "./config";

/** What a media stack's deployment depends on: a change elsewhere needs no preview or update. */
export function mediaPaths(stack: string): string[] {
    return ["index.ts", "components/**", "policies/**", "Pulumi.yaml", `Pulumi.${stack}.yaml`, "package.json", "package-lock.json", "tsconfig.json"];
}

/**
 * Before every Deployments operation on a production stack: refuses update, destroy and drift
 * remediation (prod changes only through the deploy workflow), and a refresh or drift check while
 * a game is on air. Deployments sets PULUMI_CI_OPERATION for it.
 */
export function guardCommand(stack: string): string {
    return `npm run deployments-guard -- --stack ${stack}`;
}

/**
 * Pulumi Deployments settings of one media stack. Deployments never changes a production stack:
 * it previews pull requests, checks drift and refreshes, with a read-only role, behind a guard
 * that refuses any other operation. Rehearsal and review stacks, which Deployments creates and
 * destroys, get the non-production role.
 */
export function deploymentSettingsArgs(stack: ManagedStack, config: AutomationConfig): service.DeploymentSettingsArgs {
    const production = stack.role === "production";
    const roleARN = production ? config.aws.readOnlyRoleArn : config.aws.nonProdRoleArn!;
    return {
        organization: config.organization,
        project: config.project,
        stack: stack.name,
        sourceContext: { git: { branch: `refs/heads/${config.branch}`, repoDir: "." } },
        vcs: {
            provider: "github",
            repository: config.repository,
            // The provider defaults both to true; say what each stack does.
            deployCommits: false,
            previewPullRequests: production && stack.previewPullRequests,
            pullRequestTemplate: stack.role === "review-template",
            paths: mediaPaths(stack.name),
        },
        operationContext: {
            // The exact lock file, as CI has it; Deployments' own install step would not use `npm ci`.
            preRunCommands: ["npm ci", ...(production ? [guardCommand(stack.name)] : [])],
            options: { skipInstallDependencies: true, ...(stack.role === "review-template" ? { deleteAfterDestroy: true } : {}) },
            oidc: { aws: { roleARN, sessionName: config.aws.sessionName, duration: config.aws.sessionDuration } },
        },
        cacheOptions: { enable: true },
    };
}
