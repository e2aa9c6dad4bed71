import * as assert from "assert";
import { PlanCapture } from "../../contracts/capturedPlan";
import { notApplicableReason, OnAirPolicy, OnAirResourcePolicy } from "../../policies/lib/policy";
import { unrelated } from "../policies/fixtures/fixture";
import { FixtureResource, PolicyResult, runPolicy, runPolicyOnPlan } from "./policyRunner";

type Resources = readonly FixtureResource<object>[];
type Config = Record<string, unknown>;

/** Runs the rule and asserts it reports nothing (and, at preview, decides); returns the result. */
export async function assertPasses(policy: OnAirPolicy, resources: Resources, config: Config = {}, opts: { preview?: boolean } = {}): Promise<PolicyResult> {
    const r = await runPolicy(policy, resources, config, opts);
    assert.deepStrictEqual(r.violations, [], `${policy.name} should pass`);
    if (opts.preview) assert.deepStrictEqual(r.undecided, [], `${policy.name} should decide at preview`);
    return r;
}

/** The rule's violation messages over the resources. */
export async function violations(policy: OnAirPolicy, resources: Resources, config: Config = {}, opts: { preview?: boolean } = {}): Promise<string[]> {
    return (await runPolicy(policy, resources, config, opts)).violations;
}

/** Asserts exactly one violation matching `message`. */
export async function assertOneViolation(policy: OnAirPolicy, resources: Resources, message: RegExp | string, config: Config = {}): Promise<void> {
    const v = await violations(policy, resources, config);
    assert.strictEqual(v.length, 1, v.join("\n") || "no violation");
    if (typeof message === "string") assert.strictEqual(v[0], message);
    else assert.match(v[0]!, message);
}

/** Runs a stack rule over a plan and asserts it reports nothing. */
export async function assertPlanPasses(policy: OnAirPolicy, plan: PlanCapture, config: Config = {}): Promise<void> {
    assert.deepStrictEqual((await runPolicyOnPlan(policy, plan, config)).violations, [], `${policy.name} should pass`);
}

/**
 * A typed resource rule skips a resource of any other type, with the reason the engine shows
 * (`applies to <types>`), and reports nothing on it.
 */
export async function assertNotApplicableToOtherTypes(policy: OnAirResourcePolicy): Promise<void> {
    const r = await runPolicy(policy, [unrelated()]);
    assert.deepStrictEqual(r.violations, []);
    assert.deepStrictEqual(r.notApplicable, [notApplicableReason(policy.appliesTo)]);
}
