import type { MediaLiveApi } from "../../../components/media/medialive/api";
import { sdkApi } from "../../../components/media/medialive/sdkApi";
import { DEFAULT_TIMING, Timing } from "../../../components/media/medialive/timing";
import { emulatorEnv, RunningEmulator, startMediaLiveEmulator } from "./server";

export interface EmulatorSuite {
    emu(): RunningEmulator;
    /** OnAir's sdkApi (the real SDK client) pointed at the emulator. */
    api(): MediaLiveApi;
    timing: Timing;
}

/**
 * Mocha hooks for a suite that talks to the emulator through the real SDK: starts it on
 * 127.0.0.1, points AWS_ENDPOINT_URL_MEDIALIVE (and dummy credentials) at it for the suite, and
 * puts the environment back afterwards.
 */
export function emulatorSuite(region = "us-east-1"): EmulatorSuite {
    let emu: RunningEmulator | undefined;
    let api: MediaLiveApi | undefined;
    const saved: Record<string, string | undefined> = {};
    const timing: Timing = { ...DEFAULT_TIMING, pollMs: 25, maxBackoffMs: 200 };
    before(async () => {
        emu = await startMediaLiveEmulator();
        for (const [k, v] of Object.entries(emulatorEnv(emu.endpoint))) {
            saved[k] = process.env[k];
            process.env[k] = v;
        }
        api = sdkApi(region, timing);
    });
    after(async () => {
        for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
        await emu?.stop();
    });
    return { emu: () => emu!, api: () => api!, timing };
}
