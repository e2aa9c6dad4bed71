/**
 * Canary for the Pulumi SDK internals the offline planner relies on (contracts/sdkInternals.ts, ADR 003):
 * fails with the internal's name and use when the pinned @pulumi/pulumi changes shape, and checks
 * that no other source file reaches into the SDK on its own.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { createMocks } from "../../plan/mocks";
import {
    internalProblems,
    MOCK_MONITOR_MEMBERS,
    mockMonitorProblems,
    sdkChangedMessage,
    sdkInternals,
    sdkVersion,
    WAIT_FOR_RPCS,
} from "../../contracts/sdkInternals";
import { ROOT } from "../helpers/plan";

/** Source files of the program, the packs, the planner and the tools (tests may drive SDK hosts). */
function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(p);
        return /\.(ts|js|mjs)$/.test(e.name) ? [p] : [];
    });
}

describe("Pulumi SDK internals the planner relies on (canary)", () => {
    it("runs against the @pulumi/pulumi version package.json pins", () => {
        const pinned = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies[
            "@pulumi/pulumi"
        ];
        assert.strictEqual(sdkVersion(), pinned, "the installed SDK is not the pinned one: run npm ci");
    });

    it("finds every internal, of the kind the planner uses it as", () => {
        const problems = internalProblems();
        assert.deepStrictEqual(problems, [], sdkChangedMessage(problems));
        // The list ADR 003 gives: a new internal must be added to the ADR as well.
        const listed = fs.readFileSync(path.join(ROOT, "docs/adr/003-offline-plan-on-the-mock-runtime.md"), "utf8").replace(/\s+/g, " ");
        for (const i of sdkInternals()) assert.ok(listed.includes(`${i.module} ${i.path.join(".")}`), `ADR 003 lists ${i.module} ${i.path.join(".")}`);
    });

    it("finds the mock monitor members it replaces, once setMocks installed the SDK's monitor", async () => {
        await pulumi.runtime.setMocks(createMocks(), "canary", "canary", false);
        const problems = mockMonitorProblems(pulumi.runtime.getMonitor());
        assert.deepStrictEqual(problems, [], sdkChangedMessage(problems));
    });

    it("names the internal that went missing, and the monitor members a different monitor lacks", () => {
        const owner = WAIT_FOR_RPCS.owner();
        const saved = owner["waitForRPCs"];
        try {
            owner["waitForRPCs"] = undefined;
            assert.deepStrictEqual(internalProblems(), [
                "runtime/settings waitForRPCs: expected a function, found undefined; the planner uses it to wait for every outstanding registration before reading the captured plan",
            ]);
        } finally {
            owner["waitForRPCs"] = saved;
        }
        assert.strictEqual(mockMonitorProblems({}).length, Object.keys(MOCK_MONITOR_MEMBERS).length);
        assert.match(sdkChangedMessage(["x"]), /@pulumi\/pulumi \d+\.\d+\.\d+ has changed[\s\S]*contracts\/sdkInternals\.ts and ADR 003/);
    });

    it("is the only planner file that requires an @pulumi/pulumi subpath (the program's one use is listed there too)", () => {
        const allowed = new Set(["contracts/sdkInternals.ts", "components/config/load.ts"]);
        const offenders = ["contracts", "plan", "policies", "components", "stacks", "tools"]
            .flatMap((d) => sources(path.join(ROOT, d)))
            .concat([path.join(ROOT, "index.ts")])
            .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
            .filter((f) => !allowed.has(f) && /(require\(|from )["']@pulumi\/pulumi\/(?!package\.json)/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
        assert.deepStrictEqual(offenders, []);
        // The program's one internal, isConfigSecret, is in the canary's list.
        assert.ok(sdkInternals().some((i) => i.module === "runtime/config" && i.path.join(".") === "isConfigSecret"));
    });
});
