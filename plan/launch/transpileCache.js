// @ts-check
/**
 * The transpile cache behind plan/launch/register.js (ADR 028).
 *
 * Each file is transpiled by ts-node in transpile-only mode, with this repository's tsconfig.json:
 * the loader Pulumi's language host uses for `pulumi up`, so the code the plan runs, and the
 * dynamic providers' serialized text the plan checks, are the code `pulumi up` deploys. The output
 * is kept in node_modules/.cache/onair-ts under a SHA-256 of everything it depends on (the file's
 * path and text, tsconfig.json and the files it extends, the ts-node and TypeScript versions, any
 * TS_NODE_* option, this loader's format): an edited file, option or compiler has a new key, so a
 * stale entry can never be read. A start whose files are all cached loads neither ts-node nor
 * TypeScript.
 *
 * Unlike ts-node it installs no source-map-support, whose stack-trace hook costs milliseconds per
 * resource under the SDK; `node --enable-source-maps` maps stack traces from the same inline maps.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { CACHE_ROOT, pruneOld, writeAtomic } = require("./cacheFiles");

/** Bump when what an entry holds, or how its key is made, changes. */
const FORMAT = "onair-ts-1";
const ROOT = path.resolve(__dirname, "..", "..");
const TSCONFIG = path.join(ROOT, "tsconfig.json");

/** @param {string} text */
function sha256(text) {
    return crypto.createHash("sha256").update(text).digest("hex");
}

/** @param {string} pkg */
function versionOf(pkg) {
    return /** @type {{ version: string }} */ (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [ROOT] }), "utf8"))).version;
}

/**
 * tsconfig.json and each file it extends, as text: they decide the output. The chain is followed
 * for relative `extends` (a package's config would be read from node_modules, which the
 * TypeScript version in the key does not cover: that case is refused rather than risked).
 * @param {string} file
 * @returns {{ text: string, allowJs: boolean }}
 */
function readConfig(file) {
    const text = fs.readFileSync(file, "utf8");
    const json = /** @type {{ extends?: string, compilerOptions?: { allowJs?: boolean } }} */ (JSON.parse(text));
    let base = { text: "", allowJs: false };
    if (json.extends !== undefined) {
        if (!json.extends.startsWith(".")) throw new Error(`${file}: plan/launch/register.js follows only relative "extends"`);
        base = readConfig(path.resolve(path.dirname(file), json.extends));
    }
    return { text: `${base.text}\0${file}\0${text}`, allowJs: json.compilerOptions?.allowJs ?? base.allowJs };
}

/** Where entries go: ONAIR_TS_CACHE, or node_modules/.cache/onair-ts of this repository. */
function cacheDir() {
    return process.env["ONAIR_TS_CACHE"] || path.join(CACHE_ROOT, "onair-ts");
}

const config = readConfig(TSCONFIG);
/** ts-node also reads options from TS_NODE_* variables (TS_NODE_COMPILER_OPTIONS, ...): part of the key. */
const tsNodeEnv = Object.keys(process.env)
    .filter((k) => k.startsWith("TS_NODE_"))
    .sort()
    .map((k) => `${k}=${process.env[k]}`);
const configKey = sha256([FORMAT, versionOf("ts-node"), versionOf("typescript"), config.text, ...tsNodeEnv].join("\0"));

/** ts-node's compiler service, created on the first file not in the cache. */
/** @type {{ compile(code: string, fileName: string): string, ignored(fileName: string): boolean } | undefined} */
let service;

/** The extensions ts-node compiles with this configuration: .ts, and .js under allowJs. */
const EXTENSIONS = config.allowJs ? [".js", ".ts"] : [".ts"];

/** Whether ts-node compiles the file (ts-node ignores everything under node_modules). */
/** @param {string} filename */
function handles(filename) {
    return EXTENSIONS.includes(path.extname(filename)) && !filename.split(/[\\/]/).includes("node_modules");
}

/**
 * ts-node's compiler. Creating it installs source-map-support, whose stack-trace hook costs the
 * SDK a source-map lookup per resource; the launcher takes the compiler, not the hook
 * (`node --enable-source-maps` maps stack traces from the same inline maps).
 * @returns {NonNullable<typeof service>}
 */
function tsNodeCompiler() {
    const created = require("ts-node").create({ transpileOnly: true, project: TSCONFIG });
    require(require.resolve("@cspotcode/source-map-support", { paths: [path.dirname(require.resolve("ts-node"))] })).uninstall();
    return created;
}

/**
 * ts-node's output for the file, from the cache or made now and cached. Writes are atomic
 * (plan/launch/cacheFiles.js); an unwritable cache only costs the next start the same work again.
 * @param {string} code
 * @param {string} filename
 */
function transpile(code, filename) {
    const key = sha256(`${configKey}\0${filename}\0${code}`);
    const dir = cacheDir();
    const entry = path.join(dir, `${key}.js`);
    try {
        return fs.readFileSync(entry, "utf8");
    } catch {
        // Not cached yet.
    }
    service ??= tsNodeCompiler();
    const output = service.compile(code, filename);
    try {
        if (!pruned) pruneOld(dir);
        pruned = true;
        fs.mkdirSync(dir, { recursive: true });
        writeAtomic(entry, output);
    } catch {
        // Read-only or full: this start still runs the right code.
    }
    return output;
}

let pruned = false;

module.exports = { EXTENSIONS, handles, transpile, cacheDir, configKey };
