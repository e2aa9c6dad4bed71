import type { CreateChannelRequest } from "@aws-sdk/client-medialive";
import { CHANNEL_TYPE } from "../../../components/media/medialive/channel";
import { INPUT_TYPE } from "../../../components/media/medialive/input";
import { emulatorEnv, RunningEmulator, startMediaLiveEmulator } from "../../emulators/medialive/server";
import { DynamicHost, Props, registeredProviders } from "../../helpers/dynamicHost";
import { onairChannel } from "../../policies/fixtures/medialive/channel";

/** Poll every 25 ms: the documented knob (README, "MediaLive provider timing"), not a test-only path. */
export const FAST_POLL = { ONAIR_MEDIALIVE_POLL_MS: "25" };

export interface HostWorld {
    emulator: RunningEmulator;
    host: DynamicHost;
    providers: { channel: string; input: string; schedule: string };
    stop(): Promise<void>;
}

export async function startWorld(): Promise<HostWorld> {
    const providers = await registeredProviders();
    const emulator = await startMediaLiveEmulator();
    const host = await DynamicHost.start({ ...emulatorEnv(emulator.endpoint), ...FAST_POLL });
    return {
        emulator,
        host,
        providers,
        stop: async () => {
            host.stop();
            await emulator.stop();
        },
    };
}

export const urnOf = (type: string, name: string) => `urn:pulumi:host-test::onair::onair:media:RegionalMediaChain$${type}::${name}`;

/** A full OnAir channel request (the policy fixtures' compliant channel), renamed and wired to `inputId`. */
export function channelRequest(name: string, inputId: string): CreateChannelRequest {
    const r = structuredClone((onairChannel().props as { request: CreateChannelRequest }).request);
    r.Name = name;
    r.InputAttachments![0]!.InputId = inputId;
    r.Tags = { "onair:season": "host-test" };
    return r;
}

export function channelInputs(w: HostWorld, name: string, inputId: string, region = "us-east-1", extra: Props = {}): Props {
    return {
        __provider: w.providers.channel,
        region,
        request: channelRequest(name, inputId),
        allowLiveUpdate: false,
        allowLiveDelete: false,
        resourceUrn: urnOf(CHANNEL_TYPE, name),
        ...extra,
    };
}

export function inputInputs(w: HostWorld, name: string, region = "us-east-1"): Props {
    return {
        __provider: w.providers.input,
        region,
        request: { Name: name, Type: "RTP_PUSH", InputSecurityGroups: ["1234567"], Tags: { "onair:season": "host-test" } },
        resourceUrn: urnOf(INPUT_TYPE, name),
    };
}

/** Check then Create, as the engine does on `pulumi up`. */
export async function createThroughHost(w: HostWorld, type: string, name: string, inputs: Props): Promise<{ id: string; state: Props; inputs: Props }> {
    const urn = urnOf(type, name);
    const checked = await w.host.check(urn, {}, inputs);
    const { id, props } = await w.host.create(urn, checked);
    return { id, state: props, inputs: checked };
}

/** An input and a channel on it, both created through the host. */
export async function createChain(w: HostWorld, name: string, region = "us-east-1", extra: Props = {}) {
    const input = await createThroughHost(w, INPUT_TYPE, `${name}-input`, inputInputs(w, `${name}-input`, region));
    const channel = await createThroughHost(w, CHANNEL_TYPE, name, channelInputs(w, name, input.id, region, extra));
    return { input, channel, urn: urnOf(CHANNEL_TYPE, name) };
}

/** The same inputs with one video setting changed (a settings change UpdateChannel applies). */
export function withSharpness(inputs: Props, sharpness: number, extra: Props = {}): Props {
    const next = structuredClone(inputs);
    next["request"].EncoderSettings.VideoDescriptions[0].Sharpness = sharpness;
    return { ...next, ...extra };
}

/** Waits (bounded) until `check` holds, polling the emulator's own state. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const started = Date.now();
    while (!check()) {
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}
