/**
 * Amazon EventBridge event-pattern matching, as the EventBridge User Guide ("Amazon EventBridge event
 * patterns", "Comparison operators") specifies it, for testing rules offline against documented
 * sample events:
 * - every field the pattern names must match; fields it does not name are ignored;
 * - a leaf is a list of alternatives (a bare value is not a valid pattern, as EventBridge rejects it);
 * - an alternative is an exact value (strings, numbers, booleans, null: same type, same value) or one
 *   of the operators prefix, suffix, anything-but, numeric, exists, equals-ignore-case, wildcard;
 * - an event field that is a list matches when any of its elements matches;
 * - "$or" at any level takes a list of sub-patterns, one of which must match.
 * Invalid patterns throw, so a test also catches a pattern EventBridge would refuse to save.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function matchesPattern(pattern: Record<string, unknown>, event: unknown): boolean {
    if (!isObject(pattern)) throw new Error(`an event pattern must be an object, not ${JSON.stringify(pattern)}`);
    return matchObject(pattern, event, "");
}

function matchObject(pattern: Record<string, unknown>, value: unknown, path: string): boolean {
    for (const [key, sub] of Object.entries(pattern)) {
        const at = path ? `${path}.${key}` : key;
        if (key === "$or") {
            if (!Array.isArray(sub) || sub.length < 2) throw new Error(`${at} must list at least two sub-patterns`);
            if (!sub.some((p) => isObject(p) && matchObject(p, value, path))) return false;
            continue;
        }
        const field = isObject(value) ? value[key] : undefined;
        if (Array.isArray(sub)) {
            if (sub.length === 0) throw new Error(`${at} lists no values; EventBridge refuses an empty list`);
            if (!matchLeaf(sub, field, isObject(value) && key in value, at)) return false;
        } else if (isObject(sub)) {
            if (!isObject(field)) return false;
            if (!matchObject(sub, field, at)) return false;
        } else {
            throw new Error(`${at} is ${JSON.stringify(sub)}: a pattern leaf must be a list of values, e.g. [${JSON.stringify(sub)}]`);
        }
    }
    return true;
}

function matchLeaf(alternatives: unknown[], field: unknown, present: boolean, at: string): boolean {
    const values: unknown[] = Array.isArray(field) ? field : [field];
    return alternatives.some((alt) => {
        if (isObject(alt)) {
            const ops = Object.keys(alt);
            if (ops.length !== 1) throw new Error(`${at}: one operator per filter, not ${ops.join(", ")}`);
            const op = ops[0]!;
            if (op === "exists") {
                if (typeof alt.exists !== "boolean") throw new Error(`${at}: exists takes true or false`);
                return alt.exists === (present && field !== undefined);
            }
            if (!present) return false;
            return values.some((v) => operator(op, alt[op], v as Json, at));
        }
        if (alt !== null && typeof alt === "object") throw new Error(`${at}: ${JSON.stringify(alt)} is not a value or an operator`);
        return present && values.some((v) => v === alt);
    });
}

function operator(op: string, arg: unknown, v: Json, at: string): boolean {
    switch (op) {
        case "prefix":
            if (isObject(arg) && typeof arg["equals-ignore-case"] === "string")
                return typeof v === "string" && v.toLowerCase().startsWith(arg["equals-ignore-case"].toLowerCase());
            if (typeof arg !== "string") throw new Error(`${at}: prefix takes a string`);
            return typeof v === "string" && v.startsWith(arg);
        case "suffix":
            if (typeof arg !== "string") throw new Error(`${at}: suffix takes a string`);
            return typeof v === "string" && v.endsWith(arg);
        case "equals-ignore-case":
            if (typeof arg !== "string") throw new Error(`${at}: equals-ignore-case takes a string`);
            return typeof v === "string" && v.toLowerCase() === arg.toLowerCase();
        case "wildcard":
            if (typeof arg !== "string") throw new Error(`${at}: wildcard takes a string`);
            return (
                typeof v === "string" &&
                new RegExp(
                    `^${arg
                        .split("*")
                        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
                        .join(".*")}$`,
                ).test(v)
            );
        case "anything-but":
            if (isObject(arg)) {
                if (typeof arg["prefix"] === "string") return typeof v === "string" && !v.startsWith(arg["prefix"]);
                if (typeof arg["suffix"] === "string") return typeof v === "string" && !v.endsWith(arg["suffix"]);
                throw new Error(`${at}: anything-but takes a value, a list of values, or { prefix } / { suffix }`);
            }
            return Array.isArray(arg) ? !arg.includes(v) : v !== arg;
        case "numeric": {
            if (!Array.isArray(arg) || arg.length % 2 !== 0 || arg.length === 0) throw new Error(`${at}: numeric takes operator-value pairs`);
            if (typeof v !== "number") return false;
            for (let i = 0; i < arg.length; i += 2) {
                const n = arg[i + 1];
                if (typeof n !== "number") throw new Error(`${at}: numeric compares with numbers`);
                const ok = { "=": v === n, "<": v < n, "<=": v <= n, ">": v > n, ">=": v >= n }[String(arg[i]) as "="];
                if (ok === undefined) throw new Error(`${at}: ${String(arg[i])} is not a numeric operator`);
                if (!ok) return false;
            }
            return true;
        }
        default:
            throw new Error(`${at}: ${op} is not an EventBridge operator`);
    }
}
