import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { secretArnPattern } from "../arns";
import { SeasonConfig } from "../config/types";
import { PACKAGING } from "../naming";
import { channelViewerPrefix } from "./shards";
import { PolicyDocument, serviceRole } from "../media/iam";
import { REPO_ROOT } from "../../contracts/repoRoot";

const CODE_DIR = path.join(REPO_ROOT, "components", "delivery", "vending");

/** Ad channels' personalised-manifest paths on the playback host (MediaTailor via CloudFront). */
export type AdPaths = Record<string, { config: string; hls: string; dash: string }>;

/** Per channel, its shard's playback host and embedded-POP routing domain (docs/adr/026). */
export type ChannelHosts = Record<string, { playbackHost: pulumi.Input<string>; clientRoutingDomain?: string }>;

/**
 * Environment of the vending Lambda: names and paths only; the key stays in Secrets Manager. Each
 * channel carries its shard's host (and routing domain) when the season has more than one shard.
 */
export function vendingEnvironment(season: SeasonConfig, kid: string, playbackDomain: pulumi.Input<string>, secretArn: pulumi.Input<string>, ads?: pulumi.Input<AdPaths>, hosts?: ChannelHosts): Record<string, pulumi.Input<string>> {
    const channels = pulumi.all(Object.fromEntries(season.channels.map((c) => {
        const prefix = `${channelViewerPrefix(season, c.id)}/`;
        const own = hosts?.[c.id];
        return [c.id, pulumi.all([own?.playbackHost, pulumi.output(playbackDomain)]).apply(([host, main]) => ({
            prefix,
            hls: `${prefix}${PACKAGING.endpointName}/${PACKAGING.hlsManifest}.m3u8`,
            dash: `${prefix}${PACKAGING.endpointName}/${PACKAGING.dashManifest}.mpd`,
            ...(host && host !== main ? { host } : {}),
            ...(own?.clientRoutingDomain && own.clientRoutingDomain !== season.delivery.clientRouting?.domain ? { clientRoutingDomain: own.clientRoutingDomain } : {}),
        }))];
    })));
    return {
        KEY_ID: kid,
        SIGNING_KEY_SECRET_ARN: secretArn,
        PLAYBACK_DOMAIN: playbackDomain,
        ...(season.delivery.clientRouting ? { CLIENT_ROUTING_DOMAIN: season.delivery.clientRouting.domain } : {}),
        CHANNELS: channels.apply((c) => JSON.stringify(c)),
        TOKEN_TTL_SECONDS: String(season.security.tokens.ttlSeconds),
        MAX_TOKEN_TTL_SECONDS: String(season.security.tokens.maxTtlSeconds),
        ...(season.ads && ads
            ? {
                ADS: pulumi.output(ads).apply((a) => JSON.stringify(a)),
                SEGMENT_TOKENS: season.ads.segmentTokens,
                ...(season.ads.cookieDomain ? { COOKIE_DOMAIN: season.ads.cookieDomain } : {}),
            }
            : {}),
    };
}

export function vendingRolePolicy(region: string, account: string, functionName: string, secretArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `arn:aws:logs:${region}:${account}:log-group:/aws/lambda/${functionName}:*` },
            { Sid: "SigningKey", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretArn },
        ],
    };
}

export interface UrlVending {
    functionUrl: pulumi.Output<string>;
    functionArn: pulumi.Output<string>;
    /** The roles the Function URL's resource policy admits (the entitlement backend's). */
    callerRoleArns: string[];
}

/**
 * The resource-policy statements that let one caller role use the Function URL. Function URLs created
 * since October 2025 need both lambda:InvokeFunctionUrl and lambda:InvokeFunction (AWS Lambda
 * Developer Guide, "Control access to Lambda function URLs"); the second is limited to calls made
 * through the URL.
 */
export const FUNCTION_URL_PERMISSIONS: { verb: string; action: string; functionUrlAuthType?: string; invokedViaFunctionUrl?: boolean }[] = [
    { verb: "url", action: "lambda:InvokeFunctionUrl", functionUrlAuthType: "AWS_IAM" },
    { verb: "invoke", action: "lambda:InvokeFunction", invokedViaFunctionUrl: true },
];

/**
 * The URL vending hook in the primary region: a Lambda behind a Function URL with IAM auth (only
 * the entitlement backend may call it), reading the signing key from Secrets Manager.
 */
export function createUrlVending(
    season: SeasonConfig,
    region: string,
    signer: { kid: string; key: pulumi.Output<string> },
    playbackDomain: pulumi.Input<string>,
    opts: pulumi.CustomResourceOptions,
    ads?: pulumi.Input<AdPaths>,
    hosts?: ChannelHosts,
): UrlVending {
    const functionName = `onair-${season.name}-url-vending`;
    const account = aws.getCallerIdentityOutput({}, opts).accountId;
    // A name prefix of ours lets the role name the secret before Secrets Manager adds its suffix.
    const secretPrefix = `onair-${season.name}-url-vending-key-`;
    const secret = new aws.secretsmanager.Secret("url-vending-signing-key", { namePrefix: secretPrefix, description: `OnAir ${season.name}: HS256 key ${signer.kid} for viewer tokens`, recoveryWindowInDays: 7 }, opts);
    const version = new aws.secretsmanager.SecretVersion("url-vending-signing-key", { secretId: secret.id, secretString: signer.key }, opts);
    const role = serviceRole("url-vending-role", {
        description: `OnAir ${season.name}: URL vending Lambda`,
        service: "lambda.amazonaws.com",
        account,
        policyName: "url-vending",
        policy: account.apply((a) => vendingRolePolicy(region, a, functionName, secretArnPattern(region, a, secretPrefix))),
    }, opts);
    const logs = new aws.cloudwatch.LogGroup("url-vending-logs", { name: `/aws/lambda/${functionName}`, retentionInDays: 30 }, opts);
    const fn = new aws.lambda.Function("url-vending", {
        name: functionName,
        description: "Mints viewer tokens and playback URLs (client-routing hosts for embedded POPs)",
        runtime: "nodejs20.x",
        architectures: ["arm64"],
        handler: "index.handler",
        role: role.arn,
        memorySize: 256,
        timeout: 5,
        code: new pulumi.asset.AssetArchive({
            "index.js": new pulumi.asset.FileAsset(path.join(CODE_DIR, "index.js")),
            "clientRouting.js": new pulumi.asset.FileAsset(path.join(CODE_DIR, "clientRouting.js")),
            "token.js": new pulumi.asset.FileAsset(path.join(CODE_DIR, "token.js")),
        }),
        environment: { variables: vendingEnvironment(season, signer.kid, playbackDomain, secret.arn, ads, hosts) },
    }, { ...opts, dependsOn: [logs, version] });
    const url = new aws.lambda.FunctionUrl("url-vending", { functionName: fn.name, authorizationType: "AWS_IAM" }, opts);
    // Only the entitlement backend may mint: its roles are named in the function's resource policy.
    const callers = season.delivery.urlVending.callerRoleArns;
    callers.forEach((role, i) => {
        for (const { verb, ...perm } of FUNCTION_URL_PERMISSIONS) {
            new aws.lambda.Permission(`url-vending-caller-${i}-${verb}`, { function: fn.name, principal: role, statementId: `entitlement-backend-${i}-${verb}`, ...perm }, opts);
        }
    });
    return { functionUrl: url.functionUrl, functionArn: fn.arn, callerRoleArns: callers };
}
