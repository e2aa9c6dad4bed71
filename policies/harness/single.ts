import { CapturedResource, PlanCapture } from "../../contracts/capturedPlan";
import { PackDefinition } from "../lib/pack";
import { OnAirPolicy } from "../lib/policy";
import { evaluatePacks } from "./evaluate";
import { resolvePackConfig } from "./packConfig";

/** A resource as a test (or a fixture) describes it; the rest is filled like the plan does. */
export interface FixtureResource {
    type: string;
    name: string;
    /** Inputs (what resource policies see). */
    props: Record<string, unknown>;
    /** State after create (what stack policies see); defaults to props. */
    outputs?: Record<string, unknown>;
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
export function fixturePlan(resources: FixtureResource[], opts: { preview?: boolean } = {}): PlanCapture {
    const captured: CapturedResource[] = resources.map((r) => ({
        urn: r.urn ?? fixtureUrn(r),
        type: r.type,
        name: r.name,
        custom: r.custom ?? true,
        dependencies: r.dependencies ?? [...new Set(Object.values(r.propertyDependencies ?? {}).flat())],
        propertyDependencies: r.propertyDependencies ?? {},
        inputs: r.props,
        outputs: r.outputs ?? r.props,
        opts: { protect: false, retainOnDelete: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
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
export async function runPolicy(policy: OnAirPolicy, resources: FixtureResource[], config: Record<string, unknown> = {}, opts: { preview?: boolean } = {}): Promise<PolicyResult> {
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
