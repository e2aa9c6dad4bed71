import * as pulumi from "@pulumi/pulumi";
import { Clock, MediaLiveApi, realClock } from "./api";
import { diffChannel } from "./channelDiff";
import { updateChannel } from "./channelUpdate";
import { awsErrorText } from "./errors";
import { createInput, deleteInput, diffInput, InputInputs, InputOutputs, readInput, updateInput } from "./inputLifecycle";
import { ChannelInputs, ChannelOutputs, createChannel, deleteChannel, Env, readChannel } from "./lifecycle";
import { createSchedule, deleteSchedule, diffSchedule, readSchedule, ScheduleInputs, ScheduleOutputs, updateSchedule } from "./scheduleLifecycle";
import { providerTiming, Timing } from "./timing";

export type ApiFactory = (region: string) => MediaLiveApi;

/**
 * Whatever escapes a provider method reaches the engine as a plain Error with readable text: SDK
 * exceptions become "<shape>: <message>" with the operation named; an error carrying `id` (a
 * partially created resource) passes through unchanged for the host to report.
 */
async function plainErrors<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (e) {
        if (e instanceof Error && (e.constructor === Error || (e as { id?: string }).id)) throw e;
        throw new Error(`${what}: ${awsErrorText(e)}`, { cause: e });
    }
}

/**
 * The dynamic provider: CRUD over the MediaLive API. Pulumi serializes this object into the state,
 * so it holds only the factory, the clock and the timing source; the SDK loads inside the factory
 * at deploy time, and the timing is read from the environment of the host that runs it.
 */
export function mediaLiveChannelProvider(
    apiFor: ApiFactory,
    clock: Clock = realClock,
    timing: () => Timing = () => providerTiming(),
): pulumi.dynamic.ResourceProvider {
    const env = (region: string): Env => ({ api: apiFor(region), clock, timing: timing() });
    return {
        create: (inputs: ChannelInputs) => plainErrors(`creating MediaLive channel "${inputs.request?.Name}"`, () => createChannel(env(inputs.region), inputs)),
        read: (id: string, props: ChannelOutputs) => plainErrors(`reading MediaLive channel ${id}`, () => readChannel(env(props.region), id, props)),
        diff: async (_id: string, olds: ChannelOutputs, news: ChannelInputs) => diffChannel(olds, news),
        update: (id: string, olds: ChannelOutputs, news: ChannelInputs) =>
            plainErrors(`updating MediaLive channel ${id}`, async () => ({ outs: await updateChannel(env(news.region), id, olds, news) })),
        delete: (id: string, props: ChannelOutputs) => plainErrors(`deleting MediaLive channel ${id}`, () => deleteChannel(env(props.region), id, props)),
    };
}

/** The dynamic provider for direct MediaLive inputs (RTP_PUSH, SRT_CALLER). */
export function mediaLiveInputProvider(
    apiFor: ApiFactory,
    clock: Clock = realClock,
    timing: () => Timing = () => providerTiming(),
): pulumi.dynamic.ResourceProvider {
    const env = (region: string): Env => ({ api: apiFor(region), clock, timing: timing() });
    return {
        create: (inputs: InputInputs) => plainErrors(`creating MediaLive input "${inputs.request?.Name}"`, () => createInput(env(inputs.region), inputs)),
        read: (id: string, props: InputOutputs) => plainErrors(`reading MediaLive input ${id}`, () => readInput(env(props.region), id, props)),
        diff: async (_id: string, olds: InputOutputs, news: InputInputs) => diffInput(olds, news),
        update: (id: string, olds: InputOutputs, news: InputInputs) =>
            plainErrors(`updating MediaLive input ${id}`, async () => ({ outs: await updateInput(env(news.region), id, olds, news) })),
        delete: (id: string, props: InputOutputs) => plainErrors(`deleting MediaLive input ${id}`, () => deleteInput(env(props.region), id, props)),
    };
}

/**
 * The dynamic provider for a channel's schedule actions (input switches). `diff` reads the clock:
 * whether an action is past, running, ahead or beyond MediaLive's 14 days decides what an update does.
 */
export function mediaLiveScheduleProvider(
    apiFor: ApiFactory,
    clock: Clock = realClock,
    timing: () => Timing = () => providerTiming(),
): pulumi.dynamic.ResourceProvider {
    const env = (region: string): Env => ({ api: apiFor(region), clock, timing: timing() });
    return {
        create: (inputs: ScheduleInputs) =>
            plainErrors(`creating the schedule of MediaLive channel ${inputs.channelId}`, () => createSchedule(env(inputs.region), inputs)),
        read: (id: string, props: ScheduleOutputs) =>
            plainErrors(`reading the schedule of MediaLive channel ${id}`, () => readSchedule(env(props.region), id, props)),
        diff: async (_id: string, olds: ScheduleOutputs, news: ScheduleInputs) => diffSchedule(olds, news, clock.now()),
        update: (id: string, olds: ScheduleOutputs, news: ScheduleInputs) =>
            plainErrors(`updating the schedule of MediaLive channel ${id}`, async () => ({ outs: await updateSchedule(env(news.region), olds, news) })),
        delete: (id: string, props: ScheduleOutputs) =>
            plainErrors(`deleting the schedule actions of MediaLive channel ${id}`, () => deleteSchedule(env(props.region), props)),
    };
}
