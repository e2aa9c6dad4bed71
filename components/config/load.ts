import * as pulumi from "@pulumi/pulumi";
import { IS_CONFIG_SECRET } from "../../contracts/sdkInternals";
import { ConfigError } from "./errors";
import { SEASON_KEY, validateSeason } from "./season";
import { SecretKeyLookup } from "./secrets";
import { expandStackToken } from "./stackToken";
import { SeasonConfig } from "./types";

export function stackSecretLookup(config: pulumi.Config): SecretKeyLookup {
    const full = (key: string) => `${config.name}:${key}`;
    return {
        namespace: config.name,
        isSet: (key) => config.get(key) !== undefined,
        // isConfigSecret is exported by the SDK's runtime but not declared in its typings (one adapter,
        // ADR 003); it reads PULUMI_CONFIG_SECRET_KEYS, which the CLI and the offline plan fill.
        isSecret: (key) => IS_CONFIG_SECRET.get()?.(full(key)) ?? false,
        // Only the length leaves this function; the value is never returned or logged.
        length: (key) => config.get(key)?.length ?? 0,
        keys: () =>
            Object.keys(pulumi.runtime.allConfig())
                .filter((k) => k.startsWith(`${config.name}:`))
                .map((k) => k.slice(config.name.length + 1)),
    };
}

/**
 * Reads and validates `onair:season` from the stack config. Runs before any resource is created, so
 * a bad stack file fails the update with nothing half-built.
 */
export function loadSeason(config = new pulumi.Config("onair")): SeasonConfig {
    const secrets = stackSecretLookup(config);
    const path = `${config.name}:${SEASON_KEY}`;
    if (secrets.isSecret(SEASON_KEY)) {
        throw new ConfigError([
            {
                path,
                message:
                    "holds a secure value, which makes Pulumi treat the whole season as one secret; move each secret to its own key (pulumi config set --secret <key> <value>) and name that key in the season",
            },
        ]);
    }
    let raw: unknown;
    try {
        raw = config.getObject<unknown>(SEASON_KEY);
    } catch {
        throw new ConfigError([{ path, message: "is not valid YAML/JSON; it must be an object with name, regions, channels, delivery and security" }]);
    }
    if (raw === undefined) {
        throw new ConfigError([{ path, message: "is not set; add an onair:season object to Pulumi.<stack>.yaml (see README, Configuration reference)" }]);
    }
    return validateSeason(expandStackToken(raw, pulumi.getStack()), secrets);
}
