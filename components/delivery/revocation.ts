import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { SeasonConfig } from "../config/types";
import type { DeepInput } from "../deepInput";
import { PolicyDocument, serviceRoleWithDocument } from "../media/iam";
import { REPO_ROOT } from "../../contracts/repoRoot";

const CODE = path.join(REPO_ROOT, "components", "delivery", "revocation", "index.js");

/**
 * The hook's own permissions: write and delete keys of this one store (the KeyValueStore API has no
 * condition on key names, so the hook's code is what limits it to r:/s: entries), and its logs. The
 * store's id is CloudFront's choice and the API has no condition keys to hold a pattern to it, so the
 * store is named by its ARN, the one leaf unknown during preview.
 */
export function revocationRolePolicy(
    region: string,
    account: pulumi.Input<string>,
    functionName: string,
    kvsArn: pulumi.Input<string>,
): DeepInput<PolicyDocument> {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Logs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: pulumi.interpolate`arn:aws:logs:${region}:${account}:log-group:/aws/lambda/${functionName}:*`,
            },
            {
                Sid: "RevocationEntries",
                Effect: "Allow",
                Action: ["cloudfront-keyvaluestore:DescribeKeyValueStore", "cloudfront-keyvaluestore:PutKey", "cloudfront-keyvaluestore:DeleteKey"],
                Resource: kvsArn,
            },
        ],
    };
}

export interface RevocationHook {
    functionName: pulumi.Output<string>;
    operatorRoleArns: string[];
}

/**
 * The narrow revocation path: a Lambda that writes only r:<jti> and s:<sid> entries, invocable by
 * the configured operator roles. Signing keys (k:<kid>) are written by `pulumi up` alone.
 */
export function createRevocationHook(
    season: Pick<SeasonConfig, "name" | "security">,
    region: string,
    kvsArn: pulumi.Input<string>,
    opts: pulumi.CustomResourceOptions,
): RevocationHook {
    const functionName = `onair-${season.name}-revocation`;
    const account = aws.getCallerIdentityOutput({}, opts).accountId;
    const { role, grants } = serviceRoleWithDocument(
        "revocation-hook-role",
        {
            description: `OnAir ${season.name}: revocation hook (r:/s: entries only)`,
            service: "lambda.amazonaws.com",
            account,
            policyName: "revocation-entries",
            policy: revocationRolePolicy(region, account, functionName, kvsArn),
        },
        opts,
    );
    const logs = new aws.cloudwatch.LogGroup("revocation-hook-logs", { name: `/aws/lambda/${functionName}`, retentionInDays: 400 }, opts);
    const fn = new aws.lambda.Function(
        "revocation-hook",
        {
            name: functionName,
            description: "Revokes and unrevokes viewer tokens (r:<jti>) and sessions (s:<sid>); never signing keys",
            runtime: "nodejs20.x",
            architectures: ["arm64"],
            handler: "index.handler",
            role: role.arn,
            memorySize: 256,
            timeout: 10,
            code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.FileAsset(CODE) }),
            environment: { variables: { KVS_ARN: kvsArn } },
        },
        { ...opts, dependsOn: [logs, ...grants] },
    );
    season.security.revocation.operatorRoleArns.forEach((principal, i) => {
        new aws.lambda.Permission(
            `revocation-operator-${i}`,
            { function: fn.name, action: "lambda:InvokeFunction", principal, statementId: `operator-${i}` },
            opts,
        );
    });
    return { functionName: fn.name, operatorRoleArns: season.security.revocation.operatorRoleArns };
}
