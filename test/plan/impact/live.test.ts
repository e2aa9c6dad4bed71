import * as assert from "assert";
import { assessImpact, impactViolations } from "../../../plan/impact/assess";
import { ResourceChange } from "../../../plan/impact/changes";
import { exposureOf } from "../../../plan/impact/exposure";
import { effectsOf } from "../../../plan/impact/live";
import { channelOf } from "../../../plan/impact/owner";
import { CapturedResource } from "../../../contracts/capturedPlan";

const shape = {
    channels: [
        { id: "hoops", name: "Hoops" },
        { id: "hoops-hd", name: "Hoops HD" },
    ],
    regions: ["us-east-1", "us-west-2"],
};
const T = (iso: string) => Date.parse(iso);
// One game: on air 23:00-03:30 (lead and tail included).
const windows = [{ channelId: "hoops-hd", event: "final", startMs: T("2026-12-12T23:00:00Z"), stopMs: T("2026-12-13T03:30:00Z") }];

function change(type: string, name: string, op: ResourceChange["op"], extra: Partial<ResourceChange> = {}): ResourceChange {
    return { urn: `urn:pulumi:prod::onair::${type}::${name}`, type, name, region: "us-east-1", op, properties: [], replaceReasons: [], rule: "test", ...extra };
}

function after(inputs: Record<string, unknown>): CapturedResource {
    return { inputs } as unknown as CapturedResource;
}

describe("live impact of a change (plan/impact/live.ts, exposure.ts, assess.ts)", () => {
    it("finds the channel from OnAir's logical names, longest id first", () => {
        assert.strictEqual(channelOf("use1-hoops-hd-flow-a", shape), "hoops-hd");
        assert.strictEqual(channelOf("usw2-hoops-medialive", shape), "hoops");
        assert.strictEqual(channelOf("use1-hoops-hd.final.start", shape), "hoops-hd");
        assert.strictEqual(channelOf("ads.hoops.final", shape), "hoops");
        assert.strictEqual(channelOf("live", shape), undefined);
    });

    it("a MediaLive channel: replacement stops it, a settings update needs it idle, a tag update does nothing live", () => {
        const ch = "pulumi-nodejs:dynamic/medialive:Channel";
        assert.deepStrictEqual(effectsOf(change(ch, "x", "replace"), "hoops").effects, ["channel-stop"]);
        assert.deepStrictEqual(effectsOf(change(ch, "x", "update", { properties: [{ path: "request.EncoderSettings.a", kind: "update" }] }), "hoops").effects, [
            "channel-settings",
        ]);
        assert.deepStrictEqual(
            effectsOf(
                change(ch, "x", "update", {
                    properties: [
                        { path: "request.Tags", kind: "update" },
                        { path: "allowLiveUpdate", kind: "update" },
                    ],
                }),
                "hoops",
            ).effects,
            [],
        );
    });

    it("a replaced flow is venue-facing; an in-place flow update is only when the venue's port, protocol or CIDR changes", () => {
        const flow = "aws-native:mediaconnect:Flow";
        const before = { urn: "u", type: flow, custom: true, protect: true, inputs: {}, outputs: { source: { ingestIp: "198.18.0.9" } } };
        const replaced = effectsOf(
            change(flow, "use1-hoops-flow-b", "replace", {
                before,
                after: after({
                    availabilityZone: "us-east-1c",
                    source: { name: "isp-a", protocol: "srt-listener", ingestPort: 5000, whitelistCidr: "203.0.113.0/28" },
                }),
            }),
            "hoops",
        );
        assert.deepStrictEqual(replaced.effects, ["venue-address", "channel-input"]);
        assert.deepStrictEqual([replaced.venue?.network, replaced.venue?.pipeline, replaced.venue?.before], ["isp-a", "b", "srt-listener://198.18.0.9:5000"]);
        assert.match(replaced.venue!.after, /^srt-listener:\/\/<new address assigned by MediaConnect in us-east-1c>:5000, allowed from 203\.0\.113\.0\/28/);
        const cidr = effectsOf(
            change(flow, "use1-hoops-flow-a", "update", {
                before,
                after: after({ source: { whitelistCidr: "203.0.113.16/28" } }),
                properties: [{ path: "source.whitelistCidr", kind: "update" }],
            }),
            "hoops",
        );
        assert.deepStrictEqual(cidr.effects, ["venue-address"]);
        const latency = effectsOf(change(flow, "use1-hoops-flow-a", "update", { properties: [{ path: "source.maxLatency", kind: "update" }] }), "hoops");
        assert.deepStrictEqual(latency.effects, []);
    });

    it("a replaced SRT caller flow tells the venue its listener will be called from a new egress address", () => {
        const flow = "aws-native:mediaconnect:Flow";
        const before = { urn: "u", type: flow, custom: true, protect: true, inputs: {}, outputs: { egressIp: "198.18.4.4" } };
        const fx = effectsOf(
            change(flow, "use1-hoops-flow-a", "replace", {
                before,
                after: after({ source: { name: "studio-isp-a", protocol: "srt-caller", sourceListenerAddress: "203.0.113.40", sourceListenerPort: 7000 } }),
            }),
            "hoops",
        );
        assert.strictEqual(fx.venue?.before, "srt-caller to 203.0.113.40:7000 from 198.18.4.4");
        assert.match(
            fx.venue!.after,
            /^srt-caller to 203\.0\.113\.40:7000 from a new egress address assigned by MediaConnect: the venue's listener must accept it/,
        );
    });

    it("a region's origin: a replaced endpoint, endpoint policy, MediaPackage channel or group leaves it without one", () => {
        for (const t of [
            "aws-native:mediapackagev2:OriginEndpoint",
            "aws-native:mediapackagev2:OriginEndpointPolicy",
            "aws-native:mediapackagev2:Channel",
            "aws-native:mediapackagev2:ChannelGroup",
        ]) {
            assert.ok(effectsOf(change(t, "x", "replace"), "hoops").effects.includes("origin-gap"), t);
            assert.deepStrictEqual(effectsOf(change(t, "x", "update"), "hoops").effects, [], t);
        }
        assert.deepStrictEqual(effectsOf(change("aws-native:cloudfront:Distribution", "live", "replace"), undefined).effects, ["viewer-url"]);
        assert.deepStrictEqual(effectsOf(change("aws:cloudwatch/metricAlarm:MetricAlarm", "x", "replace"), "hoops").effects, []);
    });

    it("exposure: inside a window, within the deploy margin before it, or clear; channel-less changes see every window", () => {
        assert.strictEqual(exposureOf(windows, "hoops-hd", T("2026-12-13T01:00:00Z"), 45 * 60_000).kind, "on-air");
        assert.strictEqual(exposureOf(windows, "hoops-hd", T("2026-12-12T22:30:00Z"), 45 * 60_000).kind, "within-margin");
        assert.strictEqual(exposureOf(windows, "hoops-hd", T("2026-12-12T22:00:00Z"), 45 * 60_000).kind, "clear");
        assert.strictEqual(exposureOf(windows, "hoops-hd", T("2026-12-13T03:30:00Z"), 45 * 60_000).kind, "clear");
        assert.strictEqual(exposureOf(windows, "hoops", T("2026-12-13T01:00:00Z"), 45 * 60_000).kind, "clear");
        assert.strictEqual(exposureOf(windows, undefined, T("2026-12-13T01:00:00Z"), 45 * 60_000).kind, "on-air");
    });

    it("the rule: an off-air effect inside the window or margin is a violation; the same change outside, or a harmless one inside, is not", () => {
        const settings = change("pulumi-nodejs:dynamic/medialive:Channel", "use1-hoops-hd-medialive", "update", {
            properties: [{ path: "request.EncoderSettings.a", kind: "update" }],
            after: after({ allowLiveUpdate: true }),
        });
        const alarm = change("aws:cloudwatch/metricAlarm:MetricAlarm", "use1-hoops-hd-contribution-loss", "update");
        const set = { source: "s", changes: [settings, alarm], moved: [], unchanged: 0 };
        const onAir = assessImpact(set, shape, windows, T("2026-12-13T01:00:00Z"), 45);
        assert.deepStrictEqual(
            impactViolations(onAir).map((i) => i.change.name),
            ["use1-hoops-hd-medialive"],
        );
        assert.match(
            impactViolations(onAir)[0]!.violation!,
            /takes hoops-hd in us-east-1 off air while hoops-hd final is on air .*: pulumi up stops the running channel, applies the settings and starts it again \(allowLiveUpdate\)/,
        );
        const margin = assessImpact(set, shape, windows, T("2026-12-12T22:30:00Z"), 45);
        assert.match(
            impactViolations(margin)[0]!.violation!,
            /within the 45-minute deploy margin before hoops-hd final \(window starts 2026-12-12T23:00:00Z, lead included\)/,
        );
        assert.deepStrictEqual(impactViolations(assessImpact(set, shape, windows, T("2026-12-14T00:00:00Z"), 45)), []);
        assert.deepStrictEqual(onAir.counts, { create: 0, update: 2, replace: 0, "may-replace": 0, delete: 0 });
    });
});
