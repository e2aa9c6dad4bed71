import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { AWS_FORCE_NEW } from "../../../plan/impact/awsForceNew";
import { classifyDynamic, dynamicProviders } from "../../../plan/impact/dynamic";
import { classifyClassic, classifyNative } from "../../../plan/impact/replacement";
import { loadCfnSpec } from "../../../plan/spec/cfnSpec";
import { prodPlan, ROOT } from "../../helpers/plan";

const none = new Set<string>();

describe("what replaces a resource (plan/impact/replacement.ts, dynamic.ts)", function () {
    this.timeout(300_000);

    describe("aws-native: CloudFormation createOnlyProperties", () => {
        const flow = { availabilityZone: "us-east-1a", name: "f", source: { name: "isp-a", protocol: "rist", ingestPort: 5000 } };

        it("a flow's availability zone or its source's name replaces it; the source's port updates in place", async () => {
            const spec = await loadCfnSpec();
            // AWS::MediaConnect::Flow createOnlyProperties: /properties/Name, /properties/AvailabilityZone,
            // /properties/Source/Name (CloudFormation registry schema of AWS::MediaConnect::Flow).
            const az = classifyNative(spec, "aws-native:mediaconnect:Flow", flow, { ...flow, availabilityZone: "us-east-1b" }, none);
            assert.strictEqual(az.op, "replace");
            const src = classifyNative(spec, "aws-native:mediaconnect:Flow", flow, { ...flow, source: { ...flow.source, name: "isp-c" } }, none);
            assert.deepStrictEqual([src.op, src.replaceReasons], ["replace", ["source.name: Source/Name is create-only in AWS::MediaConnect::Flow"]]);
            const port = classifyNative(spec, "aws-native:mediaconnect:Flow", flow, { ...flow, source: { ...flow.source, ingestPort: 5002 } }, none);
            assert.deepStrictEqual([port.op, port.replaceReasons], ["update", []]);
        });

        it("a value known only after another resource's replacement replaces when the property is create-only", async () => {
            const spec = await loadCfnSpec();
            const olds = { flowArn: "arn:1", name: "isp-b", protocol: "rist" };
            // AWS::MediaConnect::FlowSource createOnlyProperties include /properties/FlowArn.
            assert.strictEqual(classifyNative(spec, "aws-native:mediaconnect:FlowSource", olds, olds, new Set(["flowArn"])).op, "replace");
            assert.strictEqual(classifyNative(spec, "aws-native:mediaconnect:FlowSource", olds, olds, none).op, "same");
        });

        it("a type the specification does not know may replace (never a silent update)", async () => {
            const spec = await loadCfnSpec();
            const c = classifyNative(spec, "aws-native:mediaconnect:NoSuchThing", { a: 1 }, { a: 2 }, none);
            assert.strictEqual(c.op, "may-replace");
            assert.match(c.replaceReasons[0]!, /is not in @aws-cdk\/aws-service-spec .*: unknown, may replace/);
        });
    });

    describe("aws (classic): Terraform ForceNew", () => {
        it("a MediaLive input's type replaces it, its flows update in place, a region change replaces it", () => {
            // terraform-provider-aws internal/service/medialive/input.go: only "type" is ForceNew.
            assert.strictEqual(classifyClassic("aws:medialive/input:Input", { type: "MEDIACONNECT" }, { type: "RTP_PUSH" }, none).op, "replace");
            assert.strictEqual(
                classifyClassic("aws:medialive/input:Input", { mediaConnectFlows: [{ flowArn: "a" }] }, { mediaConnectFlows: [{ flowArn: "b" }] }, none).op,
                "update",
            );
            // "Changing the value of `region` will force resource replacement" (enhanced-region-support guide).
            assert.strictEqual(classifyClassic("aws:medialive/input:Input", { region: "us-east-1" }, { region: "us-west-2" }, none).op, "replace");
            // IAM is global: no region entry.
            assert.strictEqual(classifyClassic("aws:iam/role:Role", { path: "/" }, { path: "/media/" }, none).op, "replace");
        });

        it("a Kinesis stream's shard count updates it in place; its name replaces it", () => {
            // terraform-provider-aws internal/service/kinesis/stream.go: only "name" is ForceNew; a new
            // shard_count is one UpdateShardCount (UNIFORM_SCALING) in resourceStreamUpdate.
            assert.strictEqual(classifyClassic("aws:kinesis/stream:Stream", { shardCount: 1 }, { shardCount: 2 }, none).op, "update");
            assert.strictEqual(classifyClassic("aws:kinesis/stream:Stream", { retentionPeriod: 24 }, { retentionPeriod: 48 }, none).op, "update");
            const renamed = classifyClassic("aws:kinesis/stream:Stream", { name: "cmcd-a" }, { name: "cmcd-b" }, none);
            assert.deepStrictEqual(
                [renamed.op, renamed.replaceReasons],
                ["replace", ["name: ForceNew in hashicorp/terraform-provider-aws internal/service/kinesis/stream.go"]],
            );
        });

        it("a KeyValueStore key's value updates it; its key or store replaces it (CloudFront is global)", () => {
            // internal/service/cloudfrontkeyvaluestore/key.go: key and key_value_store_arn carry
            // stringplanmodifier.RequiresReplace(); value is a PutKey in Update.
            const t = "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey";
            assert.strictEqual(classifyClassic(t, { value: "1" }, { value: "2" }, none).op, "update");
            assert.strictEqual(classifyClassic(t, { key: "revoked:a" }, { key: "revoked:b" }, none).op, "replace");
            assert.strictEqual(classifyClassic(t, { keyValueStoreArn: "arn:1" }, { keyValueStoreArn: "arn:1" }, new Set(["keyValueStoreArn"])).op, "replace");
        });

        it("a secret's description updates it; its name replaces it; a new secret value is a new version", () => {
            // internal/service/secretsmanager/secret.go: name, name_prefix ForceNew; description and
            // kms_key_id go to UpdateSecret. secret_version.go: secret_string ForceNew, version_stages not.
            assert.strictEqual(classifyClassic("aws:secretsmanager/secret:Secret", { description: "a" }, { description: "b" }, none).op, "update");
            assert.strictEqual(classifyClassic("aws:secretsmanager/secret:Secret", { name: "a" }, { name: "b" }, none).op, "replace");
            // @pulumi/aws 7.48 has `type`, the stored upstream file does not: not judged, may replace.
            const typed = classifyClassic("aws:secretsmanager/secret:Secret", {}, { type: "SalesforceClientSecret" }, none);
            assert.strictEqual(typed.op, "may-replace");
            assert.match(typed.replaceReasons[0]!, /^type: may replace, not in the cited upstream file/);
            const v = "aws:secretsmanager/secretVersion:SecretVersion";
            assert.strictEqual(classifyClassic(v, { secretString: "x" }, { secretString: "y" }, none).op, "replace");
            assert.strictEqual(classifyClassic(v, { versionStages: ["AWSCURRENT"] }, { versionStages: ["AWSCURRENT", "live"] }, none).op, "update");
        });

        it("an SSM parameter's value updates it; its name or data type replaces it; its tier may", () => {
            // internal/service/ssm/parameter.go: name, data_type ForceNew; value is a PutParameter with
            // Overwrite; CustomizeDiff ForceNewIfChange("tier") on Advanced -> Standard only.
            const t = "aws:ssm/parameter:Parameter";
            assert.strictEqual(classifyClassic(t, { value: "a" }, { value: "b" }, none).op, "update");
            assert.strictEqual(classifyClassic(t, { name: "/onair/a" }, { name: "/onair/b" }, none).op, "replace");
            assert.strictEqual(classifyClassic(t, { dataType: "text" }, { dataType: "aws:ec2:image" }, none).op, "replace");
            assert.strictEqual(classifyClassic(t, { tier: "Advanced" }, { tier: "Standard" }, none).op, "may-replace");
        });

        it("a state machine's definition updates it; its type or name replaces it", () => {
            // internal/service/sfn/state_machine.go: name, name_prefix, type ForceNew; definition and
            // role_arn are one UpdateStateMachine.
            const t = "aws:sfn/stateMachine:StateMachine";
            assert.strictEqual(classifyClassic(t, { definition: "{}", roleArn: "r1" }, { definition: '{"StartAt":"a"}', roleArn: "r2" }, none).op, "update");
            assert.strictEqual(classifyClassic(t, { type: "STANDARD" }, { type: "EXPRESS" }, none).op, "replace");
        });

        it("a type without a table may replace, and says so", () => {
            const c = classifyClassic("aws:s3/bucket:Bucket", { bucket: "a" }, { bucket: "b" }, none);
            assert.strictEqual(c.op, "may-replace");
            assert.match(c.replaceReasons[0]!, /has no force-new table \(plan\/impact\/awsForceNew\.ts\): unknown, may replace/);
        });

        it("every force-new property is a property of @pulumi/aws's <Type>Args, and region only where the type has one", () => {
            const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/aws/package.json"), "utf8")) as { version: string }).version;
            for (const [type, entry] of Object.entries(AWS_FORCE_NEW)) {
                const [, mod, res] = /^aws:([^/]+)\/([^:]+):(.+)$/.exec(type)!;
                const dts = fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/aws", mod!, `${res}.d.ts`), "utf8");
                const args = /export interface \w+Args \{([\s\S]*?)\n\}/.exec(dts)![1]!;
                const names = new Set([...args.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]!));
                for (const p of [...entry.properties, ...Object.keys(entry.mayReplace ?? {})])
                    assert.ok(names.has(p), `${type}.${p} is not in @pulumi/aws ${version} ${mod}/${res}.d.ts`);
                assert.strictEqual(names.has("region"), !entry.global, `${type}: region`);
            }
        });

        it("lists which of prod's aws:* types are judged and which may replace (a new type must be decided here)", async () => {
            const types = [...new Set((await prodPlan()).resources.map((r) => r.type).filter((t) => t.startsWith("aws:")))].sort();
            const covered = types.filter((t) => AWS_FORCE_NEW[t]);
            assert.deepStrictEqual(covered, [
                "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey",
                "aws:cloudfront/monitoringSubscription:MonitoringSubscription",
                "aws:cloudwatch/dashboard:Dashboard",
                "aws:cloudwatch/eventRule:EventRule",
                "aws:cloudwatch/eventTarget:EventTarget",
                "aws:cloudwatch/logGroup:LogGroup",
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "aws:iam/policy:Policy",
                "aws:iam/role:Role",
                "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
                "aws:iam/rolePolicy:RolePolicy",
                "aws:kinesis/stream:Stream",
                "aws:lambda/eventSourceMapping:EventSourceMapping",
                "aws:lambda/function:Function",
                "aws:lambda/functionUrl:FunctionUrl",
                "aws:lambda/permission:Permission",
                "aws:medialive/input:Input",
                "aws:medialive/inputSecurityGroup:InputSecurityGroup",
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "aws:scheduler/schedule:Schedule",
                "aws:scheduler/scheduleGroup:ScheduleGroup",
                "aws:secretsmanager/secret:Secret",
                "aws:secretsmanager/secretVersion:SecretVersion",
                "aws:sfn/stateMachine:StateMachine",
                "aws:sns/topic:Topic",
                "aws:sns/topicPolicy:TopicPolicy",
                "aws:sns/topicSubscription:TopicSubscription",
                "aws:ssm/parameter:Parameter",
            ]);
            // The rest report "unknown: may replace" on any change (README, "What a pull request does to the season").
            assert.strictEqual(types.length - covered.length, 7, types.filter((t) => !AWS_FORCE_NEW[t]).join(", "));
        });
    });

    describe("OnAir's MediaLive resources: the providers' own diff", () => {
        const providers = dynamicProviders(Date.parse("2026-11-01T00:00:00Z"));
        const channel = {
            region: "us-east-1",
            request: { Name: "c", ChannelClass: "STANDARD", EncoderSettings: { a: 1 }, Tags: { t: "1" } },
            allowLiveUpdate: false,
            allowLiveDelete: false,
            resourceUrn: "urn:x",
        };
        const outputs = { ...channel, channelId: "1", arn: "arn", state: "IDLE" };

        it("a region change replaces the channel (delete before create); settings and tags update it", async () => {
            const p = providers["pulumi-nodejs:dynamic/medialive:Channel"]!;
            const moved = await classifyDynamic(p, "1", outputs, { ...channel, region: "us-west-2" }, none);
            assert.deepStrictEqual([moved.op, moved.replaceReasons], ["replace", ["region: the provider's diff replaces on it (delete before create)"]]);
            const settings = await classifyDynamic(p, "1", outputs, { ...channel, request: { ...channel.request, EncoderSettings: { a: 2 } } }, none);
            assert.deepStrictEqual([settings.op, settings.properties.map((x) => x.path)], ["update", ["request.EncoderSettings.a"]]);
            const tags = await classifyDynamic(p, "1", outputs, { ...channel, request: { ...channel.request, Tags: { t: "2" } } }, none);
            assert.deepStrictEqual(
                tags.properties.map((x) => x.path),
                ["request.Tags"],
            );
            assert.strictEqual((await classifyDynamic(p, "1", outputs, channel, none)).op, "same");
        });

        it("a channel recorded CREATE_FAILED is replaced (MediaLive cannot update it)", async () => {
            const c = await classifyDynamic(providers["pulumi-nodejs:dynamic/medialive:Channel"]!, "1", { ...outputs, state: "CREATE_FAILED" }, channel, none);
            assert.strictEqual(c.op, "replace");
        });

        it("an input whose type changes is replaced", async () => {
            const input = { region: "us-east-1", request: { Name: "i", Type: "RTP_PUSH" }, resourceUrn: "urn:i" };
            const c = await classifyDynamic(
                providers["pulumi-nodejs:dynamic/medialive:Input"]!,
                "9",
                { ...input, inputId: "9", arn: "a", state: "ATTACHED", destinations: [] },
                { ...input, request: { Name: "i", Type: "SRT_CALLER" } },
                none,
            );
            assert.strictEqual(c.op, "replace");
        });
    });
});
