import { Cursor, isPlainObject } from "./cursor";
import { ConfigIssue } from "./errors";
import { nearest } from "./nearest";
import { secretFields } from "./schema/read";
import { SEASON } from "./schema/season";

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
    /** Every key set in the namespace, without it (`season`, `tokenSigningKey`): names, never values. */
    keys?(): string[];
}

const KEY_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Season fields that name a secret config key: the keys the schema marks `secret`. */
export const SECRET_REF_FIELDS: readonly string[] = secretFields(SEASON.fields);

/**
 * Reads a field naming a secret config key (e.g. `passphraseKey: venueSrtPassphrase`) and checks that
 * the key is set with `--secret`. Secrets live in their own keys so the season object itself stays
 * plain: a nested `secure:` value would make Pulumi treat the whole season as one secret.
 *
 * The value is never repeated in a message until it is known to name a key that is set: what was
 * written here may be the secret itself, pasted where its key's name goes.
 */
export function secretKeyRef(c: Cursor, secrets: SecretKeyLookup, what: string, lengths: { min: number; max: number }): string | undefined {
    const hint = `the name of a config key holding the ${what}, e.g. venueSrtPassphrase`;
    if (!c.present) return c.string({ patternHint: hint });
    const key = c.value;
    if (typeof key !== "string" || !KEY_NAME.test(key)) {
        return c.fail(
            `is not a valid key name (the value is not repeated here, in case it is the ${what} itself); set ${hint}: a letter, then up to 63 letters, digits, - or _. Store the ${what} under that key with \`pulumi config set --secret <key> <${what}>\``,
        );
    }
    secrets.named?.({ key, what, minLength: lengths.min, maxLength: lengths.max, path: c.path });
    const full = `${secrets.namespace}:${key}`;
    if (!secrets.isSet(key)) {
        const set =
            secrets
                .keys?.()
                .filter((k) => secrets.isSecret(k))
                .sort() ?? [];
        return c.fail(
            `names a config key that is not set in this stack (the name is not repeated here, in case it is the ${what} itself)${set.length > 0 ? `; secret keys set here: ${set.join(", ")}` : ""}; run \`pulumi config set --secret <key> <${what}>\` and name <key> here, or add it to the stack's ESC environment with \`esc env set <org>/<project>/<environment> pulumiConfig.${secrets.namespace}:<key> '<${what}>' --secret --string\``,
        );
    }
    const setCmd = `pulumi config set --secret ${key} <${what}>`;
    if (!secrets.isSecret(key)) {
        return c.fail(`config key "${full}" is stored in plain text; store it encrypted with \`${setCmd}\``);
    }
    const n = secrets.length(key);
    if (n < lengths.min || n > lengths.max) {
        return c.fail(`the ${what} in "${full}" has ${n} characters; use ${lengths.min} to ${lengths.max}`);
    }
    return key;
}

/** Key names the season refers to in its secret fields, wherever they are. */
export function referencedKeys(raw: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(raw)) raw.forEach((e) => referencedKeys(e, out));
    else if (isPlainObject(raw)) {
        for (const [k, v] of Object.entries(raw)) {
            if (SECRET_REF_FIELDS.includes(k) && typeof v === "string") out.add(v);
            else referencedKeys(v, out);
        }
    }
    return out;
}

/**
 * Plain keys in the namespace that OnAir never reads: a typo such as `onair:sesaon` would otherwise
 * be ignored while the stack runs on whatever else it has. Secret keys the season does not name yet
 * are allowed (a signing key staged for rotation); their names are still checked where named.
 */
export function unknownKeys(secrets: SecretKeyLookup, seasonKey: string, raw: unknown, otherKeys: readonly string[] = []): ConfigIssue[] {
    const keys = secrets.keys?.();
    if (!keys) return [];
    const known = new Set([seasonKey, ...otherKeys, ...referencedKeys(raw)]);
    return keys
        .filter((k) => !known.has(k) && !secrets.isSecret(k))
        .sort()
        .map((k) => {
            const near = nearest(k, known);
            return {
                path: `${secrets.namespace}:${k}`,
                message: `is not a key OnAir reads (only ${[seasonKey, ...otherKeys].map((k) => `${secrets.namespace}:${k}`).join(", ")} and the secret keys the season names)${near ? `; did you mean ${secrets.namespace}:${near}?` : ""}; remove it or correct its name`,
            };
        });
}
