import * as service from "@pulumi/pulumiservice";
import { AutomationConfig, ManagedStack } from "./config";

/** What a media stack's deployment depends on: a change elsewhere needs no preview or update. */
export function mediaPaths(stack: string): string[] {
    return ["index.ts", "components/**", "policies/**", "Pulumi.yaml", `Pulumi.${stack}.yaml`, "package.json", "package-lock.json", "tsconfig.json"];
}

/**
 * Pulumi Deployments settings of one media stack. Pushes to the branch never deploy from here:
 * production updates run from the main-branch workflow behind the offline policy gate and the
 * game-window freeze, so Deployments serves previews, schedules, review stacks and the console.
 */
export function deploymentSettingsArgs(stack: ManagedStack, config: AutomationConfig): service.DeploymentSettingsArgs {
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
            previewPullRequests: stack.role === "production" && stack.previewPullRequests,
            pullRequestTemplate: stack.role === "review-template",
            paths: mediaPaths(stack.name),
        },
        operationContext: {
            // The exact lock file, as CI has it; Deployments' own install step would not use `npm ci`.
            preRunCommands: ["npm ci"],
            options: { skipInstallDependencies: true, ...(stack.role === "review-template" ? { deleteAfterDestroy: true } : {}) },
            oidc: { aws: { roleARN: config.aws.roleArn, sessionName: config.aws.sessionName, duration: config.aws.sessionDuration } },
        },
        cacheOptions: { enable: true },
    };
}
