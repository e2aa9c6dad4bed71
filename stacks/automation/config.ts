import { Cursor } from "../../components/config/cursor";
import { ConfigError, ConfigIssue } from "../../components/config/errors";
import { parseInstant } from "../../components/config/instant";
import { keysOf, readNode, readObject } from "../../components/config/schema/read";
import { Agree, Parsed } from "../../components/config/schema/nodes";
import { AUTOMATION, MANAGED_STACK, PREVIEW_PULL_REQUESTS, STACK_ROLES } from "./schema";

export { STACK_ROLES };
export type StackRole = (typeof STACK_ROLES)[number];

export interface ManagedStack {
    name: string;
    role: StackRole;
    /** production: Pulumi Deployments previews pull requests touching the media program. */
    previewPullRequests: boolean;
    /** rehearsal: when Pulumi Deployments destroys the stack (ISO-8601, UTC). */
    destroyAt?: string;
}

/** Everything `onair-automation:automation` can set. */
export interface AutomationConfig {
    /** Pulumi Cloud organization that owns the media stacks. */
    organization: string;
    /** The media project (Pulumi.yaml name at the repository root). */
    project: string;
    /** GitHub repository, owner/name. */
    repository: string;
    branch: string;
    aws: {
        /**
         * Read-only role (ReadOnlyAccess) for every Deployments operation on production stacks:
         * pull-request previews, drift checks, the nightly refresh. Deployments never changes prod.
         */
        readOnlyRoleArn: string;
        /** Read-write role for the stacks Deployments creates and destroys (rehearsal TTL, review stacks); never the role that deploys prod. */
        nonProdRoleArn?: string;
        sessionName: string;
        sessionDuration: string;
    };
    stacks: ManagedStack[];
    schedule: {
        /**
         * Days before a production season's first window for its opening `pulumi up` (config drift
         * since the off-season). The deploy workflow runs it, behind the packs, the freeze and the
         * prod reviewers; Deployments never updates a production stack.
         */
        openingUpdateDaysBefore: number;
        /** Preferred UTC hours; the nearest hour clear of every game window is used. */
        driftHourUtc: number;
        refreshHourUtc: number;
    };
    policyPacks: { mode: "preventative" | "audit" };
}

export const AUTOMATION_KEY = "automation";

const F = AUTOMATION.fields;

/**
 * Validates the automation settings before any resource is registered. `stackFileExists` tells
 * whether the repository has `Pulumi.<stack>.yaml` for a media stack.
 */
export function validateAutomation(raw: unknown, namespace: string, stackFileExists: (stack: string) => boolean): AutomationConfig {
    const issues: ConfigIssue[] = [];
    const root = new Cursor(`${namespace}:${AUTOMATION_KEY}`, raw, issues);
    if (!root.object(keysOf(F))) throw new ConfigError(issues);

    const organization = readNode(root.at("organization"), F.organization);
    const project = readNode(root.at("project"), F.project);
    const repository = readNode(root.at("repository"), F.repository);
    const branch = readNode(root.at("branch"), F.branch);

    const a = root.at("aws");
    if (a.at("roleArn").present) {
        // One role for everything let a Deployments run on prod write to prod; the roles are split now.
        a.at("roleArn").fail(
            "is replaced by readOnlyRoleArn (production stacks: previews, drift checks, refresh) and nonProdRoleArn (rehearsal and review stacks); prod is deployed only by .github/workflows/deploy.yml with its own role",
        );
    }
    const A = F.aws.fields;
    a.object([...keysOf(A), ...retired(a, "roleArn")]);
    const readOnlyRoleArn = readNode(a.at("readOnlyRoleArn"), A.readOnlyRoleArn);
    const nonProdRoleArn = readNode(a.at("nonProdRoleArn"), A.nonProdRoleArn);
    const sessionName = readNode(a.at("sessionName"), A.sessionName);
    const sessionDuration = readNode(a.at("sessionDuration"), A.sessionDuration);

    const stacks = root.at("stacks").list((c) => readStack(c, stackFileExists), F.stacks);
    const names = new Set<string>();
    stacks.forEach((s, i) => {
        if (names.has(s.name)) root.at("stacks").index(i).at("name").fail(`"${s.name}" is listed twice`);
        names.add(s.name);
    });
    if (stacks.length > 0 && !stacks.some((s) => s.role === "production"))
        root.at("stacks").fail("has no stack with role production; list the season's stack (e.g. prod)");
    if (stacks.filter((s) => s.role === "review-template").length > 1)
        root.at("stacks").fail("has more than one review-template stack; Pulumi Deployments copies exactly one into each pull request's review stack");
    const writes = stacks.filter((s) => s.role !== "production").map((s) => s.name);
    if (writes.length > 0 && !a.at("nonProdRoleArn").present) {
        a.at("nonProdRoleArn").fail(
            `is required: Deployments creates or destroys ${writes.join(", ")} and needs a role that can write (not the read-only role, not the role that deploys prod)`,
        );
    }
    if (nonProdRoleArn !== undefined && nonProdRoleArn === readOnlyRoleArn) {
        a.at("nonProdRoleArn").fail(
            "is the read-only role; rehearsal and review stacks need a role that can create and destroy them, kept apart from production",
        );
    }

    const s = root.at("schedule");
    if (s.at("driftAutoRemediate").present) {
        s.at("driftAutoRemediate").fail(
            "is no longer supported: remediation runs `pulumi up` on prod outside the policy gate, the game-window freeze and the prod reviewers; drift is reported, and the fix goes through .github/workflows/deploy.yml",
        );
    }
    const schedule = readObject(s, F.schedule, retired(s, "driftAutoRemediate"));
    const policyPacks = readObject(root.at("policyPacks"), F.policyPacks);

    if (issues.length > 0) throw new ConfigError(issues);
    return {
        organization: organization!,
        project: project!,
        repository: repository!,
        branch: branch!,
        aws: { readOnlyRoleArn: readOnlyRoleArn!, ...(nonProdRoleArn ? { nonProdRoleArn } : {}), sessionName: sessionName!, sessionDuration: sessionDuration! },
        stacks,
        schedule: schedule!,
        policyPacks: policyPacks!,
    };
}

/** A retired key already has its own message; it is not also "not a known setting". */
function retired(c: Cursor, key: string): string[] {
    return c.at(key).present ? [key] : [];
}

function readStack(c: Cursor, stackFileExists: (stack: string) => boolean): ManagedStack | undefined {
    const G = MANAGED_STACK.fields;
    if (!c.object(keysOf(G))) return undefined;
    const name = readNode(c.at("name"), G.name);
    if (name !== undefined && !stackFileExists(name))
        c.at("name").fail(`has no Pulumi.${name}.yaml at the repository root; add the stack's config file or remove the stack`);
    const role = readNode(c.at("role"), G.role);
    const previewPullRequests = readNode(c.at("previewPullRequests"), PREVIEW_PULL_REQUESTS(role))!;
    if (c.at("previewPullRequests").present && role !== "production")
        c.at("previewPullRequests").fail(`applies to production stacks only; a ${role} stack never previews pull requests`);
    let destroyAt: string | undefined;
    if (role === "rehearsal") {
        destroyAt = readNode(c.at("destroyAt"), G.destroyAt);
        if (destroyAt !== undefined && parseInstant(destroyAt) === undefined)
            destroyAt = c.at("destroyAt").fail(`${JSON.stringify(destroyAt)} is not a real time`);
    } else if (c.at("destroyAt").present) {
        c.at("destroyAt").fail(`applies to rehearsal stacks only; ${role} stacks are not destroyed on a timer`);
    }
    if (name === undefined || role === undefined || (role === "rehearsal" && destroyAt === undefined)) return undefined;
    return { name, role, previewPullRequests, ...(destroyAt ? { destroyAt } : {}) };
}

const _schedule: Agree<Parsed<typeof AUTOMATION.fields.schedule.fields>, AutomationConfig["schedule"]> = true;
const _policyPacks: Agree<Parsed<typeof AUTOMATION.fields.policyPacks.fields>, AutomationConfig["policyPacks"]> = true;
void [_schedule, _policyPacks];
