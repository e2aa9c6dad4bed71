import * as fs from "fs";
import { SecretValue } from "../../contracts/capturedPlan";
import { StackFileError } from "../../contracts/stackFile";

/**
 * What `pulumi stack export` writes: `{ version: 3, deployment: { manifest, resources: [...] } }`
 * (pulumi/pulumi sdk/go/common/apitype/core.go: UntypedDeployment, DeploymentV3, ResourceV3).
 * Property values are JSON; a secret is `{ "4dabf18193072939515e22adb298388d":
 * "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "..." }` (`plaintext` with --show-secrets),
 * and the RPC wire form `4dabf18f-c077-4d63-a43f-fc80a1dcab07` is accepted too.
 */

/** The signature key of a state file's secrets, asset, archives and resource references (resource.SigKey). */
export const STATE_SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The RPC wire form's signature key (rpc.specialSigKey), as some tools write it. */
export const WIRE_SIG_KEY = "4dabf18f-c077-4d63-a43f-fc80a1dcab07";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/**
 * A secret of the deployed state. Its value is never read: a reviewer's export holds ciphertext, and
 * the offline plan's own secrets are stand-ins, so two secrets are never compared.
 */
export const DEPLOYED_SECRET = Symbol("deployed secret");

export interface DeployedResource {
    urn: string;
    type: string;
    custom: boolean;
    id?: string;
    parent?: string;
    /** The provider's URN (the export's `urn::id` reference without its id). */
    provider?: string;
    protect: boolean;
    /** Inputs as the engine recorded them; secrets are SecretValue(DEPLOYED_SECRET). */
    inputs: Record<string, unknown>;
    /** Outputs as the provider returned them; secrets as in `inputs`. */
    outputs: Record<string, unknown>;
}

export interface DeployedState {
    /** Where it was read from, for the report. */
    source: string;
    /** The stack the export names in its resources' URNs. */
    stack?: string;
    /** Live resources by URN (entries marked `delete` are dropped). */
    resources: Map<string, DeployedResource>;
}

/** A state export that cannot be read: reported like a bad stack file (exit 2, no stack trace). */
export class StateFileError extends StackFileError {}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A state property value with secrets as SecretValue(DEPLOYED_SECRET) and resource references as their URN. */
export function decodeStateValue(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(decodeStateValue);
    if (!isObject(v)) return v;
    const sig = v[STATE_SIG_KEY] ?? v[WIRE_SIG_KEY];
    if (sig === SECRET_SIG) return new SecretValue(DEPLOYED_SECRET);
    if (sig === RESOURCE_SIG) return v["urn"];
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, decodeStateValue(e)]));
}

/** Parses an export; every problem names the file and what `pulumi stack export` would have written. */
export function parseStateExport(text: string, source: string): DeployedState {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new StateFileError(
            `--against ${source} is not JSON (${(e as Error).message}); write it with \`pulumi stack export --stack <org>/onair/<stack> --file ${source}\``,
        );
    }
    if (!isObject(doc) || !isObject(doc["deployment"])) {
        throw new StateFileError(`--against ${source} has no "deployment" object: it is not what \`pulumi stack export\` writes`);
    }
    if (doc["version"] !== 3) {
        throw new StateFileError(
            `--against ${source} is a version ${JSON.stringify(doc["version"])} deployment; OnAir reads version 3 (\`pulumi stack export\` of Pulumi CLI 3.x)`,
        );
    }
    const list = doc["deployment"]["resources"] ?? [];
    if (!Array.isArray(list)) throw new StateFileError(`--against ${source}: deployment.resources is not a list`);
    const resources = new Map<string, DeployedResource>();
    let stack: string | undefined;
    list.forEach((r, i) => {
        if (!isObject(r) || typeof r["urn"] !== "string" || typeof r["type"] !== "string") {
            throw new StateFileError(`--against ${source}: deployment.resources[${i}] has no urn and type`);
        }
        // The old half of an interrupted replacement (`delete: true`) is not the live resource.
        if (r["delete"] === true) return;
        const urn = r["urn"];
        stack ??= /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
        const provider = typeof r["provider"] === "string" ? r["provider"].slice(0, r["provider"].lastIndexOf("::")) : undefined;
        resources.set(urn, {
            urn,
            type: r["type"],
            custom: r["custom"] === true,
            ...(typeof r["id"] === "string" && r["id"] ? { id: r["id"] } : {}),
            ...(typeof r["parent"] === "string" && r["parent"] ? { parent: r["parent"] } : {}),
            ...(provider ? { provider } : {}),
            protect: r["protect"] === true,
            inputs: (decodeStateValue(r["inputs"] ?? {}) as Record<string, unknown>) ?? {},
            outputs: (decodeStateValue(r["outputs"] ?? {}) as Record<string, unknown>) ?? {},
        });
    });
    return { source, ...(stack ? { stack } : {}), resources };
}

export function readStateExport(file: string, shownAs: string = file): DeployedState {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new StateFileError(
            `--against ${shownAs} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); export the stack first: \`pulumi stack export --file ${shownAs}\``,
        );
    }
    return parseStateExport(text, shownAs);
}
