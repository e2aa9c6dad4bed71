import { Cursor } from "../cursor";
import { Fields, Node, ObjectNode, Parsed, Value } from "./nodes";

/** The keys a table declares, custom ones included: what Cursor.object accepts. */
export function keysOf(fields: Fields): string[] {
    return Object.keys(fields);
}

/**
 * Reads one key by its node, recording issues at its path. Undefined: absent and optional, or
 * invalid (an issue was recorded). Custom nodes are their section's to read.
 */
export function readNode<N extends Node>(c: Cursor, n: N): Value<N> | undefined {
    return readAny(c, n) as Value<N> | undefined;
}

function readAny(c: Cursor, n: Node): unknown {
    switch (n.kind) {
        case "int":
            if (n.optional && !c.present) return undefined;
            return c.int({ min: n.min, max: n.max, ...(n.default !== undefined ? { default: n.default } : {}), ...(n.unit ? { unit: n.unit } : {}) });
        case "number":
            return c.number({ min: n.min, max: n.max, what: n.what });
        case "string": {
            const opts = {
                ...(n.default !== undefined ? { default: n.default } : {}),
                ...(n.pattern ? { pattern: n.pattern } : {}),
                ...(n.hint ? { patternHint: n.hint } : {}),
                ...(n.maxLength !== undefined ? { maxLength: n.maxLength } : {}),
            };
            return n.optional ? c.optionalString(opts) : c.string(opts);
        }
        case "enum":
            if (n.optional && !c.present) return undefined;
            return c.oneOf(n.values, n.default !== undefined ? { default: n.default } : {});
        case "bool":
            return c.bool({ default: n.default });
        case "list":
            return c.list((e) => readAny(e, n.item), {
                ...(n.min !== undefined ? { min: n.min } : {}),
                ...(n.max !== undefined ? { max: n.max } : {}),
                ...(n.what ? { what: n.what } : {}),
            });
        case "object":
            return readObject(c, n);
        case "custom":
            throw new Error(`${c.path} is a custom key; its section reads it`);
    }
}

/**
 * Reads an object by its table: unknown keys are refused (`extraKeys` are retired keys the section
 * names itself), every field is read (so one pass reports every problem), and the result is
 * undefined when the object or any field that must have a value is invalid. Custom fields are left
 * to the caller; fields absent and optional are left out.
 */
export function readObject<F extends Fields>(c: Cursor, n: ObjectNode<F>, extraKeys: readonly string[] = []): Parsed<F> | undefined {
    const keys = [...keysOf(n.fields), ...extraKeys];
    if (n.optional ? c.present && !c.object(keys) : !c.object(keys)) return undefined;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const [key, field] of Object.entries(n.fields)) {
        if (field.kind === "custom") continue;
        const at = c.at(key);
        const v = readAny(at, field);
        if (v !== undefined) out[key] = v;
        else if (!isOptional(field) || at.present) ok = false;
    }
    return ok ? (out as Parsed<F>) : undefined;
}

function isOptional(n: Node): boolean {
    return (n.kind === "int" || n.kind === "string" || n.kind === "enum") && n.optional === true && n.default === undefined;
}

/** The names of the keys marked `secret` anywhere under `fields` (each once). */
export function secretFields(fields: Fields, out = new Set<string>()): string[] {
    for (const [key, n] of Object.entries(fields)) {
        if (n.secret) out.add(key);
        if (n.kind === "object") secretFields(n.fields, out);
        else if (n.kind === "list" && n.item.kind === "object") secretFields(n.item.fields, out);
        else if (n.kind === "custom" && n.fields) secretFields(n.fields, out);
    }
    return [...out];
}
