import { Cursor } from "./cursor";

/**
 * What the validator may know about secret config keys: whether they are set, stored encrypted,
 * and how long the value is. Never the value itself, so no message can leak it.
 */
export interface SecretKeyLookup {
    /** Project namespace used in messages, e.g. `onair`. */
    namespace: string;
    isSet(key: string): boolean;
    isSecret(key: string): boolean;
    length(key: string): number;
}

const KEY_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Reads a field naming a secret config key (e.g. `passphraseKey: venueSrtPassphrase`) and checks that
 * the key is set with `--secret`. Secrets live in their own keys so the season object itself stays
 * plain: a nested `secure:` value would make Pulumi treat the whole season as one secret.
 */
export function secretKeyRef(c: Cursor, secrets: SecretKeyLookup, what: string, lengths: { min: number; max: number }): string | undefined {
    const key = c.string({ pattern: KEY_NAME, patternHint: "the name of a config key holding the secret, e.g. venueSrtPassphrase" });
    if (key === undefined) return undefined;
    const full = `${secrets.namespace}:${key}`;
    const setCmd = `pulumi config set --secret ${key} <${what}>`;
    if (!secrets.isSet(key)) {
        return c.fail(`config key "${full}" is not set; run \`${setCmd}\``);
    }
    if (!secrets.isSecret(key)) {
        return c.fail(`config key "${full}" is stored in plain text; store it encrypted with \`${setCmd}\``);
    }
    const n = secrets.length(key);
    if (n < lengths.min || n > lengths.max) {
        return c.fail(`the ${what} in "${full}" has ${n} characters; use ${lengths.min} to ${lengths.max}`);
    }
    return key;
}
