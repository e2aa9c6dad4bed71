/** The captured plan: what the program would register, as the policy harness and reports see it. */

export const SECRET_PLACEHOLDER = "[secret]";

/** A secret value inside captured inputs or outputs. Printing it never shows the value. */
export class SecretValue {
    constructor(readonly value: unknown) {}
    toJSON(): string {
        return SECRET_PLACEHOLDER;
    }
    toString(): string {
        return SECRET_PLACEHOLDER;
    }
}

/** How an unknown value prints. */
export const UNKNOWN = "[unknown]";

/**
 * A value that is not known yet (computed by a provider during preview), as the engine marks it
 * on the wire (`unknownValue` of the SDK's rpc module). One shared instance; prints as "[unknown]".
 */
export class UnknownValue {
    static readonly instance = new UnknownValue();
    private constructor() {}
    toJSON(): string {
        return UNKNOWN;
    }
    toString(): string {
        return UNKNOWN;
    }
}

export function isUnknown(v: unknown): v is UnknownValue {
    return v === UnknownValue.instance;
}

export interface CapturedOptions {
    protect: boolean;
    /** Left in the cloud when the stack is destroyed. */
    retainOnDelete: boolean;
    ignoreChanges: string[];
    /** URNs the resource was known by before (its aliases, resolved as the engine does). */
    aliases: string[];
    additionalSecretOutputs: string[];
    deleteBeforeReplace?: boolean;
    customTimeouts: { createSeconds: number; updateSeconds: number; deleteSeconds: number };
}

export interface CapturedResource {
    urn: string;
    type: string;
    name: string;
    /** Custom (provider-managed) or component. Providers are custom resources of type `pulumi:providers:*`. */
    custom: boolean;
    id?: string;
    parent?: string;
    /** URN of the provider resource (explicit or default), if any. */
    provider?: string;
    /** AWS region the resource lands in: its own `region` input, else its provider's. */
    region?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** Inputs as registered; secrets are SecretValue. */
    inputs: Record<string, unknown>;
    /** State after the (mock) create: inputs plus provider-computed outputs. */
    outputs: Record<string, unknown>;
    opts: CapturedOptions;
}

export interface PlanCapture {
    project: string;
    stack: string;
    resources: CapturedResource[];
    /** Stack outputs; secrets are SecretValue. */
    outputs: Record<string, unknown>;
    /** Planned as a first preview: computed values are UnknownValue. */
    preview?: boolean;
}

export function isProviderType(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

/** Replaces every SecretValue by the placeholder: the only form that may be printed or written. */
export function redact(value: unknown): unknown {
    if (value instanceof SecretValue) return SECRET_PLACEHOLDER;
    if (isUnknown(value)) return UNKNOWN;
    if (Array.isArray(value)) return value.map(redact);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
    }
    return value;
}

/** True when any SecretValue sits anywhere inside the value. */
export function containsSecret(value: unknown): boolean {
    if (value instanceof SecretValue) return true;
    if (Array.isArray(value)) return value.some(containsSecret);
    if (typeof value === "object" && value !== null) return Object.values(value).some(containsSecret);
    return false;
}
