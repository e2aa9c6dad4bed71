import { resourcePolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { asList, statements } from "../../../lib/stack";

const TYPES = ["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws-native:iam:Role", "aws-native:iam:RolePolicy", "aws-native:iam:ManagedPolicy"];

function documents(type: string, props: Record<string, unknown>): { label: string; doc: unknown }[] {
    if (type === "aws:iam/role:Role") {
        return list(field(props, "inlinePolicies")).map((p, i) => ({ label: `inline policy ${str(field(p, "name")) ?? `#${i + 1}`}`, doc: field(p, "policy") }));
    }
    if (type === "aws-native:iam:Role") {
        return list(field(props, "policies")).map((p, i) => ({ label: `inline policy ${str(field(p, "policyName")) ?? `#${i + 1}`}`, doc: field(p, "policyDocument") }));
    }
    return [{ label: "policy", doc: field(props, "policy") ?? field(props, "policyDocument") }];
}

/**
 * Severity: critical. A wildcard action on a wildcard resource turns a compromised encoder role into
 * an account administrator.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
 */
export const disallowWildcardAdmin = resourcePolicy(
    {
        name: "onair-iam-policy-disallow-wildcard-admin",
        description: "IAM roles and policies must not allow a wildcard action (`*`, `service:*`, `service:Get*`) on a wildcard resource.",
        rationale: "Service roles (MediaLive, MediaConnect, Lambda) only need named actions on their own resources. A wildcard on both sides grants far more than the chain needs, and whoever controls the role controls the account.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        remediationSteps: "List the exact actions and scope Resource to the ARNs the role works on.",
        appliesTo: TYPES,
    },
    (props, args, report) => {
        for (const { label, doc } of documents(args.type, props)) {
            for (const [i, s] of statements(doc).entries()) {
                if (field(s, "Effect") !== "Allow") continue;
                const actions = asList(field(s, "Action")).filter((a) => a.includes("*"));
                const resources = asList(field(s, "Resource"));
                if (actions.length > 0 && resources.includes("*")) {
                    report(`IAM ${args.type.includes("Role") && label !== "policy" ? "role" : "policy"} "${args.name}": ${label}, statement ${(field(s, "Sid") as string | undefined) ?? `#${i + 1}`} allows ${actions.join(", ")} on "*"; name the actions and scope Resource to this chain's ARNs.`);
                }
            }
        }
    },
);
