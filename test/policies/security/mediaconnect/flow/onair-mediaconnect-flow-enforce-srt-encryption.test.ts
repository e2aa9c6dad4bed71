import * as assert from "assert";
import { enforceSrtEncryption } from "../../../../../policies/security/mediaconnect/flow/onair-mediaconnect-flow-enforce-srt-encryption";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses, violations } from "../../../../helpers/policyAssertions";
import { mutate, unknownValue } from "../../../fixtures/fixture";
import { flowOutput, mediaConnectFlow } from "../../../fixtures/mediaconnect/flow";
import { onairSrtCallerInput } from "../../../fixtures/medialive/input";

// SRT encryption: keyType srt-password with the passphrase in Secrets Manager (secretArn) and a
// role MediaConnect assumes to read it (roleArn).
// https://docs.aws.amazon.com/mediaconnect/latest/ug/encryption-srt-password-set-up.html
describe("onair-mediaconnect-flow-enforce-srt-encryption", () => {
    it("passes the encrypted SRT flow OnAir builds, non-SRT flows and an encrypted MediaLive SRT input", async () => {
        await assertPasses(enforceSrtEncryption, [mediaConnectFlow("srt-listener"), mediaConnectFlow("rtp-fec"), onairSrtCallerInput()]);
    });
    it("flags an SRT source without decryption", async () => {
        const flow = mutate(mediaConnectFlow("srt-listener"), (p) => {
            delete p.source.decryption;
        });
        await assertOneViolation(enforceSrtEncryption, [flow], /SRT source "venue" of "use1-flow-a" is not encrypted with an SRT passphrase \(keyType unset\)/);
    });
    it("flags a static-key SRT output and an unencrypted MediaLive SRT input", async () => {
        const out = flowOutput({ encryption: { keyType: "static-key", roleArn: "r", secretArn: "s" } });
        const input = mutate(onairSrtCallerInput(), (p) => {
            delete p.request.SrtSettings!.SrtCallerSources![0]!.Decryption;
        });
        const v = await violations(enforceSrtEncryption, [out, input]);
        assert.strictEqual(v.length, 2);
        assert.ok(
            v.some((m) => /SRT output "partner" of "to-partner" is not encrypted with an SRT passphrase \(keyType static-key\)/.test(m)),
            v.join("\n"),
        );
        assert.ok(
            v.some((m) => /caller source #1 \(203.0.113.10\) is not encrypted/.test(m)),
            v.join("\n"),
        );
    });
    it("at preview, counts an unknown secret and role ARN as set; a missing one is a violation", async () => {
        const flow = mutate(mediaConnectFlow("srt-listener"), (p) => {
            p.source.decryption!.secretArn = unknownValue();
            p.source.decryption!.roleArn = unknownValue();
        });
        await assertPasses(enforceSrtEncryption, [flow], {}, { preview: true });
        const none = mutate(flow, (p) => {
            delete p.source.decryption;
        });
        assert.strictEqual((await violations(enforceSrtEncryption, [none], {}, { preview: true })).length, 1);
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(enforceSrtEncryption);
    });
});
