import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../plan/cli";
import { planJson } from "../../plan/json";
import { environmentPlaceholder, renderRequiredSecrets, secretsNamedBySeason } from "../../components/config/requiredSecrets";
import { redact, SecretValue } from "../../contracts/capturedPlan";
import { runProgram } from "../../plan/run";
import { opaqueSecret, readStackConfig } from "../../components/config/stackConfig";
import { StackFileError } from "../../contracts/stackFile";
import { ofType } from "../components/planQueries";
import { PROGRAM, prodPlan, ROOT } from "../helpers/plan";
import { baselineSeason } from "../helpers/season";

const PROJECT = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");

/** A copy of the media project with one stack file, so the real program and Pulumi.yaml are used. */
function stackFile(name: string, yaml: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onair-esc-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), PROJECT);
    fs.writeFileSync(path.join(dir, `Pulumi.${name}.yaml`), yaml);
    return dir;
}

function seasonYaml(season: unknown): string {
    return `  onair:season: ${JSON.stringify(season)}\n`;
}

describe("secrets a real stack can decrypt (ESC environments, read offline)", () => {
    it("commits no secure: value: each media stack imports its ESC environment instead", () => {
        for (const [stack, env] of [
            ["prod", "onair/prod"],
            ["rehearsal", "onair/rehearsal"],
            ["review", "onair/review"],
        ] as const) {
            const text = fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8");
            // A secure: value in a committed file is encrypted for one stack's key (or for no one).
            assert.doesNotMatch(text, /^\s+secure:/m, stack);
            const s = readStackConfig(ROOT, stack);
            assert.deepStrictEqual(s.environments, [env], stack);
            for (const secret of s.secrets!) assert.deepStrictEqual(secret.source, { from: "environment", environments: [env] }, `${stack} ${secret.key}`);
        }
    });

    it("lists exactly the secrets prod's season names, with what each holds and where it is named", () => {
        const s = readStackConfig(ROOT, "prod");
        assert.deepStrictEqual(
            s.secrets!.map((x) => [x.key, x.uses.map((u) => `${u.what} ${u.minLength}-${u.maxLength} ${u.path}`), x.declared]),
            [
                ["onair:footballSrtPassphrase", ["passphrase 10-79 onair:season.channels[0].contribution.srt.passphraseKey"], false],
                ["onair:studioSrtPassphrase", ["passphrase 10-79 onair:season.channels[3].contribution.srt.passphraseKey"], false],
                ["onair:tokenSigningKey", ["signing key 32-512 onair:season.security.tokens.keys[0].secretKey"], true],
            ],
        );
        // Marked secret as the CLI marks an ESC secret (sdk/go/common/resource/config, toPlaintext:
        // a secret esc.Value becomes a secure config value), with a length every use accepts.
        assert.deepStrictEqual(s.secretKeys, ["onair:footballSrtPassphrase", "onair:studioSrtPassphrase", "onair:tokenSigningKey"]);
        for (const k of s.secretKeys) assert.match(s.config[k]!, /^opaque-secret-[0-9a-f]+$/);
    });

    it("keeps the stand-ins Pulumi secrets end to end: in resources, in outputs, and nowhere in plain text", async () => {
        const s = readStackConfig(ROOT, "prod");
        const plan = await prodPlan();
        for (const v of ofType(plan, "aws:secretsmanager/secretVersion:SecretVersion").filter((r) => r.name.includes("srt-passphrase"))) {
            assert.ok(v.inputs["secretString"] instanceof SecretValue, v.urn);
        }
        const key = ofType(plan, "aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey")[0]!;
        assert.ok(key.inputs["value"] instanceof SecretValue);
        assert.strictEqual((key.inputs["value"] as SecretValue).value, s.config["onair:tokenSigningKey"], "the program received the environment's value");
        const printed = JSON.stringify(planJson(plan, { violations: [], evaluated: [], notApplicable: [] } as never)) + JSON.stringify(redact(plan.outputs));
        for (const k of s.secretKeys) assert.ok(!printed.includes(s.config[k]!), `${k} appears in plain text`);
    });

    it("prints which secrets a real stack must provide, where from and how to set them, never a value", async () => {
        const out: string[] = [];
        const code = await main(
            ["--stack", "review"],
            (x) => out.push(x),
            () => undefined,
        );
        assert.strictEqual(code, 0);
        const text = out.join("\n");
        assert.match(text, /Secrets a real preview or update of review needs \(1; values are never shown/);
        assert.match(
            text,
            /onair:tokenSigningKey \(signing key, 32-512 characters; named by onair:season\.security\.tokens\.keys\[0\]\.secretKey; declared secret in Pulumi\.yaml\)\n {4}from ESC environment onair\/review: esc env set <org>\/onair\/review pulumiConfig\.onair:tokenSigningKey '<signing key>' --secret --string/,
        );
        assert.ok(!text.includes(readStackConfig(ROOT, "review").config["onair:tokenSigningKey"]!));
    });

    it("tells apart a secure: value, a plain-text value and a missing one", () => {
        const season = baselineSeason();
        const dir = stackFile(
            "mixed",
            `environment:\n  - onair/common\n  - onair/mixed@v3\nconfig:\n  onair:tokenSigningKey:\n    secure: v1:abc:def\n  onair:mainSrtPassphrase: plain-passphrase\n${seasonYaml(season)}`,
        );
        const s = readStackConfig(dir, "mixed");
        assert.deepStrictEqual(s.environments, ["onair/common", "onair/mixed@v3"]);
        assert.deepStrictEqual(
            s.secrets!.map((x) => [x.key, x.source.from]),
            [
                ["onair:mainSrtPassphrase", "plain-text"],
                ["onair:tokenSigningKey", "stack-file"],
            ],
        );
        assert.strictEqual(s.config["onair:tokenSigningKey"], opaqueSecret("v1:abc:def"));
        const lines = renderRequiredSecrets("mixed", s.secrets!).join("\n");
        assert.match(lines, /IN PLAIN TEXT in Pulumi\.mixed\.yaml/);
        assert.match(lines, /from Pulumi\.mixed\.yaml \(secure:, encrypted with this stack's secrets provider\)/);
        assert.ok(!lines.includes("plain-passphrase"), "not even a plain-text value is printed");

        const none = readStackConfig(stackFile("none", `config:\n  onair:tokenSigningKey:\n    secure: v1:abc:def\n${seasonYaml(season)}`), "none");
        assert.deepStrictEqual(none.secrets!.find((x) => x.key === "onair:mainSrtPassphrase")!.source, { from: "missing" });
        assert.ok(!("onair:mainSrtPassphrase" in none.config));
        assert.match(
            renderRequiredSecrets("none", none.secrets!).join("\n"),
            /NOT PROVIDED: the stack file neither imports an ESC environment nor holds it as secure:/,
        );
    });

    it("fails a stack without an environment on the missing secret, naming the key and the fix", async () => {
        const dir = stackFile("none", `config:\n  onair:tokenSigningKey:\n    secure: v1:abc:def\n${seasonYaml(baselineSeason())}`);
        const err = await runProgram({ program: PROGRAM, stack: readStackConfig(dir, "none") }).catch((e: Error) => e);
        // The key is not repeated (it may be the passphrase pasted in its place); the ESC command is given.
        assert.match(
            String(err),
            /onair:season\.channels\[0\]\.contribution\.srt\.passphraseKey: names a config key that is not set in this stack .*esc env set <org>\/<project>\/<environment> pulumiConfig\.onair:<key> '<passphrase>' --secret --string/,
        );
        assert.doesNotMatch(String(err), /mainSrtPassphrase/);
    });

    it("names the last of several environments in the command, and the project's declared secrets too", () => {
        const season = baselineSeason();
        const s = readStackConfig(stackFile("two", `environment: [onair/common, onair/two]\nconfig:\n${seasonYaml(season)}`), "two");
        const lines = renderRequiredSecrets("two", s.secrets!).join("\n");
        assert.match(
            lines,
            /from ESC environments onair\/common, onair\/two \(the last one wins\): esc env set <org>\/onair\/two pulumiConfig\.onair:mainSrtPassphrase '<passphrase>' --secret --string/,
        );
        // Pulumi.yaml declares onair:tokenSigningKey secret; the CLI would refuse the stack without it.
        const bare = readStackConfig(stackFile("bare", `environment: [onair/bare]\nconfig:\n  onair:season: {}\n`), "bare");
        assert.deepStrictEqual(
            bare.secrets!.map((x) => [x.key, x.declared, x.source.from]),
            [["onair:tokenSigningKey", true, "environment"]],
        );
    });

    it("refuses an environment entry that is not an ESC environment name", () => {
        assert.throws(
            () => readStackConfig(stackFile("bad", `environment:\n  - { imports: [x] }\nconfig: {}\n`), "bad"),
            (e: unknown) => e instanceof StackFileError && /environment\[0\] must name an ESC environment such as onair\/prod/.test(e.message),
        );
    });

    it("finds secret keys through the season's own validator, even in a season with other errors", () => {
        const season = baselineSeason();
        season["channels"][1].name = 42;
        season["delivery"] = { customOrigins: [{ id: "gfx", domainName: "gfx.example.com", pathPattern: "/gfx/*", secretKey: "gfxHeader" }] };
        assert.deepStrictEqual(
            secretsNamedBySeason("onair", { "onair:season": JSON.stringify(season) }, "x").map((u) => `${u.key} ${u.what}`),
            ["mainSrtPassphrase passphrase", "gfxHeader origin header value", "tokenSigningKey signing key"],
        );
        assert.deepStrictEqual(secretsNamedBySeason("onair", { "onair:season": "not json" }, "x"), []);
    });

    it("sizes a stand-in for every use of its key", () => {
        const use = (min: number, max: number) => ({ key: "k", what: "w", minLength: min, maxLength: max, path: "p" });
        assert.strictEqual(environmentPlaceholder(["e"], "k", [use(10, 20)], opaqueSecret).length, 20);
        assert.strictEqual(environmentPlaceholder(["e"], "k", [use(100, 512)], opaqueSecret).length, 100);
        assert.strictEqual(environmentPlaceholder(["e"], "k", [use(10, 79), use(32, 512)], opaqueSecret).length, 62);
        assert.notStrictEqual(environmentPlaceholder(["a"], "k", [], opaqueSecret), environmentPlaceholder(["b"], "k", [], opaqueSecret));
    });
});
