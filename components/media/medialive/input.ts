import type { CreateInputRequest } from "@aws-sdk/client-medialive";
import * as pulumi from "@pulumi/pulumi";
import type { DeepInput } from "../../deepInput";
import { InputEndpoint } from "./api";
import { mediaLiveInputProvider } from "./provider";
import { sdkApi } from "./sdkApi";

export interface MediaLiveInputArgs {
    region: pulumi.Input<string>;
    /** A plain request with Output leaves (security group, secret), not one Output over the whole request. */
    request: DeepInput<CreateInputRequest>;
}

const provider = mediaLiveInputProvider((region) => sdkApi(region));

/**
 * A direct MediaLive input (RTP_PUSH or SRT_CALLER). `aws.medialive.Input` has no SRT settings and
 * does not report push endpoints, so direct inputs use the MediaLive API like the channel does.
 * Type token: `pulumi-nodejs:dynamic/medialive:Input`.
 */
export class MediaLiveInput extends pulumi.dynamic.Resource {
    declare readonly inputId: pulumi.Output<string>;
    declare readonly arn: pulumi.Output<string>;
    declare readonly destinations: pulumi.Output<InputEndpoint[]>;

    constructor(name: string, args: MediaLiveInputArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, inputId: undefined, arn: undefined, state: undefined, destinations: undefined }, opts, "medialive", "Input");
    }
}
