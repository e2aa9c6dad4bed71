import { CfnProperty, CfnPropertyType, CfnSpec } from "../spec/cfnSpec";
import { SecretValue, UNKNOWN } from "../../contracts/capturedPlan";

/** One input AWS would refuse: where (in aws-native's spelling) and which rule of the schema. */
export interface SchemaIssue {
    /** Property path as the program writes it, e.g. `segment.encryption.spekeKeyProvider.drmSystems[0]`. */
    path: string;
    rule: "unknown-property" | "required" | "type" | "enum";
    message: string;
}

/**
 * A value not known at plan time: under `--preview` the computed outputs and ids a program feeds
 * into inputs, printed as "[unknown]" (a marker object or the text itself). It is skipped, not
 * judged: `pulumi up` knows it, the plan does not.
 */
export function isUnknownValue(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (typeof v !== "object" || v === null || v instanceof SecretValue || Array.isArray(v)) return false;
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    return typeof toJSON === "function" && (toJSON as () => unknown).call(v) === UNKNOWN;
}

function describe(v: unknown): string {
    if (v === null) return "null";
    if (Array.isArray(v)) return "a list";
    if (typeof v === "object") return "an object";
    return `${typeof v} ${JSON.stringify(v)}`;
}

function join(path: string, key: string): string {
    return path ? `${path}.${key}` : key;
}

/** Levenshtein distance, for a did-you-mean on misspelled property names. */
function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0]!;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = row[j]!;
            row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return row[b.length]!;
}

function suggestion(name: string, known: Iterable<string>): string {
    let best: string | undefined;
    let bestD = Infinity;
    for (const k of known) {
        const d = k.toLowerCase() === name.toLowerCase() ? 0 : distance(name, k);
        if (d < bestD) {
            bestD = d;
            best = k;
        }
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean "${best}"?)` : "";
}

/**
 * Validates a resource's inputs against its CloudFormation properties: every name as aws-native
 * spells it, required properties, and each value's type and enum. Secrets are checked by their
 * value but never quoted; unknown values are skipped.
 */
export function validateInputs(spec: CfnSpec, properties: Record<string, CfnProperty>, inputs: Record<string, unknown>): SchemaIssue[] {
    const issues: SchemaIssue[] = [];
    validateObject(spec, properties, inputs, "", true, issues, false);
    return issues;
}

function validateObject(
    spec: CfnSpec,
    properties: Record<string, CfnProperty>,
    value: Record<string, unknown>,
    path: string,
    topLevel: boolean,
    issues: SchemaIssue[],
    secret: boolean,
): void {
    const names = spec.sdkNames(properties, topLevel);
    for (const key of Object.keys(value)) {
        const cfn = names.get(key);
        if (cfn === undefined) {
            issues.push({ path: join(path, key), rule: "unknown-property", message: `is not a property of this type${suggestion(key, names.keys())}` });
            continue;
        }
        const v = value[key];
        // The SDK drops undefined inputs; a null reaches CloudFormation as "not set".
        if (v === undefined || v === null) continue;
        validateValue(spec, properties[cfn]!.type, v, join(path, key), issues, secret);
    }
    for (const [sdk, cfn] of names) {
        if (properties[cfn]!.required && (value[sdk] === undefined || value[sdk] === null)) {
            issues.push({ path: join(path, sdk), rule: "required", message: `is required (CloudFormation ${cfn}) and not set` });
        }
    }
}

function validateValue(spec: CfnSpec, type: CfnPropertyType, v: unknown, path: string, issues: SchemaIssue[], secret: boolean): void {
    if (isUnknownValue(v)) return;
    if (v instanceof SecretValue) return validateValue(spec, type, v.value, path, issues, true);
    const shown = (x: unknown) => (secret ? "a secret value" : describe(x));
    const typeIssue = (expected: string) => issues.push({ path, rule: "type", message: `must be ${expected}, not ${shown(v)}` });
    switch (type.type) {
        case "string":
        case "date-time":
            if (typeof v !== "string") return void typeIssue("a string");
            if (type.type === "string" && type.allowedValues && !type.allowedValues.includes(v)) {
                issues.push({ path, rule: "enum", message: `${secret ? "a secret value" : JSON.stringify(v)} is not one of ${type.allowedValues.join(", ")}` });
            }
            return;
        case "integer":
            if (typeof v !== "number" || !Number.isInteger(v)) return void typeIssue("an integer");
            if (type.allowedValues && !type.allowedValues.includes(v))
                issues.push({ path, rule: "enum", message: `${secret ? "a secret value" : v} is not one of ${type.allowedValues.join(", ")}` });
            return;
        case "number":
            if (typeof v !== "number") typeIssue("a number");
            return;
        case "boolean":
            if (typeof v !== "boolean") typeIssue("true or false");
            return;
        case "json":
            // Free-form (policy documents, for instance): aws-native passes objects and strings through.
            return;
        case "null":
            return;
        case "tag":
            if (typeof v !== "object" || Array.isArray(v)) return void typeIssue("a tag ({ key, value })");
            return validateObject(spec, TAG_PROPERTIES, v as Record<string, unknown>, path, false, issues, secret);
        case "ref": {
            if (typeof v !== "object" || Array.isArray(v)) return void typeIssue("an object");
            const def = spec.typeDefinition(type.reference);
            return validateObject(spec, def.properties, v as Record<string, unknown>, path, false, issues, secret);
        }
        case "array":
            if (!Array.isArray(v)) return void typeIssue("a list");
            v.forEach((item, i) => {
                if (item !== undefined && item !== null) validateValue(spec, type.element, item, `${path}[${i}]`, issues, secret);
            });
            return;
        case "map":
            if (typeof v !== "object" || Array.isArray(v)) return void typeIssue("a map");
            for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
                if (item !== undefined && item !== null) validateValue(spec, type.element, item, `${path}.${k}`, issues, secret);
            }
            return;
        case "union": {
            // Fits if any member takes it without an issue; otherwise the closest member's issues.
            let closest: SchemaIssue[] | undefined;
            for (const member of type.types) {
                const tried: SchemaIssue[] = [];
                validateValue(spec, member, v, path, tried, secret);
                if (tried.length === 0) return;
                if (!closest || tried.length < closest.length) closest = tried;
            }
            issues.push(...(closest ?? []));
            return;
        }
    }
}

/** CloudFormation's built-in Tag (Key, Value), as aws-native spells it ({ key, value }). */
const TAG_PROPERTIES: Record<string, CfnProperty> = {
    Key: { type: { type: "string" }, required: true },
    Value: { type: { type: "string" }, required: true },
};
