/**
 * The declarative shape of a config key: what it accepts, its default, and the words users see in
 * the README table and in errors. One table per section (schema/*.ts) drives the reader
 * (schema/read.ts), the known-keys check (Cursor.object takes the table's keys) and the README
 * configuration table (schema/docs.ts). ADR 033 says why it is a small table and not a library.
 */

interface Documented {
    /** What the key does, for the README table (markdown). */
    doc: string;
    /** The README's type column, when the one derived from the bounds says too little. */
    typeDoc?: string;
    /** The README's default column, when the default is computed rather than a constant. */
    defaultDoc?: string;
    /** Names a secret config key (the value is never shown). */
    secret?: boolean;
}

export interface IntNode extends Documented {
    kind: "int";
    min: number;
    max: number;
    default?: number;
    /** Words after the range in errors, e.g. "milliseconds". */
    unit?: string;
    /** Absent: left out of the parsed value (no default, not required). */
    optional?: boolean;
}

export interface NumberNode extends Documented {
    kind: "number";
    min: number;
    max: number;
    /** What the number is, in errors: "a rate". */
    what: string;
}

export interface StringNode extends Documented {
    kind: "string";
    default?: string;
    pattern?: RegExp;
    /** The accepted form in words: the fix errors name. */
    hint?: string;
    maxLength?: number;
    optional?: boolean;
}

export interface EnumNode<V extends string = string> extends Documented {
    kind: "enum";
    values: readonly V[];
    default?: V;
    optional?: boolean;
}

export interface BoolNode extends Documented {
    kind: "bool";
    default: boolean;
}

export interface ListNode<I extends Node = Node> extends Documented {
    kind: "list";
    item: I;
    min?: number;
    max?: number;
    /** Plural noun for counts in errors: "channels". */
    what?: string;
}

export interface ObjectNode<F extends Fields = Fields> extends Documented {
    kind: "object";
    fields: F;
    /** Absent: every field takes its default. */
    optional?: boolean;
}

/**
 * A key whose reading depends on other keys or whose keys are data (region, tag or quota names):
 * its section's reader reads it by hand, the table still documents it and counts it as known.
 */
export interface CustomNode extends Documented {
    kind: "custom";
    /** The accepted form in words, for the errors its reader records. */
    hint?: string;
    /** Sub-keys documented in the README under this one (a map's value, a list's item). */
    fields?: Fields;
    /** How a sub-key's path continues from this key in the README: "[]" for a list, ".<region>[]" for a map of lists. */
    childPath?: string;
}

export type Node = IntNode | NumberNode | StringNode | EnumNode | BoolNode | ListNode | ObjectNode | CustomNode;
export type Fields = Readonly<Record<string, Node>>;

type Opts<N> = Omit<N, "kind">;

export const int = <O extends Opts<IntNode>>(o: O): O & { kind: "int" } => ({ kind: "int", ...o });
export const number = <O extends Opts<NumberNode>>(o: O): O & { kind: "number" } => ({ kind: "number", ...o });
export const string = <O extends Opts<StringNode>>(o: O): O & { kind: "string" } => ({ kind: "string", ...o });
export const bool = <O extends Opts<BoolNode>>(o: O): O & { kind: "bool" } => ({ kind: "bool", ...o });
export const custom = <O extends Opts<CustomNode>>(o: O): O & { kind: "custom" } => ({ kind: "custom", ...o });
export function oneOf<V extends string, O extends Omit<Opts<EnumNode<V>>, "values">>(values: readonly V[], o: O): O & { kind: "enum"; values: readonly V[] } {
    return { kind: "enum", values, ...o };
}
export function list<I extends Node, O extends Omit<Opts<ListNode<I>>, "item">>(item: I, o: O): O & { kind: "list"; item: I } {
    return { kind: "list", item, ...o };
}
export function object<F extends Fields, O extends Omit<Opts<ObjectNode<F>>, "fields">>(fields: F, o: O): O & { kind: "object"; fields: F } {
    return { kind: "object", fields, ...o };
}

/** The parsed value of a node. Custom nodes have none here: their readers type them. */
export type Value<N> = N extends { kind: "int" | "number" }
    ? number
    : N extends { kind: "string" }
      ? string
      : N extends { kind: "enum"; values: readonly (infer V)[] }
        ? V
        : N extends { kind: "bool" }
          ? boolean
          : N extends { kind: "list"; item: infer I }
            ? Value<I>[]
            : N extends { kind: "object"; fields: infer F }
              ? F extends Fields
                  ? Parsed<F>
                  : never
              : never;

/** Keys that may be missing from the parsed object: optional leaves with no default (an optional object takes its defaults). */
type OptionalKeys<F extends Fields> = {
    [K in keyof F]: F[K] extends { kind: "int" | "string" | "enum"; optional: true } ? (F[K] extends { default: unknown } ? never : K) : never;
}[keyof F];
type ReadKeys<F extends Fields> = { [K in keyof F]: F[K] extends { kind: "custom" } ? never : K }[keyof F];

type Flat<T> = { [K in keyof T]: T[K] };

/** The object the generic reader returns for a table of fields (custom fields left to their readers). */
export type Parsed<F extends Fields> = Flat<
    { [K in Exclude<ReadKeys<F>, OptionalKeys<F>>]: Value<F[K]> } & { [K in Extract<ReadKeys<F>, OptionalKeys<F>>]?: Value<F[K]> }
>;

/**
 * Compile-time agreement of a schema's parsed type with the hand-written interface in types.ts:
 * `const _: Agree<A, B> = true` fails to compile when they differ in any key or type.
 */
export type Agree<A, B> = (<T>() => T extends Deep<A> ? 1 : 2) extends <T>() => T extends Deep<B> ? 1 : 2 ? true : { differs: [Deep<A>, Deep<B>] };

/** Intersections and Omit<> flattened all the way down, so equal shapes compare equal. */
type Deep<T> = T extends readonly unknown[] ? { [K in keyof T]: Deep<T[K]> } : T extends object ? { [K in keyof T]: Deep<T[K]> } : T;
