// @ts-check
/**
 * A V8 code cache for every CommonJS module a plan loads (the SDK, the providers, this
 * repository's transpiled TypeScript): about 1,900 files, 20 MB of JavaScript, whose compilation
 * was a fifth of a small stack's plan. Node 22 has this built in (module.enableCompileCache);
 * Node 20 does not, so each module is compiled here as Node's loader does when its wrapper is
 * patched (a vm.Script of Module.wrap(source)), with the bytecode V8 kept from an earlier run.
 *
 * An entry's name is a SHA-1 of the file's path and text, the node version and flags, so an edited
 * file is compiled afresh, never served from an older entry; V8 itself also refuses cached data
 * made for other source or flags (then the module is compiled and the entry rewritten). Entries
 * are written when the process exits, so they hold every function the run compiled. Skipped where
 * Node must see the compilation itself: ES modules, modules with a dynamic `import(` (Node 20 loses
 * its callback in cached code), a debugger, and source-mapped stack traces.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");
const Module = require("module");
const { CACHE_ROOT, pruneOld, writeAtomic } = require("./cacheFiles");

/** @typedef {{ exports: unknown, require(id: string): unknown, _compile(content: string, filename: string, format?: string): unknown }} CjsModule */
/** @typedef {typeof Module & { _resolveFilename(r: string, m: unknown, main: boolean, o?: unknown): string, _resolveLookupPaths(r: string, m: unknown): string[] | null, _extensions: unknown, _cache: unknown, wrap(s: string): string }} ModuleInternals */

/** `import(` as code, in a string or in a comment: conservative on purpose. */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

/**
 * The module's `require`, as Node's makeRequireFunction builds it (resolve, resolve.paths, main,
 * extensions, cache).
 * @param {CjsModule} mod
 */
function makeRequire(mod) {
    const M = /** @type {ModuleInternals} */ (/** @type {unknown} */ (Module));
    /** @param {string} id */
    const require = (id) => mod.require(id);
    /** @param {string} request @param {unknown} [options] */
    const resolve = (request, options) => M._resolveFilename(request, mod, false, options);
    /** @param {string} request */
    resolve.paths = (request) => M._resolveLookupPaths(request, mod);
    return Object.assign(require, { resolve, main: process.mainModule, extensions: M._extensions, cache: M._cache });
}

/**
 * Installs the cache in this process. `dir` holds one folder per node version and flag set
 * (ONAIR_CODE_CACHE names another; ONAIR_CODE_CACHE=off leaves Node's loader alone).
 * @param {string} [dir]
 */
function installCodeCache(dir = process.env["ONAIR_CODE_CACHE"] || path.join(CACHE_ROOT, "onair-v8")) {
    if (dir === "off") return;
    const builtIn = /** @type {{ enableCompileCache?: (dir: string) => unknown }} */ (/** @type {unknown} */ (Module)).enableCompileCache;
    // Node 22's own cache (keyed by content hash too) where there is one.
    if (builtIn) return void builtIn(path.join(dir, "node"));
    // Before Node 20.12 a vm.Script cannot use the default loader for import(); a debugger must
    // see Node's own compilation (--inspect-brk stops on the first line): Node's loader then.
    if (vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER === undefined || process.execArgv.some((a) => a.startsWith("--inspect"))) return;
    // The SDK's closure serializer sets this flag when it loads (runtime/closure/v8.js), and V8
    // refuses cached data made under other flags: set first, every entry is made and read alike.
    v8.setFlagsFromString("--allow-natives-syntax");
    const flags = process.execArgv.filter((a) => !a.startsWith("--cpu-prof") && !a.startsWith("--heap-prof"));
    const folder = path.join(
        dir,
        crypto
            .createHash("sha1")
            .update([process.version, process.arch, ...flags].join("\0"))
            .digest("hex")
            .slice(0, 16),
    );
    const M = /** @type {ModuleInternals} */ (/** @type {unknown} */ (Module));
    /** @type {[string, vm.Script][]} */
    const made = [];
    const proto = /** @type {CjsModule} */ (/** @type {unknown} */ (Module.prototype));
    const original = proto._compile;

    proto._compile = function (content, filename, format) {
        // Node 20 drops a script's dynamic-import callback when V8 deserializes it from cached data:
        // `import()` in it, or in code it evals, then throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING
        // (test/bench/launch.test.ts). A module whose text has `import(` anywhere is Node's to compile.
        if (format === "module" || DYNAMIC_IMPORT.test(content)) return original.call(this, content, filename, format);
        const entry = path.join(folder, crypto.createHash("sha1").update(`${filename}\0`).update(content).digest("hex"));
        /** @type {Buffer | undefined} */
        let cachedData;
        try {
            cachedData = fs.readFileSync(entry);
        } catch {
            // Not cached yet.
        }
        // A hashbang line is a comment of the same length (Module.wrap puts code before it).
        const source = content.startsWith("#!") ? `//${content.slice(2)}` : content;
        let script;
        try {
            script = new vm.Script(M.wrap(source), {
                filename,
                ...(cachedData ? { cachedData } : {}),
                importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
            });
        } catch {
            // Node's loader reports the syntax error, or loads ES module syntax as such.
            return original.call(this, content, filename, format);
        }
        if (!cachedData || script.cachedDataRejected) made.push([entry, script]);
        const wrapper = /** @type {Function} */ (script.runInThisContext({ displayErrors: true }));
        return Reflect.apply(wrapper, this.exports, [this.exports, makeRequire(this), this, filename, path.dirname(filename)]);
    };

    process.once("exit", () => {
        if (made.length === 0) return;
        try {
            fs.mkdirSync(folder, { recursive: true });
            for (const [entry, script] of made) writeAtomic(entry, script.createCachedData());
            pruneOld(folder);
        } catch {
            // Read-only or full: the next run compiles again.
        }
    });
}

module.exports = { installCodeCache };
