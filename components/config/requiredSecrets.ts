import { SEASON_KEY, validateSeason } from "./season";
import { SecretUse } from "./secrets";
import { expandStackToken } from "./stackToken";

/**
 * Which secrets a real `pulumi preview` or `pulumi up` of a stack needs, and where each comes from.
 * Offline nothing can be decrypted: the plan runs with opaque stand-ins marked secret, and says
 * what a real stack must provide. No function here ever sees a secret value.
 */

export type SecretSource =
    /** `secure:` in the stack file, encrypted with the stack's own secrets provider. */
    | { from: "stack-file"; file: string }
    /** Not in the stack file: a `pulumiConfig` value of the ESC environments it imports (the last one wins). */
    | { from: "environment"; environments: string[] }
    /** In the stack file in plain text: the validator refuses it. */
    | { from: "plain-text"; file: string }
    /** Nowhere: the validator (or the CLI, for a key Pulumi.yaml declares) refuses the stack. */
    | { from: "missing" };

export interface RequiredSecret {
    /** Fully qualified config key, e.g. `onair:tokenSigningKey`. */
    key: string;
    /** What the value is and the lengths it must have, from each place that names the key. */
    uses: SecretUse[];
    /** Pulumi.yaml declares the key `secret: true`. */
    declared: boolean;
    source: SecretSource;
}

/**
 * The secret keys a season names, found by running the season's own validator with a lookup that
 * answers "set, encrypted" and records every key it is asked about: the validator stays the one
 * place that knows which fields name secrets. A season that does not validate yields what was
 * recorded; the real run reports its errors.
 */
export function secretsNamedBySeason(namespace: string, config: Record<string, string>, stack: string): SecretUse[] {
    const raw = config[`${namespace}:${SEASON_KEY}`];
    if (raw === undefined) return [];
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        return [];
    }
    const uses: SecretUse[] = [];
    try {
        validateSeason(expandStackToken(parsed, stack), {
            namespace,
            isSet: () => true,
            isSecret: () => true,
            length: (key) => uses.find((u) => u.key === key)?.minLength ?? 0,
            named: (use) => uses.push(use),
        });
    } catch {
        // Reported by the real validation, with the stack's actual values.
    }
    return uses;
}

/**
 * An offline stand-in for a secret an ESC environment provides: derived from the environments and
 * the key only, with a length every use of the key accepts, so the validator checks everything
 * but the real value's length.
 */
export function environmentPlaceholder(environments: string[], key: string, uses: SecretUse[], opaque: (seed: string) => string): string {
    const min = Math.max(0, ...uses.map((u) => u.minLength));
    const max = Math.min(Number.MAX_SAFE_INTEGER, ...uses.map((u) => u.maxLength));
    let value = opaque(`esc:${environments.join(",")}:${key}`);
    const length = Math.max(min, Math.min(max, value.length));
    while (value.length < length) value += value;
    return value.slice(0, length);
}

/** One paragraph per secret: name, what it holds, who names it, where it comes from. Never a value. */
export function renderRequiredSecrets(stack: string, secrets: RequiredSecret[]): string[] {
    if (secrets.length === 0) return [];
    const lines = [
        `Secrets a real preview or update of ${stack} needs (${secrets.length}; values are never shown, offline each is an opaque secret stand-in):`,
    ];
    for (const s of secrets) {
        const what = [...new Set(s.uses.map((u) => `${u.what}, ${u.minLength}-${u.maxLength} characters`))];
        const namedBy = s.uses.map((u) => u.path);
        const about = [...what, ...(namedBy.length > 0 ? [`named by ${namedBy.join(", ")}`] : []), ...(s.declared ? ["declared secret in Pulumi.yaml"] : [])];
        lines.push(`  ${s.key} (${about.join("; ")})`);
        lines.push(`    ${sourceText(s)}`);
    }
    return lines;
}

function sourceText(s: RequiredSecret): string {
    const src = s.source;
    const placeholder = `'<${s.uses[0]?.what ?? "value"}>'`;
    switch (src.from) {
        case "environment": {
            const env = src.environments[src.environments.length - 1]!;
            const which = src.environments.length === 1 ? `ESC environment ${env}` : `ESC environments ${src.environments.join(", ")} (the last one wins)`;
            return `from ${which}: esc env set <org>/${env} pulumiConfig.${s.key} ${placeholder} --secret --string`;
        }
        case "stack-file":
            return `from ${src.file} (secure:, encrypted with this stack's secrets provider)`;
        case "plain-text":
            return `IN PLAIN TEXT in ${src.file}: move it to the stack's ESC environment (esc env set ... --secret) and delete it from the file`;
        case "missing":
            return "NOT PROVIDED: the stack file neither imports an ESC environment nor holds it as secure:";
    }
}
