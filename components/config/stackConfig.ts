import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { environmentPlaceholder, RequiredSecret, secretsNamedBySeason } from "./requiredSecrets";
import { nonFinite, readYamlFile, StackFileError, stackDocument } from "../../contracts/stackFile";

/** A stack configuration as the Pulumi CLI would hand it to the program. */
export interface StackConfig {
    project: string;
    stack: string;
    /** Fully qualified keys (`onair:season`) to string values; objects are JSON. */
    config: Record<string, string>;
    /** Keys that were `secure:` in the file (or hold a nested `secure:` value). */
    secretKeys: string[];
    /** Where the values came from, for messages. */
    source: string;
    /** ESC environments the stack file imports (`environment:`), in order. */
    environments?: string[];
    /** The secrets a real preview or update needs, and where each comes from (never a value). */
    secrets?: RequiredSecret[];
}

interface ProjectDeclaration {
    type?: string;
    default?: unknown;
    secret?: boolean;
    value?: unknown;
}

export interface ProjectFile {
    name: string;
    main?: string;
    config: Record<string, ProjectDeclaration | string | number | boolean>;
}

export function readProject(dir: string): ProjectFile {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new StackFileError(`${file} not found; run the plan from the project root`);
    const doc = parseYaml(file) as Partial<ProjectFile> | null;
    if (!doc || typeof doc.name !== "string") throw new StackFileError(`${file} has no project name`);
    return { name: doc.name, ...(doc.main ? { main: doc.main } : {}), config: (doc.config ?? {}) as ProjectFile["config"] };
}

/**
 * Offline, `secure:` values cannot be decrypted (no passphrase, no Pulumi Cloud). They become an
 * opaque stand-in derived from the ciphertext only, and the key is marked secret exactly as the CLI
 * does, so the program treats them as secrets end to end.
 */
export function opaqueSecret(ciphertext: string): string {
    return "opaque-secret-" + createHash("sha256").update(ciphertext).digest("hex").slice(0, 48);
}

export function readStackConfig(dir: string, stack: string, configFile?: string): StackConfig {
    const project = readProject(dir);
    const file = configFile ? path.resolve(configFile) : path.join(dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        throw new StackFileError(`stack config ${file} not found; pass --stack NAME for Pulumi.NAME.yaml or --config FILE`);
    }
    const doc = stackDocument(readYamlFile(file), file) as { config?: Record<string, unknown>; environment?: unknown };
    const raw = doc.config ?? {};
    if (typeof raw !== "object" || Array.isArray(raw)) throw new StackFileError(`${file}: "config" must be a map of keys to values`);
    const notFinite = Object.entries(raw).flatMap(([key, value]) => nonFinite(value, qualify(key, project.name)));
    if (notFinite.length > 0) throw new StackFileError(`${file}: ${notFinite.join("; ")}; give each a number, or remove the key to use its default`);
    const environments = readEnvironments(doc.environment, file);

    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    for (const [key, value] of Object.entries(raw)) {
        const full = qualify(key, project.name);
        const { text, secret } = encode(value);
        config[full] = text;
        if (secret) secretKeys.add(full);
    }
    const secrets = requiredSecrets(project, config, secretKeys, environments, file, stack);
    applyProjectDeclarations(project, config, secretKeys, file, stack);
    return { project: project.name, stack, config, secretKeys: [...secretKeys].sort(), source: file, environments, secrets };
}

const ENVIRONMENT_NAME = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)?(@[A-Za-z0-9_.-]+)?$/;

/**
 * The stack file's `environment:` list, as the CLI reads it: ESC environments in the stack's
 * organization (`project/env`, optionally `@version` or `@tag`), merged in order.
 */
function readEnvironments(value: unknown, file: string): string[] {
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((e, i) => {
        if (typeof e !== "string" || !ENVIRONMENT_NAME.test(e)) {
            throw new StackFileError(
                `${file}: environment[${i}] must name an ESC environment such as onair/prod (project/environment, optionally @version), not ${JSON.stringify(e)}`,
            );
        }
        return e;
    });
}

/**
 * Every secret the program will ask for (keys the season names, keys Pulumi.yaml declares
 * secret) and where it comes from. A key the stack file does not hold, in a stack that imports ESC
 * environments, comes from them: offline it gets an opaque stand-in, marked secret as the CLI
 * marks an ESC secret, so the program runs exactly as it would with the environment opened.
 */
function requiredSecrets(
    project: ProjectFile,
    config: Record<string, string>,
    secretKeys: Set<string>,
    environments: string[],
    file: string,
    stack: string,
): RequiredSecret[] {
    const uses = secretsNamedBySeason(project.name, config, stack);
    const declared = Object.entries(project.config)
        .filter(([, d]) => typeof d === "object" && d !== null && d.secret)
        .map(([k]) => qualify(k, project.name));
    const keys = [...new Set([...uses.map((u) => `${project.name}:${u.key}`), ...declared])];
    const name = path.basename(file);
    return keys.map((key) => {
        const own = uses.filter((u) => `${project.name}:${u.key}` === key);
        const base = { key, uses: own, declared: declared.includes(key) };
        if (key in config) return { ...base, source: secretKeys.has(key) ? { from: "stack-file", file: name } : { from: "plain-text", file: name } };
        if (environments.length === 0) return { ...base, source: { from: "missing" } };
        config[key] = environmentPlaceholder(environments, key, own, opaqueSecret);
        secretKeys.add(key);
        return { ...base, source: { from: "environment", environments } };
    });
}

function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function encode(value: unknown): { text: string; secret: boolean } {
    if (isSecure(value)) return { text: opaqueSecret(value.secure), secret: true };
    if (typeof value === "string") return { text: value, secret: false };
    if (typeof value === "number" || typeof value === "boolean") return { text: String(value), secret: false };
    let secret = false;
    const replaced = replaceSecure(value, () => (secret = true));
    return { text: JSON.stringify(replaced), secret };
}

function isSecure(v: unknown): v is { secure: string } {
    return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { secure?: unknown }).secure === "string";
}

function replaceSecure(v: unknown, onSecret: () => void): unknown {
    if (isSecure(v)) {
        onSecret();
        return opaqueSecret(v.secure);
    }
    if (Array.isArray(v)) return v.map((e) => replaceSecure(e, onSecret));
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, replaceSecure(e, onSecret)]));
    }
    return v;
}

/** Mirrors the CLI: project defaults fill missing keys; declared secrets must be stored encrypted. */
function applyProjectDeclarations(project: ProjectFile, config: Record<string, string>, secretKeys: Set<string>, file: string, stack: string): void {
    for (const [key, decl] of Object.entries(project.config)) {
        const full = qualify(key, project.name);
        const d: ProjectDeclaration = typeof decl === "object" && decl !== null ? decl : { value: decl };
        if (!(full in config)) {
            const fallback = d.default ?? d.value;
            if (fallback !== undefined) {
                config[full] = typeof fallback === "string" ? fallback : JSON.stringify(fallback);
            } else if (full.startsWith(`${project.name}:`)) {
                throw new StackFileError(
                    `Stack '${stack}' is missing configuration value '${key}' (declared in Pulumi.yaml); set it in ${path.basename(file)}`,
                );
            }
        } else if (d.secret && !secretKeys.has(full)) {
            throw new StackFileError(
                `Stack '${stack}' with configuration key '${key}' must be encrypted as it's secret; run \`pulumi config set --secret ${key} <value>\``,
            );
        }
    }
}

function parseYaml(file: string): unknown {
    return readYamlFile(file);
}
