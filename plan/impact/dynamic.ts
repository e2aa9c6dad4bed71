import * as pulumi from "@pulumi/pulumi";
import { CHANNEL_TYPE } from "../../components/media/medialive/channel";
import { INPUT_TYPE } from "../../components/media/medialive/input";
import { ApiFactory, mediaLiveChannelProvider, mediaLiveInputProvider, mediaLiveScheduleProvider } from "../../components/media/medialive/provider";
import { SCHEDULE_TYPE } from "../../components/media/medialive/schedule";
import { isUnknown, SecretValue } from "../../contracts/capturedPlan";
import { wireSignatures } from "../../contracts/sdkInternals";
import { changedProperties, Classification, Pending } from "./replacement";

const UNKNOWN_WIRE = wireSignatures().unknown;

/** Diff never calls MediaLive: a provider asked for an API here is a bug, not a plan. */
const noApi: ApiFactory = () => {
    throw new Error("the change-impact plan only calls diff, which never reaches the MediaLive API");
};

/**
 * OnAir's dynamic providers, built by the same factories the program serializes into the state:
 * the plan calls their real `diff`. The schedule's diff reads the clock (which actions are past,
 * running or ahead), so it runs at `--as-of`.
 */
export function dynamicProviders(nowMs: number): Record<string, pulumi.dynamic.ResourceProvider> {
    const clock = { now: () => nowMs, sleep: async () => undefined, random: () => 0.5 };
    return {
        [CHANNEL_TYPE]: mediaLiveChannelProvider(noApi, clock),
        [INPUT_TYPE]: mediaLiveInputProvider(noApi, clock),
        [SCHEDULE_TYPE]: mediaLiveScheduleProvider(noApi, clock),
    };
}

/**
 * Values as the dynamic-provider host hands them to diff: secrets as their (equal) placeholder on
 * both sides, so diff never sees the deployed ciphertext or the plan's stand-ins; unknowns as the
 * engine's unknown sentinel.
 */
function hostValue(v: unknown): unknown {
    if (v instanceof SecretValue) return "[secret]";
    if (isUnknown(v)) return UNKNOWN_WIRE;
    if (Array.isArray(v)) return v.map(hostValue);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, hostValue(e)]));
    return v;
}

/**
 * The provider's own verdict: `replaces` (with deleteBeforeReplace) and the members its
 * detailedDiff names. Olds are the deployed outputs, as the host passes them to diff; news are the
 * planned inputs, with pending properties unknown.
 */
export async function classifyDynamic(
    provider: pulumi.dynamic.ResourceProvider,
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    pending: Pending,
): Promise<Classification> {
    const rule = "the MediaLive provider's own diff (components/media/medialive/provider.ts)";
    const planned = hostValue({ ...news, ...Object.fromEntries([...pending].filter((p) => p in news).map((p) => [p, UNKNOWN_WIRE])) }) as Record<
        string,
        unknown
    >;
    const result = await provider.diff!(id, hostValue(olds) as Record<string, unknown>, planned);
    const detailed = Object.keys((result as { detailedDiff?: Record<string, unknown> }).detailedDiff ?? {});
    if (result.changes === false || (detailed.length === 0 && !result.replaces?.length)) return { op: "same", properties: [], replaceReasons: [], rule };
    // The provider names the members; the generic comparison adds printable before/after values.
    const shownValues = new Map(changedProperties(olds, news, "top", pending).map((c) => [c.path, c]));
    const properties = detailed
        .sort()
        .map((path) => shownValues.get(path) ?? { path, kind: "update" as const, ...(pending.has(path) ? { unknown: true } : {}) });
    const replaces = result.replaces ?? [];
    if (replaces.length > 0) {
        return {
            op: "replace",
            properties,
            replaceReasons: replaces.map((r) => `${r}: the provider's diff replaces on it${result.deleteBeforeReplace ? " (delete before create)" : ""}`),
            rule,
        };
    }
    return { op: "update", properties, replaceReasons: [], rule };
}
