import { scheduleName } from "../naming";
import { Cursor } from "./cursor";
import { ChannelConfig } from "./types";

/**
 * Names the program derives from the season must be unique, or AWS refuses the second resource
 * (or Pulumi the second URN). Derivation is built not to collide (components/naming.ts); this
 * check names the two events if it ever does, at the key to rename. Repeated channel ids and event
 * names are reported where they are read, not again here.
 */
export function checkDerivedNames(
    channelsCursor: Cursor,
    channels: ChannelConfig[],
    derive: (a: { channelId: string; event: string; action: string }) => string = scheduleName,
): void {
    const indexOf = new Map<unknown, number>();
    (Array.isArray(channelsCursor.value) ? (channelsCursor.value as unknown[]) : []).forEach((raw, i) => indexOf.set((raw as { id?: unknown })?.id, i));
    const seen = new Map<string, { channel: string; event: string }>();
    for (const ch of channels) {
        ch.events.forEach((e, ei) => {
            const name = derive({ channelId: ch.id, event: e.name, action: "start" });
            const first = seen.get(name);
            if (!first) {
                seen.set(name, { channel: ch.id, event: e.name });
                return;
            }
            if (first.channel === ch.id && first.event === e.name) return;
            channelsCursor
                .index(indexOf.get(ch.id) ?? 0)
                .at("events")
                .index(ei)
                .at("name")
                .fail(
                    `gives the schedule name ${JSON.stringify(name)}, as event ${JSON.stringify(first.event)} of channel ${first.channel} does; rename one of the two events`,
                );
        });
    }
}
