import { EnforcementLevel, PolicyResource, PolicyResourceOptions, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { unwrapForPolicy } from "../../contracts/propertyDecoding";
import { CapturedResource, PlanCapture, SECRET_PLACEHOLDER } from "../../contracts/capturedPlan";
import { PackDefinition } from "../lib/pack";
import { notApplicableReason, OnAirPolicy, OnAirResourcePolicy, OnAirStackPolicy } from "../lib/policy";
import { isUnknownValueError, unknownCheckingProxy } from "../lib/unknown";
import { EffectivePolicyConfig } from "./packConfig";

export interface Violation {
    pack: string;
    policy: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity?: string;
    urn: string;
    /** Resource name, or the stack when a stack policy names no resource. */
    name: string;
    type: string;
    message: string;
}

export interface NotApplicable {
    pack: string;
    policy: string;
    urn: string;
    reason: string;
}

/**
 * A policy that could not decide on a resource (or the stack) because it read a value unknown
 * during preview. The engine reports these as advisory "can't run policy ... during preview"
 * diagnostics: a violation behind one would first appear during `pulumi up`.
 */
export interface Undecided {
    pack: string;
    policy: string;
    /** The level the policy runs at for this stack (the engine downgrades the diagnostic to advisory). */
    enforcementLevel: EnforcementLevel;
    urn: string;
    name: string;
    type: string;
    /** The SDK's own text, e.g. `string value at .distributionConfig.webAclId can't be known during preview`. */
    message: string;
}

export interface Verdict {
    violations: Violation[];
    notApplicable: NotApplicable[];
    /** Empty unless the plan is a preview (optional so verdicts built by hand stay valid). */
    undecided?: Undecided[];
    /** Policies run per pack, for the report. */
    evaluated: { pack: string; resourcePolicies: number; stackPolicies: number; resources: number }[];
}

export interface PackRun {
    pack: PackDefinition;
    config: Map<string, EffectivePolicyConfig>;
}

class NotApplicableSignal extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

const LEVEL_ORDER: Record<string, number> = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 };

/**
 * Runs packs over a captured plan with the same arguments the Pulumi engine gives them (policy
 * SDK 1.21): resource policies see each resource's inputs, stack policies see every resource's
 * final state with parents, dependencies and providers linked. Secrets are never handed over in
 * plain text: they arrive as "[secret]".
 */
export async function evaluatePacks(plan: PlanCapture, runs: PackRun[], stackTags: ReadonlyMap<string, string> = new Map()): Promise<Verdict> {
    const undecided: Undecided[] = [];
    const verdict: Verdict & { undecided: Undecided[] } = { violations: [], notApplicable: [], undecided, evaluated: [] };
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    // During preview rules read props through the SDK's unknown-checking proxy, as in the engine.
    const wrap = plan.preview ? unknownCheckingProxy : <X extends object>(x: X) => x;
    const stackResources = buildStackResources(plan.resources, wrap);
    // Each resource's inputs are unwrapped for policies once, however many rules read them.
    const unwrapped = new Map<CapturedResource, Record<string, unknown>>();
    const propsOf = (r: CapturedResource) => {
        let props = unwrapped.get(r);
        if (!props) unwrapped.set(r, (props = wrap(policyProps(r.inputs))));
        return props;
    };
    const stackUrn =
        plan.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ??
        `urn:pulumi:${plan.stack}::${plan.project}::pulumi:pulumi:Stack::${plan.project}-${plan.stack}`;

    for (const { pack, config } of runs) {
        let resourcePolicies = 0;
        let stackPolicies = 0;
        for (const policy of pack.policies) {
            const eff = config.get(policy.name) ?? { enforcementLevel: policy.enforcementLevel, config: {} };
            if (eff.enforcementLevel === "disabled") continue;
            const level: EnforcementLevel = eff.enforcementLevel === "remediate" ? "mandatory" : eff.enforcementLevel;
            const violationOf = (r: { urn: string; name: string; type: string }, message: string): Violation => ({
                pack: pack.name,
                policy: policy.name,
                description: policy.description,
                enforcementLevel: level,
                severity: policy.severity,
                urn: r.urn,
                name: r.name,
                type: r.type,
                message,
            });
            if (isResourcePolicy(policy)) {
                resourcePolicies++;
                // Typed OnAir rules skip other types before their code runs, with the reason their
                // own guard would give: a large season has thousands of resources per rule.
                const types = Array.isArray(policy.appliesTo) ? new Set(policy.appliesTo) : undefined;
                const skipped = types ? notApplicableReason(policy.appliesTo) : "";
                for (const r of plan.resources) {
                    if (types && !types.has(r.type)) {
                        verdict.notApplicable.push({ pack: pack.name, policy: policy.name, urn: r.urn, reason: skipped });
                        continue;
                    }
                    const args = resourceArgs(r, byUrn, eff.config, stackTags, propsOf);
                    const report = (message: string) => verdict.violations.push(violationOf(r, message));
                    await runGuarded(() => policy.validateResource(args, report), pack, policy, r, level, verdict);
                }
            } else {
                stackPolicies++;
                const args: StackValidationArgs = {
                    resources: stackResources,
                    stackTags,
                    getConfig: <T extends object>() => eff.config as T,
                    notApplicable: (reason?: string) => {
                        throw new NotApplicableSignal(reason ?? "");
                    },
                };
                const report = (message: string, urn?: string) => {
                    const target = (urn && byUrn.get(urn)) || {
                        urn: urn ?? stackUrn,
                        name: urn ? urn.split("::").pop()! : `${plan.project}-${plan.stack}`,
                        type: "pulumi:pulumi:Stack",
                    };
                    verdict.violations.push(violationOf(target, message));
                };
                const stackTarget = { urn: stackUrn, name: `${plan.project}-${plan.stack}`, type: "pulumi:pulumi:Stack" };
                await runGuarded(() => (policy as OnAirStackPolicy).validateStack(args, report), pack, policy, stackTarget, level, verdict);
            }
        }
        verdict.evaluated.push({ pack: pack.name, resourcePolicies, stackPolicies, resources: plan.resources.length });
    }
    verdict.violations.sort(
        (a, b) =>
            (LEVEL_ORDER[a.enforcementLevel] ?? 9) - (LEVEL_ORDER[b.enforcementLevel] ?? 9) ||
            a.pack.localeCompare(b.pack) ||
            a.policy.localeCompare(b.policy) ||
            a.urn.localeCompare(b.urn),
    );
    return verdict;
}

function isResourcePolicy(
    p: OnAirPolicy,
): p is OnAirResourcePolicy & { validateResource: (args: ResourceValidationArgs, report: (m: string, u?: string) => void) => void } {
    return typeof (p as OnAirResourcePolicy).validateResource === "function";
}

async function runGuarded(
    fn: () => unknown,
    pack: PackDefinition,
    policy: OnAirPolicy,
    target: { urn: string; name: string; type: string },
    level: EnforcementLevel,
    verdict: Verdict,
): Promise<void> {
    const urn = target.urn;
    try {
        await fn();
    } catch (e) {
        if (e instanceof NotApplicableSignal) {
            verdict.notApplicable.push({ pack: pack.name, policy: policy.name, urn, reason: e.reason });
            return;
        }
        if (isUnknownValueError(e)) {
            // Violations reported before the unknown read stand, as in the SDK's analyzer.
            (verdict.undecided ??= []).push({
                pack: pack.name,
                policy: policy.name,
                enforcementLevel: level,
                urn,
                name: target.name,
                type: target.type,
                message: e.message,
            });
            return;
        }
        const err = new Error(`policy ${policy.name} (${pack.name}) failed on ${urn}: ${(e as Error).message}`);
        (err as Error & { cause?: unknown }).cause = e;
        throw err;
    }
}

/**
 * A resource's props for one evaluation: secrets replaced, nested values shared with the plan, and
 * a top-level object of its own, so what rules derive from it (cached per props object) never
 * outlives the evaluation.
 */
function policyProps(v: Record<string, unknown>): Record<string, unknown> {
    return { ...(unwrapForPolicy(v, SECRET_PLACEHOLDER) as Record<string, unknown>) };
}

function options(r: CapturedResource): PolicyResourceOptions {
    const o: PolicyResourceOptions = {
        protect: r.opts.protect,
        ignoreChanges: r.opts.ignoreChanges,
        aliases: r.opts.aliases,
        customTimeouts: r.opts.customTimeouts,
        additionalSecretOutputs: r.opts.additionalSecretOutputs,
    };
    if (r.opts.deleteBeforeReplace !== undefined) o.deleteBeforeReplace = r.opts.deleteBeforeReplace;
    if (r.parent) o.parent = r.parent;
    return o;
}

function typeOf(resourceClass: unknown): string | undefined {
    return (resourceClass as { __pulumiType?: string } | undefined)?.__pulumiType;
}

function resourceArgs(
    r: CapturedResource,
    byUrn: Map<string, CapturedResource>,
    config: Record<string, unknown>,
    stackTags: ReadonlyMap<string, string>,
    propsOf: (r: CapturedResource) => Record<string, unknown>,
): ResourceValidationArgs {
    const props = propsOf(r);
    const args: ResourceValidationArgs = {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: options(r),
        stackTags,
        isType: (cls) => typeOf(cls) === r.type,
        asType: ((cls: unknown) => (typeOf(cls) === r.type ? props : undefined)) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicableSignal(reason ?? "");
        },
    };
    const p = r.provider ? byUrn.get(r.provider) : undefined;
    if (p) args.provider = { type: p.type, props: propsOf(p), urn: p.urn, name: p.name };
    return args;
}

function buildStackResources(resources: CapturedResource[], wrap: <X extends object>(x: X) => X): PolicyResource[] {
    const out = new Map<string, PolicyResource>();
    for (const r of resources) {
        // Stack rules read the props of a few types; each resource's are unwrapped when first read.
        let props: Record<string, unknown> | undefined;
        const propsOf = () => (props ??= wrap(policyProps(r.outputs)));
        const pr = {
            type: r.type,
            urn: r.urn,
            name: r.name,
            opts: options(r),
            dependencies: [] as PolicyResource[],
            propertyDependencies: {} as Record<string, PolicyResource[]>,
            isType: (cls: unknown) => typeOf(cls) === r.type,
            asType: (cls: unknown) => (typeOf(cls) === r.type ? propsOf() : undefined),
        } as unknown as PolicyResource;
        Object.defineProperty(pr, "props", { get: propsOf, enumerable: true });
        out.set(r.urn, pr);
    }
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
        const pr = out.get(r.urn)! as { -readonly [K in keyof PolicyResource]: PolicyResource[K] };
        if (r.parent && out.has(r.parent)) pr.parent = out.get(r.parent)!;
        pr.dependencies = r.dependencies.map((u) => out.get(u)).filter((x): x is PolicyResource => x !== undefined);
        for (const [k, urns] of Object.entries(r.propertyDependencies)) {
            pr.propertyDependencies[k] = urns.map((u) => out.get(u)).filter((x): x is PolicyResource => x !== undefined);
        }
        const p = r.provider ? byUrn.get(r.provider) : undefined;
        if (p) pr.provider = { type: p.type, props: wrap(policyProps(p.inputs)), urn: p.urn, name: p.name };
    }
    return [...out.values()];
}
