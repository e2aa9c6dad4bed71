/**
 * AWS's CloudFormation resource specification, as `@aws-cdk/aws-service-spec` ships it (the database
 * the CDK generates its L1 classes from), looked up by Pulumi aws-native type token.
 *
 * API (also for the change-impact work, which reads `causesReplacement`):
 * - `loadCfnSpec()`: loads the database once per process; call it only when the plan has aws-native
 *   resources. The whole database (~0.6-0.9 s, ~150 MB) is read once per package version; later
 *   processes read per-type extracts of it (plan/spec/specExtract.ts, ADR 028).
 * - `spec.resource(token)`: the resource for `aws-native:<module>:<Type>` (case-insensitive, as
 *   aws-native lowercases the module), or undefined when the spec has no such type.
 * - `spec.typeDefinition(ref)`: a nested type a property's `{ type: "ref" }` points at.
 * - `spec.sdkNames(properties, topLevel)`: aws-native's input name -> the CloudFormation property
 *   name, for a resource's or a type definition's properties (aws-native's own naming rule).
 * - `cfnTypeName(token)`: the lowercase `aws::module::type` key a token resolves to.
 */

import { openSpecSource, SpecSource } from "./specExtract";

export type CfnPropertyType =
    | { type: "string"; allowedValues?: string[] }
    | { type: "integer"; allowedValues?: number[] }
    | { type: "number" }
    | { type: "boolean" }
    | { type: "json" }
    | { type: "date-time" }
    | { type: "null" }
    | { type: "tag" }
    | { type: "ref"; reference: { $ref: string } }
    | { type: "array"; element: CfnPropertyType }
    | { type: "map"; element: CfnPropertyType }
    | { type: "union"; types: CfnPropertyType[] };

export interface CfnProperty {
    type: CfnPropertyType;
    required?: boolean;
    /** "yes": changing the property replaces the resource (createOnlyProperties in the registry schema). */
    causesReplacement?: "yes" | "no" | "maybe";
    deprecated?: string;
    documentation?: string;
}

export interface CfnResource {
    cloudFormationType: string;
    name: string;
    properties: Record<string, CfnProperty>;
    attributes?: Record<string, { type: CfnPropertyType }>;
    primaryIdentifier?: string[];
}

export interface CfnTypeDefinition {
    name: string;
    properties: Record<string, CfnProperty>;
}

export interface CfnSpec {
    /** The package version the data comes from (shown in the report). */
    readonly version: string;
    resource(token: string): CfnResource | undefined;
    typeDefinition(ref: { $ref: string }): CfnTypeDefinition;
    sdkNames(properties: Record<string, CfnProperty>, topLevel: boolean): ReadonlyMap<string, string>;
}

/** aws-native names its Configuration module differently from CloudFormation's Config (naming.go). */
const MODULE_ALIASES: Record<string, string> = { configuration: "config" };

/** `aws-native:mediapackagev2:OriginEndpoint` -> `aws::mediapackagev2::originendpoint`, or undefined for other tokens. */
export function cfnTypeName(token: string): string | undefined {
    const m = /^aws-native:([^:]+):([^:]+)$/.exec(token);
    if (!m) return undefined;
    const mod = m[1]!.toLowerCase();
    return `aws::${MODULE_ALIASES[mod] ?? mod}::${m[2]!.toLowerCase()}`;
}

const isUpperOrDigit = (c: string | undefined) => c !== undefined && ((c >= "A" && c <= "Z") || (c >= "0" && c <= "9"));

/**
 * A CloudFormation name in aws-native's SDK spelling: runs of two or more capitals (or digits) are
 * lowered after their first letter, the run's last capital starting the next word unless the run
 * ends the name or is followed by a lone "s" (`DRMSystems` -> `drmSystems`, `SPEKEKeyProvider` ->
 * `spekeKeyProvider`, `ARNs` -> `arns`), then the first letter is lowered. This is the rule of
 * pulumi-aws-native's provider/pkg/naming ToSdkName, which generates the SDK's property names.
 */
export function sdkName(cfn: string): string {
    let out = "";
    let i = 0;
    while (i < cfn.length) {
        if (!isUpperOrDigit(cfn[i])) {
            out += cfn[i++];
            continue;
        }
        let j = i;
        while (j < cfn.length && isUpperOrDigit(cfn[j])) j++;
        if (j - i < 2) {
            out += cfn.slice(i, j);
            i = j;
            continue;
        }
        const loneS = cfn[j] === "s" && (j + 1 === cfn.length || isUpperOrDigit(cfn[j + 1]));
        const end = j === cfn.length || loneS ? j : j - 1;
        out += cfn[i]! + cfn.slice(i + 1, end).toLowerCase();
        i = end;
    }
    return out.length > 0 ? out[0]!.toLowerCase() + out.slice(1) : out;
}

/**
 * aws-native renames a resource's top-level `Id` to `awsId` (Pulumi reserves `id`); nested `Id`s
 * stay `id` (the generated glue.Session has `awsId`, cloudfront origins have `id`).
 */
function topLevelSdkName(cfn: string): string {
    return cfn === "Id" ? "awsId" : sdkName(cfn);
}

class LoadedSpec implements CfnSpec {
    private readonly names = new WeakMap<object, Map<string, string>>();
    /** The whole database, or its per-type extracts (plan/spec/specExtract.ts): the same entities. */
    constructor(
        private readonly source: SpecSource,
        readonly version: string,
    ) {}
    resource(token: string): CfnResource | undefined {
        const key = cfnTypeName(token);
        return key ? this.source.resource(key) : undefined;
    }
    typeDefinition(ref: { $ref: string }): CfnTypeDefinition {
        return this.source.typeDefinition(ref);
    }
    sdkNames(properties: Record<string, CfnProperty>, topLevel: boolean): ReadonlyMap<string, string> {
        let m = this.names.get(properties);
        if (!m) {
            m = new Map(Object.keys(properties).map((p) => [topLevel ? topLevelSdkName(p) : sdkName(p), p]));
            this.names.set(properties, m);
        }
        return m;
    }
}

let loading: Promise<CfnSpec> | undefined;

/** The specification, loaded on first use and kept for the life of the process. */
export function loadCfnSpec(): Promise<CfnSpec> {
    loading ??= openSpecSource().then(({ source, version }) => new LoadedSpec(source, version));
    return loading;
}
