import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { SecretValue, UNKNOWN } from "../../contracts/capturedPlan";
import { cfnTypeName, CfnSpec, loadCfnSpec, sdkName } from "../../plan/spec/cfnSpec";
import { validateInputs } from "../../plan/schema/validate";
import { FIXTURES, plan, tmpFile } from "../helpers/cli";
import { ROOT } from "../helpers/plan";

/** The aws-native types OnAir registers (prod and the benchmark season). */
const ONAIR_TYPES = [
    "cloudfront:CachePolicy",
    "cloudfront:Distribution",
    "cloudfront:Function",
    "cloudfront:KeyValueStore",
    "cloudfront:OriginAccessControl",
    "cloudfront:OriginRequestPolicy",
    "cloudfront:RealtimeLogConfig",
    "cloudfront:ResponseHeadersPolicy",
    "cloudfront:VpcOrigin",
    "mediaconnect:Flow",
    "mediaconnect:FlowSource",
    "mediapackagev2:Channel",
    "mediapackagev2:ChannelGroup",
    "mediapackagev2:ChannelPolicy",
    "mediapackagev2:OriginEndpoint",
    "mediapackagev2:OriginEndpointPolicy",
    "mediatailor:PlaybackConfiguration",
    "mediatailor:PrefetchSchedule",
    "wafv2:IpSet",
    "wafv2:WebAcl",
];

const SDK = path.join(ROOT, "node_modules", "@pulumi", "aws-native");

/** The top-level inputs the generated SDK class sends (`resourceInputs["x"] = args?.x`). */
function sdkInputs(token: string): string[] {
    const [mod, type] = token.split(":") as [string, string];
    const js = fs.readFileSync(path.join(SDK, mod, `${type[0]!.toLowerCase()}${type.slice(1)}.js`), "utf8");
    return [...js.matchAll(/resourceInputs\["(\w+)"\] = args\?\.\w+;/g)].map((m) => m[1]!).sort();
}

/** Field names of a generated input interface (`export interface <Name>Args { ... }` in namespace `mod`). */
let inputTypes: string | undefined;
function sdkInterfaceFields(mod: string, name: string): string[] | undefined {
    const dts = (inputTypes ??= fs.readFileSync(path.join(SDK, "types", "input.d.ts"), "utf8"));
    const ns = dts.indexOf(`export declare namespace ${mod} {`);
    if (ns < 0) return undefined;
    const start = dts.indexOf(`    interface ${name}Args {`, ns);
    if (start < 0) return undefined;
    const body = dts.slice(start, dts.indexOf("\n    }\n", start));
    return [...body.matchAll(/^ {8}(\w+)\??: /gm)].map((m) => m[1]!).sort();
}

describe("AWS resource schemas (@aws-cdk/aws-service-spec)", function () {
    let spec: CfnSpec;
    before(async () => {
        spec = await loadCfnSpec();
    });

    it("maps aws-native tokens to CloudFormation types case-insensitively", () => {
        assert.strictEqual(cfnTypeName("aws-native:mediapackagev2:OriginEndpoint"), "aws::mediapackagev2::originendpoint");
        assert.strictEqual(spec.resource("aws-native:mediapackagev2:OriginEndpoint")?.cloudFormationType, "AWS::MediaPackageV2::OriginEndpoint");
        assert.strictEqual(spec.resource("aws-native:wafv2:WebAcl")?.cloudFormationType, "AWS::WAFv2::WebACL");
        assert.strictEqual(spec.resource("aws:s3/bucket:Bucket"), undefined);
    });

    it("spells CloudFormation names as aws-native's ToSdkName does, acronyms included", () => {
        // pulumi-aws-native provider/pkg/naming: runs of capitals are lowered after their first letter.
        assert.strictEqual(sdkName("DRMSystems"), "drmSystems");
        assert.strictEqual(sdkName("SPEKEKeyProvider"), "spekeKeyProvider");
        assert.strictEqual(sdkName("HlsManifests"), "hlsManifests");
        assert.strictEqual(sdkName("CmafEncryptionMethod"), "cmafEncryptionMethod");
        assert.strictEqual(sdkName("RoleARNs"), "roleArns");
        assert.strictEqual(sdkName("IPAddressVersion"), "ipAddressVersion");
        assert.strictEqual(sdkName("TTL"), "ttl");
    });

    it("knows every top-level input the aws-native SDK sends for each type OnAir uses", () => {
        for (const t of ONAIR_TYPES) {
            const r = spec.resource(`aws-native:${t}`);
            assert.ok(r, `${t} is in the specification`);
            const known = new Set(spec.sdkNames(r.properties, true).keys());
            const missing = sdkInputs(t).filter((k) => !known.has(k));
            assert.deepStrictEqual(missing, [], `${t}: SDK inputs the schema check would call misspelled`);
        }
    });

    it("knows every field of the SDK's nested input types it can pair with a schema type definition", () => {
        let compared = 0;
        for (const t of ONAIR_TYPES) {
            const [mod, type] = t.split(":") as [string, string];
            const r = spec.resource(`aws-native:${t}`)!;
            const seen = new Set<string>();
            const walk = (props: Record<string, { type: unknown }>) => {
                for (const p of Object.values(props)) {
                    const refs: string[] = [];
                    const collect = (x: any) => {
                        if (x?.type === "ref") refs.push(x.reference.$ref);
                        if (x?.element) collect(x.element);
                        if (x?.types) x.types.forEach(collect);
                    };
                    collect(p.type);
                    for (const ref of refs) {
                        if (seen.has(ref)) continue;
                        seen.add(ref);
                        const def = spec.typeDefinition({ $ref: ref });
                        const fields = sdkInterfaceFields(mod, `${type}${def.name}`);
                        if (fields) {
                            compared++;
                            const known = new Set(spec.sdkNames(def.properties, false).keys());
                            assert.deepStrictEqual(
                                fields.filter((f) => !known.has(f)),
                                [],
                                `${t} ${def.name}: SDK fields unknown to the schema check`,
                            );
                        }
                        walk(def.properties as Record<string, { type: unknown }>);
                    }
                }
            };
            walk(r.properties as Record<string, { type: unknown }>);
        }
        assert.ok(compared > 100, `compared ${compared} nested types`);
    });

    describe("one MediaPackage v2 origin endpoint, one field changed at a time", () => {
        // The registry schema (AWS::MediaPackageV2::OriginEndpoint): ChannelGroupName, ChannelName,
        // OriginEndpointName and ContainerType are required; ContainerType is TS, CMAF or ISM.
        const baseline = () => ({
            channelGroupName: "season",
            channelName: "main",
            originEndpointName: "cmaf",
            containerType: "CMAF",
            segment: {
                segmentDurationSeconds: 2,
                encryption: {
                    encryptionMethod: { cmafEncryptionMethod: "CBCS" },
                    spekeKeyProvider: {
                        drmSystems: ["WIDEVINE"],
                        encryptionContractConfiguration: { presetSpeke20Audio: "PRESET_AUDIO_1", presetSpeke20Video: "PRESET_VIDEO_1" },
                        resourceId: "main",
                        roleArn: "arn:aws:iam::123456789012:role/speke",
                        url: "https://example.com/speke",
                    },
                },
            },
            hlsManifests: [{ manifestName: "hls" }],
        });
        const check = (inputs: Record<string, unknown>) => validateInputs(spec, spec.resource("aws-native:mediapackagev2:OriginEndpoint")!.properties, inputs);

        it("accepts the baseline", () => assert.deepStrictEqual(check(baseline()), []));

        it("names a misspelled property by its path, with the property meant", () => {
            const b = baseline() as any;
            b.segment.encryption.spekeKeyProvider.drmSystem = b.segment.encryption.spekeKeyProvider.drmSystems;
            delete b.segment.encryption.spekeKeyProvider.drmSystems;
            const issues = check(b);
            assert.deepStrictEqual(
                issues.map((i) => [i.path, i.rule]),
                [
                    ["segment.encryption.spekeKeyProvider.drmSystem", "unknown-property"],
                    ["segment.encryption.spekeKeyProvider.drmSystems", "required"],
                ],
            );
            assert.match(issues[0]!.message, /did you mean "drmSystems"/);
        });

        it("refuses a value outside an enum, in a list too", () => {
            const b = baseline() as any;
            // The specification lists the forced-error conditions (not, in 0.1.216, the DRM systems).
            b.forceEndpointErrorConfiguration = { endpointErrorConditions: ["STALE_MANIFEST", "SLATE"] };
            assert.deepStrictEqual(
                check(b).map((i) => [i.path, i.rule]),
                [["forceEndpointErrorConfiguration.endpointErrorConditions[1]", "enum"]],
            );
            assert.deepStrictEqual(
                check({ ...baseline(), containerType: "MP4" }).map((i) => [i.path, i.rule]),
                [["containerType", "enum"]],
            );
        });

        it("refuses a missing required property", () => {
            const { containerType: _c, ...rest } = baseline();
            assert.deepStrictEqual(
                check(rest).map((i) => [i.path, i.rule, i.message]),
                [["containerType", "required", "is required (CloudFormation ContainerType) and not set"]],
            );
        });

        it("refuses a wrong type, and never quotes a secret", () => {
            assert.deepStrictEqual(
                check({ ...baseline(), startoverWindowSeconds: "60" }).map((i) => [i.path, i.rule]),
                [["startoverWindowSeconds", "type"]],
            );
            const issues = check({ ...baseline(), description: new SecretValue(42) });
            assert.deepStrictEqual(
                issues.map((i) => [i.path, i.rule]),
                [["description", "type"]],
            );
            assert.doesNotMatch(issues[0]!.message, /42/);
        });

        it("skips values unknown at plan time (preview)", () => {
            const b = baseline() as any;
            b.channelName = UNKNOWN;
            b.segment = { segmentDurationSeconds: { toJSON: () => UNKNOWN } };
            assert.deepStrictEqual(check(b), []);
        });
    });

    it("fails the plan of a program with a misspelled property, a bad enum and a missing required property, naming each path", async () => {
        const r = await plan("--program", path.join(FIXTURES, "schemaViolations.ts"));
        assert.strictEqual(r.code, 1, r.out + r.err);
        assert.match(r.out, /AWS resource schemas \(@aws-cdk\/aws-service-spec [\d.]+\): 4 aws-native resources of 3 types checked; mandatory: 3/);
        assert.match(
            r.out,
            /- misspelled-channel \(aws-native:mediapackagev2:Channel\) inputSwitchConfiguration\.mqcsInputSwitch: is not a property of this type \(did you mean "mqcsInputSwitching"\?\) \[unknown-property, AWS::MediaPackageV2::Channel\]/,
        );
        assert.match(r.out, /- bad-enum-endpoint \(aws-native:mediapackagev2:OriginEndpoint\) containerType: "MP4" is not one of TS, CMAF, ISM \[enum/);
        assert.match(r.out, /- missing-required-oac \(aws-native:cloudfront:OriginAccessControl\) originAccessControlConfig\.signingProtocol: is required/);
        assert.doesNotMatch(r.out, /- good-channel \(aws-native:mediapackagev2:Channel\) /);
    });

    it("writes the schema violations and the quota table into --json and --markdown", async () => {
        const json = tmpFile("plan.json");
        const md = tmpFile("plan.md");
        const r = await plan("--program", path.join(FIXTURES, "schemaViolations.ts"), "--json", json, "--markdown", md);
        assert.strictEqual(r.code, 1);
        const doc = JSON.parse(fs.readFileSync(json, "utf8"));
        assert.deepStrictEqual(
            doc.schema.violations.map((v: any) => [v.path, v.rule, v.enforcementLevel]),
            [
                ["originAccessControlConfig.signingProtocol", "required", "mandatory"],
                ["inputSwitchConfiguration.mqcsInputSwitch", "unknown-property", "mandatory"],
                ["containerType", "enum", "mandatory"],
            ],
        );
        assert.ok(doc.quotas.rows.some((q: any) => q.id === "mediapackagev2-channels" && q.needed === 2 && q.limit === 10 && q.status === "ok"));
        const text = fs.readFileSync(md, "utf8");
        assert.match(
            text,
            /### AWS resource schemas\n\n4 aws-native resources of 3 types checked against @aws-cdk\/aws-service-spec [\d.]+: \*\*3 mandatory\*\*/,
        );
        assert.match(text, /\| `bad-enum-endpoint` \| `aws-native:mediapackagev2:OriginEndpoint` \| `containerType` \| enum \|/);
        assert.match(text, /### Service quotas\n\nAll fit\./);
    });
});
