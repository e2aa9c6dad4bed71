import * as assert from "assert";
import * as path from "path";
import { categorize, summarize } from "../../tools/bench/profile";
import { ROOT } from "../helpers/plan";

const frame = (functionName: string, url = "") => ({ functionName, url });
const sdk = (file: string) => `file://${path.join(ROOT, "node_modules/@pulumi/pulumi", file)}`;

describe("bench:profile's summary of a CPU profile (tools/bench/profile.ts)", () => {
    it("names the SDK's closure serializer, its resource work, module loading, GC and OnAir's own code", () => {
        assert.match(
            categorize([frame("dispatch"), frame("post", "node:inspector"), frame("getRuntimeIdForFunctionAsync", sdk("runtime/closure/v8.js"))]),
            /closure serializer/,
        );
        assert.match(categorize([frame("serializeProperty", sdk("runtime/rpc.js"))]), /^SDK: resources/);
        assert.match(categorize([frame("internalModuleStat"), frame("Module._findPath", "node:internal/modules/cjs/loader")]), /^loading modules/);
        // A program's top level runs inside require: its time is the code's, not the loader's.
        assert.match(categorize([frame("x", sdk("runtime/rpc.js")), frame("Module._load", "node:internal/modules/cjs/loader")]), /^SDK: resources/);
        assert.strictEqual(categorize([frame("(garbage collector)")]), "garbage collection");
        assert.strictEqual(categorize([frame("decodeProperty", `file://${path.join(ROOT, "contracts/propertyDecoding.ts")}`)]), "OnAir contracts/");
        assert.strictEqual(categorize([frame("f", `file://${path.join(ROOT, "components/media/channel.ts")}`)]), "OnAir components/media/");
        assert.strictEqual(categorize([frame("f", `file://${path.join(ROOT, "components/season.ts")}`)]), "OnAir components/");
        assert.strictEqual(categorize([frame("parse", `file://${path.join(ROOT, "node_modules/yaml/dist/index.js")}`)]), "package yaml");
    });

    it("adds up each node's self time under its category, largest first", () => {
        const profile = {
            nodes: [
                { id: 1, callFrame: frame("(root)"), children: [2, 3] },
                { id: 2, callFrame: frame("(garbage collector)") },
                { id: 3, callFrame: frame("serializeProperty", sdk("runtime/rpc.js")) },
            ],
            samples: [2, 3, 3, 2, 3],
            timeDeltas: [1000, 2000, 2000, 500, 1000],
        };
        assert.deepStrictEqual(summarize(profile), [
            { category: "SDK: resources, Outputs, promises, RPC serialization", ms: 5 },
            { category: "garbage collection", ms: 1.5 },
        ]);
    });
});
