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

/** One channel as the hook vends it: its viewer path prefix and, per shard (docs/adr/026), its hosts. */
export interface VendingChannel {
    id: string;
    /** The channel's viewer path prefix, without the trailing slash (shards.ts channelViewerPrefix). */
    prefix: string;
    /** Its shard's playback host; the hook's environment names it only where it differs from the main one. */
    playbackHost?: pulumi.Input<string>;
    /** Its shard's embedded-POP routing domain, named only where it differs from the season's. */
    clientRoutingDomain?: string;
}

/** What the vending Lambda's environment is made of: names, paths and limits, never the key. */
export interface VendingEnvironmentArgs {
    kid: string;
    playbackDomain: pulumi.Input<string>;
    /** The season's embedded-POP routing domain (delivery.clientRouting.domain). */
    clientRoutingDomain?: string;
    channels: VendingChannel[];
    tokens: { ttlSeconds: number; maxTtlSeconds: number };
    /** Ad channels' manifest paths and how players carry the token to MediaTailor (config ads). */
    ads?: { paths: pulumi.Input<AdPaths>; segmentTokens: string; cookieDomain?: string };
}

/** Per channel, its shard's playback host and embedded-POP routing domain (GlobalDelivery.channelHosts, docs/adr/026). */
export type ChannelHosts = Record<string, { playbackHost: pulumi.Input<string>; clientRoutingDomain?: string }>;

/** The hook's environment values for a season: its channels on their shards' hosts, its token limits and ad paths. */
export function seasonVendingEnvironment(
    season: SeasonConfig,
    playbackDomain: pulumi.Input<string>,
    hosts: ChannelHosts,
    adPaths?: pulumi.Input<AdPaths>,
): Omit<VendingEnvironmentArgs, "kid"> {
    return {
        playbackDomain,
        ...(season.delivery.clientRouting ? { clientRoutingDomain: season.delivery.clientRouting.domain } : {}),
        channels: season.channels.map((c) => {
            const own = hosts[c.id];
            return {
                id: c.id,
                prefix: channelViewerPrefix(season, c.id),
                ...(own ? { playbackHost: own.playbackHost, ...(own.clientRoutingDomain ? { clientRoutingDomain: own.clientRoutingDomain } : {}) } : {}),
            };
        }),
        tokens: { ttlSeconds: season.security.tokens.ttlSeconds, maxTtlSeconds: season.security.tokens.maxTtlSeconds },
        ...(season.ads && adPaths
            ? {
                  ads: {
                      paths: adPaths,
                      segmentTokens: season.ads.segmentTokens,
                      ...(season.ads.cookieDomain ? { cookieDomain: season.ads.cookieDomain } : {}),
                  },
              }
            : {}),
    };
}

/**
 * Environment of the vending Lambda: names and paths only; the key stays in Secrets Manager. Each
 * channel carries its shard's host (and routing domain) when the season has more than one shard.
 */
export function vendingEnvironment(args: VendingEnvironmentArgs, secretArn: pulumi.Input<string>): Record<string, pulumi.Input<string>> {
    const channels = pulumi.all(
        Object.fromEntries(
            args.channels.map((c) => {
                const prefix = `${c.prefix}/`;
                return [
                    c.id,
                    pulumi.all([c.playbackHost, pulumi.output(args.playbackDomain)]).apply(([host, main]) => ({
                        prefix,
                        hls: `${prefix}${PACKAGING.endpointName}/${PACKAGING.hlsManifest}.m3u8`,
                        dash: `${prefix}${PACKAGING.endpointName}/${PACKAGING.dashManifest}.mpd`,
                        ...(host && host !== main ? { host } : {}),
                        ...(c.clientRoutingDomain && c.clientRoutingDomain !== args.clientRoutingDomain ? { clientRoutingDomain: c.clientRoutingDomain } : {}),
                    })),
                ];
            }),
        ),
    );
    return {
        KEY_ID: args.kid,
        SIGNING_KEY_SECRET_ARN: secretArn,
        PLAYBACK_DOMAIN: args.playbackDomain,
        ...(args.clientRoutingDomain ? { CLIENT_ROUTING_DOMAIN: args.clientRoutingDomain } : {}),
        CHANNELS: channels.apply((c) => JSON.stringify(c)),
        TOKEN_TTL_SECONDS: String(args.tokens.ttlSeconds),
        MAX_TOKEN_TTL_SECONDS: String(args.tokens.maxTtlSeconds),
        ...(args.ads
            ? {
                  ADS: pulumi.output(args.ads.paths).apply((a) => JSON.stringify(a)),
                  SEGMENT_TOKENS: args.ads.segmentTokens,
                  ...(args.ads.cookieDomain ? { COOKIE_DOMAIN: args.ads.cookieDomain } : {}),
              }
            : {}),
    };
}

export function vendingRolePolicy(region: string, account: string, functionName: string, secretArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Logs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:aws:logs:${region}:${account}:log-group:/aws/lambda/${functionName}:*`,
            },
            { Sid: "SigningKey", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretArn },
        ],
    };
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

/** The component's type token: its children's URNs are qualified with it. */
export const URL_VENDING_TYPE = "onair:delivery:UrlVending";

export interface UrlVendingArgs {
    /** Season slug: the function, log group and key secret are named after it. */
    season: string;
    /** The region it runs in (the primary): the role's policy names its log group and key there. */
    region: string;
    /** The viewer key that signs (its kid and value, a Pulumi secret). */
    signer: { kid: string; key: pulumi.Output<string> };
    /** IAM roles of the entitlement backend (delivery.urlVending.callerRoleArns): the only callers. */
    callerRoleArns: string[];
    environment: Omit<VendingEnvironmentArgs, "kid">;
    /**
     * The URN of the component the hook's resources were children of before they had this one
     * (the GlobalDelivery component, until ADR 032): each child carries an alias to its old URN, so
     * `pulumi up` re-parents the deployed resources instead of replacing them.
     */
    formerParent?: pulumi.Input<string>;
}

/**
 * The URL vending hook in the primary region: a Lambda behind a Function URL with IAM auth (only
 * the entitlement backend may call it), reading the signing key from Secrets Manager. Pass the
 * region's providers in `opts.providers`; children derive their names from `name`.
 */
export class UrlVending extends pulumi.ComponentResource {
    readonly functionUrl: pulumi.Output<string>;
    readonly functionArn: pulumi.Output<string>;
    /** The roles the Function URL's resource policy admits (the entitlement backend's). */
    readonly callerRoleArns: string[];

    constructor(name: string, args: UrlVendingArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super(URL_VENDING_TYPE, name, {}, opts);
        const { season, region, signer } = args;
        const here: pulumi.CustomResourceOptions = { parent: this, ...(args.formerParent ? { aliases: [{ parent: args.formerParent }] } : {}) };
        const functionName = `onair-${season}-url-vending`;
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        // A name prefix of ours lets the role name the secret before Secrets Manager adds its suffix.
        const secretPrefix = `onair-${season}-url-vending-key-`;
        const secret = new aws.secretsmanager.Secret(
            `${name}-signing-key`,
            { namePrefix: secretPrefix, description: `OnAir ${season}: HS256 key ${signer.kid} for viewer tokens`, recoveryWindowInDays: 7 },
            here,
        );
        const version = new aws.secretsmanager.SecretVersion(`${name}-signing-key`, { secretId: secret.id, secretString: signer.key }, here);
        const role = serviceRole(
            `${name}-role`,
            {
                description: `OnAir ${season}: URL vending Lambda`,
                service: "lambda.amazonaws.com",
                account,
                policyName: "url-vending",
                policy: account.apply((a) => vendingRolePolicy(region, a, functionName, secretArnPattern(region, a, secretPrefix))),
            },
            here,
        );
        const logs = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/aws/lambda/${functionName}`, retentionInDays: 30 }, here);
        const fn = new aws.lambda.Function(
            name,
            {
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
                environment: { variables: vendingEnvironment({ kid: signer.kid, ...args.environment }, secret.arn) },
            },
            { ...here, dependsOn: [logs, version] },
        );
        const url = new aws.lambda.FunctionUrl(name, { functionName: fn.name, authorizationType: "AWS_IAM" }, here);
        // Only the entitlement backend may mint: its roles are named in the function's resource policy.
        args.callerRoleArns.forEach((caller, i) => {
            for (const { verb, ...perm } of FUNCTION_URL_PERMISSIONS) {
                new aws.lambda.Permission(
                    `${name}-caller-${i}-${verb}`,
                    { function: fn.name, principal: caller, statementId: `entitlement-backend-${i}-${verb}`, ...perm },
                    here,
                );
            }
        });
        this.functionUrl = url.functionUrl;
        this.functionArn = fn.arn;
        this.callerRoleArns = args.callerRoleArns;
        this.registerOutputs({ functionUrl: this.functionUrl, functionArn: this.functionArn });
    }
}
