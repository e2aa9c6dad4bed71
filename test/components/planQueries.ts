import { CapturedResource, PlanCapture } from "../../contracts/capturedPlan";

/** Small queries over a captured plan, for readable component assertions. */
export function ofType(plan: PlanCapture, type: string, region?: string): CapturedResource[] {
    return plan.resources.filter((r) => r.type === type && (region === undefined || r.region === region));
}

export function one(plan: PlanCapture, type: string, nameIncludes: string): CapturedResource {
    const found = plan.resources.filter((r) => r.type === type && r.name.includes(nameIncludes));
    if (found.length !== 1) throw new Error(`expected one ${type} named *${nameIncludes}*, found ${found.map((r) => r.name).join(", ") || "none"}`);
    return found[0]!;
}

export function byUrn(plan: PlanCapture, urn: string | undefined): CapturedResource | undefined {
    return plan.resources.find((r) => r.urn === urn);
}

/** Removes keys at any depth, for comparing settings that legitimately differ per region. */
export function without(v: unknown, keys: string[]): unknown {
    if (Array.isArray(v)) return v.map((e) => without(e, keys));
    if (v && typeof v === "object") {
        return Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
                .filter(([k]) => !keys.includes(k))
                .map(([k, e]) => [k, without(e, keys)]),
        );
    }
    return v;
}

/** The JSON policy a role carries inline (OnAir roles have exactly one). */
export function inlinePolicy(plan: PlanCapture, roleName: string): any {
    const policies = one(plan, "aws:iam/role:Role", roleName).inputs["inlinePolicies"] as { name: string; policy: string }[];
    if (policies.length !== 1) throw new Error(`role ${roleName} has ${policies.length} inline policies`);
    return JSON.parse(policies[0]!.policy);
}

/** An IAM Resource pattern (`*`, `?`) as a regular expression. */
export function glob(pattern: string): RegExp {
    return new RegExp(
        `^${pattern
            .split("")
            .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/]/g, "\\$&")))
            .join("")}$`,
    );
}
