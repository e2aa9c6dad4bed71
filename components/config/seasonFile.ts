import { ConfigError } from "./errors";
import { SEASON_KEY, validateSeason } from "./season";
import { SecretKeyLookup } from "./secrets";
import { expandStackToken } from "./stackToken";
import { SeasonConfig } from "./types";
import { readStackConfig, StackConfig } from "./stackConfig";

/** What the validator may know of a stack file's secrets: set, encrypted, and the stand-in's length. */
export function stackFileSecretLookup(stack: StackConfig): SecretKeyLookup {
    const full = (key: string) => `${stack.project}:${key}`;
    return {
        namespace: stack.project,
        isSet: (key) => full(key) in stack.config,
        isSecret: (key) => stack.secretKeys.includes(full(key)),
        length: (key) => stack.config[full(key)]?.length ?? 0,
        keys: () =>
            Object.keys(stack.config)
                .filter((k) => k.startsWith(`${stack.project}:`))
                .map((k) => k.slice(stack.project.length + 1)),
    };
}

/**
 * The validated season of a media stack, read from its `Pulumi.<stack>.yaml` without running the
 * program: tools that act around the season (automation schedules, the deploy freeze) see exactly
 * the windows `pulumi up` would schedule.
 */
export function readSeasonFile(projectDir: string, stackName: string): SeasonConfig {
    const season = seasonOfStack(readStackConfig(projectDir, stackName));
    if (!season.found) throw new ConfigError([{ path: season.key, message: `is not set in ${season.source}` }]);
    return season.season;
}

/** The validated season of a stack config already read (e.g. with --config), or that it has none. */
export function seasonOfStack(stack: StackConfig): { found: true; season: SeasonConfig } | { found: false; key: string; source: string } {
    const key = `${stack.project}:${SEASON_KEY}`;
    if (stack.config[key] === undefined) return { found: false, key, source: stack.source };
    return { found: true, season: parseSeason(stack, key) };
}

function parseSeason(stack: StackConfig, key: string): SeasonConfig {
    const raw = stack.config[key]!;
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        throw new ConfigError([{ path: key, message: `in ${stack.source} is not an object` }]);
    }
    return validateSeason(expandStackToken(parsed, stack.stack), stackFileSecretLookup(stack));
}
