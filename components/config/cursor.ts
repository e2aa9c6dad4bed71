import { ConfigIssue } from "./errors";
import { nearest } from "./nearest";

/** How a value is shown inside an error message: strings quoted, objects as JSON, long values cut. */
export function show(value: unknown): string {
    // NaN and Infinity print as themselves (JSON would say null).
    const text = typeof value === "number" && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
    return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

function typeName(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    return `a ${typeof value}`;
}

export interface IntOptions {
    min: number;
    max: number;
    /** Used when the key is absent. Without it the key is required. */
    default?: number;
    /** Words for the accepted range, e.g. "milliseconds". */
    unit?: string;
}

export interface StringOptions {
    default?: string;
    pattern?: RegExp;
    /** Human description of the pattern, used in the error message. */
    patternHint?: string;
    maxLength?: number;
}

/**
 * A position in the raw configuration tree. Every read records a readable issue at its full key
 * path instead of throwing, so the validator reports all problems in one pass.
 */
export class Cursor {
    constructor(
        readonly path: string,
        readonly value: unknown,
        private readonly issues: ConfigIssue[],
    ) {}

    /**
     * The key is there, even without a value: `latencyMs:` (YAML null) is present and an error, not
     * a silent fallback to the default. Only an absent key takes the default.
     */
    get present(): boolean {
        return this.value !== undefined;
    }

    fail(message: string): undefined {
        this.issues.push({ path: this.path, message });
        return undefined;
    }

    /** The key's last segment, for messages: `latencyMs` of `...contribution.latencyMs`. */
    private get key(): string {
        return /([^.[\]]+)\]?$/.exec(this.path)?.[1] ?? this.path;
    }

    /** Records the "present without a value" issue; true when the value is YAML null. */
    private isNull(fallback?: unknown): boolean {
        if (this.value !== null) return false;
        this.fail(
            `is given without a value (\`${this.key}:\` with nothing after it is YAML null); set a value${fallback !== undefined ? `, or remove the key to use the default (${show(fallback)})` : ""}`,
        );
        return true;
    }

    /** Lists every value listed more than once, once each with its count (not one line per repeat). */
    unique(values: readonly string[], what: string): void {
        const counts = new Map<string, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        for (const [v, n] of counts) {
            if (n > 1) this.fail(`lists ${what} ${JSON.stringify(v)} ${n === 2 ? "twice" : `${n} times`}; each must be unique`);
        }
    }

    /** Member of an object; the child path is `parent.key`. */
    at(key: string): Cursor {
        const v = isPlainObject(this.value) ? (this.value as Record<string, unknown>)[key] : undefined;
        return new Cursor(`${this.path}.${key}`, v, this.issues);
    }

    /** Element of a list; the child path is `parent[i]`. */
    index(i: number): Cursor {
        const v = Array.isArray(this.value) ? (this.value as unknown[])[i] : undefined;
        return new Cursor(`${this.path}[${i}]`, v, this.issues);
    }

    /**
     * Requires an object whose keys are all known; an unknown key is almost always a typo that
     * would otherwise silently fall back to a default during a live event.
     */
    object(knownKeys: readonly string[], opts: { optional?: boolean } = {}): boolean {
        if (!this.present) {
            if (!opts.optional) this.fail(`is required; set an object with ${listOf(knownKeys)}`);
            return false;
        }
        if (this.isNull()) return false;
        if (!isPlainObject(this.value)) {
            this.fail(`must be an object, not ${typeName(this.value)} (${show(this.value)})`);
            return false;
        }
        for (const key of Object.keys(this.value as object)) {
            if (!knownKeys.includes(key)) {
                const near = nearest(key, knownKeys);
                this.at(key).fail(`is not a known setting${near ? ` (did you mean ${near}?)` : ""}; use one of ${knownKeys.join(", ")}`);
            }
        }
        return true;
    }

    string(opts: StringOptions = {}): string | undefined {
        if (!this.present) {
            if (opts.default !== undefined) return opts.default;
            return this.fail(`is required; set a string${opts.patternHint ? ` (${opts.patternHint})` : ""}`);
        }
        if (this.isNull(opts.default)) return undefined;
        if (typeof this.value !== "string") {
            return this.fail(`must be a string, not ${typeName(this.value)} (${show(this.value)})`);
        }
        if (this.value.trim() === "") {
            return this.fail(`must not be empty${opts.patternHint ? `; use ${opts.patternHint}` : ""}`);
        }
        if (opts.maxLength !== undefined && this.value.length > opts.maxLength) {
            return this.fail(`${show(this.value)} is too long (${this.value.length} characters); use at most ${opts.maxLength}`);
        }
        if (opts.pattern && !opts.pattern.test(this.value)) {
            return this.fail(`${show(this.value)} is not valid; use ${opts.patternHint ?? `a value matching ${opts.pattern}`}`);
        }
        return this.value;
    }

    optionalString(opts: StringOptions = {}): string | undefined {
        return this.present ? this.string(opts) : undefined;
    }

    oneOf<T extends string>(allowed: readonly T[], opts: { default?: T } = {}): T | undefined {
        if (!this.present) {
            if (opts.default !== undefined) return opts.default;
            return this.fail(`is required; use one of ${allowed.join(", ")}`);
        }
        if (this.isNull(opts.default)) return undefined;
        if (typeof this.value !== "string" || !(allowed as readonly string[]).includes(this.value)) {
            return this.fail(`${show(this.value)} is not supported; use one of ${allowed.join(", ")}`);
        }
        return this.value as T;
    }

    int(opts: IntOptions): number | undefined {
        const unit = opts.unit ? ` ${opts.unit}` : "";
        if (!this.present) {
            if (opts.default !== undefined) return opts.default;
            return this.fail(`is required; set a whole number from ${opts.min} to ${opts.max}${unit}`);
        }
        if (this.isNull(opts.default)) return undefined;
        if (typeof this.value === "number" && !Number.isFinite(this.value)) {
            return this.fail(`${this.value} is not a finite number; use ${opts.min} to ${opts.max}${unit}`);
        }
        if (typeof this.value !== "number" || !Number.isInteger(this.value)) {
            return this.fail(`${show(this.value)} is not a whole number; use ${opts.min} to ${opts.max}${unit}`);
        }
        if (this.value < opts.min || this.value > opts.max) {
            return this.fail(`${this.value} is out of range; use ${opts.min} to ${opts.max}${unit}`);
        }
        return this.value;
    }

    bool(opts: { default: boolean }): boolean {
        if (!this.present) return opts.default;
        if (this.isNull(opts.default)) return opts.default;
        if (typeof this.value !== "boolean") {
            this.fail(`${show(this.value)} is not a boolean; use true or false`);
            return opts.default;
        }
        return this.value;
    }

    /** A finite number within bounds (decimals allowed), e.g. a price. */
    number(opts: { min: number; max: number; what: string }): number | undefined {
        if (!this.present) return this.fail(`is required; set ${opts.what} from ${opts.min} to ${opts.max}`);
        if (this.isNull()) return undefined;
        if (typeof this.value !== "number" || !Number.isFinite(this.value) || this.value < opts.min || this.value > opts.max) {
            return this.fail(`${show(this.value)} is not ${opts.what}; use a number from ${opts.min} to ${opts.max}`);
        }
        return this.value;
    }

    /** Reads a list, handing each element's cursor (`path[i]`) to `item`; invalid items are dropped. */
    list<T>(item: (c: Cursor, index: number) => T | undefined, opts: { min?: number; max?: number; optional?: boolean; what?: string } = {}): T[] {
        const what = opts.what ?? "entries";
        if (!this.present) {
            if (!opts.optional && (opts.min ?? 0) > 0) this.fail(`is required; set a list of at least ${opts.min} ${what}`);
            return [];
        }
        if (this.isNull()) return [];
        if (!Array.isArray(this.value)) {
            this.fail(`must be a list, not ${typeName(this.value)} (${show(this.value)})`);
            return [];
        }
        const arr = this.value as unknown[];
        if (opts.min !== undefined && arr.length < opts.min) {
            this.fail(`has ${arr.length} ${what}; at least ${opts.min} required`);
        }
        if (opts.max !== undefined && arr.length > opts.max) {
            this.fail(`has ${arr.length} ${what}; at most ${opts.max} allowed`);
        }
        const out: T[] = [];
        arr.forEach((v, i) => {
            const r = item(new Cursor(`${this.path}[${i}]`, v, this.issues), i);
            if (r !== undefined) out.push(r);
        });
        return out;
    }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function listOf(keys: readonly string[]): string {
    return keys.length > 6 ? `keys such as ${keys.slice(0, 6).join(", ")}` : `keys ${keys.join(", ")}`;
}
