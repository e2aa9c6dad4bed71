import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { apiGatewayOf } from "../../config/drm";
import { ChannelConfig } from "../../config/types";
import { PACKAGING } from "../../naming";
import { MEDIAPACKAGE_V2_PRINCIPAL, serviceRole, spekeInvokeArn, spekeInvokePolicy, spekeTrust } from "../iam";
import { endpointEncryption } from "./encryption";

export interface KeyProviderContext {
    parent: pulumi.Resource;
    /** The region's code; its key provider URL comes from drm.keyProvider.urls. */
    region: string;
    account: pulumi.Output<string>;
    /** The MediaPackage channel group (the season slug). */
    channelGroup: string;
}

/**
 * One region's SPEKE v2 encryption for a DRM channel: the configured role, or a role OnAir creates
 * that MediaPackage v2 may assume for this channel only and that may only call this region's SPEKE
 * endpoint. Undefined for a channel without DRM.
 */
export function keyProviderEncryption(
    ch: ChannelConfig,
    ctx: KeyProviderContext,
    name: string,
): awsnative.types.input.mediapackagev2.OriginEndpointEncryptionArgs | undefined {
    const drm = ch.drm;
    if (!drm) return undefined;
    // The validator guarantees a URL for every region of the season.
    const url = drm.keyProvider.urls[ctx.region]!;
    if (drm.keyProvider.roleArn) return endpointEncryption(drm, url, drm.keyProvider.roleArn);
    // The validator only lets OnAir create the role for API Gateway URLs, whose ARN it can scope to.
    const api = apiGatewayOf(url)!;
    const role = serviceRole(
        name,
        {
            description: `MediaPackage v2 requests ${ch.id} content keys from the SPEKE endpoint in ${ctx.region}`,
            service: MEDIAPACKAGE_V2_PRINCIPAL,
            account: ctx.account,
            policyName: "speke-key-requests",
            policy: spekeInvokePolicy(spekeInvokeArn(api)),
            trust: (account) => spekeTrust({ region: ctx.region, account, channelGroup: ctx.channelGroup, channel: ch.id, endpoint: PACKAGING.endpointName }),
        },
        { parent: ctx.parent },
    );
    return endpointEncryption(drm, url, role.arn);
}
