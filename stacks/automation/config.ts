import { Cursor } from "../../components/config/cursor";
import { ConfigError, ConfigIssue } from "../../components/config/errors";
import { parseInstant } from "../../components/config/instant";

export const STACK_ROLES = ["production", "rehearsal", "review-template"] as const;
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

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9_.-]{1,100}$/;
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const DURATION = /^(\d+h)?(\d+m)?(\d+s)?$/;

/**
 * Validates the automation settings before any resource is registered. `stackFileExists` tells
 * whether the repository has `Pulumi.<stack>.yaml` for a media stack.
 */
export function validateAutomation(raw: unknown, namespace: string, stackFileExists: (stack: string) => boolean): AutomationConfig {
    const issues: ConfigIssue[] = [];
    const root = new Cursor(`${namespace}:${AUTOMATION_KEY}`, raw, issues);
    if (!root.object(["organization", "project", "repository", "branch", "aws", "stacks", "schedule", "policyPacks"])) throw new ConfigError(issues);

    const organization = root.at("organization").string({ pattern: SLUG, patternHint: "your Pulumi Cloud organization name" });
    const project = root.at("project").string({ default: "onair", pattern: SLUG, patternHint: "the media project's name (Pulumi.yaml at the repository root)" });
    const repository = root.at("repository").string({ pattern: REPOSITORY, patternHint: "the GitHub repository as owner/name" });
    const branch = root.at("branch").string({ default: "main", pattern: /^[\w./-]{1,200}$/, patternHint: "a branch name such as main" });

    const a = root.at("aws");
    if (a.at("roleArn").present) {
        // One role for everything let a Deployments run on prod write to prod; the roles are split now.
        a.at("roleArn").fail("is replaced by readOnlyRoleArn (production stacks: previews, drift checks, refresh) and nonProdRoleArn (rehearsal and review stacks); prod is deployed only by .github/workflows/deploy.yml with its own role");
    }
    a.object(["readOnlyRoleArn", "nonProdRoleArn", "sessionName", "sessionDuration", ...retired(a, "roleArn")]);
    const readOnlyRoleArn = a.at("readOnlyRoleArn").string({ pattern: ROLE_ARN, patternHint: "the ARN of the read-only IAM role (ReadOnlyAccess) Pulumi Deployments assumes on production stacks, arn:aws:iam::<account>:role/<name>" });
    const nonProdRoleArn = a.at("nonProdRoleArn").optionalString({ pattern: ROLE_ARN, patternHint: "the ARN of the IAM role Pulumi Deployments assumes on rehearsal and review stacks, arn:aws:iam::<account>:role/<name>" });
    const sessionName = a.at("sessionName").string({ default: "onair-deployments", pattern: /^[\w+=,.@-]{2,64}$/, patternHint: "2-64 letters, digits or +=,.@-_" });
    const sessionDuration = a.at("sessionDuration").string({ default: "1h", pattern: DURATION, patternHint: "a duration such as 1h or 45m (a season update takes about 20 minutes)" });

    const stacks = root.at("stacks").list((c) => readStack(c, stackFileExists), { min: 1, max: 20, what: "stacks" });
    const names = new Set<string>();
    stacks.forEach((s, i) => {
        if (names.has(s.name)) root.at("stacks").index(i).at("name").fail(`"${s.name}" is listed twice`);
        names.add(s.name);
    });
    if (stacks.length > 0 && !stacks.some((s) => s.role === "production")) root.at("stacks").fail("has no stack with role production; list the season's stack (e.g. prod)");
    if (stacks.filter((s) => s.role === "review-template").length > 1) root.at("stacks").fail("has more than one review-template stack; Pulumi Deployments copies exactly one into each pull request's review stack");
    const writes = stacks.filter((s) => s.role !== "production").map((s) => s.name);
    if (writes.length > 0 && !a.at("nonProdRoleArn").present) {
        a.at("nonProdRoleArn").fail(`is required: Deployments creates or destroys ${writes.join(", ")} and needs a role that can write (not the read-only role, not the role that deploys prod)`);
    }
    if (nonProdRoleArn !== undefined && nonProdRoleArn === readOnlyRoleArn) {
        a.at("nonProdRoleArn").fail("is the read-only role; rehearsal and review stacks need a role that can create and destroy them, kept apart from production");
    }

    const s = root.at("schedule");
    if (s.at("driftAutoRemediate").present) {
        s.at("driftAutoRemediate").fail("is no longer supported: remediation runs `pulumi up` on prod outside the policy gate, the game-window freeze and the prod reviewers; drift is reported, and the fix goes through .github/workflows/deploy.yml");
    }
    if (s.present) s.object(["openingUpdateDaysBefore", "driftHourUtc", "refreshHourUtc", ...retired(s, "driftAutoRemediate")]);
    // A week leaves time to fix what the opening update finds before the first game.
    const openingUpdateDaysBefore = s.at("openingUpdateDaysBefore").int({ min: 1, max: 60, default: 7, unit: "days" });
    // 14:00 UTC is morning on the US east coast: someone is there to read the drift report.
    const driftHourUtc = s.at("driftHourUtc").int({ min: 0, max: 23, default: 14, unit: "(UTC hour)" });
    const refreshHourUtc = s.at("refreshHourUtc").int({ min: 0, max: 23, default: 8, unit: "(UTC hour)" });

    const p = root.at("policyPacks");
    if (p.present) p.object(["mode"]);
    const mode = p.at("mode").oneOf(["preventative", "audit"] as const, { default: "preventative" });

    if (issues.length > 0) throw new ConfigError(issues);
    return {
        organization: organization!,
        project: project!,
        repository: repository!,
        branch: branch!,
        aws: { readOnlyRoleArn: readOnlyRoleArn!, ...(nonProdRoleArn ? { nonProdRoleArn } : {}), sessionName: sessionName!, sessionDuration: sessionDuration! },
        stacks,
        schedule: { openingUpdateDaysBefore: openingUpdateDaysBefore!, driftHourUtc: driftHourUtc!, refreshHourUtc: refreshHourUtc! },
        policyPacks: { mode: mode! },
    };
}

/** A retired key already has its own message; it is not also "not a known setting". */
function retired(c: Cursor, key: string): string[] {
    return c.at(key).present ? [key] : [];
}

function readStack(c: Cursor, stackFileExists: (stack: string) => boolean): ManagedStack | undefined {
    if (!c.object(["name", "role", "previewPullRequests", "destroyAt"])) return undefined;
    const name = c.at("name").string({ pattern: /^[A-Za-z0-9_.-]{1,100}$/, patternHint: "a stack name such as prod" });
    if (name !== undefined && !stackFileExists(name)) c.at("name").fail(`has no Pulumi.${name}.yaml at the repository root; add the stack's config file or remove the stack`);
    const role = c.at("role").oneOf(STACK_ROLES);
    const previewPullRequests = c.at("previewPullRequests").bool({ default: role === "production" });
    if (c.at("previewPullRequests").present && role !== "production") c.at("previewPullRequests").fail(`applies to production stacks only; a ${role} stack never previews pull requests`);
    let destroyAt: string | undefined;
    if (role === "rehearsal") {
        destroyAt = c.at("destroyAt").string({ pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, patternHint: "the UTC time to destroy the rehearsal, e.g. 2026-11-26T06:00:00Z" });
        if (destroyAt !== undefined && parseInstant(destroyAt) === undefined) destroyAt = c.at("destroyAt").fail(`${JSON.stringify(destroyAt)} is not a real time`);
    } else if (c.at("destroyAt").present) {
        c.at("destroyAt").fail(`applies to rehearsal stacks only; ${role} stacks are not destroyed on a timer`);
    }
    if (name === undefined || role === undefined || (role === "rehearsal" && destroyAt === undefined)) return undefined;
    return { name, role, previewPullRequests, ...(destroyAt ? { destroyAt } : {}) };
}
