import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PolicyResource, PolicyResourceOptions, StackValidationArgs } from "@pulumi/policy";
import { ALL_PACKS, packRunsForStack, POLICIES_DIR } from "../../policies/harness/packs";
import { PackConfigError } from "../../contracts/packConfigError";
import { resolvePackConfig } from "../../policies/harness/packConfig";

const VERBS = ["missing", "disallow", "enable", "configure", "enforce"];

function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("policy settings the engine leaves out", () => {
    it("fall back to the schema's defaults inside the rule, so a threshold is never undefined", async () => {
        const { enforceMultiRegion } = await import("../../policies/broadcast/stack/onair-stack-channels-enforce-multi-region");
        const opts: PolicyResourceOptions = {
            protect: false,
            ignoreChanges: [],
            aliases: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            additionalSecretOutputs: [],
        };
        const channel: PolicyResource = {
            type: "aws:medialive/channel:Channel",
            urn: "urn:pulumi:p::o::aws:medialive/channel:Channel::lonely",
            name: "lonely",
            props: { region: "us-east-1", name: "lonely", destinations: [{ id: "d", settings: [{ url: "https://origin.example.com/live" }] }] },
            opts,
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        };
        const reported: string[] = [];
        // As the SDK calls a stack rule when configure() named no settings for it: getConfig() is {}.
        const args: StackValidationArgs = {
            resources: [channel],
            stackTags: new Map(),
            getConfig: <T extends object>() => ({}) as T,
            notApplicable: () => {
                throw new Error("n/a");
            },
        };
        await enforceMultiRegion.validateStack!(args, (m: string) => reported.push(m));
        assert.match(reported[0] ?? "", /runs in 1 region .*run it in at least 2 regions/);
    });
});

describe("policy packs: conventions every rule follows", () => {
    const policies = ALL_PACKS.flatMap((p) => p.policies.map((policy) => ({ pack: p, policy })));

    it("has unique names across both packs", () => {
        const names = policies.map((p) => p.policy.name);
        assert.strictEqual(new Set(names).size, names.length);
    });

    for (const { pack, policy } of policies) {
        describe(policy.name, () => {
            it("is named onair-<service>-<resource>-<verb>-<thing> and lives in a file of that name under its pack", () => {
                const m = /^onair-([a-z0-9]+)-([a-z0-9]+)-([a-z]+)-([a-z0-9-]+)$/.exec(policy.name);
                assert.ok(m, policy.name);
                assert.ok(VERBS.includes(m[3]!), `verb ${m[3]} is not one of ${VERBS.join(", ")}`);
                const found = files(path.join(POLICIES_DIR, pack.dir)).filter((f) => path.basename(f) === `${policy.name}.ts`);
                assert.strictEqual(found.length, 1, `expected policies/${pack.dir}/**/${policy.name}.ts`);
            });
            it("documents itself: full-sentence description, rationale, severity, level, AWS doc link, remediation", () => {
                assert.match(policy.description, /^[A-Z].{20,}\.$/);
                assert.match(policy.rationale, /^[A-Z].{40,}\.$/);
                assert.ok(["low", "medium", "high", "critical"].includes(policy.severity));
                assert.ok(["advisory", "mandatory"].includes(policy.enforcementLevel));
                assert.match(policy.url, /^https:\/\/(docs\.aws\.amazon\.com|www\.pulumi\.com)\//);
                assert.match(policy.remediationSteps, /^[A-Z].+\.$/);
            });
            it("gives every config setting a type, a default and a description", () => {
                for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
                    assert.ok(typeof schema === "object" && schema.type && schema.default !== undefined && schema.description, `${policy.name}.${key}`);
                }
            });
        });
    }

    it("resolves the prod configs of both packs against the policies' schemas", () => {
        const runs = packRunsForStack("prod");
        const fec = runs[0]!.config.get("onair-medialive-channel-configure-udp-fec")!;
        assert.deepStrictEqual(fec, { enforcementLevel: "mandatory", config: { minColumnDepth: 5, minRowLength: 10 } });
        const quotas = runs[0]!.config.get("onair-cloudfront-distribution-configure-quotas")!;
        assert.strictEqual(quotas.enforcementLevel, "advisory");
        for (const run of runs) assert.strictEqual(run.config.size, run.pack.policies.length);
    });

    it("applies schema defaults, the `all` level, and rejects unknown policies, settings and levels", () => {
        const broadcast = ALL_PACKS[0]!;
        const resolved = resolvePackConfig(broadcast, { all: "advisory" });
        assert.deepStrictEqual(resolved.get("onair-medialive-channel-configure-udp-fec"), {
            enforcementLevel: "advisory",
            config: { minColumnDepth: 4, minRowLength: 4 },
        });
        assert.throws(
            () => resolvePackConfig(broadcast, { "onair-nope": "mandatory" }),
            (e: unknown) => e instanceof PackConfigError && /"onair-nope" is not a policy of onair-broadcast/.test(e.message),
        );
        assert.throws(
            () => resolvePackConfig(broadcast, { "onair-medialive-channel-configure-udp-fec": { minColumnDepth: 2 } }),
            /minColumnDepth is 2; the minimum is 4/,
        );
        assert.throws(() => resolvePackConfig(broadcast, { "onair-medialive-channel-configure-udp-fec": { rows: 5 } }), /has no setting "rows"/);
        assert.throws(() => resolvePackConfig(broadcast, { all: "strict" }), /"strict"; use one of advisory, mandatory, remediate, disabled/);
    });
});
