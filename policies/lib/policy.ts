import {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

/** Metadata every OnAir policy carries; `docs/policies.md` is generated from it. */
export interface PolicyMeta {
    /** `onair-<service>-<resource>-<verb>-<thing>` */
    name: string;
    /** One full sentence: what the rule checks. */
    description: string;
    /** Why a live event needs it. */
    rationale: string;
    severity: Severity;
    enforcementLevel: EnforcementLevel;
    /** The AWS documentation behind the rule. */
    url: string;
    remediationSteps: string;
    configSchema?: PolicyConfigSchema;
}

export type OnAirResourcePolicy = ResourceValidationPolicy & PolicyMeta & { appliesTo: readonly string[] };
export type OnAirStackPolicy = StackValidationPolicy & PolicyMeta;
export type OnAirPolicy = OnAirResourcePolicy | OnAirStackPolicy;

/** Why a typed resource policy skipped a resource of another type (shown by the engine). */
export function notApplicableReason(appliesTo: readonly string[]): string {
    return `applies to ${appliesTo.join(", ")}`;
}

/**
 * The policy's settings with its schema's defaults under them. The engine normally sends every
 * setting, defaults included; a configuration that names only a level (or none) must not leave a
 * threshold undefined, which would silently pass every comparison.
 */
function withDefaults<C extends object>(schema: PolicyConfigSchema | undefined, given: C): C {
    const defaults: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(schema?.properties ?? {})) if (s && typeof s === "object" && s.default !== undefined) defaults[k] = s.default;
    return { ...defaults, ...given } as C;
}

/**
 * A resource policy limited to the given types: any other type is reported not applicable through
 * the framework's own `notApplicable`, so the engine shows why the rule was skipped.
 */
export function resourcePolicy<C extends object = Record<string, never>>(
    meta: PolicyMeta & { appliesTo: readonly string[] },
    validate: (props: Record<string, unknown>, args: ResourceValidationArgs, report: ReportViolation, config: C) => void,
): OnAirResourcePolicy {
    return {
        ...meta,
        validateResource: (args, report) => {
            if (!meta.appliesTo.includes(args.type)) {
                args.notApplicable(notApplicableReason(meta.appliesTo));
            }
            validate(args.props, args, report, withDefaults(meta.configSchema, args.getConfig<C>()));
        },
    };
}

export function stackPolicy<C extends object = Record<string, never>>(
    meta: PolicyMeta,
    validate: (args: StackValidationArgs, report: ReportViolation, config: C) => void,
): OnAirStackPolicy {
    return { ...meta, validateStack: (args, report) => validate(args, report, withDefaults(meta.configSchema, args.getConfig<C>())) };
}
