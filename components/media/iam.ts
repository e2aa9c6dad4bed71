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
        Statement: [{ Sid: "ServiceAssume", Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } }],
    };
}

/**
 * A service role with its one policy inline: created together, and the role's inline policies are
 * managed exclusively, so a policy added out of band is removed on the next update.
 */
export function serviceRole(
    name: string,
    args: { description: string; service: string; account: pulumi.Input<string>; policyName: string; policy: pulumi.Input<PolicyDocument> },
    opts: pulumi.CustomResourceOptions,
): aws.iam.Role {
    return new aws.iam.Role(name, {
        description: args.description,
        assumeRolePolicy: pulumi.jsonStringify(pulumi.output(args.account).apply((a) => serviceTrust(args.service, a))),
        inlinePolicies: [{ name: args.policyName, policy: pulumi.jsonStringify(args.policy) }],
    }, opts);
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
        Statement: [{
            Sid: "ReadSrtPassphrase",
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy", "secretsmanager:ListSecretVersionIds"],
            Resource: secretArn,
        }],
    };
}

/**
 * MediaConnect managing the network interfaces of a VPC source. EC2 network-interface actions do
 * not support resource-level scoping on create, so they name the actions exactly instead.
 */
export function mediaConnectVpcPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{
            Sid: "VpcInterfaces",
            Effect: "Allow",
            Action: [
                "ec2:DescribeSubnets", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups",
                "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission",
                "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission",
            ],
            Resource: "*",
        }],
    };
}

/**
 * MediaPackage v2 channel policy: only this chain's MediaLive role may push CMAF segments. A
 * document with Output leaves (ChannelPolicy takes an object), so its shape is known at preview.
 */
export function mediaPackageIngestPolicy(channelArn: pulumi.Input<string>, mediaLiveRoleArn: pulumi.Input<string>): DeepInput<PolicyDocument> {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "AllowMediaLiveIngest", Effect: "Allow", Principal: { AWS: mediaLiveRoleArn }, Action: "mediapackagev2:PutObject", Resource: channelArn }],
    };
}
