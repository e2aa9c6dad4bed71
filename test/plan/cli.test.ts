import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FIXTURES, plan, tmpFile as tmp } from "../helpers/cli";
import { ROOT, TEST_NOW } from "../helpers/plan";

describe("npm run plan (plan/cli.ts)", function () {
    it("plans the prod stack with exit 0, resources in both regions and the verdict", async () => {
        const r = await plan();
        assert.strictEqual(r.code, 0, r.err);
        assert.match(r.out, /OnAir offline plan - stack prod \(Pulumi\.prod\.yaml\), program index\.ts/);
        assert.match(r.out, /^ {4}us-east-1 +\d+$/m);
        assert.match(r.out, /^ {4}us-west-2 +\d+$/m);
        assert.match(r.out, /pulumi-nodejs:dynamic\/medialive:Channel +8/);
        assert.match(r.out, /Policy verdict \(onair-broadcast: \d+ resource/);
        assert.match(r.out, /Stack outputs:/);
        assert.match(r.out, /Verdict: PASS/);
    });

    it("shows operators the season: real-time log fields, stream, dashboards, alarms, schedules, ads and the cost estimate", async () => {
        const r = await plan("--as-of", "2026-12-20T00:00:00Z");
        assert.strictEqual(r.code, 0, r.err);
        const outputs = r.out.slice(r.out.indexOf("Stack outputs:"));
        for (const field of ["cmcd-session-id", "cmcd-buffer-starvation", "x-edge-mqcs", "sr-reason", "r-host"])
            assert.ok(outputs.includes(`"${field}"`), field);
        assert.match(outputs, /realtimeLogStreamArn: arn:aws:kinesis:us-east-1:\d+:stream\/onair-rsn-2026-27-realtime-logs/);
        assert.match(outputs, /"onair-rsn-2026-27-us-west-2"/);
        assert.match(outputs, /"us-east-1": "arn:aws:sns:us-east-1:\d+:onair-rsn-2026-27-alarms"/);
        // --as-of moves "now": the Christmas game is ahead, the December 5 final is not.
        assert.match(outputs, /"at": "2026-12-25T16:00:00",\s+"name": "hoops-hd.2026-12-25-holiday-game.start"/);
        assert.ok(!outputs.includes("2026-12-05-conference-final.start"));
        assert.match(outputs, /"name": "2026-12-25-holiday-game",\s+"start": "2026-12-25T16:00:00.000Z"/);
        assert.match(outputs, /seasonCostEstimate:[\s\S]*"totals": \{[\s\S]*"cost": \d+/);
    });

    it("--all plans every stack of the media project and of stacks/, with one Markdown section each", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-")), "summary.md");
        const r = await plan("--all", "--markdown", file);
        assert.strictEqual(r.code, 0, r.err);
        assert.match(r.out, /^Planning 4 stacks: \.:prod, \.:rehearsal, \.:review, stacks:automation/);
        assert.match(r.out, /stack automation \(stacks\/Pulumi\.automation\.yaml\), program stacks\/index\.ts/);
        const md = fs.readFileSync(file, "utf8");
        assert.deepStrictEqual(
            [...md.matchAll(/^## OnAir plan: stack `([\w-]+)` - (\w+)/gm)].map((m) => `${m[1]} ${m[2]}`),
            ["prod PASS", "rehearsal PASS", "review PASS", "automation PASS"],
        );
        assert.strictEqual((await plan("--all", "--stack", "prod")).code, 2);
    });

    it("plans a program with its own Pulumi.yaml against that project's stack files", async () => {
        // As of the test day: the rehearsal's TTL (2026-11-26) is still ahead, so it is managed too.
        const r = await plan("--program", path.join(ROOT, "stacks", "index.ts"), "--stack", "automation", "--as-of", TEST_NOW);
        assert.strictEqual(r.code, 0, r.err);
        assert.match(r.out, /pulumiservice:index:DeploymentSettings +3/);
        assert.match(r.out, /"cron": "0 12 \* \* \*"/);
    });

    it("exits 2 on a bad protocol and names the config key path, without a stack trace", async () => {
        const prod = fs.readFileSync(path.join(ROOT, "Pulumi.prod.yaml"), "utf8");
        const bad = tmp("Pulumi.bad.yaml", prod.replace("protocol: srt-listener", "protocol: rtmp"));
        const r = await plan("--config", bad);
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /onair:season\.channels\[0\]\.contribution\.protocol: "rtmp" is not supported; use one of srt-listener, srt-caller, rist, rtp-fec/);
        assert.doesNotMatch(r.err, /\n\s+at /);
        assert.strictEqual(r.out, "");
    });

    it("exits 1 for a program declaring a SINGLE_PIPELINE aws.medialive.Channel and names the channel", async () => {
        const r = await plan("--program", path.join(FIXTURES, "singlePipelineChannel.ts"));
        assert.strictEqual(r.code, 1, r.err);
        assert.match(
            r.out,
            /onair-medialive-channel-disallow-single-pipeline \[onair-broadcast\]\n\s+- lonely-channel \(aws:medialive\/channel:Channel\): MediaLive channel "lonely-channel" uses channelClass SINGLE_PIPELINE/,
        );
        assert.match(r.out, /onair-medialive-channel-enforce-hls-pause-output/);
        assert.match(r.out, /Verdict: FAIL - \d+ mandatory violations/);
    });

    it("exits 1 for a program whose distribution leaks content, naming each rule and the resource", async () => {
        const r = await plan("--program", path.join(FIXTURES, "leakyDistribution.ts"));
        assert.strictEqual(r.code, 1, r.err);
        for (const rule of [
            "onair-cloudfront-distribution-missing-origin-access-control",
            "onair-cloudfront-distribution-enforce-viewer-https",
            "onair-cloudfront-distribution-missing-waf",
            "onair-cloudfront-distribution-configure-minimum-tls",
            "onair-cloudfront-distribution-enable-logging",
            "onair-cloudfront-distribution-configure-media-origin-groups",
        ]) {
            assert.match(r.out, new RegExp(`${rule} \\[onair-(security|broadcast)\\]\\n\\s+- leaky \\(aws-native:cloudfront:Distribution\\)`), rule);
        }
    });

    it("exits 0 for a compliant program", async () => {
        const r = await plan("--program", path.join(FIXTURES, "compliantChannel.ts"));
        assert.strictEqual(r.code, 0, r.out + r.err);
    });

    it("plans every resource of a program that exports nothing", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-")), "plan.json");
        const r = await plan("--program", path.join(FIXTURES, "noOutputs.ts"), "--json", file);
        assert.strictEqual(r.code, 0, r.err);
        const doc = JSON.parse(fs.readFileSync(file, "utf8"));
        // In URN order (topic-alerts, topic-ops, topic-scores), not in the order they registered.
        assert.deepStrictEqual(
            doc.resources.filter((x: any) => x.type === "aws:sns/topic:Topic").map((x: any) => x.inputs.name),
            ["onair-alerts", "onair-ops", "onair-scores"],
        );
    });

    it("writes the documented JSON document", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-")), "plan.json");
        const r = await plan("--program", path.join(FIXTURES, "singlePipelineChannel.ts"), "--json", file);
        assert.strictEqual(r.code, 1);
        const doc = JSON.parse(fs.readFileSync(file, "utf8"));
        assert.deepStrictEqual(
            Object.keys(doc)
                .filter((k) => ["resources", "violations", "outputs"].includes(k))
                .sort(),
            ["outputs", "resources", "violations"],
        );
        const channel = doc.resources.find((x: any) => x.type === "aws:medialive/channel:Channel");
        assert.deepStrictEqual(Object.keys(channel).sort(), ["dependencies", "inputs", "name", "parent", "provider", "region", "type", "urn"]);
        assert.strictEqual(channel.region, "us-east-1");
        assert.match(channel.provider, /pulumi:providers:aws::use1$/);
        const v = doc.violations.find((x: any) => x.policy === "onair-medialive-channel-disallow-single-pipeline");
        assert.deepStrictEqual(Object.keys(v).sort(), ["enforcementLevel", "message", "pack", "policy", "urn"]);
        assert.strictEqual(v.urn, channel.urn);
        assert.strictEqual(v.enforcementLevel, "mandatory");
        assert.deepStrictEqual(doc.outputs, { channel: "lonely-channel" });
    });

    it("exits 2 with a clear paragraph when the program itself fails", async () => {
        const broken = path.join(FIXTURES, "throwsError.ts");
        const r = await plan("--program", broken);
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /^Program error: the Pulumi program failed under the mock runtime: venue list missing/);
        assert.match(r.err, /run with --verbose for the stack trace/);
        const verbose = await plan("--program", broken, "--verbose");
        assert.match(verbose.err, /\n\s+at /);
    });

    it("exits 2 for an unknown option or a missing stack file", async () => {
        const a = await plan("--stak", "prod");
        assert.strictEqual(a.code, 2);
        assert.match(a.err, /unknown option --stak/);
        assert.match(a.err, /Usage: npm run plan/);
        const b = await plan("--stack", "nosuchstack");
        assert.strictEqual(b.code, 2);
        assert.match(b.err, /Pulumi\.nosuchstack\.yaml not found; pass --stack NAME/);
    });
});
