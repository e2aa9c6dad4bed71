import { ConfigError } from "../components/config/errors";
import { SEASON_KEY, validateSeason } from "../components/config/season";
import { SecretKeyLookup } from "../components/config/secrets";
import { expandStackToken } from "../components/config/stackToken";
import { SeasonConfig } from "../components/config/types";
import { readStackConfig, StackConfig } from "./stackConfig";

/** What the validator may know of a stack file's secrets: set, encrypted, and the stand-in's length. */
export function stackFileSecretLookup(stack: StackConfig): SecretKeyLookup {
    const full = (key: string) => `${stack.project}:${key}`;
    return {
        namespace: stack.project,
        isSet: (key) => full(key) in stack.config,
        isSecret: (key) => stack.secretKeys.includes(full(key)),
        length: (key) => stack.config[full(key)]?.length ?? 0,
        keys: () => Object.keys(stack.config).filter((k) => k.startsWith(`${stack.project}:`)).map((k) => k.slice(stack.project.length + 1)),
    };
}

/**
 * The validated season of a media stack, read from its `Pulumi.<stack>.yaml` without running the
 * program: tools that act around the season (automation schedules, the deploy freeze) see exactly
 * the windows `pulumi up` would schedule.
 */
export function readSeasonFile(projectDir: string, stackName: string): SeasonConfig {
    const stack = readStackConfig(projectDir, stackName);
    const key = `${stack.project}:${SEASON_KEY}`;
    const raw = stack.config[key];
    if (raw === undefined) throw new ConfigError([{ path: key, message: `is not set in ${stack.source}` }]);
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        throw new ConfigError([{ path: key, message: `in ${stack.source} is not an object` }]);
    }
    return validateSeason(expandStackToken(parsed, stackName), stackFileSecretLookup(stack));
}
