import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { opaqueSecret, readStackConfig } from "../../components/config/stackConfig";
import { StackFileError } from "../../contracts/stackFile";
import { ROOT } from "../helpers/plan";

function project(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onair-proj-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
}

describe("stack config files, read offline", () => {
    it("reads Pulumi.prod.yaml: season as JSON, its ESC environment's secrets as opaque secrets, project values applied", () => {
        const s = readStackConfig(ROOT, "prod");
        assert.strictEqual(s.project, "onair");
        assert.strictEqual(JSON.parse(s.config["onair:season"]!).name, "rsn-2026-27");
        assert.deepStrictEqual(s.secretKeys, ["onair:footballSrtPassphrase", "onair:studioSrtPassphrase", "onair:tokenSigningKey"]);
        assert.match(s.config["onair:tokenSigningKey"]!, /^opaque-secret-[0-9a-f]{48}$/);
        assert.strictEqual(s.config["onair:protect"], "true");
        assert.deepStrictEqual(JSON.parse(s.config["pulumi:disable-default-providers"]!), ["aws", "aws-native"]);
    });

    it("marks a key secret when a secure value is nested inside it, as the CLI does", () => {
        const dir = project({
            "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config:\n  demo:settings:\n    url: x\n    token:\n      secure: v1:abc:def\n",
        });
        const s = readStackConfig(dir, "dev");
        assert.deepStrictEqual(s.secretKeys, ["demo:settings"]);
        assert.deepStrictEqual(JSON.parse(s.config["demo:settings"]!), { url: "x", token: opaqueSecret("v1:abc:def") });
    });

    it("enforces the project's declarations: required keys and secret keys", () => {
        const decl = "name: demo\nruntime: nodejs\nconfig:\n  demo:key:\n    type: string\n    secret: true\n";
        assert.throws(
            () => readStackConfig(project({ "Pulumi.yaml": decl, "Pulumi.dev.yaml": "config: {}\n" }), "dev"),
            (e: unknown) => e instanceof StackFileError && /missing configuration value 'demo:key'/.test(e.message),
        );
        assert.throws(
            () => readStackConfig(project({ "Pulumi.yaml": decl, "Pulumi.dev.yaml": "config:\n  demo:key: plain\n" }), "dev"),
            /must be encrypted as it's secret; run `pulumi config set --secret demo:key <value>`/,
        );
    });

    it("rejects a stack file that is not YAML", () => {
        const dir = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  a: [unclosed\n" });
        assert.throws(() => readStackConfig(dir, "dev"), /is not valid YAML/);
    });

    it("derives the opaque stand-in from the ciphertext only", () => {
        assert.strictEqual(opaqueSecret("v1:a:b"), opaqueSecret("v1:a:b"));
        assert.notStrictEqual(opaqueSecret("v1:a:b"), opaqueSecret("v1:a:c"));
    });
});
