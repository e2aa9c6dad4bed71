import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import { regionShort } from "./naming";

/** The explicit providers of one region. Every AWS resource names one of these, never a default. */
export interface RegionProviders {
    region: string;
    aws: aws.Provider;
    native: awsnative.Provider;
}

/**
 * Creates the aws and aws-native providers for a region. Tags go on as provider default tags:
 * resource transforms do not run under the mock runtime, default tags do.
 */
export function regionProviders(region: string, tags: Record<string, string>, opts?: pulumi.ResourceOptions): RegionProviders {
    const short = regionShort(region);
    return {
        region,
        aws: new aws.Provider(`aws-${short}`, { region, defaultTags: { tags } }, opts),
        native: new awsnative.Provider(`aws-native-${short}`, { region: region as awsnative.Region, defaultTags: { tags } }, opts),
    };
}

/** The providers map a component passes to its children. */
export function providerMap(p: RegionProviders): Record<string, pulumi.ProviderResource> {
    return { aws: p.aws, "aws-native": p.native };
}
