/**
 * Schema of `onair-automation:automation`, in the season schema's form (components/config/schema):
 * the reader takes its known keys, bounds, defaults and fixes from here.
 */
import { ROLE_ARN } from "../../components/config/schema/delivery";
import { bool, custom, int, list, object, oneOf, string } from "../../components/config/schema/nodes";

export const STACK_ROLES = ["production", "rehearsal", "review-template"] as const;
export const POLICY_MODES = ["preventative", "audit"] as const;

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export const MANAGED_STACK = object(
    {
        name: string({
            pattern: /^[A-Za-z0-9_.-]{1,100}$/,
            hint: "a stack name such as prod",
            doc: "a stack with `Pulumi.<name>.yaml` at the repository root",
        }),
        role: oneOf(STACK_ROLES, { doc: "production, rehearsal or the review stacks' template" }),
        previewPullRequests: custom({
            typeDoc: "boolean",
            defaultDoc: "`true` for production",
            doc: "production only: Deployments previews pull requests touching the media program",
        }),
        destroyAt: string({
            pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
            hint: "the UTC time to destroy the rehearsal, e.g. 2026-11-26T06:00:00Z",
            doc: "rehearsal only: when Deployments destroys the stack",
        }),
    },
    { doc: "a managed stack" },
);

export const AUTOMATION = object(
    {
        organization: string({ pattern: SLUG, hint: "your Pulumi Cloud organization name", doc: "Pulumi Cloud organization that owns the media stacks" }),
        project: string({ default: "onair", pattern: SLUG, hint: "the media project's name (Pulumi.yaml at the repository root)", doc: "the media project" }),
        repository: string({
            pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9_.-]{1,100}$/,
            hint: "the GitHub repository as owner/name",
            doc: "GitHub repository",
        }),
        branch: string({ default: "main", pattern: /^[\w./-]{1,200}$/, hint: "a branch name such as main", doc: "the branch Deployments reads" }),
        aws: object(
            {
                readOnlyRoleArn: string({
                    pattern: ROLE_ARN,
                    hint: "the ARN of the read-only IAM role (ReadOnlyAccess) Pulumi Deployments assumes on production stacks, arn:aws:iam::<account>:role/<name>",
                    doc: "role for every operation on production stacks",
                }),
                nonProdRoleArn: string({
                    pattern: ROLE_ARN,
                    hint: "the ARN of the IAM role Pulumi Deployments assumes on rehearsal and review stacks, arn:aws:iam::<account>:role/<name>",
                    optional: true,
                    doc: "role for the stacks Deployments creates and destroys",
                }),
                sessionName: string({
                    default: "onair-deployments",
                    pattern: /^[\w+=,.@-]{2,64}$/,
                    hint: "2-64 letters, digits or +=,.@-_",
                    doc: "AWS session name",
                }),
                sessionDuration: string({
                    default: "1h",
                    pattern: /^(\d+h)?(\d+m)?(\d+s)?$/,
                    hint: "a duration such as 1h or 45m (a season update takes about 20 minutes)",
                    doc: "AWS session duration",
                }),
            },
            { doc: "the roles Deployments assumes" },
        ),
        stacks: list(MANAGED_STACK, { min: 1, max: 20, what: "stacks", doc: "the managed stacks" }),
        schedule: object(
            {
                // A week leaves time to fix what the opening update finds before the first game.
                openingUpdateDaysBefore: int({
                    min: 1,
                    max: 60,
                    default: 7,
                    unit: "days",
                    doc: "days before a production season's first window for its opening update",
                }),
                // 14:00 UTC is morning on the US east coast: someone is there to read the drift report.
                driftHourUtc: int({ min: 0, max: 23, default: 14, unit: "(UTC hour)", doc: "preferred UTC hour of the drift check" }),
                refreshHourUtc: int({ min: 0, max: 23, default: 8, unit: "(UTC hour)", doc: "preferred UTC hour of the nightly refresh" }),
            },
            { optional: true, doc: "when Deployments runs" },
        ),
        policyPacks: object(
            {
                mode: oneOf(POLICY_MODES, { default: "preventative", doc: "enforcement of the policy group" }),
            },
            { optional: true, doc: "the policy group" },
        ),
    },
    { doc: "the automation stack" },
);

/** previewPullRequests as the reader reads it: its default follows the stack's role. */
export const PREVIEW_PULL_REQUESTS = (role: string | undefined) => bool({ default: role === "production", doc: MANAGED_STACK.fields.previewPullRequests.doc });
