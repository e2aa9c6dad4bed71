import * as assert from "assert";
import { CHANNEL_TYPE } from "../../../components/media/medialive/channel";
import { classifyDynamic, dynamicProviders } from "../../../plan/impact/dynamic";
import { DynamicHost, registeredProviders } from "../../helpers/dynamicHost";
import { channelRequest, urnOf } from "../../media/host/fixture";

/**
 * The plan calls the providers' diff in process; the engine calls the serialized provider through
 * Pulumi's dynamic-provider host over gRPC. Both must give the same verdict on the same olds/news.
 */
describe("the change plan's MediaLive diff agrees with Pulumi's dynamic-provider host", function () {
    this.timeout(300_000);
    let host: DynamicHost;
    let serialized: string;

    before(async () => {
        serialized = (await registeredProviders()).channel;
        host = await DynamicHost.start({});
    });
    after(() => host?.stop());

    const inputs = {
        region: "us-east-1",
        request: channelRequest("agree", "1234567"),
        allowLiveUpdate: false,
        allowLiveDelete: false,
        resourceUrn: urnOf(CHANNEL_TYPE, "agree"),
    };
    const outputs = { ...inputs, channelId: "7000001", arn: "arn:aws:medialive:us-east-1:123456789012:channel:7000001", state: "RUNNING" };
    const cases: [string, Record<string, unknown>][] = [
        ["no change", inputs],
        [
            "an encoder setting",
            { ...inputs, request: { ...inputs.request, EncoderSettings: { ...inputs.request.EncoderSettings, TimecodeConfig: { Source: "SYSTEMCLOCK" } } } },
        ],
        ["the tags", { ...inputs, request: { ...inputs.request, Tags: { "onair:season": "other" } } }],
        ["the region", { ...inputs, region: "us-west-2" }],
    ];
    for (const [what, news] of cases) {
        it(what, async () => {
            const local = await classifyDynamic(dynamicProviders(Date.now())[CHANNEL_TYPE]!, "7000001", outputs, news, new Set());
            const remote = await host.diff(
                urnOf(CHANNEL_TYPE, "agree"),
                "7000001",
                { ...outputs, __provider: serialized },
                { ...news, __provider: serialized },
            );
            assert.strictEqual(remote.changes === "some", local.op !== "same", `${remote.changes} vs ${local.op}`);
            assert.deepStrictEqual(
                remote.replaces,
                local.replaceReasons.map((r) => r.split(":")[0]),
            );
            if (remote.replaces.length > 0) assert.strictEqual(remote.deleteBeforeReplace, true);
        });
    }
});
