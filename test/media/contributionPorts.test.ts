import * as assert from "assert";
import { planSeason } from "../helpers/plan";
import { baselineSeason, setPath } from "../helpers/season";

/** Where the venue sends, as the stack outputs report it: the ports the services really open. */
describe("contribution endpoints in the stack outputs", function () {
    it("reports the port a direct RTP_PUSH input listens on (MediaLive's 5000, from the input's destinations)", async () => {
        const season = setPath(baselineSeason(), "channels[1].contribution", {
            protocol: "rtp-fec",
            via: "medialive",
            networks: [{ name: "truck", allowedCidr: "192.0.2.0/28" }],
        });
        const plan = await planSeason(season);
        const out = (plan.outputs["channels"] as any)["second-hd"]["us-east-1"].contribution as { pipeline: string; port: number; address: string }[];
        assert.deepStrictEqual(
            out.map((e) => [e.pipeline, e.port]),
            [
                ["a", 5000],
                ["b", 5000],
            ],
        );
        assert.ok(out.every((e) => /^\d+\.\d+\.\d+\.\d+$/.test(e.address)));
    });

    it("reports each MediaConnect listener's port, the second network 10 above the first", async () => {
        const season = setPath(baselineSeason(), "channels[1].contribution.ingestPort", 6000);
        const plan = await planSeason(season);
        const out = (plan.outputs["channels"] as any)["second-hd"]["us-west-2"].contribution as { network: string; port: number }[];
        assert.deepStrictEqual(
            out.map((e) => [e.network, e.port]),
            [
                ["isp-a", 6000],
                ["isp-b", 6010],
                ["isp-a", 6000],
                ["isp-b", 6010],
            ],
        );
    });
});
