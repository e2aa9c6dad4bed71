import { CfnProperty, CfnPropertyType, CfnSpec } from "../spec/cfnSpec";
import { forceNewOf } from "./awsForceNew";
import { diffValues, PropertyChange, segments, topLevel } from "./compare";

/** What the engine would do to one resource. */
export type Operation = "same" | "create" | "delete" | "update" | "replace" | "may-replace";

export interface Classification {
    op: Operation;
    properties: PropertyChange[];
    /** Why it replaces (or may): one line per property, naming the provider's own data. */
    replaceReasons: string[];
    /** The data the decision came from, for the report. */
    rule: string;
}

/**
 * Properties whose new value is known only after another resource of this update is created or
 * replaced (its outputs are unknown at preview): they count as changed, value unknown.
 */
export type Pending = ReadonlySet<string>;

/** The generic comparison with pending top-level properties shown as "known after the update". */
export function changedProperties(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    ignoreDeployedOnly: "everywhere" | "top",
    pending: Pending,
): PropertyChange[] {
    const out = diffValues(olds, news, { ignoreDeployedOnly }).filter((c) => !pending.has(topLevel(c.path)));
    for (const p of pending) if (p in news) out.push({ path: p, kind: "update", unknown: true });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function elementOf(t: CfnPropertyType): CfnPropertyType {
    return t.type === "array" || t.type === "map" ? elementOf(t.element) : t;
}

/**
 * The CloudFormation property along a change's path that replaces the resource (createOnly), or
 * that may ("maybe"), walking nested type definitions with aws-native's SDK names.
 */
export function replacingProperty(
    spec: CfnSpec,
    properties: Record<string, CfnProperty>,
    path: string,
): { cfnPath: string; level: "yes" | "maybe" } | undefined {
    let props: Record<string, CfnProperty> | undefined = properties;
    let top = true;
    const cfnPath: string[] = [];
    let maybe: string | undefined;
    for (const seg of segments(path)) {
        if (typeof seg === "number") continue;
        if (!props) break;
        const cfn = spec.sdkNames(props, top).get(seg);
        if (!cfn) break;
        cfnPath.push(cfn);
        const prop: CfnProperty = props[cfn]!;
        if (prop.causesReplacement === "yes") return { cfnPath: cfnPath.join("/"), level: "yes" };
        if (prop.causesReplacement === "maybe") maybe ??= cfnPath.join("/");
        const t = elementOf(prop.type);
        props = t.type === "ref" ? spec.typeDefinition(t.reference).properties : undefined;
        top = false;
    }
    return maybe ? { cfnPath: maybe, level: "maybe" } : undefined;
}

function decided(properties: PropertyChange[], replaceReasons: string[], maybeReasons: string[], rule: string): Classification {
    if (properties.length === 0) return { op: "same", properties, replaceReasons: [], rule };
    if (replaceReasons.length > 0) return { op: "replace", properties, replaceReasons, rule };
    if (maybeReasons.length > 0) return { op: "may-replace", properties, replaceReasons: maybeReasons, rule };
    return { op: "update", properties, replaceReasons: [], rule };
}

/**
 * aws-native: pulumi-aws-native replaces a resource when a createOnlyProperties member of its
 * CloudFormation registry schema changes. The schema's createOnly flags come from the same
 * specification the schema check reads (`causesReplacement: "yes"`).
 */
export function classifyNative(spec: CfnSpec, type: string, olds: Record<string, unknown>, news: Record<string, unknown>, pending: Pending): Classification {
    const resource = spec.resource(type);
    const properties = changedProperties(olds, news, "top", pending);
    if (!resource) {
        return properties.length === 0
            ? { op: "same", properties, replaceReasons: [], rule: "not in the CloudFormation specification" }
            : {
                  op: "may-replace",
                  properties,
                  replaceReasons: [`${type} is not in @aws-cdk/aws-service-spec ${spec.version}: unknown, may replace`],
                  rule: "not in the CloudFormation specification",
              };
    }
    const replace: string[] = [];
    const maybe: string[] = [];
    for (const c of properties) {
        const r = replacingProperty(spec, resource.properties, c.path);
        if (!r) continue;
        const line = `${c.path}: ${r.cfnPath} is ${r.level === "yes" ? "create-only" : "create-only in some cases"} in ${resource.cloudFormationType}`;
        (r.level === "yes" ? replace : maybe).push(line);
    }
    return decided(properties, replace, maybe, `CloudFormation createOnlyProperties (@aws-cdk/aws-service-spec ${spec.version})`);
}

/** aws (classic): the Terraform schema's ForceNew flags (awsForceNew.ts); an uncovered type may replace. */
export function classifyClassic(type: string, olds: Record<string, unknown>, news: Record<string, unknown>, pending: Pending): Classification {
    const properties = changedProperties(olds, news, "everywhere", pending);
    const entry = forceNewOf(type);
    if (!entry) {
        return decided(
            properties,
            [],
            properties.length > 0 ? [`${type} has no force-new table (plan/impact/awsForceNew.ts): unknown, may replace`] : [],
            "no force-new table for this type",
        );
    }
    const replace = properties.filter((c) => entry.properties.has(topLevel(c.path))).map((c) => `${c.path}: ForceNew in ${entry.source}`);
    const maybe = properties
        .filter((c) => entry.mayReplace.has(topLevel(c.path)))
        .map((c) => `${c.path}: may replace, ${entry.mayReplace.get(topLevel(c.path))!} (${entry.source})`);
    return decided(properties, [...new Set(replace)], [...new Set(maybe)], `Terraform ForceNew (${entry.source})`);
}

/**
 * A provider resource: new inputs update it. A changed region moves every resource it manages,
 * which no provider schema OnAir can read decides offline: "may replace".
 */
export function classifyProvider(olds: Record<string, unknown>, news: Record<string, unknown>): Classification {
    const properties = changedProperties(olds, news, "top", new Set());
    const region = properties.filter((c) => c.path === "region").map(() => "region: every resource of this provider moves to another region");
    return decided(properties, [], region, "provider configuration");
}
