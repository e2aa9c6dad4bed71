import * as acorn from "acorn";
import * as walk from "acorn-walk";
import * as nodeCrypto from "crypto";
import * as fs from "fs";
import * as vm from "vm";
import { VIEWER_REQUEST_SOURCE } from "../components/delivery/edgeFunction";

/** The viewer-request function as deployed: a real JavaScript file, not compiled TypeScript. */
export const VIEWER_REQUEST_FILE = VIEWER_REQUEST_SOURCE;

/** CloudFront's hard limit for function code, comments included. */
export const FUNCTION_SIZE_LIMIT = 10 * 1024;

export function functionSource(file = VIEWER_REQUEST_FILE): string {
    return fs.readFileSync(file, "utf8");
}

/**
 * Constructs the cloudfront-js-2.0 runtime documents as unsupported or reported to fail in
 * production; the function must avoid all of them.
 */
const FORBIDDEN: Record<string, string> = {
    ChainExpression: "optional chaining",
    ObjectPattern: "destructuring",
    ArrayPattern: "destructuring",
    SpreadElement: "spread",
    AssignmentPattern: "default parameters",
    ClassDeclaration: "classes",
    ClassExpression: "classes",
    ForOfStatement: "for-of",
    ForInStatement: "for-in over objects",
    YieldExpression: "generators",
    TaggedTemplateExpression: "tagged templates",
    ImportExpression: "dynamic import",
    ExportNamedDeclaration: "exports",
    ExportDefaultDeclaration: "exports",
};

const FORBIDDEN_GLOBALS = ["eval", "Function", "setTimeout", "setInterval", "setImmediate", "process", "require", "fetch", "globalThis"];
const MODULES = ["cloudfront", "crypto"];

/** Returns the problems found; empty when the source stays inside the cloudfront-js-2.0 subset. */
export function checkRuntimeSubset(source: string): string[] {
    const problems: string[] = [];
    const ast = acorn.parse(source, { ecmaVersion: 2020, sourceType: "module", locations: true, allowAwaitOutsideFunction: false });
    walk.full(ast, (node) => {
        const n = node as acorn.Node & { loc?: acorn.SourceLocation };
        const line = n.loc?.start.line ?? 0;
        const why = FORBIDDEN[node.type];
        if (why) problems.push(`line ${line}: ${why} (${node.type}) is not in the cloudfront-js-2.0 subset`);
        if (node.type === "FunctionDeclaration" || node.type === "FunctionExpression") {
            if ((node as acorn.Function).generator) problems.push(`line ${line}: generators are not supported`);
        }
        if (node.type === "Identifier" && FORBIDDEN_GLOBALS.includes((node as acorn.Identifier).name)) {
            problems.push(`line ${line}: ${(node as acorn.Identifier).name} is not available at the edge`);
        }
        if (node.type === "ImportDeclaration") {
            const src = String((node as acorn.ImportDeclaration).source.value);
            if (!MODULES.includes(src)) problems.push(`line ${line}: module ${src} is not available (use ${MODULES.join(", ")})`);
        }
    });
    return problems;
}

export interface Kvs {
    get(key: string, opts?: { format?: string }): Promise<string>;
    exists(key: string): Promise<boolean>;
}

/** Which reads of the store fail, as a service outage or throttling would make them. */
export interface KvsFaults {
    /** get() rejects for these keys (or every key) although they exist. */
    get?: boolean | ((key: string) => boolean);
    /** exists() rejects for these keys (or every key). */
    exists?: boolean | ((key: string) => boolean);
}

function faulty(rule: KvsFaults["get"], key: string): boolean {
    return typeof rule === "function" ? rule(key) : rule === true;
}

/**
 * A KeyValueStore with the service's semantics: get of a missing key rejects, and (with `faults`)
 * reads fail the way a store outage makes them fail: a rejected promise, not a missing key.
 */
export function memoryKvs(entries: Record<string, string>, faults: KvsFaults = {}): Kvs & { reads: number } {
    const store = { reads: 0 } as Kvs & { reads: number };
    store.get = async (key: string) => {
        store.reads++;
        if (faulty(faults.get, key)) throw new Error(`InternalError: the key value store did not answer (${key})`);
        if (!Object.prototype.hasOwnProperty.call(entries, key)) throw new Error(`KeyNotFound: ${key}`);
        return entries[key]!;
    };
    store.exists = async (key: string) => {
        store.reads++;
        if (faulty(faults.exists, key)) throw new Error(`InternalError: the key value store did not answer (${key})`);
        return Object.prototype.hasOwnProperty.call(entries, key);
    };
    return store;
}

export type ViewerHandler = (event: unknown) => Promise<Record<string, unknown>>;

/**
 * Loads the function into a fresh V8 context holding only what the edge runtime provides: the
 * `cloudfront` and `crypto` modules (as their import bindings), Buffer, atob/btoa, TextEncoder/
 * TextDecoder, console.log and a Date frozen at `nowSeconds`. No require, process, timers or network.
 * `isolate: false` compiles it in this context with the same bindings (benchmarks only).
 */
export function loadViewerHandler(opts: { kvs: Kvs; nowSeconds: number; source?: string; isolate?: boolean }): ViewerHandler {
    const source = opts.source ?? functionSource();
    const imports = /^import (\w+) from '(cloudfront|crypto)';\n/gm;
    const bindings: string[] = [];
    const body = source.replace(imports, (_m, name: string, mod: string) => {
        bindings.push(`${name}:${mod}`);
        return "";
    });
    const frozen = opts.nowSeconds * 1000;
    class FrozenDate extends Date {
        constructor(...args: unknown[]) {
            if (args.length === 0) super(frozen);
            else super(...(args as [number]));
        }
        static override now() {
            return frozen;
        }
    }
    const cryptoModule = {
        createHmac: (alg: string, key: string | Buffer) => nodeCrypto.createHmac(alg, key),
        createHash: (alg: string) => nodeCrypto.createHash(alg),
    };
    const modules: Record<string, unknown> = { cloudfront: { kvs: () => opts.kvs }, crypto: cryptoModule };
    const sandbox: Record<string, unknown> = {
        Buffer,
        atob,
        btoa,
        TextEncoder,
        TextDecoder,
        Date: FrozenDate,
        console: { log: (_s: string) => undefined },
    };
    for (const b of bindings) {
        const [name, mod] = b.split(":") as [string, string];
        sandbox[name] = modules[mod];
    }
    if (opts.isolate === false) {
        // The benchmark measures the function's own cost: the same bindings, in this context, so
        // no call crosses a V8 context boundary (CloudFront's runtime has none either).
        const names = Object.keys(sandbox);
        const make = vm.compileFunction(`"use strict";\n${body}\n;return handler;`, names, { filename: "viewer-request.js" });
        return make(...names.map((n) => sandbox[n])) as ViewerHandler;
    }
    const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
    return vm.runInContext(`${body}\n;handler`, context, { filename: "viewer-request.js" }) as ViewerHandler;
}

/** A viewer-request event as CloudFront delivers it. */
export function viewerEvent(
    uri: string,
    opts: { query?: Record<string, string>; headers?: Record<string, string>; cookies?: Record<string, string>; ip?: string; method?: string } = {},
): Record<string, unknown> {
    const querystring: Record<string, { value: string }> = {};
    for (const [k, v] of Object.entries(opts.query ?? {})) querystring[k] = { value: v };
    const cookies: Record<string, { value: string }> = {};
    for (const [k, v] of Object.entries(opts.cookies ?? {})) cookies[k] = { value: v };
    const headers: Record<string, { value: string }> = { host: { value: "live.example-rsn.com" } };
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = { value: v };
    return {
        version: "1.0",
        context: {
            distributionDomainName: "d111111abcdef8.cloudfront.net",
            distributionId: "EDFDVBD6EXAMPLE",
            eventType: "viewer-request",
            requestId: "req-1",
        },
        viewer: { ip: opts.ip ?? "198.51.100.7" },
        request: { method: opts.method ?? "GET", uri, querystring, headers, cookies },
    };
}
