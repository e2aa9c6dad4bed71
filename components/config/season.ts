import { Cursor, isPlainObject } from "./cursor";
import { readChannel, unique } from "./channel";
import { readDelivery } from "./delivery";
import { checkDerivedNames } from "./derivedNames";
import { ConfigError, ConfigIssue } from "./errors";
import { readRegions } from "./regions";
import { SecretKeyLookup, unknownKeys } from "./secrets";
import { readSecurity } from "./security";
import { checkAdWindows, readAds } from "./ads";
import { assignJamSync } from "./jamSync";
import { checkConsumerConcurrency, RealtimeLogSettings, resolveRateLimits, resolveSampling, streamSizingFor } from "./capacity";
import { checkCallerTargets } from "./contribution";
import { checkExtraInputRegions } from "./inputs";
import { checkSwitchWindows } from "./inputSwitches";
import { resolveDrm } from "./drm";
import { readOperations } from "./operations";
import { readQoe } from "./qoe";
import { readQuotas } from "./quotas";
import { assignShards } from "../delivery/shards";
import { readCostRates, readSchedule, windowsWithMargins } from "./schedule";
import { Agree, Parsed } from "./schema/nodes";
import { OBSERVABILITY } from "./schema/observability";
import { keysOf, readNode, readObject } from "./schema/read";
import { SEASON } from "./schema/season";
import { ObservabilityConfig, SeasonConfig } from "./types";

export const SEASON_KEY = "season";
/** Plain keys beside the season that OnAir reads (components/resourceOptions.ts). */
export const PROTECT_KEY = "protect";

/**
 * Validates the raw `onair:season` object and returns it with every default applied.
 * Throws one ConfigError listing every problem; it never returns a partial configuration.
 */
export function validateSeason(raw: unknown, secrets: SecretKeyLookup): SeasonConfig {
    const issues: ConfigIssue[] = [];
    const root = new Cursor(`${secrets.namespace}:${SEASON_KEY}`, raw, issues);
    if (!root.object(keysOf(SEASON.fields))) throw new ConfigError(issues);

    const name = readNode(root.at("name"), SEASON.fields.name);
    const regions = readRegions(root.at("regions"));
    // The account's quotas come first: the season's layout (shards) is sized from them.
    const quotas = readQuotas(root.at("quotas"), regions);
    const channels = root.at("channels").list((c) => readChannel(c, secrets), SEASON.fields.channels);
    unique(
        root.at("channels"),
        channels.map((c) => c.id),
        "channel id",
    );
    checkDerivedNames(root.at("channels"), channels);
    const delivery = readDelivery(root.at("delivery"), secrets);
    const security = readSecurity(root.at("security"), secrets);
    const observability = readObservability(root.at("observability"));
    const schedule = readSchedule(root.at("schedule"));
    const costRates = readCostRates(root.at("costRates"));
    const tags = readTags(root.at("tags"));
    const operations = readOperations(root.at("operations"));
    const qoe = readQoe(root.at("qoe"));
    if (schedule) {
        windowsWithMargins(root.at("channels"), channels, schedule);
        assignJamSync(root.at("channels"), channels, schedule);
        checkSwitchWindows(root.at("channels"), channels, schedule);
    }
    // Ids as written: a channel with a bad field elsewhere is still a channel ads may name.
    const ads = readAds(root.at("ads"), declaredIds(root.at("channels")), delivery, regions, security);
    for (const ch of channels) ch.ads = ads?.channels.includes(ch.id) ?? false;
    checkCallerTargets(root.at("channels"), channels, regions);
    checkExtraInputRegions(
        root.at("channels"),
        channels,
        regions.map((r) => r.region),
    );
    const viewerHosts = [...(delivery?.domain?.aliases ?? []), ...(delivery?.clientRouting ? [`.${delivery.clientRouting.domain}`] : [])].map((h) =>
        h.toLowerCase(),
    );
    if (name) resolveDrm(root.at("channels"), channels, regions, name, viewerHosts);
    if (ads && schedule) checkAdWindows(root.at("channels"), channels, ads, schedule);
    // Limits and log capacity follow from the audience and the shortest segment of the season.
    const waf =
        security && delivery && channels.length > 0 ? resolveRateLimits(root.at("security").at("waf"), security.waf, delivery.audience, channels) : undefined;
    const samplingRate =
        observability && delivery && channels.length > 0
            ? resolveSampling(root.at("observability").at("realtimeLogs"), observability.realtimeLogs, delivery.audience, channels)
            : undefined;
    // The QoE consumer reads that stream: its peak concurrency must fit the account's Lambda concurrency.
    if (qoe && samplingRate !== undefined) {
        checkConsumerConcurrency(root.at("qoe"), qoe, streamSizingFor(delivery!.audience, channels, { ...observability!.realtimeLogs, samplingRate }));
    }

    // Channels pinned to a shard must fit it (the account's quotas size each shard).
    if (name && delivery && quotas) {
        const layoutOf = { name, regions, channels, delivery, quotas, ...(ads ? { ads } : {}) } as SeasonConfig;
        const { layout, problems } = assignShards(layoutOf);
        for (const p of problems) root.at("channels").index(p.index).at("shard").fail(p.message);
        // A later shard's hostnames (live-2.example.com) must not be a name shard 1 already has.
        const own = new Set((delivery.domain?.aliases ?? []).map((a) => a.toLowerCase()));
        for (const s of layout.shards.slice(1)) {
            for (const a of s.aliases.filter((x) => own.has(x.toLowerCase()))) {
                root.at("delivery")
                    .at("domain")
                    .at("aliases")
                    .fail(
                        `${JSON.stringify(a)} is also shard ${s.index}'s hostname (docs/adr/026); a CloudFront alias belongs to one distribution, so rename the alias`,
                    );
            }
        }
    }

    issues.push(...unknownKeys(secrets, SEASON_KEY, raw, [PROTECT_KEY]));

    if (issues.length > 0) throw new ConfigError(issues);
    // Every reader returned a value when no issue was recorded.
    return {
        name: name!,
        regions,
        channels,
        delivery: delivery!,
        security: { ...security!, waf: waf! },
        observability: { ...observability!, realtimeLogs: { ...observability!.realtimeLogs, samplingRate: samplingRate! } },
        schedule: schedule!,
        ...(costRates ? { costRates } : {}),
        ...(ads ? { ads } : {}),
        operations: operations!,
        qoe: qoe!,
        quotas: quotas!,
        tags,
    };
}

function declaredIds(c: Cursor): string[] {
    if (!Array.isArray(c.value)) return [];
    return (c.value as unknown[]).flatMap((ch) => (isPlainObject(ch) && typeof ch["id"] === "string" ? [ch["id"]] : []));
}

type ObservabilitySettings = Omit<ObservabilityConfig, "realtimeLogs"> & { realtimeLogs: RealtimeLogSettings };

function readObservability(c: Cursor): ObservabilitySettings | undefined {
    const o = readObject(c, OBSERVABILITY);
    if (!o) return undefined;
    const { archiveAfterDays, expireAfterDays } = o.standardLogs;
    if (expireAfterDays <= archiveAfterDays) {
        c.at("standardLogs")
            .at("expireAfterDays")
            .fail(`${expireAfterDays} is not after archiveAfterDays (${archiveAfterDays}); logs must be archived before they expire`);
    }
    return o;
}

const _observability: Agree<Parsed<typeof OBSERVABILITY.fields>, ObservabilitySettings> = true;
void _observability;

function readTags(c: Cursor): Record<string, string> {
    if (!c.present) return {};
    if (!c.object([...Object.keys((c.value as object) ?? {})])) return {};
    const out: Record<string, string> = {};
    for (const k of Object.keys(c.value as Record<string, unknown>)) {
        if (!/^[\w .:/=+@-]{1,128}$/.test(k) || k.toLowerCase().startsWith("aws:")) {
            c.at(k).fail(`is not a valid tag key; use up to 128 letters, digits, spaces and _ . : / = + - @, not starting with aws:`);
            continue;
        }
        const value = c.at(k).string({ maxLength: 256 });
        if (value !== undefined) out[k] = value;
    }
    return out;
}
