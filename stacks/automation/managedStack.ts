import * as pulumi from "@pulumi/pulumi";
import * as service from "@pulumi/pulumiservice";
import { AutomationConfig, ManagedStack } from "./config";
import { StackSchedules } from "./schedules";
import { deploymentSettingsArgs } from "./settings";

/**
 * One media stack as Pulumi Deployments sees it: its deployment settings and the schedules that
 * run against it. Schedules depend on the settings, which they run with.
 */
export class ManagedMediaStack extends pulumi.ComponentResource {
    readonly settings: service.DeploymentSettings;

    constructor(stack: ManagedStack, schedules: StackSchedules, config: AutomationConfig, opts: pulumi.ComponentResourceOptions = {}) {
        super("onair:automation:ManagedMediaStack", stack.name, {}, opts);
        const ids = { organization: config.organization, project: config.project, stack: stack.name };
        this.settings = new service.DeploymentSettings(`${stack.name}-settings`, deploymentSettingsArgs(stack, config), { parent: this });
        const after = { parent: this, dependsOn: [this.settings] };
        if (schedules.drift) {
            new service.DriftSchedule(`${stack.name}-drift`, { ...ids, scheduleCron: schedules.drift.cron, autoRemediate: schedules.drift.autoRemediate }, after);
        }
        if (schedules.refreshCron) {
            new service.DeploymentSchedule(`${stack.name}-nightly-refresh`, { ...ids, pulumiOperation: "refresh", scheduleCron: schedules.refreshCron }, after);
        }
        if (schedules.openingUpdate) {
            new service.DeploymentSchedule(`${stack.name}-opening-update`, { ...ids, pulumiOperation: "update", timestamp: schedules.openingUpdate }, after);
        }
        if (schedules.destroyAt) {
            new service.TtlSchedule(`${stack.name}-ttl`, { ...ids, timestamp: schedules.destroyAt, deleteAfterDestroy: true }, after);
        }
        this.registerOutputs({});
    }
}
