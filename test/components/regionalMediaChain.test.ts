import * as assert from "assert";
import { planJson } from "../../plan/json";
import { containsSecret, PlanCapture, SecretValue } from "../../contracts/capturedPlan";
import { T } from "../../contracts/resourceTypes";
import { planSeason, prodPlan } from "../helpers/plan";
import { baselineSeason, setPath, TEST_SECRETS } from "../helpers/season";
import { byUrn, inlinePolicy, ofType, one, without } from "./planQueries";

const REGIONS = ["us-east-1", "us-west-2"];

describe("RegionalMediaChain under the mock runtime", function () {
    let plan: PlanCapture;
    before(async () => {
        plan = await planSeason(baselineSeason());
    });

    it("creates one onair:media:RegionalMediaChain per region, with each region's explicit providers", () => {
        const chains = ofType(plan, "onair:media:RegionalMediaChain");
        assert.deepStrictEqual(chains.map((c) => c.name).sort(), REGIONS);
        for (const region of REGIONS) {
            assert.strictEqual(ofType(plan, "pulumi:providers:aws", region).length, 1);
            assert.strictEqual(ofType(plan, "pulumi:providers:aws-native", region).length, 1);
        }
    });

    it("gives every aws and aws-native resource an explicit provider of its own region", () => {
        const aws = plan.resources.filter((r) => /^aws(-native)?:/.test(r.type));
        assert.ok(aws.length > 40);
        for (const r of aws) {
            const provider = byUrn(plan, r.provider);
            assert.ok(provider, `${r.urn} has no explicit provider`);
            assert.ok(provider.type === "pulumi:providers:aws" || provider.type === "pulumi:providers:aws-native", `${r.urn} uses ${provider.type}`);
            assert.ok([...REGIONS].includes(r.region ?? ""), `${r.urn} has no region`);
            assert.strictEqual(provider.inputs["region"], r.region);
        }
    });

    it("parents every resource to a component, and every media resource to the chain of its region", () => {
        const chains = new Map(ofType(plan, "onair:media:RegionalMediaChain").map((c) => [c.urn, c]));
        for (const r of plan.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
            const parent = byUrn(plan, r.parent);
            assert.ok(parent && !parent.custom && parent.type.startsWith("onair:"), `${r.urn} is not inside an OnAir component`);
            if (chains.has(parent.urn)) assert.strictEqual(parent.name, r.region, r.urn);
        }
        assert.ok(plan.resources.filter((r) => chains.has(r.parent ?? "")).length > 40);
    });

    it("runs two MediaConnect flows per channel and region, one per AZ, with a second source for dual ISP", () => {
        for (const region of REGIONS) {
            const flows = ofType(plan, T.mediaConnectFlow, region);
            assert.strictEqual(flows.length, 4);
            const main = flows
                .filter((f) => f.name.includes("main-uhd"))
                .map((f) => f.inputs["availabilityZone"])
                .sort();
            assert.deepStrictEqual(main, [`${region}a`, `${region}b`]);
            const sources = ofType(plan, T.mediaConnectFlowSource, region);
            assert.deepStrictEqual(
                sources.map((s) => s.inputs["name"]),
                ["isp-b", "isp-b"],
            );
            assert.deepStrictEqual(
                sources.map((s) => s.inputs["ingestPort"]),
                [5010, 5010],
            );
            const rist = one(plan, T.mediaConnectFlow, `${region === "us-east-1" ? "use1" : "usw2"}-second-hd-flow-a`);
            assert.deepStrictEqual(rist.inputs["sourceFailoverConfig"], { state: "ENABLED", failoverMode: "MERGE", recoveryWindow: 300 });
        }
    });

    it("encrypts SRT contribution with a passphrase held in the region's Secrets Manager", () => {
        const flow = one(plan, T.mediaConnectFlow, "use1-main-uhd-flow-a");
        const source = flow.inputs["source"] as Record<string, any>;
        assert.strictEqual(source["protocol"], "srt-listener");
        assert.strictEqual(source["whitelistCidr"], "203.0.113.0/28");
        assert.strictEqual(source["decryption"]["keyType"], "srt-password");
        assert.match(source["decryption"]["secretArn"], /^arn:aws:secretsmanager:us-east-1:/);
        const version = one(plan, "aws:secretsmanager/secretVersion:SecretVersion", "use1-main-uhd");
        assert.ok(version.inputs["secretString"] instanceof SecretValue);
    });

    it("builds a STANDARD, epoch-locked MediaLive channel whose CMAF Ingest targets its own region's MediaPackage channel", () => {
        for (const region of REGIONS) {
            for (const id of ["main-uhd", "second-hd"]) {
                const ml = plan.resources.find((r) => r.type === T.onairMediaLiveChannel && r.region === region && r.name.includes(id))!;
                const req = ml.inputs["request"] as Record<string, any>;
                assert.strictEqual(req["ChannelClass"], "STANDARD");
                assert.strictEqual(req["EncoderSettings"]["GlobalConfiguration"]["OutputLockingMode"], "EPOCH_LOCKING");
                assert.strictEqual(req["EncoderSettings"]["GlobalConfiguration"]["InputLossBehavior"], undefined);
                assert.deepStrictEqual(req["EncoderSettings"]["TimecodeConfig"], { Source: "EMBEDDED", SyncThreshold: 1 });
                const group = req["EncoderSettings"]["OutputGroups"][0];
                assert.ok(group["OutputGroupSettings"]["CmafIngestGroupSettings"]);
                const mp = plan.resources.find((r) => r.type === T.mediaPackageChannel && r.region === region && r.name.includes(id))!;
                const ingest = (mp.outputs["ingestEndpoints"] as { url: string }[]).map((e) => e.url);
                assert.deepStrictEqual(
                    req["Destinations"][0]["Settings"].map((s: { Url: string }) => s.Url),
                    ingest,
                );
                assert.ok(ingest.every((u) => u.includes(`.mediapackagev2.${region}.`)));
            }
        }
    });

    it("keeps video and audio renditions separate, with the UHD and HD ladders as configured", () => {
        const uhd = one(plan, T.onairMediaLiveChannel, "use1-main-uhd").inputs["request"] as Record<string, any>;
        const videos = uhd["EncoderSettings"]["VideoDescriptions"].map((v: any) => `${v.Height}`);
        assert.deepStrictEqual(videos, ["2160", "1440", "1080", "720"]);
        const outputs = uhd["EncoderSettings"]["OutputGroups"][0]["Outputs"];
        for (const o of outputs) assert.ok(!(o.VideoDescriptionName && o.AudioDescriptionNames), `output ${o.OutputName} mixes audio and video`);
        const audio = uhd["EncoderSettings"]["AudioDescriptions"];
        assert.deepStrictEqual(Object.keys(audio[1]["CodecSettings"]), ["Eac3Settings"]);
        assert.deepStrictEqual(uhd["EncoderSettings"]["OutputGroups"][0]["OutputGroupSettings"]["CmafIngestGroupSettings"]["CaptionLanguageMappings"], [
            { CaptionChannel: 1, LanguageCode: "eng" },
        ]);
        const hd = one(plan, T.onairMediaLiveChannel, "use1-second-hd").inputs["request"] as Record<string, any>;
        assert.deepStrictEqual(
            hd["EncoderSettings"]["VideoDescriptions"].map((v: any) => v.Height),
            [1080, 720, 540, 360],
        );
    });

    it("configures MediaPackage v2 for CMAF input, MQCS switching and CMSD, epoch-locked", () => {
        for (const mp of ofType(plan, T.mediaPackageChannel)) {
            assert.strictEqual(mp.inputs["inputType"], "CMAF");
            assert.deepStrictEqual(mp.inputs["inputSwitchConfiguration"], { mqcsInputSwitching: true, preferredInput: 1 });
            assert.deepStrictEqual(mp.inputs["outputHeaderConfiguration"], { publishMqcs: true });
            assert.strictEqual(mp.inputs["outputLockingMode"], "EPOCH_LOCKED");
        }
    });

    it("uses identical encode and endpoint settings in every region; forced 404s only on the primary", () => {
        for (const id of ["main-uhd", "second-hd"]) {
            const [east, west] = REGIONS.map((region) =>
                plan.resources.find((r) => r.type === T.mediaPackageOriginEndpoint && r.region === region && r.name.includes(id))!,
            );
            assert.deepStrictEqual((east!.inputs["forceEndpointErrorConfiguration"] as any).endpointErrorConditions, [
                "STALE_MANIFEST",
                "INCOMPLETE_MANIFEST",
                "SLATE_INPUT",
                "MISSING_DRM_KEY",
            ]);
            assert.strictEqual(west!.inputs["forceEndpointErrorConfiguration"], undefined);
            assert.deepStrictEqual(without(east!.inputs, ["forceEndpointErrorConfiguration"]), without(west!.inputs, ["forceEndpointErrorConfiguration"]));
            const [mlEast, mlWest] = REGIONS.map((region) =>
                plan.resources.find((r) => r.type === T.onairMediaLiveChannel && r.region === region && r.name.includes(id))!,
            );
            const settings = (r: typeof mlEast) => without((r!.inputs["request"] as any)["EncoderSettings"], []);
            assert.deepStrictEqual(settings(mlEast), settings(mlWest));
        }
    });

    it("lets only the chain's MediaLive role push to its MediaPackage channel", () => {
        for (const region of REGIONS) {
            const policy = plan.resources.find(
                (r) => r.type === "aws-native:mediapackagev2:ChannelPolicy" && r.region === region && r.name.includes("main-uhd"),
            )!;
            const role = plan.resources.find((r) => r.type === "aws:iam/role:Role" && r.region === region && r.name.includes("main-uhd-medialive-role"))!;
            const stmt = (policy.inputs["policy"] as any).Statement;
            assert.strictEqual(stmt.length, 1);
            assert.deepStrictEqual(stmt[0].Principal, { AWS: role.outputs["arn"] });
            assert.strictEqual(stmt[0].Action, "mediapackagev2:PutObject");
        }
    });

    it("scopes the MediaLive role to its flows and MediaPackage channel, with no wildcard action", () => {
        const doc = inlinePolicy(plan, "use1-main-uhd-medialive-role");
        const actions = doc.Statement.flatMap((s: any) => [].concat(s.Action));
        assert.ok(
            actions.every((a: string) => !a.includes("*")),
            actions.join(","),
        );
        const put = doc.Statement.find((s: any) => s.Action === "mediapackagev2:PutObject");
        assert.match(put.Resource, /^arn:aws:mediapackagev2:us-east-1:123456789012:channelGroup\/test-season\/channel\/main-uhd$/);
        const mc = doc.Statement.find((s: any) => String(s.Action).includes("mediaconnect"));
        assert.strictEqual(mc.Resource.length, 2);
        const trust = JSON.parse(one(plan, "aws:iam/role:Role", "use1-main-uhd-medialive-role").inputs["assumeRolePolicy"] as string);
        assert.deepStrictEqual(trust.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
    });

    it("never writes a secret value in plain text anywhere in the plan", () => {
        const text = JSON.stringify(planJson(plan, { violations: [], notApplicable: [], evaluated: [] }));
        for (const value of Object.values(TEST_SECRETS)) assert.ok(!text.includes(value), "a secret leaked into the plan JSON");
        assert.ok(text.includes("[secret]"));
        const secretResources = plan.resources.filter((r) => containsSecret(r.inputs)).map((r) => r.type);
        assert.ok(secretResources.includes("aws:secretsmanager/secretVersion:SecretVersion"));
    });
});

describe("RegionalMediaChain options", function () {
    it("runs a single-pipeline channel only on explicit opt-in: one flow, SINGLE_PIPELINE, one destination", async () => {
        const season = setPath(baselineSeason(), "channels[1].singlePipeline", { reason: "Rehearsal feed, no backup encoder at the venue" });
        const plan = await planSeason(season);
        const ml = one(plan, T.onairMediaLiveChannel, "use1-second-hd").inputs["request"] as any;
        assert.strictEqual(ml.ChannelClass, "SINGLE_PIPELINE");
        assert.strictEqual(ml.Destinations[0].Settings.length, 1);
        assert.strictEqual(ofType(plan, T.mediaConnectFlow, "us-east-1").filter((f) => f.name.includes("second-hd")).length, 1);
    });

    it("lands rtp-fec contribution directly on MediaLive as RTP_PUSH behind an input security group", async () => {
        const season = setPath(baselineSeason(), "channels[1].contribution", {
            protocol: "rtp-fec",
            via: "medialive",
            networks: [{ name: "truck", allowedCidr: "192.0.2.0/28" }],
        });
        const plan = await planSeason(season);
        const input = one(plan, T.onairMediaLiveInput, "use1-second-hd-input");
        assert.strictEqual((input.inputs["request"] as any).Type, "RTP_PUSH");
        const isg = one(plan, "aws:medialive/inputSecurityGroup:InputSecurityGroup", "use1-second-hd");
        assert.deepStrictEqual(isg.inputs["whitelistRules"], [{ cidr: "192.0.2.0/28" }]);
        assert.deepStrictEqual((input.inputs["request"] as any).InputSecurityGroups, [isg.id]);
        assert.strictEqual(ofType(plan, T.mediaConnectFlow).filter((f) => f.name.includes("second-hd")).length, 0);
    });

    it("lands srt-caller contribution directly on MediaLive as SRT_CALLER with the passphrase from Secrets Manager", async () => {
        const season = setPath(baselineSeason(), "channels[0].contribution", {
            protocol: "srt-caller",
            via: "medialive",
            networks: [
                {
                    name: "venue",
                    callerTargets: {
                        "us-east-1": [
                            { address: "203.0.113.10", port: 7000 },
                            { address: "203.0.113.11", port: 7000 },
                        ],
                        "us-west-2": [
                            { address: "203.0.113.10", port: 7001 },
                            { address: "203.0.113.11", port: 7001 },
                        ],
                    },
                },
            ],
            srt: { passphraseKey: "mainSrtPassphrase", algorithm: "aes128" },
        });
        const plan = await planSeason(season);
        const req = one(plan, T.onairMediaLiveInput, "usw2-main-uhd-input").inputs["request"] as any;
        assert.strictEqual(req.Type, "SRT_CALLER");
        // Each region's input dials its own listeners: one caller per encoder port.
        assert.deepStrictEqual(
            req.SrtSettings.SrtCallerSources.map((s: any) => `${s.SrtListenerAddress}:${s.SrtListenerPort}`),
            ["203.0.113.10:7001", "203.0.113.11:7001"],
        );
        const east = one(plan, T.onairMediaLiveInput, "use1-main-uhd-input").inputs["request"] as any;
        assert.deepStrictEqual(
            east.SrtSettings.SrtCallerSources.map((s: any) => `${s.SrtListenerAddress}:${s.SrtListenerPort}`),
            ["203.0.113.10:7000", "203.0.113.11:7000"],
        );
        assert.strictEqual(req.SrtSettings.SrtCallerSources[0].Decryption.Algorithm, "AES128");
        assert.match(req.SrtSettings.SrtCallerSources[0].Decryption.PassphraseSecretArn, /^arn:aws:secretsmanager:us-west-2:/);
        const doc = inlinePolicy(plan, "usw2-main-uhd-medialive-role");
        assert.ok(doc.Statement.some((s: any) => s.Action === "secretsmanager:GetSecretValue"));
    });
});

describe("RegionalMediaChain private ingest and policy verdicts", function () {
    it("puts each flow's source behind a VPC interface in its pipeline's subnet (Direct Connect ingest)", async () => {
        const season = setPath(baselineSeason(), "channels[1].contribution.vpcInterface", {
            subnetIds: ["subnet-0aaaaaaaa", "subnet-0bbbbbbbb"],
            securityGroupIds: ["sg-0cccccccc"],
        });
        const plan = await planSeason(season);
        for (const [pipeline, subnet] of [
            ["a", "subnet-0aaaaaaaa"],
            ["b", "subnet-0bbbbbbbb"],
        ]) {
            const flow = one(plan, T.mediaConnectFlow, `use1-second-hd-flow-${pipeline}`);
            assert.deepStrictEqual(
                (flow.inputs["vpcInterfaces"] as any[]).map((v) => [v.name, v.subnetId, v.securityGroupIds]),
                [["venue-private", subnet, ["sg-0cccccccc"]]],
            );
            const source = flow.inputs["source"] as any;
            assert.strictEqual(source.vpcInterfaceName, "venue-private");
            assert.strictEqual(source.whitelistCidr, undefined);
        }
        const vpcPolicy = inlinePolicy(plan, "use1-second-hd-mediaconnect-vpc-role");
        assert.ok(vpcPolicy.Statement[0].Action.includes("ec2:CreateNetworkInterface"));
    });

    it("lets a channel opt into one pipeline, and the broadcast pack still flags it", async () => {
        const { evaluatePacks } = await import("../../policies/harness/evaluate");
        const { packRunsForStack } = await import("../../policies/harness/packs");
        const season = setPath(baselineSeason(), "channels[1].singlePipeline", { reason: "Rehearsal feed, no backup encoder at the venue" });
        const plan = await planSeason(season);
        const verdict = await evaluatePacks(plan, packRunsForStack("prod"));
        const flagged = verdict.violations.filter((v) => v.policy === "onair-medialive-channel-disallow-single-pipeline");
        assert.deepStrictEqual(flagged.map((v) => v.name).sort(), ["use1-second-hd-medialive", "usw2-second-hd-medialive"]);
        assert.ok(flagged.every((v) => v.enforcementLevel === "mandatory"));
    });
});

describe("the prod season", function () {
    it("plans every channel in us-east-1 and us-west-2", async () => {
        const plan = await prodPlan();
        for (const region of REGIONS) {
            const channels = ofType(plan, T.onairMediaLiveChannel, region)
                .map((r) => r.name.split("-").slice(1, -1).join("-"))
                .sort();
            assert.deepStrictEqual(channels, ["football-uhd", "hockey-hd", "hoops-hd", "studio-hd"]);
        }
    });
});
