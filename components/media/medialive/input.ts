import type { CreateInputRequest } from "@aws-sdk/client-medialive";
import * as pulumi from "@pulumi/pulumi";
import type { DeepInput } from "../../deepInput";
import { InputEndpoint } from "./api";
import { mediaLiveInputProvider } from "./provider";
import { T } from "../../../contracts/resourceTypes";
import { sdkApiFactory } from "./sdkApi";
import { urnValue } from "./urn";

export interface MediaLiveInputArgs {
    region: pulumi.Input<string>;
    /** A plain request with Output leaves (security group, secret), not one Output over the whole request. */
    request: DeepInput<CreateInputRequest>;
}

export const INPUT_TYPE = T.onairMediaLiveInput;

const provider = mediaLiveInputProvider(sdkApiFactory());

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
        const resourceUrn = urnValue(pulumi.createUrn(name, INPUT_TYPE, opts?.parent));
        super(
            provider,
            name,
            { ...args, resourceUrn, inputId: undefined, arn: undefined, state: undefined, destinations: undefined },
            opts,
            "medialive",
            "Input",
        );
    }
}
