import * as assert from "assert";
import { configureRistLatency } from "../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-configure-rist-latency";
import { configureSrtLatency } from "../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-configure-srt-latency";
import { runPolicy } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { enforceSrtEncryption } from "../../../policies/security/mediaconnect/flow/onair-mediaconnect-flow-enforce-srt-encryption";
import { mediaConnectFlow, unrelated } from "../fixtures";

const rist = (latency?: number) => ({ type: T.mediaConnectFlow, name: "hockey-a", props: { name: "hockey-a", source: { name: "isp-a", protocol: "rist", ingestPort: 5000, whitelistCidr: "192.0.2.0/28", ...(latency === undefined ? {} : { maxLatency: latency }) } } });

describe("contribution rules (MediaConnect)", () => {
    describe("onair-mediaconnect-flow-configure-srt-latency", () => {
        it("passes the SRT flow OnAir builds (1000 ms)", async () => {
            assert.deepStrictEqual((await runPolicy(configureSrtLatency, [mediaConnectFlow("srt-listener")])).violations, []);
        });
        it("flags latency below the configured minimum", async () => {
            const r = await runPolicy(configureSrtLatency, [mediaConnectFlow("srt-listener")], { minLatencyMs: 2000 });
            assert.match(r.violations[0]!, /SRT source "venue" of "use1-flow-a" has latency 1000 ms; set minLatency to at least 2000 ms/);
        });
        it("flags an SRT output without latency", async () => {
            const out = { type: T.mediaConnectFlowOutput, name: "to-partner", props: { name: "partner", protocol: "srt-caller" } };
            assert.match((await runPolicy(configureSrtLatency, [out])).violations[0]!, /SRT output "partner" of "to-partner" has latency unset ms/);
        });
        it("ignores non-SRT flows and is not applicable to other types", async () => {
            assert.deepStrictEqual((await runPolicy(configureSrtLatency, [mediaConnectFlow("rtp-fec")])).violations, []);
            assert.strictEqual((await runPolicy(configureSrtLatency, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-mediaconnect-flow-configure-rist-latency", () => {
        it("passes a recovery latency within bounds", async () => {
            assert.deepStrictEqual((await runPolicy(configureRistLatency, [rist(800)])).violations, []);
        });
        it("flags a missing, too small or too large recovery latency", async () => {
            assert.match((await runPolicy(configureRistLatency, [rist()])).violations[0]!, /RIST source "isp-a" of "hockey-a" has recovery latency unset ms/);
            assert.strictEqual((await runPolicy(configureRistLatency, [rist(50)])).violations.length, 1);
            assert.match((await runPolicy(configureRistLatency, [rist(8000)], { maxLatencyMs: 4000 })).violations[0]!, /set maxLatency within 100-4000 ms/);
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(configureRistLatency, [unrelated()])).notApplicable.length, 1);
        });
    });

    describe("onair-mediaconnect-flow-enforce-srt-encryption (security pack)", () => {
        it("passes the encrypted SRT flow OnAir builds and non-SRT flows", async () => {
            assert.deepStrictEqual((await runPolicy(enforceSrtEncryption, [mediaConnectFlow("srt-listener"), mediaConnectFlow("rtp-fec")])).violations, []);
        });
        it("flags an SRT source without decryption", async () => {
            const flow = mediaConnectFlow("srt-listener");
            delete (flow.props.source as any).decryption;
            assert.match((await runPolicy(enforceSrtEncryption, [flow])).violations[0]!, /SRT source "venue" of "use1-flow-a" is not encrypted with an SRT passphrase \(keyType unset\)/);
        });
        it("flags a static-key SRT output and an unencrypted MediaLive SRT input", async () => {
            const out = { type: T.mediaConnectFlowOutput, name: "to-partner", props: { name: "partner", protocol: "srt-listener", encryption: { keyType: "static-key", roleArn: "r", secretArn: "s" } } };
            const input = { type: T.onairMediaLiveInput, name: "direct", props: { region: "us-east-1", request: { Type: "SRT_CALLER", SrtSettings: { SrtCallerSources: [{ SrtListenerAddress: "203.0.113.10", SrtListenerPort: "7000" }] } } } };
            const r = await runPolicy(enforceSrtEncryption, [out, input]);
            assert.strictEqual(r.violations.length, 2);
            assert.ok(r.violations.some((v) => /caller source #1 \(203.0.113.10\) is not encrypted/.test(v)));
        });
        it("is not applicable to other types", async () => {
            assert.strictEqual((await runPolicy(enforceSrtEncryption, [unrelated()])).notApplicable.length, 1);
        });
    });
});
