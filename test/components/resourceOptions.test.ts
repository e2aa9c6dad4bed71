import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { isConfigError } from "../../components/config/errors";
import { optionsFor, seasonProtection, seasonResourceOptions } from "../../components/resourceOptions";
import { ProgramError, runProgram } from "../../plan/run";
import { CapturedResource, isProviderType, PlanCapture } from "../../contracts/capturedPlan";
import { readStackConfig } from "../../components/config/stackConfig";
import { PROGRAM, prodPlan, ROOT, stackWith } from "../helpers/plan";
import { baselineSeason } from "../helpers/season";

/**
 * What issue 12 names as "a season cannot lose mid-season": flows with venue-facing addresses,
 * MediaLive channels (and the inputs they are attached to), MediaPackage channel groups, channels
 * and endpoints, the distribution, the KeyValueStore; plus the operator-filled re-streamer IP sets.
 * Written out here, not read from the code, so the test fails if the table loses one.
 */
const MUST_PROTECT = [
    "aws-native:mediaconnect:Flow",
    "aws-native:mediaconnect:FlowSource",
    "aws:medialive/input:Input",
    // Direct push inputs: prod's studio feed (football-uhd's extraInputs) pushes to their addresses.
    "pulumi-nodejs:dynamic/medialive:Input",
    "pulumi-nodejs:dynamic/medialive:Channel",
    "aws-native:mediapackagev2:ChannelGroup",
    "aws-native:mediapackagev2:Channel",
    "aws-native:mediapackagev2:OriginEndpoint",
    "aws-native:cloudfront:Distribution",
    "aws-native:cloudfront:KeyValueStore",
    "aws-native:wafv2:IpSet",
];

/**
 * aws-native types OnAir names whose name is create-only together with another property the program
 * can change. Source: the CloudFormation registry schemas' `createOnlyProperties`
 * (AWS::MediaConnect::Flow: Name, AvailabilityZone, Source/Name; AWS::MediaConnect::FlowSource:
 * FlowArn, Name, Protocol; AWS::MediaPackageV2::Channel: ChannelGroupName, ChannelName, InputType,
 * OutputLockingMode; AWS::MediaTailor::PrefetchSchedule: Name, Consumption, Retrieval, ...).
 */
const MUST_DELETE_FIRST = [
    "aws-native:mediaconnect:Flow",
    "aws-native:mediaconnect:FlowSource",
    "aws-native:mediapackagev2:Channel",
    "aws-native:mediatailor:PrefetchSchedule",
];

/**
 * Named, but the name is their only varying create-only property (AWS::CloudFront::Function,
 * KeyValueStore, RealtimeLogConfig: Name; AWS::WAFv2::WebACL and IPSet: Name, Scope, Scope always
 * CLOUDFRONT): a replacement comes with a new name, and deleting first would detach them from the
 * distribution.
 */
const MUST_NOT_DELETE_FIRST = [
    "aws-native:cloudfront:Function",
    "aws-native:cloudfront:KeyValueStore",
    "aws-native:cloudfront:RealtimeLogConfig",
    "aws-native:wafv2:WebAcl",
    "aws-native:wafv2:IpSet",
    "aws-native:cloudfront:Distribution",
];

function resources(plan: PlanCapture): CapturedResource[] {
    return plan.resources.filter((r) => r.custom && !isProviderType(r.type));
}

function typesPresent(plan: PlanCapture, types: string[]): void {
    const present = new Set(plan.resources.map((r) => r.type));
    for (const t of types) assert.ok(present.has(t), `the plan has no ${t}; the test would prove nothing for it`);
}

describe("season resources that cannot vanish (captured resource options)", function () {
    let prod: PlanCapture;
    let rehearsal: PlanCapture;
    let review: PlanCapture;
    before(async () => {
        prod = await prodPlan();
        rehearsal = await runProgram({ program: PROGRAM, stack: readStackConfig(ROOT, "rehearsal") });
        review = await runProgram({ program: PROGRAM, stack: readStackConfig(ROOT, "review") });
    });

    it("protects exactly the season-critical resources on prod", () => {
        typesPresent(prod, MUST_PROTECT);
        for (const r of resources(prod)) {
            assert.strictEqual(r.opts.protect, MUST_PROTECT.includes(r.type), `${r.urn}: protect is ${r.opts.protect}`);
        }
        // Protect blocks replacement too: none of these may be quietly retained-and-recreated instead.
        for (const r of resources(prod).filter((x) => MUST_PROTECT.includes(x.type))) assert.strictEqual(r.opts.retainOnDelete, false, r.urn);
    });

    it("protects nothing on the rehearsal and review stacks, which Deployments destroys", () => {
        for (const plan of [rehearsal, review]) {
            typesPresent(plan, ["aws-native:mediaconnect:Flow", "aws-native:cloudfront:Distribution"]);
            const protectedOnes = resources(plan)
                .filter((r) => r.opts.protect)
                .map((r) => r.urn);
            assert.deepStrictEqual(protectedOnes, [], `${plan.stack} must stay destroyable`);
        }
    });

    it("deletes before replacing the named resources whose name cannot change in place, on every stack", () => {
        typesPresent(prod, MUST_DELETE_FIRST);
        for (const plan of [prod, rehearsal, review]) {
            for (const r of resources(plan)) {
                if (MUST_DELETE_FIRST.includes(r.type)) assert.strictEqual(r.opts.deleteBeforeReplace, true, `${plan.stack}: ${r.urn}`);
                if (MUST_NOT_DELETE_FIRST.includes(r.type)) assert.notStrictEqual(r.opts.deleteBeforeReplace, true, `${plan.stack}: ${r.urn}`);
            }
        }
    });

    it("keeps the access-log bucket on destroy (retain, not protect: the logs outlive the season)", () => {
        const bucket = resources(prod).find((r) => r.type === "aws:s3/bucket:Bucket")!;
        assert.deepStrictEqual([bucket.opts.retainOnDelete, bucket.opts.protect], [true, false]);
    });

    it("refuses a bad onair:protect before registering any resource", async () => {
        const stack = stackWith(baselineSeason(), undefined, { "onair:protect": "yes" });
        const err = await runProgram({ program: PROGRAM, stack }).catch((e: ProgramError) => e);
        assert.ok(err instanceof ProgramError && isConfigError(err.original), String(err));
        assert.match(err.message, /onair:protect: "yes" is not a boolean; set true for a season stack, false for a stack that is destroyed on purpose/);
        assert.deepStrictEqual(
            err.resources.filter((r) => r.type !== "pulumi:pulumi:Stack"),
            [],
        );
    });
});

describe("resource options (pure)", () => {
    const config = (values: Record<string, string>) => ({ name: "onair", get: (k: string) => values[k] }) as unknown as pulumi.Config;

    it("protects by default, so a stack nobody configured is safe", () => {
        assert.deepStrictEqual(seasonProtection(config({})), { protect: true });
        assert.deepStrictEqual(seasonProtection(config({ protect: "false" })), { protect: false });
    });

    it("decides per type and leaves other types alone", () => {
        assert.deepStrictEqual(optionsFor("aws-native:mediaconnect:Flow", { protect: true }), { protect: true, deleteBeforeReplace: true });
        assert.deepStrictEqual(optionsFor("aws-native:mediaconnect:Flow", { protect: false }), { deleteBeforeReplace: true });
        assert.deepStrictEqual(optionsFor("aws-native:cloudfront:KeyValueStore", { protect: true }), { protect: true });
        assert.deepStrictEqual(optionsFor("aws:iam/role:Role", { protect: true }), {});
    });

    it("keeps an option the component set itself", () => {
        const t = seasonResourceOptions({ protect: true });
        const args = (opts: pulumi.CustomResourceOptions) => ({
            resource: undefined as unknown as pulumi.Resource,
            type: "aws-native:mediaconnect:Flow",
            name: "f",
            props: {},
            opts,
        });
        assert.deepStrictEqual(t(args({}))!.opts, { protect: true, deleteBeforeReplace: true });
        assert.deepStrictEqual(t(args({ protect: false, deleteBeforeReplace: false }))!.opts, { protect: false, deleteBeforeReplace: false });
        assert.strictEqual(t({ ...args({}), type: "aws:iam/role:Role" }), undefined);
    });
});
