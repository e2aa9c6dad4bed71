import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isConfigError } from "../../components/config/errors";
import { OnAirWindow } from "../../components/operations/onAirWindows";
import { ProgramError, runProgram } from "../../plan/run";
import { PlanCapture } from "../../contracts/capturedPlan";
import { readStackConfig } from "../../components/config/stackConfig";
import { AutomationConfig, validateAutomation } from "../../stacks/automation/config";
import { policyGroupArgs, serviceConfig } from "../../stacks/automation/policyGroup";
import { protectionIssues } from "../../stacks/automation/protection";
import { isDestroyed, openingUpdateAt, stackSchedules } from "../../stacks/automation/schedules";
import { ofType, one } from "../components/planQueries";
import { ROOT, TEST_NOW } from "../helpers/plan";

const STACKS_DIR = path.join(ROOT, "stacks");
const PROGRAM = path.join(STACKS_DIR, "index.ts");
const NS = "onair-automation";

function valid(): Record<string, any> {
    return {
        organization: "example-rsn",
        repository: "example-rsn/onair",
        aws: { readOnlyRoleArn: "arn:aws:iam::123456789012:role/onair-preview", nonProdRoleArn: "arn:aws:iam::123456789012:role/onair-deployments-nonprod" },
        stacks: [
            { name: "prod", role: "production" },
            { name: "rehearsal", role: "rehearsal", destroyAt: "2026-11-26T12:00:00Z" },
            { name: "review", role: "review-template" },
        ],
    };
}

const exists = (stack: string) => fs.existsSync(path.join(ROOT, `Pulumi.${stack}.yaml`));

function issues(raw: unknown): string[] {
    try {
        validateAutomation(raw, NS, exists);
    } catch (e) {
        if (isConfigError(e)) return e.issues.map((i) => `${i.path}: ${i.message}`);
        throw e;
    }
    return [];
}

describe("automation config (stacks/)", () => {
    it("accepts the documented minimum and applies the defaults", () => {
        const c = validateAutomation(valid(), NS, exists);
        assert.strictEqual(c.project, "onair");
        assert.strictEqual(c.branch, "main");
        assert.deepStrictEqual(c.aws, {
            readOnlyRoleArn: "arn:aws:iam::123456789012:role/onair-preview",
            nonProdRoleArn: "arn:aws:iam::123456789012:role/onair-deployments-nonprod",
            sessionName: "onair-deployments",
            sessionDuration: "1h",
        });
        assert.deepStrictEqual(c.schedule, { openingUpdateDaysBefore: 7, driftHourUtc: 14, refreshHourUtc: 8 });
        assert.deepStrictEqual(
            c.stacks.map((s) => [s.name, s.previewPullRequests]),
            [
                ["prod", true],
                ["rehearsal", false],
                ["review", false],
            ],
        );
        assert.strictEqual(c.policyPacks.mode, "preventative");
    });

    const bad: [string, (c: Record<string, any>) => void, string][] = [
        [
            "a repository that is not owner/name",
            (c) => {
                c.repository = "https://github.com/example-rsn/onair";
            },
            `${NS}:automation.repository: "https://github.com/example-rsn/onair" is not valid; use the GitHub repository as owner/name`,
        ],
        [
            "a role ARN of another kind",
            (c) => {
                c.aws.readOnlyRoleArn = "arn:aws:iam::123456789012:user/deployer";
            },
            `${NS}:automation.aws.readOnlyRoleArn: "arn:aws:iam::123456789012:user/deployer" is not valid; use the ARN of the read-only IAM role`,
        ],
        [
            "the single role of round one",
            (c) => {
                c.aws = { roleArn: "arn:aws:iam::123456789012:role/onair-pulumi-deployments", ...c.aws };
            },
            `${NS}:automation.aws.roleArn: is replaced by readOnlyRoleArn (production stacks: previews, drift checks, refresh) and nonProdRoleArn`,
        ],
        [
            "no role for the stacks Deployments creates and destroys",
            (c) => {
                delete c.aws.nonProdRoleArn;
            },
            `${NS}:automation.aws.nonProdRoleArn: is required: Deployments creates or destroys rehearsal, review and needs a role that can write`,
        ],
        [
            "the read-only role for rehearsal and review stacks",
            (c) => {
                c.aws.nonProdRoleArn = c.aws.readOnlyRoleArn;
            },
            `${NS}:automation.aws.nonProdRoleArn: is the read-only role`,
        ],
        [
            "drift remediation on prod",
            (c) => {
                c.schedule = { driftAutoRemediate: true };
            },
            `${NS}:automation.schedule.driftAutoRemediate: is no longer supported: remediation runs \`pulumi up\` on prod outside the policy gate`,
        ],
        [
            "a stack without its stack file",
            (c) => {
                c.stacks.push({ name: "playoffs", role: "production" });
            },
            `${NS}:automation.stacks[3].name: has no Pulumi.playoffs.yaml at the repository root`,
        ],
        [
            "no production stack",
            (c) => {
                c.stacks = c.stacks.slice(1);
            },
            `${NS}:automation.stacks: has no stack with role production`,
        ],
        [
            "a rehearsal without a destroy time",
            (c) => {
                delete c.stacks[1].destroyAt;
            },
            `${NS}:automation.stacks[1].destroyAt: is required; set a string (the UTC time to destroy the rehearsal`,
        ],
        // Date.parse would read February 30 as March 2.
        [
            "a destroy time on a day that does not exist",
            (c) => {
                c.stacks[1].destroyAt = "2027-02-30T12:00:00Z";
            },
            `${NS}:automation.stacks[1].destroyAt: "2027-02-30T12:00:00Z" is not a real time`,
        ],
        [
            "a destroy time on the production stack",
            (c) => {
                c.stacks[0].destroyAt = "2027-02-01T00:00:00Z";
            },
            `${NS}:automation.stacks[0].destroyAt: applies to rehearsal stacks only`,
        ],
        [
            "pull-request previews on a rehearsal",
            (c) => {
                c.stacks[1].previewPullRequests = true;
            },
            `${NS}:automation.stacks[1].previewPullRequests: applies to production stacks only`,
        ],
        [
            "two review templates",
            (c) => {
                c.stacks.push({ name: "prod", role: "review-template" });
            },
            `${NS}:automation.stacks: has more than one review-template stack`,
        ],
        [
            "the same stack twice",
            (c) => {
                c.stacks.push({ name: "prod", role: "production" });
            },
            `${NS}:automation.stacks[3].name: "prod" is listed twice`,
        ],
        [
            "a drift hour past 23",
            (c) => {
                c.schedule = { driftHourUtc: 24 };
            },
            `${NS}:automation.schedule.driftHourUtc: 24 is out of range; use 0 to 23`,
        ],
        [
            "an unknown policy mode",
            (c) => {
                c.policyPacks = { mode: "enforce" };
            },
            `${NS}:automation.policyPacks.mode: "enforce" is not supported; use one of preventative, audit`,
        ],
    ];
    for (const [title, change, says] of bad) {
        it(`rejects ${title}`, () => {
            const c = valid();
            change(c);
            const found = issues(c);
            assert.ok(
                found.some((i) => i.startsWith(says)),
                `expected "${says}" in:\n${found.join("\n")}`,
            );
        });
    }
});

describe("automation schedules (pure)", () => {
    const config = (): AutomationConfig => validateAutomation(valid(), NS, exists);
    const windows: OnAirWindow[] = [
        { channelId: "football", event: "opener", startMs: Date.parse("2026-09-05T21:30:00Z"), stopMs: Date.parse("2026-09-06T03:00:00Z") },
        { channelId: "football", event: "final", startMs: Date.parse("2026-12-05T13:30:00Z"), stopMs: Date.parse("2026-12-05T18:00:00Z") },
    ];
    const prod = () => config().stacks[0]!;

    it("checks drift and refreshes at hours clear of every game, and never remediates", () => {
        const s = stackSchedules(prod(), windows, config(), Date.parse("2026-10-01T00:00:00Z"));
        assert.deepStrictEqual(s.drift, {
            cron: "0 12 * * *",
            reason: "checked at 12:00 UTC, an hour clear of every game window; reported, never remediated (fixes go through the deploy workflow)",
        });
        assert.strictEqual(s.refreshCron, "0 8 * * *");
    });

    it("leaves the nightly refresh out when no hour of the day is clear", () => {
        const busy = Array.from({ length: 24 }, (_, h): OnAirWindow => ({
            channelId: "c",
            event: `e${h}`,
            startMs: Date.parse("2026-12-10T00:00:00Z") + h * 3_600_000,
            stopMs: Date.parse("2026-12-10T00:00:00Z") + h * 3_600_000 + 1_800_000,
        }));
        const s = stackSchedules(prod(), busy, config(), Date.parse("2026-10-01T00:00:00Z"));
        assert.match(s.drift!.reason, /every hour of the day falls inside some game window/);
        assert.strictEqual(s.refreshCron, undefined);
        assert.ok(s.notes.some((n) => n.includes("nightly refresh of prod is left out")));
    });

    it("dates the opening update a week before the first window, and not once the season is under way", () => {
        assert.strictEqual(openingUpdateAt(windows, 7), Date.parse("2026-08-29T21:00:00Z"));
        assert.strictEqual(stackSchedules(prod(), windows, config(), Date.parse("2026-08-01T00:00:00Z")).openingUpdate, "2026-08-29T21:00:00Z");
        assert.strictEqual(stackSchedules(prod(), windows, config(), Date.parse("2026-09-01T00:00:00Z")).openingUpdate, undefined);
        assert.strictEqual(openingUpdateAt([], 7), undefined);
    });

    it("destroys a rehearsal at its time, and stops managing it once its TTL has fired", () => {
        const rehearsal = config().stacks[1]!;
        assert.strictEqual(stackSchedules(rehearsal, [], config(), Date.parse(TEST_NOW)).destroyAt, "2026-11-26T12:00:00Z");
        assert.strictEqual(isDestroyed(rehearsal, Date.parse("2026-11-26T11:59:59Z")), false);
        assert.strictEqual(isDestroyed(rehearsal, Date.parse("2026-11-26T12:00:00Z")), true);
        const late = stackSchedules(rehearsal, [], config(), Date.parse("2026-11-27T00:00:00Z"));
        assert.deepStrictEqual([late.destroyAt, late.destroyed], [undefined, true]);
        assert.match(late.notes[0]!, /reached its TTL at 2026-11-26T12:00:00Z: Deployments destroyed and deleted it, so this stack no longer manages it/);
    });
});

describe("onair:protect of the managed stacks (pure)", () => {
    const stacks = () => validateAutomation(valid(), NS, exists).stacks;
    const protects: Record<string, boolean> = { prod: true, rehearsal: false, review: false };

    it("accepts a protected season and destroyable rehearsal and review stacks, as the repository has them", () => {
        assert.deepStrictEqual(
            protectionIssues(stacks(), NS, (s) => protects[s]!),
            [],
        );
        const fromFiles = (s: string) => readStackConfig(ROOT, s).config["onair:protect"] !== "false";
        assert.deepStrictEqual(protectionIssues(stacks(), NS, fromFiles), []);
    });

    it("refuses an unprotected season and a protected stack that Deployments destroys", () => {
        const found = protectionIssues(stacks(), NS, (s) => !protects[s]).map((i) => `${i.path}: ${i.message}`);
        assert.strictEqual(found.length, 3);
        assert.match(found[0]!, /^onair-automation:automation\.stacks\[0\]: production stack prod has onair:protect false in Pulumi\.prod\.yaml/);
        assert.match(
            found[1]!,
            /^onair-automation:automation\.stacks\[1\]: rehearsal stack rehearsal protects its resources .* so the destroy run by its TTL \(2026-11-26T12:00:00Z\) would fail; set onair:protect: false there/,
        );
        assert.match(found[2]!, /stacks\[2\]: review-template stack review protects its resources .* Deployments when each pull request closes/);
    });

    it("does not check a rehearsal that is already gone", () => {
        assert.deepStrictEqual(
            protectionIssues(
                stacks(),
                NS,
                (s) => s === "rehearsal" || protects[s]!,
                (s) => s.name !== "rehearsal",
            ),
            [],
        );
    });
});

describe("the policy group (pure)", () => {
    it("refuses a prod pack config that names a policy the pack does not have", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onair-policies-"));
        for (const pack of ["broadcast", "security"]) {
            fs.mkdirSync(path.join(dir, pack));
            fs.writeFileSync(path.join(dir, pack, "package.json"), JSON.stringify({ version: "9.9.9" }));
            fs.writeFileSync(path.join(dir, pack, "config.prod.json"), JSON.stringify(pack === "security" ? { "onair-no-such-rule": "mandatory" } : {}));
        }
        const config = validateAutomation(valid(), NS, exists);
        assert.throws(() => policyGroupArgs(config, dir), /onair-no-such-rule/);
        fs.writeFileSync(path.join(dir, "security", "config.prod.json"), "{}");
        assert.deepStrictEqual(policyGroupArgs(config, dir).policyPacks, [
            { name: "onair-broadcast", versionTag: "9.9.9", config: {} },
            { name: "onair-security", versionTag: "9.9.9", config: {} },
        ]);
    });
});

/** The automation program planned as of another day (ONAIR_NOW, as `npm run plan -- --as-of` sets it). */
async function planAt(at: string): Promise<PlanCapture> {
    const saved = process.env["ONAIR_NOW"];
    process.env["ONAIR_NOW"] = at;
    try {
        return await runProgram({ program: PROGRAM, stack: readStackConfig(STACKS_DIR, "automation") });
    } finally {
        process.env["ONAIR_NOW"] = saved;
    }
}

describe("the stacks/ program under the mock runtime", function () {
    let plan: PlanCapture;
    before(async () => {
        plan = await runProgram({ program: PROGRAM, stack: readStackConfig(STACKS_DIR, "automation") });
    });
    const settings = (stack: string) => one(plan, "pulumiservice:index:DeploymentSettings", `${stack}-settings`).inputs as Record<string, any>;

    it("manages each media stack in its own component", () => {
        assert.deepStrictEqual(
            ofType(plan, "onair:automation:ManagedMediaStack").map((c) => c.name),
            ["prod", "rehearsal", "review"],
        );
        for (const s of ofType(plan, "pulumiservice:index:DeploymentSettings"))
            assert.ok(s.parent?.endsWith(`ManagedMediaStack::${s.name.replace(/-settings$/, "")}`));
    });

    it("runs prod's Deployments with the read-only role behind the guard, and the other stacks with the non-production role", () => {
        const prod = settings("prod");
        assert.deepStrictEqual(prod["sourceContext"], { git: { branch: "refs/heads/main", repoDir: "." } });
        assert.deepStrictEqual(prod["operationContext"], {
            preRunCommands: ["npm ci", "npm run deployments-guard -- --stack prod"],
            options: { skipInstallDependencies: true },
            oidc: { aws: { roleARN: "arn:aws:iam::123456789012:role/onair-preview", sessionName: "onair-deployments", duration: "1h" } },
        });
        assert.strictEqual(prod["organization"], "example-rsn");
        assert.strictEqual(prod["project"], "onair");
        for (const stack of ["rehearsal", "review"]) {
            const ctx = settings(stack)["operationContext"];
            assert.deepStrictEqual([ctx.preRunCommands, ctx.oidc.aws.roleARN], [["npm ci"], "arn:aws:iam::123456789012:role/onair-deployments-nonprod"], stack);
        }
    });

    it("previews prod's pull requests on the media paths, never deploys on push, and makes review the template", () => {
        const vcs = (s: string) => settings(s)["vcs"];
        assert.deepStrictEqual(vcs("prod"), {
            provider: "github",
            repository: "example-rsn/onair",
            deployCommits: false,
            previewPullRequests: true,
            pullRequestTemplate: false,
            paths: ["index.ts", "components/**", "policies/**", "Pulumi.yaml", "Pulumi.prod.yaml", "package.json", "package-lock.json", "tsconfig.json"],
        });
        assert.deepStrictEqual(
            [vcs("rehearsal").previewPullRequests, vcs("rehearsal").pullRequestTemplate, vcs("rehearsal").deployCommits],
            [false, false, false],
        );
        assert.deepStrictEqual([vcs("review").previewPullRequests, vcs("review").pullRequestTemplate], [false, true]);
        assert.strictEqual(settings("review")["operationContext"].options.deleteAfterDestroy, true);
    });

    it("checks prod's drift daily at an hour clear of its games, reports it and never remediates", () => {
        const drift = one(plan, "pulumiservice:index:DriftSchedule", "prod-drift");
        // 14:00 UTC would run into the New Year's bowl preview (14:00, lead 60 minutes); 12:00 is clear.
        assert.deepStrictEqual([drift.inputs["scheduleCron"], drift.inputs["autoRemediate"], drift.inputs["stack"]], ["0 12 * * *", false, "prod"]);
        assert.ok(
            drift.dependencies.includes(one(plan, "pulumiservice:index:DeploymentSettings", "prod-settings").urn),
            "schedules run with the stack's settings",
        );
        const refresh = one(plan, "pulumiservice:index:DeploymentSchedule", "prod-nightly-refresh");
        assert.deepStrictEqual([refresh.inputs["pulumiOperation"], refresh.inputs["scheduleCron"]], ["refresh", "0 8 * * *"]);
        assert.deepStrictEqual(
            ofType(plan, "pulumiservice:index:DeploymentSchedule").map((s) => s.name),
            ["prod-nightly-refresh"],
        );
        assert.deepStrictEqual(
            ofType(plan, "pulumiservice:index:DriftSchedule").map((s) => s.name),
            ["prod-drift"],
        );
    });

    it("destroys the rehearsal stack at its time and deletes it; its resources are only forgotten once it is gone", () => {
        const ttl = one(plan, "pulumiservice:index:TtlSchedule", "rehearsal-ttl");
        assert.deepStrictEqual([ttl.inputs["timestamp"], ttl.inputs["deleteAfterDestroy"], ttl.inputs["stack"]], ["2026-11-26T12:00:00Z", true, "rehearsal"]);
        for (const r of plan.resources.filter((x) => x.custom && x.inputs["stack"] === "rehearsal")) assert.strictEqual(r.opts.retainOnDelete, true, r.urn);
        for (const r of plan.resources.filter((x) => x.custom && x.inputs["stack"] === "prod")) assert.strictEqual(r.opts.retainOnDelete, false, r.urn);
    });

    it("enforces both published packs on prod and the rehearsal with the prod levels", () => {
        const group = one(plan, "pulumiservice:index:PolicyGroup", "season-policies").inputs as Record<string, any>;
        assert.deepStrictEqual(
            [group["name"], group["organizationName"], group["entityType"], group["mode"]],
            ["onair-season", "example-rsn", "stacks", "preventative"],
        );
        assert.deepStrictEqual(group["stacks"], [
            { name: "prod", routingProject: "onair" },
            { name: "rehearsal", routingProject: "onair" },
        ]);
        assert.deepStrictEqual(
            group["policyPacks"].map((p: any) => [p.name, p.versionTag]),
            [
                ["onair-broadcast", "0.1.0"],
                ["onair-security", "0.1.0"],
            ],
        );
        assert.deepStrictEqual(
            group["policyPacks"][0].config,
            serviceConfig(JSON.parse(fs.readFileSync(path.join(ROOT, "policies/broadcast/config.prod.json"), "utf8"))),
        );
    });

    it("never lets Deployments change a production stack, before or during the season", async () => {
        for (const at of ["2026-08-01T00:00:00Z", TEST_NOW]) {
            const p = await planAt(at);
            const prodRefs = p.resources.filter((r) => r.custom && r.inputs["stack"] === "prod");
            assert.ok(prodRefs.length >= 3, at);
            for (const r of prodRefs) {
                if (r.type === "pulumiservice:index:DeploymentSchedule") assert.strictEqual(r.inputs["pulumiOperation"], "refresh", `${at}: ${r.name}`);
                if (r.type === "pulumiservice:index:DriftSchedule") assert.strictEqual(r.inputs["autoRemediate"], false, `${at}: ${r.name}`);
                assert.notStrictEqual(r.type, "pulumiservice:index:TtlSchedule", `${at}: ${r.name}`);
                if (r.type === "pulumiservice:index:DeploymentSettings") {
                    assert.strictEqual((r.inputs["vcs"] as any).deployCommits, false);
                    assert.strictEqual((r.inputs["operationContext"] as any).preRunCommands.at(-1), "npm run deployments-guard -- --stack prod");
                }
            }
        }
    });

    it("dates the opening update for the deploy workflow instead of scheduling it", async () => {
        const early = await planAt("2026-08-01T00:00:00Z");
        // First window: the studio pregame on 2026-09-05 at 20:00, started 60 minutes early; a week before.
        assert.deepStrictEqual((early.outputs["stacks"] as any).prod.openingUpdate.at, "2026-08-29T19:00:00Z");
        assert.match((early.outputs["stacks"] as any).prod.openingUpdate.runs, /^\.github\/workflows\/deploy\.yml/);
        assert.deepStrictEqual(
            ofType(early, "pulumiservice:index:DeploymentSchedule").map((s) => s.inputs["pulumiOperation"]),
            ["refresh"],
        );
    });

    it("stops managing the rehearsal once its TTL has destroyed it", async () => {
        const after = await planAt("2026-11-27T00:00:00Z");
        assert.deepStrictEqual(
            ofType(after, "onair:automation:ManagedMediaStack").map((c) => c.name),
            ["prod", "review"],
        );
        assert.deepStrictEqual(
            after.resources.filter((r) => r.inputs["stack"] === "rehearsal").map((r) => r.urn),
            [],
        );
        const group = one(after, "pulumiservice:index:PolicyGroup", "season-policies").inputs as Record<string, any>;
        assert.deepStrictEqual(group["stacks"], [{ name: "prod", routingProject: "onair" }]);
        const rehearsal = (after.outputs["stacks"] as any).rehearsal;
        assert.deepStrictEqual([rehearsal.managed, rehearsal.destroyedAt], [false, "2026-11-26T12:00:00Z"]);
    });

    it("fails before registering anything when a listed stack has no stack file", async () => {
        const stack = readStackConfig(STACKS_DIR, "automation");
        const raw = JSON.parse(stack.config[`${NS}:automation`]!);
        raw.stacks.push({ name: "nowhere", role: "production" });
        stack.config[`${NS}:automation`] = JSON.stringify(raw);
        const err = await runProgram({ program: PROGRAM, stack }).catch((e: ProgramError) => e);
        assert.ok(err instanceof ProgramError && isConfigError(err.original));
        assert.deepStrictEqual(
            err.resources.filter((r) => r.type !== "pulumi:pulumi:Stack"),
            [],
        );
    });
});
