// @ts-check
/**
 * `node -r ./plan/launch/register.js file.ts`: runs this repository's TypeScript without a build
 * step and without loading a compiler on every start, through the transpile cache of
 * plan/launch/transpileCache.js, and compiles every module with V8's code cache
 * (plan/launch/codeCache.js) unless stack traces are source-mapped (ADR 028). Registering twice,
 * or under ts-node, is a no-op.
 */
"use strict";
const { installCodeCache } = require("./codeCache");
const { EXTENSIONS, handles, transpile } = require("./transpileCache");

const REGISTERED = Symbol.for("onair.launch.registered");
const TS_NODE = Symbol.for("ts-node.register.instance");

/** @typedef {{ _compile(code: string, filename: string): unknown }} CompilableModule */
/** @typedef {(module: CompilableModule, filename: string) => void} ExtensionHandler */

/** Hooks the extensions as ts-node's register does: the module's own _compile gets the output. */
function install() {
    const extensions = /** @type {Record<string, ExtensionHandler>} */ (/** @type {unknown} */ (require.extensions));
    const jsHandler = /** @type {ExtensionHandler} */ (extensions[".js"]);
    for (const ext of EXTENSIONS) {
        const previous = extensions[ext] ?? jsHandler;
        extensions[ext] = function (module, filename) {
            if (!handles(filename)) return previous(module, filename);
            const compile = module._compile;
            module._compile = function (code, fileName) {
                return compile.call(this, transpile(code, fileName), fileName);
            };
            return previous(module, filename);
        };
    }
}

const flags = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (process));
if (!flags[REGISTERED] && !flags[TS_NODE]) {
    flags[REGISTERED] = true;
    // Node maps stack traces only for modules its own loader compiled.
    const mapped = process.execArgv.includes("--enable-source-maps") || /** @type {{ sourceMapsEnabled?: boolean }} */ (process).sourceMapsEnabled === true;
    if (!mapped) installCodeCache();
    install();
}
