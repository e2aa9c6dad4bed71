import { compareText } from "../order";
import { CapturedResource, isProviderType, PlanCapture } from "../../contracts/capturedPlan";
import { CfnSpec } from "../spec/cfnSpec";
import { PropertyChange } from "./compare";
import { classifyDynamic, dynamicProviders } from "./dynamic";
import { Classification, classifyClassic, classifyNative, classifyProvider, Operation } from "./replacement";
import { DeployedResource, DeployedState } from "./stateExport";

/** One resource the update touches. */
export interface ResourceChange {
    urn: string;
    type: string;
    name: string;
    region?: string;
    op: Exclude<Operation, "same">;
    properties: PropertyChange[];
    replaceReasons: string[];
    rule: string;
    /**
     * The deployed resource is protected (prod's `onair:protect`): the engine refuses to replace or
     * delete it, so the update fails on it until it is unprotected (ADR 011).
     */
    protected?: boolean;
    /** The deployed resource (absent for a create). */
    before?: DeployedResource;
    /** The planned resource (absent for a delete). */
    after?: CapturedResource;
}

/** A deployed resource the program now registers under a new URN, with an alias naming the old one. */
export interface MovedResource {
    from: string;
    to: string;
}

export interface ChangeSet {
    /** Where the deployed state came from. */
    source: string;
    changes: ResourceChange[];
    /**
     * Resources found under an alias (ADR 032): the engine moves them in the state, the cloud sees
     * nothing. Listed so a reviewer sees the move; a moved resource whose settings changed is also
     * in `changes`.
     */
    moved: MovedResource[];
    /** Planned custom resources the update leaves as they are. */
    unchanged: number;
}

export interface ChangeContext {
    /** The CloudFormation specification (loaded only when the plan has aws-native resources). */
    spec?: CfnSpec;
    /** `--as-of`, or now: the schedule provider's diff reads the clock. */
    nowMs: number;
}

/** Operations whose new resource has new provider-computed outputs (ids, ARNs, addresses). */
const FRESH: ReadonlySet<Operation> = new Set(["create", "replace"]);

/**
 * Each planned custom resource against its deployed state, in registration order (dependencies
 * first), then each deployed resource the plan no longer has. A property that takes an output of
 * a resource being created or replaced is unknown until then, as in `pulumi preview`: it counts as
 * changed, and replaces its resource when it is a replacing property.
 */
export async function computeChanges(plan: PlanCapture, state: DeployedState, ctx: ChangeContext): Promise<ChangeSet> {
    const dynamic = dynamicProviders(ctx.nowMs);
    const fresh = new Set<string>();
    const changes: ResourceChange[] = [];
    const moved: MovedResource[] = [];
    let unchanged = 0;
    for (const r of plan.resources) {
        if (!r.custom) continue;
        // A moved resource (ADR 032) is its deployed self under the URN an alias names.
        const before = state.resources.get(r.urn) ?? r.opts.aliases.map((a) => state.resources.get(a)).find((d) => d !== undefined);
        if (before && before.urn !== r.urn && before.type === r.type) moved.push({ from: before.urn, to: r.urn });
        const base = { urn: r.urn, type: r.type, name: r.name, ...(r.region ? { region: r.region } : {}), after: r };
        if (!before || before.type !== r.type) {
            fresh.add(r.urn);
            changes.push({
                ...base,
                op: "create",
                properties: [],
                replaceReasons: [],
                rule: before ? `the type changed from ${before.type}` : "not in the deployed state",
            });
            continue;
        }
        const pending = new Set(
            Object.entries(r.propertyDependencies)
                .filter(([, urns]) => urns.some((u) => fresh.has(u)))
                .map(([p]) => p),
        );
        const c = await classify(r, before, pending, ctx, dynamic);
        if (c.op === "same") {
            unchanged++;
            continue;
        }
        if (FRESH.has(c.op)) fresh.add(r.urn);
        const blocked = (c.op === "replace" || c.op === "may-replace") && before.protect;
        changes.push({
            ...base,
            op: c.op,
            properties: c.properties,
            replaceReasons: c.replaceReasons,
            rule: c.rule,
            ...(blocked ? { protected: true } : {}),
            before,
        });
    }
    const planned = new Set(plan.resources.flatMap((r) => [r.urn, ...r.opts.aliases]));
    for (const d of [...state.resources.values()].sort((a, b) => compareText(a.urn, b.urn))) {
        if (!d.custom || planned.has(d.urn) || d.type === "pulumi:pulumi:Stack") continue;
        changes.push({
            urn: d.urn,
            type: d.type,
            name: d.urn.slice(d.urn.lastIndexOf("::") + 2),
            op: "delete",
            properties: [],
            replaceReasons: [],
            rule: "no longer in the program",
            ...(d.protect ? { protected: true } : {}),
            before: d,
        });
    }
    return { source: state.source, changes, moved, unchanged };
}

async function classify(
    r: CapturedResource,
    before: DeployedResource,
    pending: Set<string>,
    ctx: ChangeContext,
    dynamic: ReturnType<typeof dynamicProviders>,
): Promise<Classification> {
    if (isProviderType(r.type)) return classifyProvider(before.inputs, r.inputs);
    const provider = dynamic[r.type];
    if (provider) return classifyDynamic(provider, before.id ?? "", before.outputs, r.inputs, pending);
    if (r.type.startsWith("aws-native:")) {
        if (!ctx.spec) throw new Error("the CloudFormation specification is needed to judge aws-native changes");
        return classifyNative(ctx.spec, r.type, before.inputs, r.inputs, pending);
    }
    if (r.type.startsWith("aws:")) return classifyClassic(r.type, before.inputs, r.inputs, pending);
    const c = classifyClassic(r.type, before.inputs, r.inputs, pending);
    return { ...c, rule: `no replacement data for provider ${r.type.split(":")[0]}` };
}
