import { createHash } from "crypto";
import { isUnknown, PlanCapture, SecretValue } from "../../contracts/capturedPlan";
import { SECRET_SIG, STATE_SIG_KEY } from "../../plan/impact/stateExport";

/**
 * A `pulumi stack export` of what a plan would deploy, in the format the CLI writes
 * (pulumi/pulumi sdk/go/common/apitype/core.go: UntypedDeployment version 3, DeploymentV3,
 * ResourceV3). Secrets are ciphertext envelopes, as a reviewer without the stack's key exports
 * them; the ciphertext is a hash, never the value.
 */
export function stateExportOf(plan: PlanCapture, time = "2026-11-01T00:00:00Z"): Record<string, unknown> {
    const ids = new Map(plan.resources.map((r) => [r.urn, r.id]));
    const encode = (v: unknown): unknown => {
        if (v instanceof SecretValue)
            return {
                [STATE_SIG_KEY]: SECRET_SIG,
                ciphertext: `v1:${createHash("sha256")
                    .update(JSON.stringify(String(v.value)))
                    .digest("base64")
                    .slice(0, 24)}`,
            };
        if (isUnknown(v)) throw new Error("a deployed state has no unknown values: build the export from a plan that is not a preview");
        if (Array.isArray(v)) return v.map(encode);
        if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, encode(e)]));
        return v;
    };
    return {
        version: 3,
        deployment: {
            manifest: { time, magic: "", version: "v3.248.0" },
            secrets_providers: { type: "service", state: { url: "https://api.pulumi.com", owner: "example", project: plan.project, stack: plan.stack } },
            resources: plan.resources.map((r) => ({
                urn: r.urn,
                custom: r.custom,
                ...(r.id ? { id: r.id } : {}),
                type: r.type,
                inputs: encode(r.inputs),
                outputs: encode(r.outputs),
                ...(r.parent ? { parent: r.parent } : {}),
                ...(r.opts.protect ? { protect: true } : {}),
                dependencies: r.dependencies,
                ...(r.provider ? { provider: `${r.provider}::${ids.get(r.provider) ?? "unknown"}` } : {}),
                propertyDependencies: r.propertyDependencies,
                created: time,
                modified: time,
            })),
        },
    };
}
