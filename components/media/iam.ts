import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DeepInput } from "../deepInput";
/**
 * IAM documents of the regional chain, as pure data. Each role can do exactly what its service
 * needs on this chain's resources: no wildcard action, resources scoped to ARNs where the service
 * supports it.
 */
export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: Statement[];
}

export interface Statement {
    Sid: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource?: string | string[];
    Principal?: { Service?: string; AWS?: string };
    Condition?: Record<string, Record<string, string | string[]>>;
}

/** Trust for a service principal, limited to this account (confused-deputy protection). */
export function serviceTrust(service: string, account: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ServiceAssume",
                Effect: "Allow",
                Principal: { Service: service },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
        ],
    };
}

/**
 * A service role with its one policy inline: created together, and the role's inline policies are
 * managed exclusively, so a policy added out of band is removed on the next update.
 */
export function serviceRole(
    name: string,
    args: {
        description: string;
        service: string;
        account: pulumi.Input<string>;
        policyName: string;
        policy: pulumi.Input<PolicyDocument>;
        /** A narrower trust than the account-wide default (e.g. one naming the source resources). */
        trust?: (account: string) => PolicyDocument;
    },
    opts: pulumi.CustomResourceOptions,
): aws.iam.Role {
    const trust = args.trust ?? ((a: string) => serviceTrust(args.service, a));
    return new aws.iam.Role(
        name,
        {
            description: args.description,
            assumeRolePolicy: pulumi.jsonStringify(pulumi.output(args.account).apply(trust)),
            inlinePolicies: [{ name: args.policyName, policy: pulumi.jsonStringify(args.policy) }],
        },
        opts,
    );
}

/**
 * A service role whose policy names a resource by an ARN the service chooses, which no pattern can
 * name before it exists without widening the grant (a KeyValueStore's id). An inline policy is one
 * JSON string, unknown as a whole during preview while that ARN is; a RolePolicy takes the document
 * as an object (the provider writes it as JSON), so only that ARN is unknown and the policy packs
 * judge the rest at preview. RolePoliciesExclusive keeps the role's inline policies managed
 * exclusively, as serviceRole's are. Resources that use the role depend on `grants`.
 */
export function serviceRoleWithDocument(
    name: string,
    args: {
        description: string;
        service: string;
        account: pulumi.Input<string>;
        policyName: string;
        policy: DeepInput<PolicyDocument>;
    },
    opts: pulumi.CustomResourceOptions,
): { role: aws.iam.Role; grants: pulumi.Resource[] } {
    const role = new aws.iam.Role(
        name,
        {
            description: args.description,
            assumeRolePolicy: pulumi.jsonStringify(pulumi.output(args.account).apply((a) => serviceTrust(args.service, a))),
        },
        opts,
    );
    const policy = new aws.iam.RolePolicy(name, { role: role.name, name: args.policyName, policy: args.policy as aws.iam.PolicyDocument }, opts);
    const exclusive = new aws.iam.RolePoliciesExclusive(name, { roleName: role.name, policyNames: [policy.name] }, opts);
    return { role, grants: [policy, exclusive] };
}

export interface MediaLiveRoleScope {
    region: string;
    account: string;
    mediaPackageChannelArn: string;
    /** ARNs or ARN patterns (components/arns.ts) of this channel's flows and secrets. */
    flowArns: string[];
    secretArns: string[];
}

/** The MediaLive channel role: logs, its own MediaConnect flows, its own MediaPackage channel. */
export function mediaLiveRolePolicy(s: MediaLiveRoleScope): PolicyDocument {
    const statements: Statement[] = [
        {
            Sid: "ChannelLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:DescribeLogGroups"],
            Resource: `arn:aws:logs:${s.region}:${s.account}:log-group:ElementalMediaLive*`,
        },
        { Sid: "CmafIngestToMediaPackage", Effect: "Allow", Action: "mediapackagev2:PutObject", Resource: s.mediaPackageChannelArn },
    ];
    if (s.flowArns.length > 0) {
        statements.push({
            Sid: "MediaConnectFlowOutputs",
            Effect: "Allow",
            Action: ["mediaconnect:ManagedDescribeFlow", "mediaconnect:ManagedAddOutput", "mediaconnect:ManagedRemoveOutput"],
            Resource: s.flowArns,
        });
    }
    if (s.secretArns.length > 0) {
        statements.push({ Sid: "SrtPassphrase", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: s.secretArns });
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** MediaConnect reading the SRT passphrase of this channel, nothing else. */
export function mediaConnectSecretPolicy(secretArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadSrtPassphrase",
                Effect: "Allow",
                Action: [
                    "secretsmanager:GetSecretValue",
                    "secretsmanager:DescribeSecret",
                    "secretsmanager:GetResourcePolicy",
                    "secretsmanager:ListSecretVersionIds",
                ],
                Resource: secretArn,
            },
        ],
    };
}

/**
 * MediaConnect managing the network interfaces of a VPC source. EC2 network-interface actions do
 * not support resource-level scoping on create, so they name the actions exactly instead.
 */
export function mediaConnectVpcPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "VpcInterfaces",
                Effect: "Allow",
                Action: [
                    "ec2:DescribeSubnets",
                    "ec2:DescribeNetworkInterfaces",
                    "ec2:DescribeSecurityGroups",
                    "ec2:CreateNetworkInterface",
                    "ec2:CreateNetworkInterfacePermission",
                    "ec2:DeleteNetworkInterface",
                    "ec2:DeleteNetworkInterfacePermission",
                ],
                Resource: "*",
            },
        ],
    };
}

/**
 * MediaPackage v2 channel policy: only this chain's MediaLive role may push CMAF segments. A
 * document with Output leaves (ChannelPolicy takes an object), so its shape is known at preview.
 */
export function mediaPackageIngestPolicy(channelArn: pulumi.Input<string>, mediaLiveRoleArn: pulumi.Input<string>): DeepInput<PolicyDocument> {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "AllowMediaLiveIngest", Effect: "Allow", Principal: { AWS: mediaLiveRoleArn }, Action: "mediapackagev2:PutObject", Resource: channelArn },
        ],
    };
}

/** The service principal MediaPackage v2 assumes roles as (the AWS CDK mediapackagev2 SPEKE examples trust it). */
export const MEDIAPACKAGE_V2_PRINCIPAL = "mediapackagev2.amazonaws.com";

export interface SpekeRoleScope {
    region: string;
    account: string;
    channelGroup: string;
    channel: string;
    endpoint: string;
}

/**
 * Trust of the SPEKE key-provider role: MediaPackage v2, only for this account and only for this
 * channel's endpoint in this region. AWS's confused-deputy guidance ("Cross-service confused deputy
 * prevention", MediaPackage v2 User Guide) is aws:SourceAccount plus aws:SourceArn with the full
 * ARN of the resource; AWS does not say whether MediaPackage presents the endpoint or its channel
 * as the source of a key request, so both ARNs of this one channel are accepted and nothing else.
 */
export function spekeTrust(s: SpekeRoleScope): PolicyDocument {
    const channelArn = `arn:aws:mediapackagev2:${s.region}:${s.account}:channelGroup/${s.channelGroup}/channel/${s.channel}`;
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "MediaPackageKeyRequests",
                Effect: "Allow",
                Principal: { Service: MEDIAPACKAGE_V2_PRINCIPAL },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": s.account },
                    ArnLike: { "aws:SourceArn": [channelArn, `${channelArn}/originEndpoint/${s.endpoint}`] },
                },
            },
        ],
    };
}

/**
 * execute-api ARN of the SPEKE method behind an API Gateway URL, in the form
 * arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<resource path> ("Control access
 * for invoking an API", API Gateway Developer Guide): POST (SPEKE sends its CPIX
 * document in a POST) on exactly that stage and path. The account field is a wildcard because the
 * key provider's API may live in the DRM vendor's account; the API id and region pin the one API
 * (its hostname <api-id>.execute-api.<region>.amazonaws.com names no other).
 */
export function spekeInvokeArn(api: { apiId: string; region: string; path: string }): string {
    const [stage, ...rest] = api.path.split("/");
    return `arn:aws:execute-api:${api.region}:*:${api.apiId}/${stage}/POST/${rest.join("/")}`;
}

/** The key-provider role's only permission: call this region's SPEKE endpoint. */
export function spekeInvokePolicy(invokeArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "SpekeKeyRequests", Effect: "Allow", Action: "execute-api:Invoke", Resource: invokeArn }],
    };
}
