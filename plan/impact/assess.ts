import { isoSeconds, OnAirWindow } from "../../components/operations/onAirWindows";
import { ChangeSet, ResourceChange } from "./changes";
import { Exposure, exposureOf } from "./exposure";
import { ChangeEffects, effectsOf, OFF_AIR } from "./live";
import { channelOf, SeasonShape } from "./owner";

/**
 * The stack rule the change-impact plan enforces (mandatory, like the schema and quota checks):
 * no change that takes a channel off air may land inside one of its game windows (lead and tail
 * included) or within the deploy margin before one (docs/adr/029-change-impact-against-deployed-state.md).
 */
export const IMPACT_RULE = "onair-stack-changes-disallow-off-air-during-window";

export interface Impact extends ChangeEffects {
    change: ResourceChange;
    channelId?: string;
    channelName?: string;
    exposure: Exposure;
    /** Set when the change breaks IMPACT_RULE: the message, naming the channel, window and fix. */
    violation?: string;
}

export interface ImpactReport {
    source: string;
    asOfMs: number;
    marginMinutes: number;
    impacts: Impact[];
    /** Resources the engine moves to a new URN through an alias, the cloud untouched. */
    moved: ChangeSet["moved"];
    unchanged: number;
    counts: Record<ResourceChange["op"], number>;
}

function windowText(e: Exposure, marginMinutes: number): string {
    const w = e.window!;
    return e.kind === "on-air"
        ? `while ${w.channelId} ${w.event} is on air (until ${isoSeconds(w.stopMs)}, tail included)`
        : `within the ${marginMinutes}-minute deploy margin before ${w.channelId} ${w.event} (window starts ${isoSeconds(w.startMs)}, lead included)`;
}

function offAirText(i: Impact): string {
    if (i.effects.includes("channel-settings") && i.change.type === "pulumi-nodejs:dynamic/medialive:Channel") {
        return i.change.after?.inputs["allowLiveUpdate"] === true
            ? "pulumi up stops the running channel, applies the settings and starts it again (allowLiveUpdate)"
            : "MediaLive updates only an idle channel and OnAir's provider refuses to stop it (allowLiveUpdate is false): pulumi up fails part-way";
    }
    return i.reasons.join("; ");
}

/** Each change with its channel, live effects, exposure at `asOfMs` and, if it breaks the rule, the violation. */
export function assessImpact(set: ChangeSet, shape: SeasonShape, windows: readonly OnAirWindow[], asOfMs: number, marginMinutes: number): ImpactReport {
    const names = new Map(shape.channels.map((c) => [c.id, c.name]));
    const counts: ImpactReport["counts"] = { create: 0, update: 0, replace: 0, "may-replace": 0, delete: 0 };
    const impacts = set.changes.map((change): Impact => {
        counts[change.op]++;
        const channelId = channelOf(change.name, shape);
        const fx = effectsOf(change, channelId);
        const exposure = exposureOf(windows, channelId, asOfMs, marginMinutes * 60_000);
        const impact: Impact = { change, ...(channelId ? { channelId, channelName: names.get(channelId)! } : {}), ...fx, exposure };
        if (exposure.kind !== "clear" && fx.effects.some((e) => OFF_AIR.has(e))) {
            const who = `${channelId ?? "every channel"}${change.region ? ` in ${change.region}` : ""}`;
            const refused =
                fx.effects.includes("channel-settings") &&
                change.type === "pulumi-nodejs:dynamic/medialive:Channel" &&
                change.after?.inputs["allowLiveUpdate"] !== true;
            impact.violation = `${change.name} (${change.op}) ${refused ? "changes the running channel of" : "takes"} ${who}${refused ? "" : " off air"} ${windowText(exposure, marginMinutes)}: ${offAirText(impact)}. Merge and deploy after the window, or move the change out of this pull request.`;
        }
        return impact;
    });
    return { source: set.source, asOfMs, marginMinutes, impacts, moved: set.moved, unchanged: set.unchanged, counts };
}

export function impactViolations(r: ImpactReport | undefined): Impact[] {
    return r ? r.impacts.filter((i) => i.violation !== undefined) : [];
}
