import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { apiGatewayOf } from "../../components/config/drm";
import { spekeInvokeArn } from "../../components/media/iam";
import { constantIv } from "../../components/media/packaging/encryption";
import { main } from "../../plan/cli";
import { PlanCapture } from "../../contracts/capturedPlan";
import { T } from "../../contracts/resourceTypes";
import { planSeason, prodPlan, ROOT } from "../helpers/plan";
import { baselineSeason } from "../helpers/season";
import { byUrn, ofType, one, without } from "./planQueries";

const URLS = {
    "us-east-1": "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/speke/v2/copyProtection",
    "us-west-2": "https://f6g7h8i9j0.execute-api.us-west-2.amazonaws.com/speke/v2/copyProtection",
};

function drmSeason(drm: Record<string, unknown> = {}): Record<string, any> {
    const s = baselineSeason();
    s.channels[0].premium = true;
    s.channels[0].drm = { systems: ["widevine", "playready", "fairplay"], keyProvider: { urls: { ...URLS } }, ...drm };
    return s;
}

function encryption(plan: PlanCapture, name: string): Record<string, any> | undefined {
    return (one(plan, T.mediaPackageOriginEndpoint, name).inputs["segment"] as Record<string, any>)["encryption"];
}

describe("DRM: SPEKE v2 encryption of the MediaPackage v2 endpoints", function () {
    let plan: PlanCapture;
    before(async () => {
        plan = await planSeason(drmSeason());
    });

    it("encrypts the DRM channel's endpoint in both regions with one content id, contract, rotation, scheme and IV", () => {
        const east = encryption(plan, "use1-main-uhd-mp-endpoint")!;
        const west = encryption(plan, "usw2-main-uhd-mp-endpoint")!;
        assert.deepStrictEqual(east, {
            encryptionMethod: { cmafEncryptionMethod: "CBCS" },
            constantInitializationVector: constantIv("test-season-main-uhd"),
            keyRotationIntervalSeconds: 3600,
            spekeKeyProvider: {
                resourceId: "test-season-main-uhd",
                drmSystems: ["WIDEVINE", "PLAYREADY", "FAIRPLAY"],
                encryptionContractConfiguration: { presetSpeke20Video: "PRESET_VIDEO_3", presetSpeke20Audio: "PRESET_AUDIO_1" },
                url: URLS["us-east-1"],
                roleArn: "arn:aws:iam::123456789012:role/use1-main-uhd-speke-role",
            },
        });
        // Only the regional key provider URL and role differ.
        assert.deepStrictEqual(without(west, ["url", "roleArn"]), without(east, ["url", "roleArn"]));
        assert.strictEqual(west["spekeKeyProvider"]["url"], URLS["us-west-2"]);
        assert.strictEqual(west["spekeKeyProvider"]["roleArn"], "arn:aws:iam::123456789012:role/usw2-main-uhd-speke-role");
    });

    it("uses a 128-bit constant IV (32 hex characters, Encryption.ConstantInitializationVector) derived from the content id", () => {
        assert.match(constantIv("test-season-main-uhd"), /^[0-9A-F]{32}$/);
        assert.notStrictEqual(constantIv("test-season-main-uhd"), constantIv("test-season-other"));
    });

    it("keeps the other endpoint settings, and the forced errors on the primary only, as without DRM", async () => {
        const clear = await planSeason(baselineSeason());
        for (const name of ["use1-main-uhd-mp-endpoint", "usw2-main-uhd-mp-endpoint"]) {
            const drm = one(plan, T.mediaPackageOriginEndpoint, name).inputs;
            const plain = one(clear, T.mediaPackageOriginEndpoint, name).inputs;
            assert.deepStrictEqual({ ...drm, segment: without(drm["segment"], ["encryption"]) }, plain);
        }
        assert.ok(one(plan, T.mediaPackageOriginEndpoint, "use1-main-uhd-mp-endpoint").inputs["forceEndpointErrorConfiguration"]);
        assert.strictEqual(one(plan, T.mediaPackageOriginEndpoint, "usw2-main-uhd-mp-endpoint").inputs["forceEndpointErrorConfiguration"], undefined);
        // License and key-provider traffic is not the CDN's: the distribution is the same with and without DRM.
        const dist = (p: PlanCapture) => one(p, T.cloudFrontDistributionNative, "live").inputs;
        assert.deepStrictEqual(dist(plan), dist(clear));
    });

    it("leaves channels without drm unencrypted and marks only the premium channel", () => {
        assert.strictEqual(encryption(plan, "use1-second-hd-mp-endpoint"), undefined);
        assert.deepStrictEqual(one(plan, T.mediaPackageChannel, "use1-main-uhd-mp-channel").inputs["tags"], [{ key: "onair:premium", value: "true" }]);
        assert.strictEqual(one(plan, T.mediaPackageChannel, "use1-second-hd-mp-channel").inputs["tags"], undefined);
    });

    it("creates one key-provider role per region that MediaPackage v2 may assume for this channel only", () => {
        for (const [short, region] of [
            ["use1", "us-east-1"],
            ["usw2", "us-west-2"],
        ] as const) {
            const role = one(plan, "aws:iam/role:Role", `${short}-main-uhd-speke-role`);
            assert.strictEqual(role.region, region);
            assert.ok(byUrn(plan, role.parent)?.type === "onair:media:RegionalMediaChain");
            const channel = `arn:aws:mediapackagev2:${region}:123456789012:channelGroup/test-season/channel/main-uhd`;
            assert.deepStrictEqual(JSON.parse(role.inputs["assumeRolePolicy"] as string), {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "MediaPackageKeyRequests",
                        Effect: "Allow",
                        Principal: { Service: "mediapackagev2.amazonaws.com" },
                        Action: "sts:AssumeRole",
                        // Confused-deputy conditions: this account, this channel's resources in this region.
                        Condition: {
                            StringEquals: { "aws:SourceAccount": "123456789012" },
                            ArnLike: { "aws:SourceArn": [channel, `${channel}/originEndpoint/cmaf`] },
                        },
                    },
                ],
            });
            const policies = role.inputs["inlinePolicies"] as { name: string; policy: string }[];
            assert.deepStrictEqual(
                policies.map((p) => p.name),
                ["speke-key-requests"],
            );
            const apiId = region === "us-east-1" ? "a1b2c3d4e5" : "f6g7h8i9j0";
            assert.deepStrictEqual(JSON.parse(policies[0]!.policy).Statement, [
                {
                    Sid: "SpekeKeyRequests",
                    Effect: "Allow",
                    Action: "execute-api:Invoke",
                    // SPEKE POSTs its CPIX document; only that method of that stage and path.
                    Resource: `arn:aws:execute-api:${region}:*:${apiId}/speke/POST/v2/copyProtection`,
                },
            ]);
        }
        assert.strictEqual(ofType(plan, "aws:iam/role:Role").filter((r) => r.name.includes("speke")).length, 2);
    });

    it("derives the execute-api ARN from the URL's API id, region, stage and path", () => {
        assert.strictEqual(
            spekeInvokeArn(apiGatewayOf("https://1wm2dx1f33.execute-api.us-west-2.amazonaws.com/SpekeSample/copyProtection")!),
            "arn:aws:execute-api:us-west-2:*:1wm2dx1f33/SpekeSample/POST/copyProtection",
        );
        assert.strictEqual(apiGatewayOf("https://speke.drm-vendor.example/v2"), undefined);
    });

    it("uses the vendor's role in every region and creates none when keyProvider.roleArn is set", async () => {
        const vendor = "arn:aws:iam::444455556666:role/SpekeAccess";
        const p = await planSeason(drmSeason({ keyProvider: { urls: { ...URLS }, roleArn: vendor } }));
        assert.strictEqual(encryption(p, "use1-main-uhd-mp-endpoint")!["spekeKeyProvider"]["roleArn"], vendor);
        assert.strictEqual(encryption(p, "usw2-main-uhd-mp-endpoint")!["spekeKeyProvider"]["roleArn"], vendor);
        assert.deepStrictEqual(
            ofType(p, "aws:iam/role:Role").filter((r) => r.name.includes("speke")),
            [],
        );
    });

    it("sets no constant IV for cenc (each sample's IV travels in its segment) and no rotation when it is 0", async () => {
        const p = await planSeason(drmSeason({ systems: ["widevine", "playready"], method: "cenc", keyRotationSeconds: 0 }));
        const enc = encryption(p, "usw2-main-uhd-mp-endpoint")!;
        assert.deepStrictEqual(enc["encryptionMethod"], { cmafEncryptionMethod: "CENC" });
        assert.strictEqual(enc["constantInitializationVector"], undefined);
        assert.strictEqual(enc["keyRotationIntervalSeconds"], undefined);
    });

    it("says in the playback output which systems play each manifest", () => {
        const playback = plan.outputs["playback"] as Record<string, any>;
        assert.deepStrictEqual(playback["main-uhd"]["drm"], {
            hls: ["widevine", "playready", "fairplay"],
            dash: ["widevine", "playready"],
            method: "cbcs",
            keyRotationSeconds: 3600,
        });
        assert.strictEqual(playback["second-hd"]["drm"], null);
        assert.match(playback["main-uhd"]["hls"], /\/out\/v1\/test-season\/main-uhd\/cmaf\/hls\.m3u8$/);
    });

    it("prod: `npm run plan -- --json` shows both regions' UHD endpoints with identical SPEKE v2 encryption", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "onair-drm-")), "plan.json");
        const cwd = process.cwd();
        process.chdir(ROOT);
        let code: number;
        try {
            code = await main(
                ["--json", file],
                () => undefined,
                () => undefined,
            );
        } finally {
            process.chdir(cwd);
        }
        assert.strictEqual(code, 0);
        const doc = JSON.parse(fs.readFileSync(file, "utf8"));
        const endpoints = doc.resources.filter((r: any) => r.type === T.mediaPackageOriginEndpoint && r.name.includes("football-uhd"));
        assert.deepStrictEqual(endpoints.map((e: any) => e.region).sort(), ["us-east-1", "us-west-2"]);
        const [a, b] = endpoints.map((e: any) => e.inputs.segment.encryption);
        assert.strictEqual(a.spekeKeyProvider.resourceId, "rsn-2026-27-football-uhd");
        assert.deepStrictEqual(a.spekeKeyProvider.drmSystems, ["WIDEVINE", "PLAYREADY", "FAIRPLAY"]);
        assert.deepStrictEqual(without(a, ["url", "roleArn"]), without(b, ["url", "roleArn"]));
        assert.notStrictEqual(a.spekeKeyProvider.url, b.spekeKeyProvider.url);
        assert.deepStrictEqual(doc.violations, []);
        // The HD channels are not premium and stay in the clear.
        const prod = await prodPlan();
        assert.strictEqual(encryption(prod, "use1-hoops-hd-mp-endpoint"), undefined);
    });
});
