import { anyOf, known, statements, values } from "../../../lib/documents";
import { resourcePolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { isUnknown, maybe, Undecided } from "../../../lib/unknown";

/** Resources that carry a policy document of their own. */
const DOCUMENT_TYPES = [
    "aws:iam/role:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/policy:Policy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
    "aws-native:iam:Role",
    "aws-native:iam:RolePolicy",
    "aws-native:iam:ManagedPolicy",
    "aws-native:iam:UserPolicy",
    "aws-native:iam:GroupPolicy",
];
/** Resources that attach managed policies by ARN (besides roles' own managedPolicyArns). */
const ATTACHMENT_TYPES = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    "aws-native:iam:User",
    "aws-native:iam:Group",
];
const TYPES = [...DOCUMENT_TYPES, ...ATTACHMENT_TYPES];

function documents(type: string, props: Record<string, unknown>): { label: string; read: () => unknown }[] {
    if (type === "aws:iam/role:Role") {
        return list(field(props, "inlinePolicies")).map((p, i) => ({
            label: `inline policy ${str(field(p, "name")) ?? `#${i + 1}`}`,
            read: () => field(p, "policy"),
        }));
    }
    if (type === "aws-native:iam:Role" || type === "aws-native:iam:User" || type === "aws-native:iam:Group") {
        return list(field(props, "policies")).map((p, i) => ({
            label: `inline policy ${str(field(p, "policyName")) ?? `#${i + 1}`}`,
            read: () => field(p, "policyDocument"),
        }));
    }
    if (ATTACHMENT_TYPES.includes(type)) return [];
    return [{ label: "policy", read: () => field(props, "policy") ?? field(props, "policyDocument") }];
}

/** Managed policy ARNs a resource attaches. */
function attached(type: string, props: Record<string, unknown>): (() => unknown)[] {
    if (type === "aws:iam/role:Role" || type.startsWith("aws-native:iam:")) return [() => field(props, "managedPolicyArns")];
    if (type === "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive") return [() => field(props, "policyArns")];
    if (ATTACHMENT_TYPES.includes(type)) return [() => field(props, "policyArn")];
    return [];
}

/**
 * AWS managed policies that allow wildcard actions on every resource, by AWS's naming of them: the
 * job-function policies AdministratorAccess (`*`), PowerUserAccess (NotAction on `*`),
 * ReadOnlyAccess and ViewOnlyAccess (`service:Get*`, `List*`, `Describe*` on `*`), and the service
 * policies named ...FullAccess (`service:*` on `*`, e.g. AmazonS3FullAccess) and ...ReadOnly or
 * ...ReadOnlyAccess (`service:Get*`/`List*`/`Describe*` on `*`, e.g. AWSElementalMediaLiveReadOnly).
 * Customer managed policies are judged where they are defined.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3FullAccess.html
 */
export function broadAwsManagedPolicy(arn: string): string | undefined {
    const m = /^arn:aws(-cn|-us-gov)?:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
    if (!m) return undefined;
    const name = m[2]!;
    return /^(AdministratorAccess|PowerUserAccess|ReadOnlyAccess|ViewOnlyAccess)(-.*)?$/.test(name) || /FullAccess|ReadOnly/.test(name) ? name : undefined;
}

/**
 * A wildcard action on a wildcard resource turns a compromised encoder role into
 * an account administrator.
 */
export const disallowWildcardAdmin = resourcePolicy(
    {
        name: "onair-iam-policy-disallow-wildcard-admin",
        description:
            "IAM roles, users, groups and policies must not allow a wildcard action (`*`, `service:*`, `service:Get*`, or NotAction) on a wildcard resource, inline or through an attached AWS managed policy such as AmazonS3FullAccess.",
        rationale:
            "Service roles (MediaLive, MediaConnect, Lambda) only need named actions on their own resources. A wildcard on both sides grants far more than the chain needs, and whoever controls the role controls the account. Attaching AdministratorAccess or a ...FullAccess managed policy grants the same wildcard without a document in the program.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        remediationSteps:
            "List the exact actions and scope Resource to the ARNs the role works on; replace attached AWS managed ...FullAccess or job-function policies with a customer managed policy that does so.",
        appliesTo: TYPES,
    },
    (props, args, report) => {
        const undecided = new Undecided();
        const what = args.type.includes("Attachment")
            ? "attachment"
            : /Role$/.test(args.type)
              ? "role"
              : /User$/.test(args.type)
                ? "user"
                : /Group$/.test(args.type)
                  ? "group"
                  : "policy";
        for (const read of attached(args.type, props)) {
            for (const arn of values(read)) {
                // A managed policy ARN computed by a resource is a customer policy of this stack, judged on its own.
                if (isUnknown(arn)) continue;
                const broad = broadAwsManagedPolicy(arn);
                if (broad)
                    report(
                        `IAM ${what} "${args.name}" attaches the AWS managed policy ${broad}, which allows wildcard actions on every resource ("*"); attach a customer managed policy that names the actions and scopes Resource to this chain's ARNs.`,
                    );
            }
        }
        for (const { label, read } of documents(args.type, props)) {
            // A JSON document with one value computed elsewhere is unknown as a whole during preview.
            const all = maybe(() => statements(read()));
            if (isUnknown(all)) {
                undecided.note(all);
                continue;
            }
            for (const [i, s] of all.entries()) {
                undecided.check(() => {
                    if (field(s, "Effect") !== "Allow") return;
                    const sid = str(field(s, "Sid")) ?? `#${i + 1}`;
                    const actions = values(() => field(s, "Action"));
                    const wildAction = field(s, "NotAction") !== undefined ? true : anyOf(actions, (a) => a.includes("*"));
                    const wildResource =
                        field(s, "NotResource") !== undefined
                            ? true
                            : anyOf(
                                  values(() => field(s, "Resource")),
                                  (r) => r === "*",
                              );
                    if (wildAction === false || wildResource === false) return;
                    if (isUnknown(wildAction)) throw wildAction.error;
                    if (isUnknown(wildResource)) throw wildResource.error;
                    const granted =
                        field(s, "NotAction") !== undefined
                            ? "every action but its NotAction list"
                            : known(actions)
                                  .filter((a) => a.includes("*"))
                                  .join(", ");
                    report(
                        `IAM ${what} "${args.name}": ${label}, statement ${sid} allows ${granted} on ${field(s, "NotResource") !== undefined ? "every resource but its NotResource list" : `"*"`}; name the actions and scope Resource to this chain's ARNs.`,
                    );
                });
            }
        }
        undecided.settle();
    },
);
