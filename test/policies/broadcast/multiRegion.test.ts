import * as assert from "assert";
import { enforceMultiRegion } from "../../../policies/broadcast/stack/onair-stack-channels-enforce-multi-region";
import { FixtureResource, fixtureUrn, runPolicy } from "../../helpers/policyRunner";
import { T } from "../../../policies/lib/types";
import { UnknownValue } from "../../../plan/resources";
import { classicChannel, clone } from "../fixtures";

const U = UnknownValue.instance;

/** A provider per region, as a program declares them. */
function provider(region: string): FixtureResource {
    return { type: "pulumi:providers:aws", name: `aws-${region}`, props: { region }, custom: true };
}

/** The MediaPackage v2 channel `sports/game` in a region. */
function mpChannel(region: string, group = "sports", channel = "game"): FixtureResource {
    return { type: T.mediaPackageChannel, name: `mp-${group}-${channel}-${region}`, props: { region, channelGroupName: group, channelName: channel, inputType: "CMAF" } };
}

/** A classic aws.medialive.Channel named `name`, in `region`, pushing to `urls`. */
function channel(name: string, region: string, urls: unknown[], deps: FixtureResource[] = []): FixtureResource {
    const c = classicChannel();
    const props = clone(c.props) as any;
    props.name = name;
    props.destinations = [{ id: "out", settings: urls.map((url) => ({ url })) }];
    return {
        type: T.mediaLiveChannel,
        name: `${name}-${region}`,
        props,
        provider: fixtureUrn(provider(region)),
        ...(deps.length > 0 ? { propertyDependencies: { destinations: deps.map(fixtureUrn) } } : {}),
    };
}

function ingest(region: string, group = "sports", channel = "game"): string[] {
    return [1, 2].map((i) => `https://abc-${i}.ingest.def.mediapackagev2.${region}.amazonaws.com/in/v1/${group}/${i}/${channel}/index`);
}

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];

describe("onair-stack-channels-enforce-multi-region: the same channel across regions is what it feeds", () => {
    it("passes three region-suffixed copies that ingest into the same MediaPackage v2 channel group and channel", async () => {
        const rs = REGIONS.flatMap((r, i) => [provider(r), mpChannel(r), channel(`game-${["east", "west", "eu"][i]}`, r, ingest(r))]);
        assert.deepStrictEqual((await runPolicy(enforceMultiRegion, rs, { minRegions: 3 })).violations, []);
    });

    it("fails one channel in one region, naming how copies were looked for", async () => {
        const r = await runPolicy(enforceMultiRegion, [provider("us-east-1"), mpChannel("us-east-1"), channel("game-east", "us-east-1", ingest("us-east-1"))]);
        assert.deepStrictEqual(r.violations, ['MediaLive channel "game-east" runs in 1 region (us-east-1; copies matched by the MediaPackage v2 channel sports/game); run it in at least 2 regions behind a media-quality-based origin group.']);
    });

    it("keeps channels feeding different MediaPackage channels apart even with the same name", async () => {
        const rs = [provider("us-east-1"), provider("us-west-2"), channel("game", "us-east-1", ingest("us-east-1", "sports", "game")), channel("game", "us-west-2", ingest("us-west-2", "sports", "other"))];
        const r = await runPolicy(enforceMultiRegion, rs);
        assert.strictEqual(r.violations.length, 2);
        assert.match(r.violations.join("\n"), /matched by the MediaPackage v2 channel sports\/other/);
    });

    it("at preview, matches copies through the MediaPackage v2 channels their unknown ingest URLs were computed from", async () => {
        const east = mpChannel("us-east-1");
        const west = mpChannel("us-west-2");
        const rs = [provider("us-east-1"), provider("us-west-2"), east, west, channel("game-east", "us-east-1", [U, U], [east]), channel("game-west", "us-west-2", [U, U], [west])];
        const both = await runPolicy(enforceMultiRegion, rs, {}, { preview: true });
        assert.deepStrictEqual([both.violations, both.undecided], [[], []]);
        const one = await runPolicy(enforceMultiRegion, rs.slice(0, 5), {}, { preview: true });
        assert.deepStrictEqual(one.undecided, []);
        assert.match(one.violations[0]!, /"game-east" runs in 1 region \(us-east-1; copies matched by the MediaPackage v2 channel sports\/game\)/);
    });

    it("at preview, says it cannot decide when a destination is unknown and nothing tells what it is", async () => {
        const rs = [provider("us-east-1"), provider("us-west-2"), channel("game-east", "us-east-1", ingest("us-east-1")), channel("mystery", "us-west-2", [U])];
        const r = await runPolicy(enforceMultiRegion, rs, {}, { preview: true });
        assert.deepStrictEqual(r.violations, [], "the unknown destination may be the missing copy");
        assert.deepStrictEqual(r.undecided, ["string value at .destinations.0.settings.0.url can't be known during preview"]);
    });

    it("matches channels that feed the members of one CloudFront origin group (custom HLS origins)", async () => {
        const channels = [channel("game-east", "us-east-1", ["https://origin-east.example.com/live/game/index"]), channel("game-west", "us-west-2", ["https://origin-west.example.com/live/game/index"])];
        const distribution: FixtureResource = {
            type: T.cloudFrontDistributionClassic,
            name: "cdn",
            props: {
                origins: [{ originId: "east", domainName: "origin-east.example.com" }, { originId: "west", domainName: "origin-west.example.com" }],
                originGroups: [{ originId: "game", failoverCriteria: { statusCodes: [404, 503] }, members: [{ originId: "east" }, { originId: "west" }] }],
            },
        };
        const base = [provider("us-east-1"), provider("us-west-2"), ...channels];
        assert.strictEqual((await runPolicy(enforceMultiRegion, base)).violations.length, 2, "without the origin group nothing joins them");
        const r = await runPolicy(enforceMultiRegion, [...base, distribution]);
        assert.deepStrictEqual(r.violations, []);
        const lone = await runPolicy(enforceMultiRegion, [provider("us-east-1"), channels[0]!, distribution]);
        assert.match(lone.violations[0]!, /copies matched by the destination https:\/\/origin-east.example.com\/live\/game\/index and the origin group game of distribution cdn/);
    });

    it("judges no other resources", async () => {
        assert.deepStrictEqual((await runPolicy(enforceMultiRegion, [mpChannel("us-east-1")])).violations, []);
    });
});
