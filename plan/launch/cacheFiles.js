// @ts-check
/** Files of the launcher's caches (plan/launch/transpileCache.js, plan/launch/codeCache.js). */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

/** Where the caches live: this repository's node_modules/.cache (per checkout, never committed). */
const CACHE_ROOT = path.join(path.resolve(__dirname, "..", ".."), "node_modules", ".cache");

/** Entries older than this are removed by a run that writes new ones (one still used is made again). */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

/**
 * Writes through a temporary file renamed into place: a concurrent or interrupted run never reads
 * half an entry.
 * @param {string} file
 * @param {string | NodeJS.ArrayBufferView} data
 */
function writeAtomic(file, data) {
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
}

/**
 * Removes entries (and leftovers of interrupted writes) made long ago.
 * @param {string} dir
 */
function pruneOld(dir) {
    const now = Date.now();
    /** @type {string[]} */
    let names;
    try {
        names = fs.readdirSync(dir);
    } catch {
        return;
    }
    for (const name of names) {
        const file = path.join(dir, name);
        try {
            if (now - fs.statSync(file).mtimeMs > MAX_AGE_MS) fs.rmSync(file, { force: true });
        } catch {
            // Removed by a concurrent run.
        }
    }
}

module.exports = { CACHE_ROOT, writeAtomic, pruneOld };
