import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { NAMED_QUERIES } from "../../components/observability/queries";
import { parseArgs } from "../../plan/args";
import { parseCheckArgs } from "../../stacks/automation/cliArgs";
import { guardCommand } from "../../stacks/automation/settings";
import { ROOT } from "../helpers/plan";

const WORKFLOWS = path.join(ROOT, ".github", "workflows");
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

interface Step {
    id?: string;
    uses?: string;
    run?: string;
    if?: string;
    name?: string;
    with?: Record<string, string>;
    env?: Record<string, string>;
}
interface Job {
    uses?: string;
    needs?: string | string[];
    if?: string;
    permissions?: Record<string, string>;
    steps?: Step[];
    environment?: string;
    strategy?: { matrix?: Record<string, string[]> };
    outputs?: Record<string, string>;
    concurrency?: { group: string; "cancel-in-progress": boolean };
}
interface Workflow {
    name: string;
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

function workflow(file: string): Workflow {
    return YAML.parse(fs.readFileSync(path.join(WORKFLOWS, file), "utf8")) as Workflow;
}

/**
 * Checks one shell command a workflow or the runbook runs: npm scripts exist, and the offline
 * tools accept the arguments given.
 */
function checkNpmCommand(line: string): string | undefined {
    const words = line.trim().split(/\s+/);
    if (words[0] !== "npm") return undefined;
    if (words[1] === "ci" || words[1] === "test") return words[1] === "test" && !scripts["test"] ? "npm test has no script" : undefined;
    if (words[1] !== "run") return `unexpected npm command: ${line}`;
    const script = words[2]!;
    if (!scripts[script]) return `npm run ${script}: no such script in package.json`;
    const sep = words.indexOf("--");
    const args =
        sep >= 0
            ? words
                  .slice(sep + 1)
                  .map((a) =>
                      a.replace(/^"|"$/g, "").replace("$GITHUB_STEP_SUMMARY", "summary.md").replace("$GITHUB_OUTPUT", "out.txt").replace("$PLAN_STACK", "prod"),
                  )
            : [];
    if (script === "plan") {
        try {
            parseArgs(args);
        } catch (e) {
            return `npm run plan -- ${args.join(" ")}: ${(e as Error).message}`;
        }
    }
    if (script === "freeze-check") {
        for (let i = 0; i < args.length; i += 2) {
            if (!["--stack", "--as-of"].includes(args[i]!) || args[i + 1] === undefined) return `npm run freeze-check -- ${args.join(" ")}: bad arguments`;
        }
    }
    const extra: Record<string, string[]> = { "deployments-guard": ["--operation"], "opening-update": ["--github-output"] };
    if (script in extra) {
        try {
            parseCheckArgs(
                args.map((a) => a.replace("summary.md", "out.txt")),
                extra[script],
            );
        } catch (e) {
            return `npm run ${script} -- ${args.join(" ")}: ${(e as Error).message}`;
        }
    }
    return undefined;
}

function runLines(w: Workflow): string[] {
    return Object.values(w.jobs).flatMap((j) => (j.steps ?? []).flatMap((s) => (s.run ?? "").split("\n").filter((l) => l.trim() !== "")));
}

describe("GitHub workflows", () => {
    const files = fs.readdirSync(WORKFLOWS).filter((f) => f.endsWith(".yml"));

    it("parse as YAML, with a name, triggers and jobs", () => {
        assert.deepStrictEqual(files.sort(), ["deploy.yml", "gate.yml", "pull-request.yml"]);
        for (const f of files) {
            const w = workflow(f);
            assert.ok(w.name && w.on && Object.keys(w.jobs).length > 0, f);
        }
    });

    it("run only commands that exist in package.json, with arguments the tools accept", () => {
        const problems = files.flatMap((f) =>
            runLines(workflow(f))
                .map((l) => checkNpmCommand(l))
                .filter((p): p is string => p !== undefined)
                .map((p) => `${f}: ${p}`),
        );
        assert.deepStrictEqual(problems, []);
        assert.ok(files.flatMap((f) => runLines(workflow(f))).length >= 6);
    });

    it("gate pull requests without cloud credentials: type check, tests and the offline plan of every stack as the job summary", () => {
        const gate = workflow("gate.yml");
        assert.ok("workflow_call" in gate.on);
        const text = fs.readFileSync(path.join(WORKFLOWS, "gate.yml"), "utf8");
        assert.ok(!/secrets\.|id-token/.test(text), "the gate must run for forks, which get no secrets");
        const lines = runLines(gate);
        for (const cmd of ["npm ci", "npm run typecheck", "npm test", 'npm run plan -- --all --markdown "$GITHUB_STEP_SUMMARY"'])
            assert.ok(lines.includes(cmd), cmd);
        const pr = workflow("pull-request.yml");
        assert.ok("pull_request" in pr.on);
        assert.strictEqual(pr.jobs["gate"]!.uses, "./.github/workflows/gate.yml");
    });

    it("preview with both packs and the stack's pack configs only when credentials exist, commenting on the pull request", () => {
        const job = workflow("pull-request.yml").jobs["preview"]!;
        assert.strictEqual(job.needs, "gate");
        assert.match(job.if!, /vars\.PULUMI_ORG != ''/);
        assert.match(job.if!, /head\.repo\.full_name == github\.repository/);
        const step = job.steps!.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        assert.strictEqual(step.with!["command"], "preview");
        assert.strictEqual(step.with!["comment-on-pr"], true as unknown as string);
        assert.deepStrictEqual(step.with!["policyPacks"]!.trim().split("\n"), ["policies/broadcast", "policies/security"]);
        for (const stack of job.strategy!.matrix!["stack"]!) {
            for (const p of step.with!["policyPackConfigs"]!.trim().split("\n")) {
                assert.ok(fs.existsSync(path.join(ROOT, p.replace("${{ matrix.stack }}", stack))), p);
            }
        }
        for (const p of step.with!["policyPacks"]!.trim().split("\n")) assert.ok(fs.existsSync(path.join(ROOT, p, "PulumiPolicy.yaml")), p);
        assert.strictEqual(job.permissions!["id-token"], "write");
    });

    it("the preview job exports prod's state read-only (ciphertext secrets, never uploaded) and plans the change against it", () => {
        const job = workflow("pull-request.yml").jobs["preview"]!;
        const steps = job.steps!;
        const preview = steps.findIndex((s) => s.uses?.startsWith("pulumi/actions@"));
        const impact = steps.findIndex((s) => /pulumi stack export/.test(s.run ?? ""));
        assert.ok(preview >= 0 && impact > preview, "the export runs after the action installed the CLI");
        const run = steps[impact]!.run!;
        assert.ok(!run.includes("--show-secrets"), "secrets stay ciphertext");
        assert.match(run, /pulumi stack export --stack "\$STACK" --file "\$RUNNER_TEMP\/state\.json"/);
        assert.match(run, /npm run plan -- --stack "\$PLAN_STACK" --against "\$RUNNER_TEMP\/state\.json" --markdown/);
        assert.strictEqual(steps[impact]!.env!["PLAN_STACK"], "${{ matrix.stack }}");
        assert.match(run, />> "\$GITHUB_STEP_SUMMARY"/);
        assert.strictEqual(steps[impact]!.env!["PULUMI_ACCESS_TOKEN"], "${{ secrets.PULUMI_PREVIEW_TOKEN }}");
        assert.ok(!steps.some((s) => s.uses?.startsWith("actions/upload-artifact@")), "the export is never uploaded");
    });

    it("deploy prod from main after the same gate, never during a game unless forced, one update at a time", () => {
        const w = workflow("deploy.yml");
        assert.deepStrictEqual((w.on["push"] as { branches: string[] }).branches, ["main"]);
        const up = w.jobs["up"]!;
        assert.deepStrictEqual(up.needs, ["trigger", "gate"]);
        assert.strictEqual(w.jobs["gate"]!.uses, "./.github/workflows/gate.yml");
        assert.strictEqual(up.environment, "prod");
        const steps = up.steps!;
        const freeze = steps.findIndex((s) => s.run === "npm run freeze-check -- --stack prod");
        const deploy = steps.findIndex((s) => s.uses?.startsWith("pulumi/actions@") && s.with?.["command"] === "up");
        assert.ok(freeze >= 0 && deploy > freeze, "the freeze check runs before pulumi up");
        assert.strictEqual(steps[freeze]!.if, "${{ !inputs.force }}");
        assert.match(steps[deploy]!.with!["stack-name"]!, /\/onair\/prod$/);
        // On the job: the daily check that deploys nothing must not displace a waiting update.
        assert.deepStrictEqual(up.concurrency, { group: "deploy-prod", "cancel-in-progress": false });
        assert.ok(!("concurrency" in w), "a workflow-level group would let the daily run cancel a pending push");
    });

    it("change prod in exactly one job: the deploy job, with both packs, the freeze, the reviewers and the deploy role", () => {
        const ups: string[] = [];
        for (const f of files) {
            for (const [name, job] of Object.entries(workflow(f).jobs)) {
                for (const step of job.steps ?? []) {
                    const runsUp =
                        (step.uses?.startsWith("pulumi/actions@") && ["up", "destroy", "refresh"].includes(step.with?.["command"] ?? "")) ||
                        /\bpulumi (up|destroy|refresh|import)\b/.test(step.run ?? "");
                    if (runsUp) ups.push(`${f}:${name}:${step.with?.["command"] ?? step.run}`);
                }
            }
        }
        assert.deepStrictEqual(ups, ["deploy.yml:up:up"]);
        const up = workflow("deploy.yml").jobs["up"]!;
        const step = up.steps!.find((s) => s.with?.["command"] === "up")!;
        assert.deepStrictEqual(step.with!["policyPacks"]!.trim().split("\n"), ["policies/broadcast", "policies/security"]);
        assert.deepStrictEqual(step.with!["policyPackConfigs"]!.trim().split("\n"), [
            "policies/broadcast/config.prod.json",
            "policies/security/config.prod.json",
        ]);
        assert.strictEqual(step.env!["PULUMI_ACCESS_TOKEN"], "${{ secrets.PULUMI_DEPLOY_TOKEN }}");
        const aws = up.steps!.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"))!;
        assert.strictEqual(aws.with!["role-to-assume"], "${{ vars.AWS_DEPLOY_ROLE_ARN }}");
    });

    it("preview pull requests with a read-only role and token of their own, never the deploy ones", () => {
        const pr = workflow("pull-request.yml");
        const job = pr.jobs["preview"]!;
        assert.strictEqual(job.environment, undefined, "the prod environment (and its deploy secrets) is the deploy job's alone");
        const aws = job.steps!.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"))!;
        assert.strictEqual(aws.with!["role-to-assume"], "${{ vars.AWS_PREVIEW_ROLE_ARN }}");
        assert.match(job.if!, /vars\.AWS_PREVIEW_ROLE_ARN != ''/);
        const step = job.steps!.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        assert.strictEqual(step.env!["PULUMI_ACCESS_TOKEN"], "${{ secrets.PULUMI_PREVIEW_TOKEN }}");
        // The deploy role and token appear in the deploy job and nowhere else.
        for (const f of files) {
            for (const [name, j] of Object.entries(workflow(f).jobs)) {
                const text = YAML.stringify(j);
                const deployJob = f === "deploy.yml" && name === "up";
                for (const ref of ["AWS_DEPLOY_ROLE_ARN", "PULUMI_DEPLOY_TOKEN"]) assert.strictEqual(text.includes(ref), deployJob, `${f}:${name} and ${ref}`);
                assert.ok(!text.includes("PULUMI_PREVIEW_TOKEN") || name === "preview", `${f}:${name} uses the preview token`);
                assert.ok(!text.includes("secrets.PULUMI_ACCESS_TOKEN"), `${f}:${name}: one token for both would undo the split`);
            }
        }
    });

    it("run the season's opening update through the same job, on the day it is due", () => {
        const w = workflow("deploy.yml");
        const cron = (w.on["schedule"] as { cron: string }[]).map((c) => c.cron);
        assert.strictEqual(cron.length, 1);
        assert.match(cron[0]!, /^\d{1,2} \d{1,2} \* \* \*$/, "once a day: npm run opening-update fires on exactly one daily run");
        const trigger = w.jobs["trigger"]!;
        const check = trigger.steps!.find((s) => s.id === "opening")!;
        assert.strictEqual(check.run, 'npm run opening-update -- --stack prod --github-output "$GITHUB_OUTPUT"');
        assert.strictEqual(check.if, "github.event_name == 'schedule'");
        assert.strictEqual(trigger.outputs!["deploy"], "${{ steps.pushed.outputs.deploy || steps.opening.outputs.deploy }}");
        for (const job of ["gate", "up"]) assert.match(w.jobs[job]!.if!, /^needs\.trigger\.outputs\.deploy == 'true'/, job);
        const pushed = trigger.steps!.find((s) => s.id === "pushed")!;
        assert.deepStrictEqual([pushed.if, pushed.run], ["github.event_name != 'schedule'", 'echo "deploy=true" >> "$GITHUB_OUTPUT"']);
    });

    it("name a Deployments guard that exists, with arguments it accepts", () => {
        assert.strictEqual(checkNpmCommand(guardCommand("prod")), undefined);
        assert.ok(scripts["deployments-guard"] && scripts["opening-update"]);
    });
});

describe("docs/runbook.md", () => {
    const runbook = fs.readFileSync(path.join(ROOT, "docs", "runbook.md"), "utf8");
    const blocks = [...runbook.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const commands = blocks
        .flatMap((b) => b.replace(/\\\n\s*/g, " ").split("\n"))
        .map((l) => l.replace(/\s+#.*$/, "").trim())
        .filter((l) => l !== "");
    // Inline commands in prose; "`npm run` commands" names the kind, not a command.
    const inline = [...runbook.matchAll(/`((?:npm|pulumi|aws) [^`]+)`/g)].map((m) => m[1]!).filter((c) => c.split(/\s+/).length >= 3);
    const all = [...commands, ...inline].map((c) => c.replace(/^\(cd stacks && (.*)\)$/, "$1"));

    it("covers opening, rehearsal, game day, the failover drill and closing", () => {
        for (const h of ["## 1. Opening a season", "## 2. A rehearsal stack", "## 3. Game-day checks", "## 4. Failover drill", "## 5. Closing the season"])
            assert.ok(runbook.includes(h), h);
        assert.ok(commands.length >= 15);
    });

    it("uses only npm scripts that exist, with arguments the tools accept", () => {
        assert.deepStrictEqual(
            all.map(checkNpmCommand).filter((p) => p !== undefined),
            [],
        );
    });

    it("names stack outputs, files and stacks that exist", () => {
        const index = fs.readFileSync(path.join(ROOT, "index.ts"), "utf8");
        for (const c of all.filter((l) => l.startsWith("pulumi stack output"))) {
            const name = c.split(/\s+/)[3]!;
            assert.match(index, new RegExp(`export const ${name}\\b`), c);
        }
        for (const c of all.filter((l) => l.startsWith("pulumi "))) {
            for (const file of c.match(/policies\/[\w./-]+/g) ?? []) assert.ok(fs.existsSync(path.join(ROOT, file)), `${c}: ${file}`);
            const stack = /--stack (\S+)/.exec(c)?.[1];
            if (stack)
                assert.ok(
                    fs.existsSync(path.join(ROOT, `Pulumi.${stack}.yaml`)) || fs.existsSync(path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`)),
                    `${c}: no stack file for ${stack}`,
                );
        }
        for (const output of [...runbook.matchAll(/the `(\w+)` output/g)].map((m) => m[1]!))
            assert.match(index, new RegExp(`export const ${output}\\b`), output);
    });

    it("names Athena queries the season creates", () => {
        const names = [...runbook.matchAll(/onair-<season>-([a-z-]+)/g)].map((m) => m[1]!).filter((n) => n !== "global");
        assert.ok(names.length >= 3);
        for (const n of names)
            assert.ok(
                NAMED_QUERIES.some((q) => q.name === n),
                n,
            );
    });

    it("calls MediaLive operations the API has", async () => {
        const sdk = (await import("@aws-sdk/client-medialive")) as Record<string, unknown>;
        const ops = all.filter((c) => c.startsWith("aws medialive ")).map((c) => c.split(/\s+/)[2]!);
        assert.ok(ops.length >= 3);
        for (const op of ops) {
            const command =
                op
                    .split("-")
                    .map((w) => w[0]!.toUpperCase() + w.slice(1))
                    .join("") + "Command";
            assert.strictEqual(typeof sdk[command], "function", `aws medialive ${op}`);
        }
    });
});
