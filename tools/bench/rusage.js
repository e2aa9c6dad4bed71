// @ts-check
/**
 * Loaded into every Node process of a measured command through NODE_OPTIONS (npm, the plan CLI,
 * its plan process): at exit each appends its own CPU time and peak memory to the file named by
 * ONAIR_BENCH_RUSAGE, so the benchmark sees the whole process tree, not only the one it started.
 */
"use strict";
const fs = require("fs");

const file = process.env["ONAIR_BENCH_RUSAGE"];
if (file) {
    process.once("exit", () => {
        const r = process.resourceUsage();
        const line = { pid: process.pid, script: process.argv[1] ?? "", userUs: r.userCPUTime, systemUs: r.systemCPUTime, maxRssKb: r.maxRSS };
        fs.appendFileSync(file, JSON.stringify(line) + "\n");
    });
}
