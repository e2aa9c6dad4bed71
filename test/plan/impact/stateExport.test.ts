import * as assert from "assert";
import { diffValues } from "../../../plan/impact/compare";
import { DEPLOYED_SECRET, parseStateExport, readStateExport, STATE_SIG_KEY, StateFileError, WIRE_SIG_KEY } from "../../../plan/impact/stateExport";
import { SecretValue, UnknownValue } from "../../../contracts/capturedPlan";
import { tmpFile } from "../../helpers/cli";

/** A `pulumi stack export` as the CLI writes it (pulumi/pulumi sdk/go/common/apitype/core.go, ResourceV3). */
function exported(resources: unknown[]): string {
    return JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-11-01T00:00:00Z", magic: "", version: "v3.248.0" }, resources } });
}

const FLOW = "urn:pulumi:prod::onair::onair:media:RegionalMediaChain$aws-native:mediaconnect:Flow::use1-football-uhd-flow-a";

describe("reading a pulumi stack export (plan/impact/stateExport.ts)", () => {
    it("reads resources by URN with their provider reference, and secrets as opaque values whichever signature key", () => {
        const s = parseStateExport(
            exported([
                {
                    urn: FLOW,
                    custom: true,
                    id: "arn:aws:mediaconnect:us-east-1:1:flow:1-a:f",
                    type: "aws-native:mediaconnect:Flow",
                    provider: "urn:pulumi:prod::onair::pulumi:providers:aws-native::aws-native-use1::0b6c",
                    inputs: { source: { decryption: { secretArn: { [STATE_SIG_KEY]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" } } } },
                    outputs: {
                        token: { [WIRE_SIG_KEY]: "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" },
                        ref: { [STATE_SIG_KEY]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x", id: "1" },
                    },
                },
                // The old half of an interrupted replacement is not the live resource.
                { urn: FLOW, custom: true, id: "old", type: "aws-native:mediaconnect:Flow", delete: true },
            ]),
            "prod.json",
        );
        assert.strictEqual(s.stack, "prod");
        const r = s.resources.get(FLOW)!;
        assert.strictEqual(r.id, "arn:aws:mediaconnect:us-east-1:1:flow:1-a:f");
        assert.strictEqual(r.provider, "urn:pulumi:prod::onair::pulumi:providers:aws-native::aws-native-use1");
        const secret = (r.inputs["source"] as Record<string, any>)["decryption"]["secretArn"];
        assert.ok(secret instanceof SecretValue && secret.value === DEPLOYED_SECRET);
        // Even a plaintext (wire) secret is never kept: it would only be printed by mistake.
        assert.ok(r.outputs["token"] instanceof SecretValue && (r.outputs["token"] as SecretValue).value === DEPLOYED_SECRET);
        assert.ok(!JSON.stringify(r).includes("hunter2"));
        assert.strictEqual(r.outputs["ref"], "urn:x");
    });

    for (const [what, text, message] of [
        ["not JSON", "{", /--against prod\.json is not JSON .*pulumi stack export --stack <org>\/onair\/<stack> --file prod\.json/],
        ["no deployment", JSON.stringify({ version: 3 }), /has no "deployment" object: it is not what `pulumi stack export` writes/],
        ["another version", JSON.stringify({ version: 2, deployment: {} }), /is a version 2 deployment; OnAir reads version 3/],
        ["a resource without urn", exported([{ type: "x" }]), /deployment\.resources\[0\] has no urn and type/],
    ] as const) {
        it(`refuses ${what} with a message naming the file and the fix`, () => {
            assert.throws(
                () => parseStateExport(text, "prod.json"),
                (e: Error) => e instanceof StateFileError && message.test(e.message),
            );
        });
    }

    it("names a missing file and how to export it", () => {
        assert.throws(
            () => readStateExport("/nonexistent/state.json", "state.json"),
            /--against state\.json cannot be read \(ENOENT\); export the stack first: `pulumi stack export --file state\.json`/,
        );
        assert.strictEqual(readStateExport(tmpFile("s.json", exported([]))).resources.size, 0);
    });
});

describe("comparing deployed and planned values (plan/impact/compare.ts)", () => {
    const opts = { ignoreDeployedOnly: "never" as const };

    it("never compares two secrets and shows a secret that appears or goes as changed, without a value", () => {
        const deployed = new SecretValue(DEPLOYED_SECRET);
        assert.deepStrictEqual(diffValues({ k: deployed }, { k: new SecretValue("stand-in") }, opts), []);
        assert.deepStrictEqual(diffValues({ k: "plain" }, { k: new SecretValue("new") }, opts), [{ path: "k", kind: "update", secret: true }]);
        assert.deepStrictEqual(diffValues({}, { k: new SecretValue("new") }, opts), [{ path: "k", kind: "add", secret: true }]);
    });

    it("reports nested paths with printable values, list length changes once, unknown values as known after the update", () => {
        assert.deepStrictEqual(diffValues({ a: { b: [1, { c: "x" }] } }, { a: { b: [1, { c: "y" }] } }, opts), [
            { path: "a.b[1].c", kind: "update", before: '"x"', after: '"y"' },
        ]);
        assert.deepStrictEqual(diffValues({ l: [1, 2] }, { l: [1, 2, 3] }, opts), [{ path: "l", kind: "update", before: "2 items", after: "3 items" }]);
        assert.deepStrictEqual(diffValues({ u: "x" }, { u: UnknownValue.instance }, opts), [{ path: "u", kind: "update", unknown: true }]);
    });

    it("ignores what only the deployed side records when told (a provider's defaults and auto-names), everywhere or at the top", () => {
        const olds = { name: "role-3f2a9c", nested: { d: 1 } };
        const news = { nested: {} };
        assert.deepStrictEqual(diffValues(olds, news, { ignoreDeployedOnly: "everywhere" }), []);
        assert.deepStrictEqual(diffValues(olds, news, { ignoreDeployedOnly: "top" }), [{ path: "nested.d", kind: "delete", before: "1" }]);
        assert.strictEqual(diffValues(olds, news, opts).length, 2);
    });
});
