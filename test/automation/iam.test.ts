import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { guardVerdict } from "../../stacks/automation/guard";
import { prodPlan, ROOT } from "../helpers/plan";

const DOC = fs.readFileSync(path.join(ROOT, "docs", "iam.md"), "utf8");
const POLICIES = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as { Statement: any[] });
const [PREVIEW_PERMISSIONS, PREVIEW_TRUST, DEPLOY_TRUST] = POLICIES;
const actions = (p: { Statement: any[] }) => p.Statement.flatMap((s) => [s.Action].flat() as string[]);

describe("docs/iam.md (the roles of the real path)", () => {
    it("holds the preview role's permissions and trust and the deploy role's trust, as valid JSON", () => {
        assert.strictEqual(POLICIES.length, 3);
        for (const p of POLICIES) assert.ok(p.Statement.every((s) => s.Effect === "Allow"));
    });

    it("gives the preview role reads only", () => {
        // IAM action names start with the verb; none of these may change anything.
        const writes = actions(PREVIEW_PERMISSIONS!).filter(
            (a) =>
                /:(Create|Update|Delete|Put|Start|Stop|Tag|Untag|Associate|Disassociate|Publish|Import|Batch|Modify|Attach|Detach|Pass)/.test(a) ||
                a.endsWith(":*"),
        );
        assert.deepStrictEqual(writes, []);
        assert.ok(
            actions(PREVIEW_PERMISSIONS!).every((a) => /^[\w-]+:(Get|Describe|List)\w*$/.test(a)),
            actions(PREVIEW_PERMISSIONS!).join(", "),
        );
    });

    it("names reads for every service whose aws-native or dynamic resources prod refreshes", async () => {
        const plan = await prodPlan();
        const services = new Set(
            plan.resources
                .map((r) => /^aws-native:(\w+):/.exec(r.type)?.[1] ?? (r.type.startsWith("pulumi-nodejs:dynamic/medialive:") ? "medialive" : undefined))
                .filter((s): s is string => s !== undefined),
        );
        assert.deepStrictEqual([...services].sort(), ["cloudfront", "mediaconnect", "medialive", "mediapackagev2", "mediatailor", "wafv2"]);
        const granted = new Set(actions(PREVIEW_PERMISSIONS!).map((a) => a.split(":")[0]));
        for (const s of services) assert.ok(granted.has(s), `no read for ${s}`);
        // The MediaLive dynamic resources' refreshes call DescribeChannel, DescribeInput and DescribeSchedule (sdkApi.ts).
        for (const a of ["medialive:DescribeChannel", "medialive:DescribeInput", "medialive:DescribeSchedule"])
            assert.ok(actions(PREVIEW_PERMISSIONS!).includes(a), a);
        // aws-native reads go through Cloud Control.
        assert.ok(actions(PREVIEW_PERMISSIONS!).includes("cloudformation:GetResource"));
    });

    it("trusts the preview role for pull requests and for every Deployments operation on prod but the three that change it", () => {
        const [github, deployments] = PREVIEW_TRUST!.Statement;
        assert.strictEqual(github.Condition.StringEquals["token.actions.githubusercontent.com:sub"], "repo:<owner>/<repo>:pull_request");
        assert.strictEqual(deployments.Condition.StringLike["api.pulumi.com/oidc:sub"], "pulumi:deploy:org:<org>:project:onair:stack:prod:*");
        const refused = deployments.Condition.StringNotLike["api.pulumi.com/oidc:sub"] as string[];
        // The guard refuses the same operations (PULUMI_CI_OPERATION values that change a stack).
        assert.deepStrictEqual(refused.map((p) => /:operation:([\w-]+):/.exec(p)![1]).sort(), ["destroy", "remediate-drift", "update"]);
        const quiet = () => ({ code: 0 as const, line: "prod: no game on air." });
        for (const op of refused.map((p) => /:operation:([\w-]+):/.exec(p)![1]!)) assert.strictEqual(guardVerdict(op, "prod", quiet).code, 1, op);
        for (const op of ["preview", "refresh", "detect-drift"]) assert.strictEqual(guardVerdict(op, "prod", quiet).code, 0, op);
    });

    it("trusts the deploy role only for the environment the deploy job runs in", () => {
        const deploy = YAML.parse(fs.readFileSync(path.join(ROOT, ".github", "workflows", "deploy.yml"), "utf8"));
        const sub = DEPLOY_TRUST!.Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"];
        assert.strictEqual(sub, `repo:<owner>/<repo>:environment:${deploy.jobs.up.environment}`);
    });
});
