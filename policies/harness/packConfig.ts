import * as fs from "fs";
import * as path from "path";
import { EnforcementLevel } from "@pulumi/policy";
import { PackDefinition } from "../lib/pack";
import { OnAirPolicy } from "../lib/policy";
import { PackConfigError } from "../../contracts/packConfigError";

/** Effective settings of one policy for one stack: level plus config with schema defaults applied. */
export interface EffectivePolicyConfig {
    enforcementLevel: EnforcementLevel;
    config: Record<string, unknown>;
}

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** `policies/<pack>/config.<stack>.json`, the file `pulumi preview --policy-pack-config` takes. */
export function packConfigPath(policiesDir: string, pack: PackDefinition, stack: string): string {
    return path.join(policiesDir, pack.dir, `config.${stack}.json`);
}

export function readPackConfigFile(file: string): Record<string, unknown> | undefined {
    if (!fs.existsSync(file)) return undefined;
    try {
        const parsed = JSON.parse(fs.readFileSync(file, "utf8"));
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("must be a JSON object");
        return parsed as Record<string, unknown>;
    } catch (e) {
        throw new PackConfigError(`${file}: ${(e as Error).message}`);
    }
}

/**
 * Resolves every policy's level and config the way the CLI does: the file's entry for the policy
 * (a level string or an object), then its `all` entry, then the policy's own default, then the
 * pack's; config properties fall back to the schema's defaults.
 */
export function resolvePackConfig(pack: PackDefinition, file: Record<string, unknown> | undefined, source = "pack config"): Map<string, EffectivePolicyConfig> {
    const entries = file ?? {};
    const known = new Set(pack.policies.map((p) => p.name));
    for (const key of Object.keys(entries)) {
        if (key !== "all" && !known.has(key)) {
            throw new PackConfigError(`${source}: "${key}" is not a policy of ${pack.name}; use one of all, ${[...known].join(", ")}`);
        }
    }
    const all = entries["all"];
    const allLevel =
        typeof all === "string"
            ? checkLevel(all, `${source}: all`)
            : isObj(all) && all["enforcementLevel"] !== undefined
              ? checkLevel(all["enforcementLevel"], `${source}: all.enforcementLevel`)
              : undefined;

    const out = new Map<string, EffectivePolicyConfig>();
    for (const policy of pack.policies) {
        const entry = entries[policy.name];
        let level: EnforcementLevel | undefined;
        let props: Record<string, unknown> = {};
        if (typeof entry === "string") {
            level = checkLevel(entry, `${source}: ${policy.name}`);
        } else if (isObj(entry)) {
            const { enforcementLevel, ...rest } = entry;
            if (enforcementLevel !== undefined) level = checkLevel(enforcementLevel, `${source}: ${policy.name}.enforcementLevel`);
            props = rest;
        } else if (entry !== undefined) {
            throw new PackConfigError(`${source}: ${policy.name} must be an enforcement level or an object`);
        }
        out.set(policy.name, {
            enforcementLevel: level ?? allLevel ?? policy.enforcementLevel ?? pack.enforcementLevel,
            config: withDefaults(policy, props, source),
        });
    }
    return out;
}

function withDefaults(policy: OnAirPolicy, props: Record<string, unknown>, source: string): Record<string, unknown> {
    const schema = policy.configSchema?.properties ?? {};
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
        const s = schema[key];
        if (!s || typeof s !== "object") {
            throw new PackConfigError(`${source}: ${policy.name} has no setting "${key}"; use one of ${Object.keys(schema).join(", ") || "(none)"}`);
        }
        const problem = checkValue(value, s as Record<string, unknown>);
        if (problem) throw new PackConfigError(`${source}: ${policy.name}.${key} ${problem}`);
        out[key] = value;
    }
    for (const [key, s] of Object.entries(schema)) {
        if (!(key in out) && typeof s === "object" && s.default !== undefined) out[key] = s.default;
    }
    for (const key of policy.configSchema?.required ?? []) {
        if (!(key in out)) throw new PackConfigError(`${source}: ${policy.name}.${key} is required`);
    }
    return out;
}

function checkValue(v: unknown, s: Record<string, unknown>): string | undefined {
    const type = s["type"];
    const ok =
        type === undefined ||
        (type === "integer" && Number.isInteger(v)) ||
        (type === "number" && typeof v === "number") ||
        (type === "string" && typeof v === "string") ||
        (type === "boolean" && typeof v === "boolean") ||
        (type === "array" && Array.isArray(v)) ||
        (type === "object" && isObj(v));
    if (!ok) return `must be of type ${String(type)}, not ${JSON.stringify(v)}`;
    if (typeof v === "number") {
        if (typeof s["minimum"] === "number" && v < s["minimum"]) return `is ${v}; the minimum is ${s["minimum"]}`;
        if (typeof s["maximum"] === "number" && v > s["maximum"]) return `is ${v}; the maximum is ${s["maximum"]}`;
    }
    if (Array.isArray(s["enum"]) && !s["enum"].includes(v)) return `is ${JSON.stringify(v)}; use one of ${s["enum"].join(", ")}`;
    return undefined;
}

function checkLevel(v: unknown, where: string): EnforcementLevel {
    if (typeof v !== "string" || !(LEVELS as readonly string[]).includes(v)) {
        throw new PackConfigError(`${where} is ${JSON.stringify(v)}; use one of ${LEVELS.join(", ")}`);
    }
    return v as EnforcementLevel;
}

function isObj(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
