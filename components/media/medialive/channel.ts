import type { CreateChannelRequest } from "@aws-sdk/client-medialive";
import * as pulumi from "@pulumi/pulumi";
import type { DeepInput } from "../../deepInput";
import { mediaLiveChannelProvider } from "./provider";
import { T } from "../../../contracts/resourceTypes";
import { sdkApiFactory } from "./sdkApi";
import { urnValue } from "./urn";

export interface MediaLiveChannelArgs {
    region: pulumi.Input<string>;
    /** A plain request with Output leaves (role, input, ingest URLs), not one Output over the whole request. */
    request: DeepInput<CreateChannelRequest>;
    allowLiveUpdate: pulumi.Input<boolean>;
    allowLiveDelete: pulumi.Input<boolean>;
}

export const CHANNEL_TYPE = T.onairMediaLiveChannel;

// One provider instance: Pulumi serializes it once per program, not once per channel.
const provider = mediaLiveChannelProvider(sdkApiFactory());

/**
 * A MediaLive channel with full API fidelity (CMAF Ingest, MediaPackage v2 destinations, epoch
 * locking), which `aws.medialive.Channel` cannot express. Type token:
 * `pulumi-nodejs:dynamic/medialive:Channel` (see docs/adr/001). Its own URN is an input: the
 * dynamic-provider host does not pass the URN to create, and the CreateChannel RequestId is
 * derived from it.
 */
export class MediaLiveChannel extends pulumi.dynamic.Resource {
    declare readonly channelId: pulumi.Output<string>;
    declare readonly arn: pulumi.Output<string>;
    declare readonly state: pulumi.Output<string>;
    declare readonly request: pulumi.Output<CreateChannelRequest>;

    constructor(name: string, args: MediaLiveChannelArgs, opts?: pulumi.CustomResourceOptions) {
        const resourceUrn = urnValue(pulumi.createUrn(name, CHANNEL_TYPE, opts?.parent));
        super(provider, name, { ...args, resourceUrn, channelId: undefined, arn: undefined, state: undefined }, opts, "medialive", "Channel");
    }
}
