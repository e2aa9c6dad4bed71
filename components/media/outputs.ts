import * as pulumi from "@pulumi/pulumi";
import type { ExtraInputEndpoint } from "./contribution/extraInputs";

/** What the delivery layer and operators need from one channel's chain in one region. */
export interface ChannelChainOutputs {
    channelId: string;
    region: string;
    role: "primary" | "secondary";
    /** MediaPackage v2 egress hostname (the CloudFront origin domain). */
    egressDomain: pulumi.Output<string>;
    channelGroupName: string;
    originEndpointName: string;
    originEndpointArn: pulumi.Output<string>;
    hlsPath: string;
    dashPath: string;
    hlsUrl: pulumi.Output<string>;
    dashUrl: pulumi.Output<string>;
    /** The MediaLive channel resource (secondary regions order their channel after the primary's). */
    mediaLiveChannel: pulumi.Resource;
    mediaLiveChannelId: pulumi.Output<string>;
    mediaLiveChannelArn: pulumi.Output<string>;
    mediaPackageChannelArn: pulumi.Output<string>;
    /** MediaConnect flows, one per pipeline (empty for direct MediaLive inputs). */
    flowArns: pulumi.Output<string>[];
    /** Their names, which the program chooses: IAM scopes flows by name (components/arns.ts). */
    flowNames: string[];
    /** Where the venue encoders send (listener protocols) or what the flows call (srt-caller). */
    contribution: pulumi.Output<ContributionEndpoint[]>;
    /** Where studio and backup feeds (channels[].extraInputs) are sent or read from. */
    extraInputs: pulumi.Output<ExtraInputEndpoint[]>;
}

export interface ContributionEndpoint {
    pipeline: string;
    network: string;
    protocol: string;
    /** Listener: the flow's ingest address the encoder sends to. Caller: the encoder listener MediaConnect calls. */
    address: string;
    port: number;
}
