import { compareText } from "../order";
import { CapturedResource, PlanCapture } from "../../contracts/capturedPlan";
import { CfnSpec, loadCfnSpec } from "../spec/cfnSpec";
import { SchemaIssue, validateInputs } from "./validate";

export interface SchemaViolation extends SchemaIssue {
    urn: string;
    name: string;
    type: string;
    /** The CloudFormation type the inputs were checked against. */
    cfnType: string;
}

export interface SchemaReport {
    /** Where the schemas come from, for the report (package and version), or undefined when nothing was checked. */
    source?: string;
    /** aws-native resources checked, and of how many types. */
    resources: number;
    types: number;
    /** aws-native types the specification does not know (a newer provider than the data): listed, not judged. */
    unknownTypes: string[];
    violations: SchemaViolation[];
}

function isNative(r: CapturedResource): boolean {
    return r.custom && r.type.startsWith("aws-native:");
}

/**
 * Every aws-native resource's inputs against its CloudFormation resource schema. The specification
 * is loaded only when the plan has aws-native resources, once per process.
 */
export async function checkSchemas(plan: PlanCapture, load: () => Promise<CfnSpec> = loadCfnSpec): Promise<SchemaReport> {
    const natives = plan.resources.filter(isNative);
    if (natives.length === 0) return { resources: 0, types: 0, unknownTypes: [], violations: [] };
    const spec = await load();
    const violations: SchemaViolation[] = [];
    const types = new Set<string>();
    const unknownTypes = new Set<string>();
    for (const r of natives) {
        const resource = spec.resource(r.type);
        if (!resource) {
            unknownTypes.add(r.type);
            continue;
        }
        types.add(r.type);
        for (const issue of validateInputs(spec, resource.properties, r.inputs)) {
            violations.push({ ...issue, urn: r.urn, name: r.name, type: r.type, cfnType: resource.cloudFormationType });
        }
    }
    violations.sort((a, b) => compareText(a.urn, b.urn) || compareText(a.path, b.path) || compareText(a.rule, b.rule));
    return {
        source: `@aws-cdk/aws-service-spec ${spec.version}`,
        resources: natives.length - [...unknownTypes].reduce((n, t) => n + natives.filter((r) => r.type === t).length, 0),
        types: types.size,
        unknownTypes: [...unknownTypes].sort(),
        violations,
    };
}
