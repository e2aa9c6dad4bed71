import * as assert from "assert";
import { ALL_PACKS } from "../../../policies/harness/packs";
import { T } from "../../../policies/lib/types";
import { classicChannel, nativeDistribution } from "../fixtures";
import { analyzeRequest, empty, messages, RunningPack, startPack, struct } from "./analyzerClient";

const LEVEL = messages.EnforcementLevel;

describe("the real pack entries over the analyzer gRPC API (loopback)", function () {
    this.timeout(120_000);

    describe("policies/broadcast", () => {
        let pack: RunningPack;
        before(async () => {
            pack = await startPack("broadcast");
        });
        after(() => pack?.stop());

        it("getAnalyzerInfo lists every broadcast policy with its level and config schema", async () => {
            const info: any = await pack.call("getAnalyzerInfo", empty());
            assert.strictEqual(info.getName(), "onair-broadcast");
            assert.strictEqual(info.getVersion(), "0.1.0");
            const policies = info.getPoliciesList();
            assert.deepStrictEqual(policies.map((p: any) => p.getName()).sort(), ALL_PACKS[0]!.policies.map((p) => p.name).sort());
            const single = policies.find((p: any) => p.getName() === "onair-medialive-channel-disallow-single-pipeline");
            assert.strictEqual(single.getEnforcementlevel(), LEVEL.MANDATORY);
            const fec = policies.find((p: any) => p.getName() === "onair-medialive-channel-configure-udp-fec");
            assert.deepStrictEqual(Object.keys(fec.getConfigschema().getProperties().toJavaScript()).sort(), ["minColumnDepth", "minRowLength"]);
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
            const res: any = await pack.call("analyze", analyzeRequest(T.mediaLiveChannel, "lonely-channel", ch.props));
            const diags = res.getDiagnosticsList().map((d: any) => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel(), message: d.getMessage() }));
            const single = diags.find((d: any) => d.policy === "onair-medialive-channel-disallow-single-pipeline");
            assert.ok(single, JSON.stringify(diags));
            assert.strictEqual(single.level, LEVEL.MANDATORY);
            assert.match(single.message, /"lonely-channel" uses channelClass SINGLE_PIPELINE/);
            // columnDepth 5 was fine by default; configure() raised the minimum to 6.
            assert.ok(diags.some((d: any) => d.policy === "onair-medialive-channel-configure-udp-fec" && /columnDepth 5 is outside 6-20/.test(d.message)));
        });

        it("analyze marks rules as not applicable to other resource types", async () => {
            const res: any = await pack.call("analyze", analyzeRequest("aws:s3/bucket:Bucket", "logs", { bucket: "logs" }));
            assert.deepStrictEqual(res.getDiagnosticsList(), []);
            const na = res.getNotApplicableList().map((n: any) => n.getPolicyName());
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
            const info: any = await pack.call("getAnalyzerInfo", empty());
            assert.strictEqual(info.getName(), "onair-security");
            await pack.call("configure", new messages.ConfigureAnalyzerRequest());
            const d = nativeDistribution();
            delete (d.props.distributionConfig as any).origins[0].originAccessControlId;
            const res: any = await pack.call("analyze", analyzeRequest(T.cloudFrontDistributionNative, "live", d.props));
            const messagesText = res.getDiagnosticsList().map((x: any) => `${x.getPolicyname()}: ${x.getMessage()}`).join("\n");
            assert.match(messagesText, /onair-cloudfront-distribution-missing-origin-access-control: [\s\S]*origin "football-us-east-1" \(mediapackagev2/);
        });
    });
});
