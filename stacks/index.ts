import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as service from "@pulumi/pulumiservice";
import { planningNow } from "../components/config/planningNow";
import { onAirWindows } from "../components/operations/onAirWindows";
import { readSeasonFile } from "../plan/seasonFile";
import { AUTOMATION_KEY, validateAutomation } from "./automation/config";
import { ManagedMediaStack } from "./automation/managedStack";
import { policyGroupArgs } from "./automation/policyGroup";
import { stackSchedules } from "./automation/schedules";
import { REPO_ROOT } from "../components/repoRoot";

// The media project lives at the repository root; its stack files hold the seasons' game windows.
const repoRoot = REPO_ROOT;
const config = new pulumi.Config();
const automation = validateAutomation(config.getObject<unknown>(AUTOMATION_KEY), config.name, (stack) => fs.existsSync(path.join(repoRoot, `Pulumi.${stack}.yaml`)));
const nowMs = planningNow();

const managed = automation.stacks.map((stack) => {
    const windows = stack.role === "production" ? onAirWindows(readSeasonFile(repoRoot, stack.name)) : [];
    const schedules = stackSchedules(stack, windows, automation, nowMs);
    for (const note of schedules.notes) pulumi.log.warn(note);
    new ManagedMediaStack(stack, schedules, automation);
    return { stack, schedules };
});

const group = new service.PolicyGroup("season-policies", policyGroupArgs(automation));

/** Per media stack: what Deployments does on its own and when. */
export const stacks = Object.fromEntries(managed.map(({ stack, schedules }) => [stack.name, {
    role: stack.role,
    previewsPullRequests: stack.role === "production" && stack.previewPullRequests,
    reviewStackTemplate: stack.role === "review-template",
    ...(schedules.drift ? { drift: schedules.drift } : {}),
    ...(schedules.refreshCron ? { nightlyRefresh: schedules.refreshCron } : {}),
    ...(schedules.openingUpdate ? { openingUpdate: schedules.openingUpdate } : {}),
    ...(schedules.destroyAt ? { destroyAt: schedules.destroyAt } : {}),
    ...(schedules.notes.length > 0 ? { notes: schedules.notes } : {}),
}]));

/** The policy group enforcing both packs, and on which stacks. */
export const policyGroup = { name: group.name, mode: group.mode, stacks: automation.stacks.filter((s) => s.role !== "review-template").map((s) => s.name) };
