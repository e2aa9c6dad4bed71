import * as assert from "assert";
import { ALL_PACKS } from "../../../policies/harness/packs";
import { T } from "../../../contracts/resourceTypes";
import { wireSignatures } from "../../../contracts/sdkInternals";
import { nativeDistribution } from "../fixtures/cloudfront/distribution";
import { classicChannel } from "../fixtures/medialive/channel";
import { clearEndpoint, premiumDrm } from "../fixtures/mediapackagev2/originendpoint";
import { analyzeRequest, analyzeStackRequest, empty, messages, RunningPack, stackResource, startPack, struct, urnOf } from "./analyzerClient";
import { installedPack } from "./publishedPacks";

const LEVEL = messages.EnforcementLevel;
// rpc.unknownValue: what the engine sends an analyzer for a value not known during preview.
const UNKNOWN = wireSignatures().unknown;

/** A response's diagnostics as plain values. */
function diagnosticsOf(res: messages.AnalyzeResponse): { policy: string; level: number; message: string }[] {
    return res.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel(), message: d.getMessage() }));
}

// npm pack, npm install and the runner's type check of every rule: minutes on a loaded 2-core machine.
describe("the published packs (npm pack, installed as Pulumi Cloud does, run by @pulumi/pulumi's runner) over the analyzer gRPC API", function () {
    this.timeout(900_000);

    for (const dir of ["broadcast", "security"]) {
        it(`policies/${dir} packs into a tarball that holds its rules and the shared helpers, and nothing of the program`, async () => {
            const { files } = await installedPack(dir);
            assert.ok(
                files.includes(`policies/${dir}/index.ts`) &&
                    files.includes("policies/lib/props.ts") &&
                    files.includes("contracts/resourceTypes.ts") &&
                    files.includes("npm-shrinkwrap.json") &&
                    files.includes("PulumiPolicy.yaml"),
                files.join(", "),
            );
            assert.deepStrictEqual(
                files.filter((f) => /^(components|plan|stacks|test|tools|node_modules)\//.test(f) || /config\..*\.json$/.test(f)),
                [],
            );
            // contracts/ as far as the rules load it: never the planner's captured-plan model or SDK adapter.
            assert.deepStrictEqual(
                files.filter((f) => /^contracts\/(capturedPlan|propertyDecoding|sdkInternals|repoRoot|stackFile)\.ts$/.test(f)),
                [],
            );
        });
    }

    describe("policies/broadcast", () => {
        let pack: RunningPack;
        before(async () => {
            pack = await startPack("broadcast");
        });
        after(() => pack?.stop());

        it("getAnalyzerInfo lists every broadcast policy with its level and config schema", async () => {
            const info = await pack.call<messages.AnalyzerInfo>("getAnalyzerInfo", empty());
            assert.strictEqual(info.getName(), "onair-broadcast");
            assert.strictEqual(info.getVersion(), "0.1.0");
            const policies = info.getPoliciesList();
            assert.deepStrictEqual(policies.map((p) => p.getName()).sort(), ALL_PACKS[0]!.policies.map((p) => p.name).sort());
            const single = policies.find((p) => p.getName() === "onair-medialive-channel-disallow-single-pipeline")!;
            assert.strictEqual(single.getEnforcementlevel(), LEVEL.MANDATORY);
            const fec = policies.find((p) => p.getName() === "onair-medialive-channel-configure-udp-fec")!;
            assert.deepStrictEqual(Object.keys(fec.getConfigschema()!.getProperties()!.toJavaScript()).sort(), ["minColumnDepth", "minRowLength"]);
        });

        it("configure accepts per-policy levels and settings", async () => {
            const req = new messages.ConfigureAnalyzerRequest();
            const fec = new messages.PolicyConfig();
            fec.setEnforcementlevel(LEVEL.MANDATORY);
            fec.setProperties(struct({ minColumnDepth: 6, minRowLength: 4 }));
            req.getPolicyconfigMap().set("onair-medialive-channel-configure-udp-fec", fec);
            await pack.call("configure", req);
        });

        it("analyze reports a SINGLE_PIPELINE channel as mandatory, and applies the configured FEC minimum", async () => {
            const ch = classicChannel();
            ch.props.channelClass = "SINGLE_PIPELINE";
            const res = await pack.call<messages.AnalyzeResponse>("analyze", analyzeRequest(T.mediaLiveChannel, "lonely-channel", ch.props));
            const diags = diagnosticsOf(res);
            const single = diags.find((d) => d.policy === "onair-medialive-channel-disallow-single-pipeline");
            assert.ok(single, JSON.stringify(diags));
            assert.strictEqual(single!.level, LEVEL.MANDATORY);
            assert.match(single!.message, /"lonely-channel" uses channelClass SINGLE_PIPELINE/);
            // columnDepth 5 was fine by default; configure() raised the minimum to 6.
            assert.ok(diags.some((d) => d.policy === "onair-medialive-channel-configure-udp-fec" && /columnDepth 5 is outside 6-20/.test(d.message)));
        });

        it("analyze at preview decides on the known settings of a channel whose role and input are unknown", async () => {
            const ch = classicChannel();
            ch.props.channelClass = "SINGLE_PIPELINE";
            ch.props.roleArn = UNKNOWN;
            ch.props.inputAttachments[0]!.inputId = UNKNOWN;
            const res = await pack.call<messages.AnalyzeResponse>("analyze", analyzeRequest(T.mediaLiveChannel, "lonely-channel", ch.props));
            const diags = diagnosticsOf(res);
            assert.ok(
                diags.some((d) => d.policy === "onair-medialive-channel-disallow-single-pipeline" && d.level === LEVEL.MANDATORY),
                JSON.stringify(diags),
            );
            assert.deepStrictEqual(
                diags.filter((d) => /during preview/.test(d.message)),
                [],
            );
        });

        it("analyze at preview says a rule cannot decide (advisory, the SDK's own message) when the value it judges is unknown", async () => {
            const ch = classicChannel();
            ch.props.channelClass = UNKNOWN;
            const res = await pack.call<messages.AnalyzeResponse>("analyze", analyzeRequest(T.mediaLiveChannel, "lonely-channel", ch.props));
            const single = diagnosticsOf(res).filter((d) => d.policy === "onair-medialive-channel-disallow-single-pipeline");
            assert.strictEqual(single.length, 1);
            assert.strictEqual(single[0]!.level, LEVEL.ADVISORY);
            assert.match(
                single[0]!.message,
                /can't run policy 'onair-medialive-channel-disallow-single-pipeline' .* during preview: string value at \.channelClass can't be known during preview/,
            );
        });

        it("analyzeStack at preview matches region-suffixed copies through the MediaPackage channels their unknown URLs came from", async () => {
            const resources = (regions: string[]) =>
                regions.flatMap((region) => {
                    const provider = { type: "pulumi:providers:aws", name: `aws-${region}`, props: { region } };
                    const mp = stackResource(T.mediaPackageChannel, `game-${region}-mp`, { region, channelGroupName: "sports", channelName: "game" });
                    const ch = classicChannel();
                    ch.props.name = `game-${region}`;
                    ch.props.destinations = [{ id: "mp", settings: [{ url: UNKNOWN }, { url: UNKNOWN }] }];
                    return [
                        mp,
                        stackResource(T.mediaLiveChannel, `game-${region}`, ch.props, {
                            provider,
                            propertyDependencies: { destinations: [urnOf(T.mediaPackageChannel, `game-${region}-mp`)] },
                        }),
                    ];
                });
            const diags = async (regions: string[]) => {
                const res = await pack.call<messages.AnalyzeResponse>("analyzeStack", analyzeStackRequest(resources(regions)));
                return diagnosticsOf(res).filter((d) => d.policy === "onair-stack-channels-enforce-multi-region");
            };
            assert.deepStrictEqual(await diags(["us-east-1", "us-west-2"]), []);
            const lone = await diags(["us-east-1"]);
            assert.strictEqual(lone.length, 1);
            assert.match(lone[0]!.message, /"game-us-east-1" runs in 1 region \(us-east-1; copies matched by the MediaPackage v2 channel sports\/game\)/);
        });

        it("analyzeStack at preview compares a channel's encryption across regions, its key-provider roles unknown", async () => {
            const diags = async (westRotation: number) => {
                const resources = [...premiumDrm("us-east-1", UNKNOWN), ...premiumDrm("us-west-2", UNKNOWN, westRotation)].map((r) =>
                    stackResource(r.type, r.name, r.props),
                );
                const res = await pack.call<messages.AnalyzeResponse>("analyzeStack", analyzeStackRequest(resources));
                return diagnosticsOf(res).filter((d) => d.policy === "onair-stack-endpoints-enforce-identical-encryption");
            };
            assert.deepStrictEqual(await diags(300), []);
            const differs = await diags(600);
            assert.strictEqual(differs.length, 1, JSON.stringify(differs));
            assert.strictEqual(differs[0]!.level, LEVEL.MANDATORY);
            assert.match(differs[0]!.message, /ppv\/fight\/cmaf in us-west-2 encrypts differently from us-east-1 \(key rotation interval 600 vs 300\)/);
        });

        it("analyze marks rules as not applicable to other resource types", async () => {
            const res = await pack.call<messages.AnalyzeResponse>("analyze", analyzeRequest("aws:s3/bucket:Bucket", "logs", { bucket: "logs" }));
            assert.deepStrictEqual(res.getDiagnosticsList(), []);
            const na = res.getNotApplicableList().map((n) => n.getPolicyName());
            assert.ok(na.includes("onair-medialive-channel-disallow-single-pipeline"));
        });
    });

    describe("policies/security", () => {
        let pack: RunningPack;
        before(async () => {
            pack = await startPack("security");
        });
        after(() => pack?.stop());

        it("serves the security pack and flags a MediaPackage origin without origin access control", async () => {
            const info = await pack.call<messages.AnalyzerInfo>("getAnalyzerInfo", empty());
            assert.strictEqual(info.getName(), "onair-security");
            await pack.call("configure", new messages.ConfigureAnalyzerRequest());
            const d = nativeDistribution();
            delete d.props.distributionConfig.origins![0]!.originAccessControlId;
            const res = await pack.call<messages.AnalyzeResponse>("analyze", analyzeRequest(T.cloudFrontDistributionNative, "live", d.props));
            const messagesText = diagnosticsOf(res)
                .map((x) => `${x.policy}: ${x.message}`)
                .join("\n");
            assert.match(messagesText, /onair-cloudfront-distribution-missing-origin-access-control: [\s\S]*origin "mediapackage-us-east-1" \(mediapackagev2/);
        });

        it("analyzeStack at preview flags a clear endpoint beside a premium channel's DRM endpoints, their key-provider roles unknown", async () => {
            const drm = [...premiumDrm("us-east-1", UNKNOWN), ...premiumDrm("us-west-2", UNKNOWN)];
            const clip = clearEndpoint("us-east-1");
            const diags = async (extra: (typeof clip)[]) => {
                const res = await pack.call<messages.AnalyzeResponse>(
                    "analyzeStack",
                    analyzeStackRequest([...drm, ...extra].map((r) => stackResource(r.type, r.name, r.props))),
                );
                return diagnosticsOf(res).filter((d) => d.policy === "onair-stack-endpoints-enforce-premium-drm");
            };
            assert.deepStrictEqual(await diags([]), []);
            const leak = await diags([clip]);
            assert.strictEqual(leak.length, 1, JSON.stringify(leak));
            assert.strictEqual(leak[0]!.level, LEVEL.MANDATORY);
            assert.match(leak[0]!.message, /ppv\/fight\/clip in us-east-1 belongs to a premium channel but serves its segments unencrypted/);
        });
    });
});
