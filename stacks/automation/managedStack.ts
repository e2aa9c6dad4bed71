import * as pulumi from "@pulumi/pulumi";
import * as service from "@pulumi/pulumiservice";
import { AutomationConfig, ManagedStack } from "./config";
import { StackSchedules } from "./schedules";
import { deploymentSettingsArgs } from "./settings";

/**
 * One media stack as Pulumi Deployments sees it: its deployment settings and the schedules that
 * run against it. Schedules depend on the settings, which they run with. No schedule updates,
 * remediates or destroys a production stack.
 */
export class ManagedMediaStack extends pulumi.ComponentResource {
    readonly settings: service.DeploymentSettings;

    constructor(stack: ManagedStack, schedules: StackSchedules, config: AutomationConfig, opts: pulumi.ComponentResourceOptions = {}) {
        super("onair:automation:ManagedMediaStack", stack.name, {}, opts);
        const ids = { organization: config.organization, project: config.project, stack: stack.name };
        // A rehearsal deletes itself at its TTL, and Pulumi Cloud deletes its settings and schedules
        // with it. When this program then drops them, Pulumi only forgets them: a delete call
        // against a stack that no longer exists would fail the automation update.
        const own: pulumi.CustomResourceOptions = { parent: this, ...(stack.role === "rehearsal" ? { retainOnDelete: true } : {}) };
        this.settings = new service.DeploymentSettings(`${stack.name}-settings`, deploymentSettingsArgs(stack, config), own);
        const after = { ...own, dependsOn: [this.settings] };
        if (schedules.drift) {
            // Remediation is a `pulumi up` without the packs, the freeze or the reviewers: never.
            new service.DriftSchedule(`${stack.name}-drift`, { ...ids, scheduleCron: schedules.drift.cron, autoRemediate: false }, after);
        }
        if (schedules.refreshCron) {
            new service.DeploymentSchedule(`${stack.name}-nightly-refresh`, { ...ids, pulumiOperation: "refresh", scheduleCron: schedules.refreshCron }, after);
        }
        if (schedules.destroyAt) {
            new service.TtlSchedule(`${stack.name}-ttl`, { ...ids, timestamp: schedules.destroyAt, deleteAfterDestroy: true }, after);
        }
        this.registerOutputs({});
    }
}
