import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as service from "@pulumi/pulumiservice";
import { ConfigError } from "../components/config/errors";
import { planningNow } from "../components/config/planningNow";
import { onAirWindows } from "../components/operations/onAirWindows";
import { PROTECT_KEY } from "../components/resourceOptions";
import { readSeasonFile } from "../components/config/seasonFile";
import { readStackConfig } from "../components/config/stackConfig";
import { AUTOMATION_KEY, validateAutomation } from "./automation/config";
import { ManagedMediaStack } from "./automation/managedStack";
import { policyGroupArgs } from "./automation/policyGroup";
import { protectionIssues } from "./automation/protection";
import { isDestroyed, stackSchedules } from "./automation/schedules";
import { guardCommand } from "./automation/settings";
import { REPO_ROOT } from "../contracts/repoRoot";

// The media project lives at the repository root; its stack files hold the seasons' game windows.
const repoRoot = REPO_ROOT;
const config = new pulumi.Config();
const automation = validateAutomation(config.getObject<unknown>(AUTOMATION_KEY), config.name, (stack) =>
    fs.existsSync(path.join(repoRoot, `Pulumi.${stack}.yaml`)),
);
const nowMs = planningNow();

// A rehearsal past its TTL is gone from Pulumi Cloud, settings and schedules included: manage only the others.
const managedStacks = automation.stacks.filter((s) => !isDestroyed(s, nowMs));
const protectOf = (stack: string) => readStackConfig(repoRoot, stack).config[`onair:${PROTECT_KEY}`] !== "false";
const protection = protectionIssues(automation.stacks, config.name, protectOf, (s) => managedStacks.includes(s));
if (protection.length > 0) throw new ConfigError(protection);

const planned = automation.stacks.map((stack) => {
    const windows = stack.role === "production" ? onAirWindows(readSeasonFile(repoRoot, stack.name)) : [];
    const schedules = stackSchedules(stack, windows, automation, nowMs);
    for (const note of schedules.notes) void pulumi.log.warn(note);
    if (!schedules.destroyed) new ManagedMediaStack(stack, schedules, automation);
    return { stack, schedules };
});

const group = new service.PolicyGroup("season-policies", policyGroupArgs({ ...automation, stacks: managedStacks }));

/** Per media stack: what Deployments does on its own and when, and what it never does. */
export const stacks = Object.fromEntries(
    planned.map(({ stack, schedules }) => [
        stack.name,
        schedules.destroyed
            ? { role: stack.role, managed: false, destroyedAt: stack.destroyAt, notes: schedules.notes }
            : {
                  role: stack.role,
                  managed: true,
                  awsRole: stack.role === "production" ? automation.aws.readOnlyRoleArn : automation.aws.nonProdRoleArn,
                  previewsPullRequests: stack.role === "production" && stack.previewPullRequests,
                  reviewStackTemplate: stack.role === "review-template",
                  ...(stack.role === "production" ? { guard: guardCommand(stack.name), updates: ".github/workflows/deploy.yml only" } : {}),
                  ...(schedules.drift ? { drift: schedules.drift } : {}),
                  ...(schedules.refreshCron ? { nightlyRefresh: schedules.refreshCron } : {}),
                  ...(schedules.openingUpdate
                      ? {
                            openingUpdate: {
                                at: schedules.openingUpdate,
                                runs: ".github/workflows/deploy.yml (its daily scheduled run; both packs, the freeze check, the prod reviewers)",
                            },
                        }
                      : {}),
                  ...(schedules.destroyAt ? { destroyAt: schedules.destroyAt } : {}),
                  ...(schedules.notes.length > 0 ? { notes: schedules.notes } : {}),
              },
    ]),
);

/** The policy group enforcing both packs, and on which stacks. */
export const policyGroup = { name: group.name, mode: group.mode, stacks: managedStacks.filter((s) => s.role !== "review-template").map((s) => s.name) };
