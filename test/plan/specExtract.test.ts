import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CfnPropertyType } from "../../plan/spec/cfnSpec";
import { databaseSource, extractSource, openSpecSource, SpecDb, specKey, writeExtracts } from "../../plan/spec/specExtract";
import { FIXTURES } from "../helpers/cli";
import { ROOT } from "../helpers/plan";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the spec database is loaded only by the tests that read it (seconds to load)
const loadDb = () => (require("@aws-cdk/aws-service-spec") as { loadAwsServiceSpec(): Promise<SpecDb> }).loadAwsServiceSpec();

function refs(t: CfnPropertyType, out: string[]): string[] {
    if (t.type === "ref") out.push(t.reference.$ref);
    else if (t.type === "array" || t.type === "map") refs(t.element, out);
    else if (t.type === "union") t.types.forEach((m) => refs(m, out));
    return out;
}

describe("CloudFormation specification extracts (plan/spec/specExtract.ts, ADR 028)", function () {
    this.timeout(300_000);
    let db: SpecDb;
    let work: string;
    before(async () => {
        db = await loadDb();
        work = fs.mkdtempSync(path.join(os.tmpdir(), "onair-spec-"));
    });
    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("holds every resource type of the database, each with every type definition it reaches, equal to the database's", () => {
        const dir = path.join(work, "all");
        writeExtracts(db, dir);
        const whole = databaseSource(db);
        const cached = extractSource(dir)!;
        const types = new Set(db.all("resource").map((r) => r.cloudFormationType.toLowerCase()));
        assert.ok(types.size > 1000, `${types.size} types`);
        let definitions = 0;
        for (const t of types) {
            const r = cached.resource(t)!;
            assert.deepStrictEqual(r, whole.resource(t), t);
            // Every ref, followed to the leaves, from properties and attributes alike.
            const pending = [...Object.values(r.properties), ...Object.values(r.attributes ?? {})].flatMap((p) => refs(p.type, []));
            const seen = new Set<string>();
            while (pending.length > 0) {
                const ref = pending.pop()!;
                if (seen.has(ref)) continue;
                seen.add(ref);
                const def = cached.typeDefinition({ $ref: ref });
                assert.deepStrictEqual(def, whole.typeDefinition({ $ref: ref }), `${t} ${ref}`);
                pending.push(...Object.values(def.properties).flatMap((p) => refs(p.type, [])));
            }
            definitions += seen.size;
        }
        assert.ok(definitions > 1000, `${definitions} type definitions`);
        assert.strictEqual(cached.resource("aws::nosuch::type"), undefined);
        assert.strictEqual(
            cached.resource("aws::mediapackagev2::originendpoint"),
            cached.resource("aws::mediapackagev2::originendpoint"),
            "one object per type (sdkNames keys on it)",
        );
    });

    it("keys the extracts on the package version, its database and the extractor's text", () => {
        const { key, version } = specKey();
        assert.strictEqual(
            version,
            (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@aws-cdk/aws-service-spec/package.json"), "utf8")) as { version: string }).version,
        );
        assert.match(key, /^[0-9a-f]{32}$/);
        assert.strictEqual(specKey().key, key);
    });

    it("leaves a directory of extracts complete or absent: a second writer finds it done, a broken one leaves nothing", () => {
        const dir = path.join(work, "twice");
        writeExtracts(db, dir);
        const before = fs.readdirSync(dir).length;
        writeExtracts(db, dir);
        assert.strictEqual(fs.readdirSync(dir).length, before);
        assert.deepStrictEqual(
            fs.readdirSync(work).filter((f) => f.endsWith(".tmp")),
            [],
        );
        // A directory that cannot be made (its parent is a file): the error is the caller's, nothing is left.
        const file = path.join(work, "a-file");
        fs.writeFileSync(file, "");
        assert.throws(() => writeExtracts(db, path.join(file, "x")));
        assert.strictEqual(extractSource(path.join(work, "none")), undefined);
    });

    it("reads the database when no extract can be written (a read-only checkout), writes and then reads extracts otherwise", async () => {
        const saved = process.env["ONAIR_SPEC_CACHE"];
        try {
            process.env["ONAIR_SPEC_CACHE"] = path.join(work, "a-file-parent");
            fs.writeFileSync(process.env["ONAIR_SPEC_CACHE"], "");
            const readOnly = await openSpecSource();
            assert.strictEqual(readOnly.source.resource("aws::wafv2::webacl")?.cloudFormationType, "AWS::WAFv2::WebACL");
            process.env["ONAIR_SPEC_CACHE"] = path.join(work, "fresh");
            await openSpecSource();
            assert.ok(fs.existsSync(path.join(work, "fresh", specKey().key, "index.json")));
            const warm = await openSpecSource();
            assert.deepStrictEqual(warm.source.resource("aws::wafv2::webacl"), readOnly.source.resource("aws::wafv2::webacl"));
        } finally {
            if (saved === undefined) delete process.env["ONAIR_SPEC_CACHE"];
            else process.env["ONAIR_SPEC_CACHE"] = saved;
        }
    });

    it("gives the schema check's report byte for byte as the whole database does, for a program AWS would refuse", () => {
        const run = (cache: string) => {
            const json = path.join(work, `${path.basename(cache)}.json`);
            let out = "";
            try {
                execFileSync(
                    process.execPath,
                    [path.join(ROOT, "plan/launch/plan.js"), "--program", path.join(FIXTURES, "schemaViolations.ts"), "--json", json],
                    { cwd: ROOT, encoding: "utf8", env: { ...process.env, ONAIR_SPEC_CACHE: cache } },
                );
            } catch (e) {
                // Exit 1: mandatory violations, the point of the fixture.
                assert.strictEqual((e as { status: number }).status, 1);
                out = (e as { stdout: string }).stdout;
            }
            return { out, json: fs.readFileSync(json, "utf8") };
        };
        const whole = run("off");
        const cold = run(path.join(work, "cold"));
        const warm = run(path.join(work, "cold"));
        assert.match(whole.out, /schema/i);
        assert.ok((JSON.parse(whole.json) as { schema?: { violations: unknown[] } }).schema?.violations.length, "the fixture has schema violations");
        for (const [name, r] of [
            ["cold", cold],
            ["warm", warm],
        ] as const) {
            assert.ok(r.json === whole.json, `--json differs (${name} extracts)`);
            assert.ok(r.out === whole.out, `the report differs (${name} extracts)`);
        }
    });
});
