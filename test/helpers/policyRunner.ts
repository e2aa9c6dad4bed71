import { CapturedResource, PlanCapture } from "../../contracts/capturedPlan";
import { evaluatePacks } from "../../policies/harness/evaluate";
import { resolvePackConfig } from "../../policies/harness/packConfig";
import { PackDefinition } from "../../policies/lib/pack";
import { OnAirPolicy } from "../../policies/lib/policy";

// Runs single policies over fixture resources or a captured plan, through the harness the plan
// uses (policies/harness/evaluate). Only tests use it.

/**
 * A resource as a test (or a fixture) describes it; the rest is filled like the plan does. `P` is
 * the shape of its inputs (test/policies/fixtures types them from the provider SDK's args).
 */
export interface FixtureResource<P extends object = Record<string, unknown>> {
    type: string;
    name: string;
    /** Inputs (what resource policies see). */
    props: P;
    /** State after create (what stack policies see); defaults to props. */
    outputs?: object;
    parent?: string;
    provider?: string;
    region?: string;
    dependencies?: string[];
    /** Per input property, the URNs of the resources it was computed from. */
    propertyDependencies?: Record<string, string[]>;
    custom?: boolean;
    urn?: string;
}

export function fixtureUrn(r: Pick<FixtureResource, "type" | "name">): string {
    return `urn:pulumi:test::onair::${r.type}::${r.name}`;
}

/**
 * A plan of fixture resources. With `preview`, it is judged as a first preview is: values given
 * as UnknownValue (contracts/capturedPlan.ts) reach the rules as the policy SDK's unknowns.
 */
export function fixturePlan(resources: readonly FixtureResource<object>[], opts: { preview?: boolean } = {}): PlanCapture {
    const captured: CapturedResource[] = resources.map((r) => ({
        urn: r.urn ?? fixtureUrn(r),
        type: r.type,
        name: r.name,
        custom: r.custom ?? true,
        dependencies: r.dependencies ?? [...new Set(Object.values(r.propertyDependencies ?? {}).flat())],
        propertyDependencies: r.propertyDependencies ?? {},
        // The plan holds props as untyped records, as the engine hands them to rules.
        inputs: r.props as Record<string, unknown>,
        outputs: (r.outputs ?? r.props) as Record<string, unknown>,
        opts: {
            protect: false,
            retainOnDelete: false,
            ignoreChanges: [],
            aliases: [],
            additionalSecretOutputs: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        },
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
        ...(r.region ? { region: r.region } : {}),
    }));
    return { project: "onair", stack: "test", resources: captured, outputs: {}, ...(opts.preview ? { preview: true } : {}) };
}

export interface PolicyResult {
    /** Violation messages, in report order. */
    violations: string[];
    /** URNs the violations name. */
    urns: string[];
    /** Reasons given when the policy declared itself not applicable. */
    notApplicable: string[];
    /** What the policy could not decide during preview (the SDK's messages). */
    undecided: string[];
}

/**
 * Runs one policy over fixture resources through the same harness the plan uses (argument
 * building, config resolution with schema defaults, not-applicable handling).
 */
export async function runPolicy(
    policy: OnAirPolicy,
    resources: readonly FixtureResource<object>[],
    config: Record<string, unknown> = {},
    opts: { preview?: boolean } = {},
): Promise<PolicyResult> {
    return runPolicyOnPlan(policy, fixturePlan(resources, opts), config);
}

/** Runs one policy over a whole captured plan (stack policies, or resource policies over every resource). */
export async function runPolicyOnPlan(policy: OnAirPolicy, plan: PlanCapture, config: Record<string, unknown> = {}): Promise<PolicyResult> {
    const pack: PackDefinition = { name: "test-pack", dir: "test", description: "test", enforcementLevel: "advisory", policies: [policy] };
    const resolved = resolvePackConfig(pack, { [policy.name]: { enforcementLevel: "mandatory", ...config } }, "test config");
    const verdict = await evaluatePacks(plan, [{ pack, config: resolved }]);
    return {
        violations: verdict.violations.map((v) => v.message),
        urns: verdict.violations.map((v) => v.urn),
        notApplicable: verdict.notApplicable.map((n) => n.reason),
        undecided: (verdict.undecided ?? []).map((u) => u.message),
    };
}
