import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { packConfigPath, resolvePackConfig } from "../../policies/harness/packConfig";
import { ALL_PACKS, POLICIES_DIR } from "../../policies/harness/packs";
import { readStackConfig } from "../../components/config/stackConfig";
import { AUTOMATION_KEY, validateAutomation } from "../../stacks/automation/config";
import { policyGroupArgs, serviceConfig } from "../../stacks/automation/policyGroup";
import { ROOT } from "../helpers/plan";

const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];

describe("the policy group's pack configuration, in the form Pulumi Cloud stores", () => {
    it("turns a bare level into an object and keeps settings next to the level, as `pulumi policy enable --config` does", () => {
        // The same inputs and results as the CLI's conversion (pkg/cmd/pulumi/policy/policy_enable.go,
        // marshalAnalyzerPolicyConfig over parsePolicyPackConfig in pkg/resource/analyzer/config.go).
        assert.deepStrictEqual(
            serviceConfig({
                all: "advisory",
                "a-rule": "mandatory",
                "b-rule": { enforcementLevel: "advisory", maxBytes: 5120 },
                "c-rule": { minRegions: 2 },
                "d-rule": {},
                environments: ["onair/policies"],
            }),
            {
                all: { enforcementLevel: "advisory" },
                "a-rule": { enforcementLevel: "mandatory" },
                "b-rule": { maxBytes: 5120, enforcementLevel: "advisory" },
                "c-rule": { minRegions: 2 },
            },
        );
    });

    it("sends every entry of both prod pack configs as an object with a valid level and only settings the policy declares", () => {
        const automation = readStackConfig(path.join(ROOT, "stacks"), "automation");
        const config = validateAutomation(JSON.parse(automation.config[`onair-automation:${AUTOMATION_KEY}`]!), "onair-automation", () => true);
        const args = policyGroupArgs(config);
        for (const pack of ALL_PACKS) {
            const sent = (args.policyPacks as { name: string; config: Record<string, unknown> }[]).find((p) => p.name === pack.name)!;
            const file = JSON.parse(fs.readFileSync(packConfigPath(POLICIES_DIR, pack, "prod"), "utf8")) as Record<string, unknown>;
            assert.deepStrictEqual(Object.keys(sent.config).sort(), Object.keys(file).sort(), pack.name);
            for (const [policy, entry] of Object.entries(sent.config)) {
                assert.ok(entry && typeof entry === "object" && !Array.isArray(entry), `${pack.name} ${policy} is an object`);
                const { enforcementLevel, ...settings } = entry as Record<string, unknown>;
                assert.ok(LEVELS.includes(enforcementLevel as string), `${policy}: level ${String(enforcementLevel)}`);
                const schema = pack.policies.find((p) => p.name === policy)!.configSchema?.properties ?? {};
                for (const key of Object.keys(settings)) assert.ok(key in schema, `${policy}.${key} is declared by the policy`);
            }
            // What the service hands back to the CLI resolves to the same levels and thresholds as the file.
            assert.deepStrictEqual(resolvePackConfig(pack, sent.config), resolvePackConfig(pack, file), pack.name);
        }
    });
});
