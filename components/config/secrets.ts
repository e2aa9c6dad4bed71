import { Cursor } from "./cursor";

/** A secret config key the season names, with what it holds and where it is named. */
export interface SecretUse {
    /** The key as the season names it, e.g. `footballSrtPassphrase`. */
    key: string;
    /** What the value is, e.g. "passphrase", "signing key". */
    what: string;
    minLength: number;
    maxLength: number;
    /** The field naming it, e.g. `onair:season.channels[0].contribution.srt.passphraseKey`. */
    path: string;
}

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
    /** Told of every secret key the season names (the offline plan lists what a real stack must provide). */
    named?(use: SecretUse): void;
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
    secrets.named?.({ key, what, minLength: lengths.min, maxLength: lengths.max, path: c.path });
    const full = `${secrets.namespace}:${key}`;
    const setCmd = `pulumi config set --secret ${key} <${what}>`;
    // The stack files import an ESC environment per stack (README, "Deploy for real").
    const escCmd = `esc env set <org>/<project>/<environment> pulumiConfig.${full} '<${what}>' --secret --string`;
    if (!secrets.isSet(key)) {
        return c.fail(`config key "${full}" is not set; run \`${setCmd}\`, or add it to the stack's ESC environment with \`${escCmd}\``);
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
