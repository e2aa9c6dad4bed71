import * as assert from "assert";
import { disallowPlainRtp } from "../../../policies/broadcast/mediaconnect/flow/onair-mediaconnect-flow-disallow-plain-rtp";
import { runPolicy } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { mediaConnectFlow, unrelated } from "../fixtures";

describe("broadcast pack: onair-mediaconnect-flow-disallow-plain-rtp", () => {
    it("passes the flows OnAir builds (rtp-fec, srt-listener)", async () => {
        assert.deepStrictEqual((await runPolicy(disallowPlainRtp, [mediaConnectFlow("rtp-fec"), mediaConnectFlow("srt-listener")])).violations, []);
    });
    it("flags a flow whose source is plain rtp, naming the source", async () => {
        const flow = mediaConnectFlow("rtp-fec");
        (flow.props.source as any).protocol = "rtp";
        const r = await runPolicy(disallowPlainRtp, [flow]);
        assert.match(r.violations[0]!, /source "venue" of "use1-flow-a" uses plain rtp/);
    });
    it("flags a plain-rtp FlowSource and FlowOutput", async () => {
        const r = await runPolicy(disallowPlainRtp, [
            { type: T.mediaConnectFlowSource, name: "backup-source", props: { name: "isp-b", protocol: "rtp", flowArn: "arn" } },
            { type: T.mediaConnectFlowOutput, name: "to-partner", props: { name: "partner", protocol: "rtp", flowArn: "arn" } },
        ]);
        assert.strictEqual(r.violations.length, 2);
        assert.ok(r.violations.some((v) => /output "partner" of "to-partner"/.test(v)), r.violations.join("\n"));
    });
    it("is not applicable to other types", async () => {
        assert.strictEqual((await runPolicy(disallowPlainRtp, [unrelated()])).notApplicable.length, 1);
    });
});
