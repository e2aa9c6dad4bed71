import * as pulumi from "@pulumi/pulumi";
import { Clock, MediaLiveApi, realClock } from "./api";
import { createInput, deleteInput, diffInput, InputInputs, InputOutputs, readInput, updateInput } from "./inputLifecycle";
import { ChannelInputs, ChannelOutputs, createChannel, deleteChannel, diffChannel, readChannel, updateChannel } from "./lifecycle";

export type ApiFactory = (region: string) => MediaLiveApi;

/**
 * The dynamic provider: CRUD over the MediaLive API. Pulumi serializes this object into the state,
 * so it holds only the factory and clock; the SDK loads inside the factory at deploy time.
 */
export function mediaLiveChannelProvider(apiFor: ApiFactory, clock: Clock = realClock): pulumi.dynamic.ResourceProvider {
    return {
        async create(inputs: ChannelInputs) {
            const { id, outs } = await createChannel(apiFor(inputs.region), inputs, clock);
            return { id, outs };
        },
        async read(id: string, props: ChannelOutputs) {
            return readChannel(apiFor(props.region), id, props);
        },
        async diff(_id: string, olds: ChannelOutputs, news: ChannelInputs) {
            return diffChannel(olds, news);
        },
        async update(id: string, olds: ChannelOutputs, news: ChannelInputs) {
            return { outs: await updateChannel(apiFor(news.region), id, olds, news, clock) };
        },
        async delete(id: string, props: ChannelOutputs) {
            await deleteChannel(apiFor(props.region), id, clock);
        },
    };
}

/** The dynamic provider for direct MediaLive inputs (RTP_PUSH, SRT_CALLER). */
export function mediaLiveInputProvider(apiFor: ApiFactory, clock: Clock = realClock): pulumi.dynamic.ResourceProvider {
    return {
        async create(inputs: InputInputs) {
            const { id, outs } = await createInput(apiFor(inputs.region), inputs, clock);
            return { id, outs };
        },
        async read(id: string, props: InputOutputs) {
            return readInput(apiFor(props.region), id, props);
        },
        async diff(_id: string, olds: InputOutputs, news: InputInputs) {
            return diffInput(olds, news);
        },
        async update(id: string, olds: InputOutputs, news: InputInputs) {
            return { outs: await updateInput(apiFor(news.region), id, olds, news) };
        },
        async delete(id: string, props: InputOutputs) {
            await deleteInput(apiFor(props.region), id, clock);
        },
    };
}
