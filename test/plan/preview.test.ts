import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../plan/cli";
import { runProgram } from "../../plan/run";
import { CapturedResource, isUnknown, PlanCapture } from "../../contracts/capturedPlan";
import { readStackConfig, StackConfig } from "../../components/config/stackConfig";
import { evaluatePacks, Verdict } from "../../policies/harness/evaluate";
import { ALL_PACKS, packRunsForStack } from "../../policies/harness/packs";
import { T } from "../../contracts/resourceTypes";
import { baselineSeason, setPath } from "../helpers/season";
import { PROGRAM, ROOT, stackWith } from "../helpers/plan";
import { glob } from "../components/planQueries";

const FIXTURES = path.join(ROOT, "test", "fixtures", "programs");

function fixtureStack(config: Record<string, string> = {}): StackConfig {
    return { project: "acme", stack: "test", config, secretKeys: [], source: "(test)" };
}

async function judge(plan: PlanCapture): Promise<Verdict> {
    return evaluatePacks(plan, packRunsForStack("prod"));
}

function one(plan: PlanCapture, type: string, name: string): CapturedResource {
    const r = plan.resources.find((x) => x.type === type && x.name === name);
    if (!r) throw new Error(`no ${type} ${name}`);
    return r;
}

function inline(plan: PlanCapture, role: string): any {
    return JSON.parse((one(plan, "aws:iam/role:Role", role).inputs["inlinePolicies"] as { policy: string }[])[0]!.policy);
}

const mandatory = ALL_PACKS.flatMap((p) =>
    p.policies
        .filter(
            (x) =>
                packRunsForStack("prod")
                    .find((r) => r.pack === p)!
                    .config.get(x.name)!.enforcementLevel === "mandatory",
        )
        .map((x) => x.name),
).sort();

/**
 * The two rules that need to know which channel group each origin of a media-quality-based group
 * reads from. A distribution's origins are one property, and a new channel group's egress domain is
 * read-only (AWS::MediaPackageV2::ChannelGroup readOnlyProperties), so a first preview cannot tell.
 */
const NEED_ORIGIN_DOMAINS = ["onair-stack-endpoints-enforce-primary-only-errors", "onair-stack-origingroups-enforce-cross-region"];

describe("npm run plan -- --preview (a first preview: computed outputs and ids unknown)", function () {
    let preview: PlanCapture;
    let update: PlanCapture;
    before(async () => {
        preview = await runProgram({ program: PROGRAM, stack: readStackConfig(ROOT, "prod"), preview: true });
        update = await runProgram({ program: PROGRAM, stack: readStackConfig(ROOT, "prod") });
    });

    it("exits 0 for prod from the plan process and prints, writes and summarises which policies could not decide", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onair-preview-"));
        const [json, markdown] = [path.join(dir, "plan.json"), path.join(dir, "plan.md")];
        const out: string[] = [];
        const code = await main(
            ["--preview", "--json", json, "--markdown", markdown],
            (s) => out.push(s),
            (s) => out.push(s),
        );
        const text = out.join("\n");
        assert.strictEqual(code, 0, text);
        assert.match(text, /Preview: as a first `pulumi preview` sees it, every provider-computed output and id is unknown/);
        assert.match(text, /could not decide at preview: 2 policies \(2 mandatory\)/);
        assert.match(text, /Verdict: PASS - no mandatory violations/);
        // The plan process's report still names the secrets a real preview needs, never their values.
        assert.match(text, /Secrets a real preview or update of prod needs/);
        const doc = JSON.parse(fs.readFileSync(json, "utf8"));
        assert.strictEqual(doc.preview, true);
        assert.deepStrictEqual([...new Set(doc.undecided.map((u: any) => u.policy))], NEED_ORIGIN_DOMAINS);
        assert.match(fs.readFileSync(markdown, "utf8"), /^## OnAir plan: stack `prod` \(preview\) - PASS/);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("decides every mandatory rule on prod except the two that need the origins' egress domains", async () => {
        const verdict = await judge(preview);
        assert.deepStrictEqual(verdict.violations, []);
        const undecided = [...new Set((verdict.undecided ?? []).map((u) => u.policy))].sort();
        assert.deepStrictEqual(undecided, NEED_ORIGIN_DOMAINS);
        for (const u of verdict.undecided ?? [])
            assert.match(u.message, /^string value at \.distributionConfig\.origins\.\d\.domainName can't be known during preview$/);
        assert.ok(mandatory.length >= 30, `${mandatory.length} mandatory rules in prod`);
    });

    it("gives every provider-computed output and id as unknown, and keeps what the program set known", () => {
        const group = one(preview, T.mediaPackageChannelGroup, "use1-channel-group");
        assert.ok(isUnknown(group.outputs["egressDomain"]) && isUnknown(group.outputs["arn"]));
        assert.strictEqual(group.id, undefined);
        assert.strictEqual(group.outputs["channelGroupName"], "rsn-2026-27");
        const ml = one(preview, T.onairMediaLiveChannel, "use1-football-uhd-medialive").inputs["request"] as any;
        // The request is a plain object: the role, input and ingest URLs are unknown, the encoder is not.
        assert.ok(isUnknown(ml.RoleArn) && isUnknown(ml.InputAttachments[0].InputId) && isUnknown(ml.Destinations[0].Settings[0].Url));
        assert.strictEqual(ml.EncoderSettings.GlobalConfiguration.OutputLockingMode, "EPOCH_LOCKING");
        const endpointPolicy = one(preview, T.mediaPackageOriginEndpointPolicy, "use1-football-uhd-endpoint-policy").inputs["policy"] as any;
        assert.deepStrictEqual(endpointPolicy.Statement[0].Action, ["mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"]);
        assert.ok(isUnknown(endpointPolicy.Statement[0].Condition.StringEquals["AWS:SourceArn"]));
        // Stack outputs keep their known parts, as the engine does (read from the root stack's registerOutputs).
        const ads = (preview.outputs as any).adInsertion["football-uhd"];
        assert.strictEqual(ads.playbackConfiguration, "onair-rsn-2026-27-football-uhd");
        assert.ok(isUnknown(ads.hlsSessionPath));
        // The same program at update: the same keys, nothing unknown.
        assert.ok(!JSON.stringify(update.resources.map((r) => r.inputs)).includes("[unknown]"));
    });

    it("writes every IAM document from values known at preview", () => {
        for (const role of preview.resources.filter((r) => r.type === "aws:iam/role:Role")) {
            for (const p of (role.inputs["inlinePolicies"] ?? []) as { policy: unknown }[])
                assert.strictEqual(typeof p.policy, "string", `${role.name} inline policy is known`);
            assert.strictEqual(typeof role.inputs["assumeRolePolicy"], "string", `${role.name} trust policy is known`);
        }
        // A document naming an ARN the service chooses is an object: only that ARN is unknown.
        const documents = preview.resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy" || r.type === "aws:iam/policy:Policy");
        assert.ok(
            documents.some((d) => d.name === "revocation-hook-role"),
            documents.map((d) => d.name).join(", "),
        );
        for (const d of documents) {
            const policy = d.inputs["policy"];
            const statements = (typeof policy === "string" ? JSON.parse(policy) : policy).Statement as any[];
            for (const s of statements)
                assert.ok(
                    !isUnknown(s.Effect) && [s.Action].flat().every((a: unknown) => typeof a === "string"),
                    `${d.name} ${s.Sid}: effect and actions known`,
                );
        }
        const kvs = (one(preview, "aws:iam/rolePolicy:RolePolicy", "revocation-hook-role").inputs["policy"] as any).Statement.find(
            (s: any) => s.Sid === "RevocationEntries",
        );
        assert.ok(isUnknown(kvs.Resource), "the KeyValueStore's ARN is CloudFront's to choose");
    });

    it("names in IAM documents the very ARNs the resources get (patterns keep only the service-chosen part open)", () => {
        const arn = (type: string, name: string, key = "arn") => one(update, type, name).outputs[key] as string;
        const ml = inline(update, "use1-football-uhd-medialive-role").Statement;
        assert.strictEqual(ml.find((s: any) => s.Sid === "CmafIngestToMediaPackage").Resource, arn(T.mediaPackageChannel, "use1-football-uhd-mp-channel"));
        const flows = ["a", "b"].map((p) => arn(T.mediaConnectFlow, `use1-football-uhd-flow-${p}`, "flowArn"));
        const patterns = ml.find((s: any) => s.Sid === "MediaConnectFlowOutputs").Resource as string[];
        assert.deepStrictEqual(
            flows.map((f) => patterns.filter((p) => glob(p).test(f)).length),
            [1, 1],
            "each flow matches exactly one pattern",
        );
        const secret = arn("aws:secretsmanager/secret:Secret", "use1-football-uhd-srt-passphrase");
        assert.match(secret, glob(inline(update, "use1-football-uhd-mediaconnect-srt-role").Statement[0].Resource));
        assert.doesNotMatch(
            arn("aws:secretsmanager/secret:Secret", "use1-studio-hd-srt-passphrase"),
            glob(inline(update, "use1-football-uhd-mediaconnect-srt-role").Statement[0].Resource),
            "one channel's role cannot read another's passphrase",
        );
        assert.match(
            arn("aws:secretsmanager/secret:Secret", "url-vending-signing-key"),
            glob(inline(update, "url-vending-role").Statement.find((s: any) => s.Sid === "SigningKey").Resource),
        );
        assert.strictEqual(inline(update, "realtime-logs-writer").Statement[0].Resource, arn("aws:kinesis/stream:Stream", "realtime-logs"));
        const archive = inline(update, "realtime-logs-archive").Statement.find((s: any) => s.Sid === "WriteArchive");
        assert.match(arn("aws:s3/bucket:Bucket", "access-logs"), glob(archive.Resource[0]));
        const runner = inline(update, "use1-season-runner").Statement;
        const channels = update.resources.filter((r) => r.type === T.onairMediaLiveChannel && r.region === "us-east-1");
        for (const c of channels) {
            assert.match(c.outputs["arn"] as string, glob(runner[0].Resource[0]));
            assert.strictEqual((c.inputs["request"] as any).Tags["onair:season"], runner[0].Condition.StringEquals["aws:ResourceTag/onair:season"]);
        }
        const regionFlows = update.resources
            .filter((r) => r.type === T.mediaConnectFlow && r.region === "us-east-1")
            .map((f) => f.outputs["flowArn"] as string);
        const runFlows = runner.find((x: any) => x.Sid === "RunFlows");
        assert.ok(regionFlows.every((f) => runFlows.Resource.some((p: string) => glob(p).test(f))));
        assert.strictEqual(inline(update, "use1-scheduler").Statement[0].Resource, arn("aws:sfn/stateMachine:StateMachine", "use1-season-runner"));
    });

    it("reports OnAir's own chain misconfigured at preview, now that the channel request is no longer one unknown", async () => {
        const season = setPath(baselineSeason(), "channels[1].singlePipeline", { reason: "Rehearsal feed, no backup encoder at the venue" });
        const plan = await runProgram({ program: PROGRAM, stack: stackWith(season), preview: true });
        const v = await judge(plan);
        assert.ok(v.violations.some((x) => x.policy === "onair-medialive-channel-disallow-single-pipeline" && x.enforcementLevel === "mandatory"));
        assert.ok(!(v.undecided ?? []).some((u) => u.policy === "onair-medialive-channel-disallow-single-pipeline"));
    });
});

/** Deliberately broken programs, and compliant ones written the way other teams write them. */
const PROGRAMS: { file: string; config?: Record<string, string>; compliant?: boolean }[] = [
    { file: "brokenBroadcast.ts" },
    { file: "teamEdge.ts", config: { "acme:variant": "broken" } },
    { file: "teamEdge.ts", compliant: true },
    { file: "regionSuffixedGame.ts", compliant: true },
    {
        file: "regionSuffixedGame.ts",
        config: { "acme:regions": JSON.stringify(["us-east-1", "us-west-2"]), "acme:channelRegions": JSON.stringify(["us-east-1"]) },
    },
    { file: "regionSuffixedGame.ts", config: { "acme:regions": JSON.stringify(["us-east-1", "us-west-2", "eu-west-1"]) }, compliant: true },
    { file: "leakyDistribution.ts" },
    { file: "singlePipelineChannel.ts" },
    { file: "premiumGame.ts", compliant: true },
    { file: "premiumGame.ts", config: { "acme:variant": "broken" } },
];

const key = (v: { policy: string; urn: string; message: string }) => `${v.policy} | ${v.urn} | ${v.message}`;

describe("programs judged with --program at preview", function () {
    const seen = new Set<string>();

    for (const p of PROGRAMS) {
        const label = `${p.file}${p.config ? ` ${JSON.stringify(p.config)}` : ""}`;
        it(`${label}: reports at preview every violation its own values show, exactly as at update, and decides every mandatory rule`, async () => {
            const program = path.join(FIXTURES, p.file);
            const atPreview = await judge(await runProgram({ program, stack: fixtureStack(p.config), preview: true }));
            const atUpdate = await judge(await runProgram({ program, stack: fixtureStack(p.config) }));
            assert.deepStrictEqual(atPreview.violations.map(key), atUpdate.violations.map(key));
            assert.deepStrictEqual(
                (atPreview.undecided ?? []).filter((u) => u.enforcementLevel === "mandatory").map((u) => `${u.policy}: ${u.message}`),
                [],
            );
            if (p.compliant) assert.deepStrictEqual(atPreview.violations.filter((v) => v.enforcementLevel === "mandatory").map(key), []);
            else assert.ok(atPreview.violations.length > 0);
            for (const v of atPreview.violations) if (v.enforcementLevel === "mandatory") seen.add(v.policy);
        });
    }

    it("between them, show every mandatory rule deciding a violation at preview, but the three that place origins in channel groups of the stack", () => {
        // Those three decide at preview whenever the origins' domains are known (test/policies/preview.test.ts);
        // a program whose origins are its own new channel groups cannot show them a violation before `pulumi up`.
        const placing = [
            "onair-medialive-channel-enforce-epoch-locking",
            "onair-mediapackagev2-originendpointpolicy-missing-head-object",
            "onair-stack-endpoints-enforce-primary-only-errors",
        ];
        assert.deepStrictEqual(mandatory.filter((m) => !seen.has(m)).sort(), placing.sort());
    });

    it("a compliant two-region program with region-suffixed channel names passes the multi-region rule; one channel in one region fails it", async () => {
        const program = path.join(FIXTURES, "regionSuffixedGame.ts");
        const two = await judge(await runProgram({ program, stack: fixtureStack(), preview: true }));
        assert.deepStrictEqual(
            two.violations.filter((v) => v.policy === "onair-stack-channels-enforce-multi-region"),
            [],
        );
        const lone = await judge(await runProgram({ program, stack: fixtureStack({ "acme:channelRegions": JSON.stringify(["us-east-1"]) }), preview: true }));
        assert.deepStrictEqual(
            lone.violations.filter((v) => v.policy === "onair-stack-channels-enforce-multi-region").map((v) => v.message),
            [
                'MediaLive channel "game-east" runs in 1 region (us-east-1; copies matched by the MediaPackage v2 channel sports/game); run it in at least 2 regions behind a media-quality-based origin group.',
            ],
        );
    });

    it("gives a classic aws.wafv2.WebAcl the arn its SDK declares, so the distribution reads as protected", async () => {
        const plan = await runProgram({ program: path.join(FIXTURES, "teamEdge.ts"), stack: fixtureStack() });
        const waf = one(plan, "aws:wafv2/webAcl:WebAcl", "viewers");
        assert.match(waf.outputs["arn"] as string, /^arn:aws:wafv2:us-east-1:123456789012:/);
        assert.strictEqual(one(plan, T.cloudFrontDistributionClassic, "cdn").inputs["webAclId"], waf.outputs["arn"]);
    });
});
