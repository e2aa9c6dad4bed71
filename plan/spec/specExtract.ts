/**
 * Where plan/spec/cfnSpec.ts finds resources and type definitions (ADR 028). Loading the whole
 * `@aws-cdk/aws-service-spec` database costs a plan process about 0.5 s of CPU and 150 MB (a 2.6 MB
 * gzip of 170 MB of JSON: every service, region, metric and augmentation) to read the 20-odd types a
 * stack uses. So the first load also writes, per CloudFormation resource type, an extract: the
 * database's own resource entity and every type definition it reaches through `ref`s, unchanged
 * (JSON of JSON). Later processes read only the extracts of the types they look up.
 *
 * The extracts live in node_modules/.cache/onair-cfnspec/<key>, the key a SHA-256 of the package's
 * version, its db.json.gz bytes and this file's text: another package version or an edited
 * extractor never reads an older extract. A key's directory is written complete under a temporary
 * name and renamed into place, so a concurrent or interrupted first run never leaves half of one;
 * where it cannot be written (a read-only checkout) every process loads the database, as before.
 * ONAIR_SPEC_CACHE names another directory; ONAIR_SPEC_CACHE=off always loads the database.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { CfnProperty, CfnPropertyType, CfnResource, CfnTypeDefinition } from "./cfnSpec";

/** Entities by lowercase CloudFormation type (`aws::module::type`) and by `$ref`. */
export interface SpecSource {
    resource(cfnType: string): CfnResource | undefined;
    typeDefinition(ref: { $ref: string }): CfnTypeDefinition;
}

/** The package's database as its loader returns it (@aws-cdk/service-spec-types). */
export interface SpecDb {
    all(key: "resource"): CfnResource[];
    get(key: "typeDefinition", ref: { $ref: string } | string): CfnTypeDefinition;
}

interface Extract {
    resource: CfnResource;
    typeDefinitions: Record<string, CfnTypeDefinition>;
}

const PACKAGE = "@aws-cdk/aws-service-spec";
const INDEX = "index.json";

function packageDir(): string {
    return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

/** This checkout's node_modules/.cache (the package's node_modules), or ONAIR_SPEC_CACHE. */
export function specCacheRoot(): string {
    return process.env["ONAIR_SPEC_CACHE"] || path.join(packageDir(), "..", "..", ".cache", "onair-cfnspec");
}

/** The package version and a key over everything an extract is derived from. */
export function specKey(): { version: string; key: string } {
    const dir = packageDir();
    const version = (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
    const key = crypto
        .createHash("sha256")
        .update(`${PACKAGE}@${version}\0`)
        .update(fs.readFileSync(path.join(dir, "db.json.gz")))
        .update("\0")
        .update(fs.readFileSync(__filename))
        .digest("hex")
        .slice(0, 32);
    return { version, key };
}

/** `aws::mediapackagev2::originendpoint` -> `aws.mediapackagev2.originendpoint.json` (no `:` in file names). */
function fileOf(cfnType: string): string {
    return `${cfnType.replace(/::/g, ".")}.json`;
}

/** The `$ref`s a property type points at, directly or through arrays, maps and unions. */
function refsOf(t: CfnPropertyType, out: string[]): void {
    if (t.type === "ref") out.push(t.reference.$ref);
    else if (t.type === "array" || t.type === "map") refsOf(t.element, out);
    else if (t.type === "union") for (const m of t.types) refsOf(m, out);
}

/** The resource and every type definition reachable from its properties and attributes. */
export function extractOf(db: SpecDb, resource: CfnResource): Extract {
    const typeDefinitions: Record<string, CfnTypeDefinition> = {};
    const pending: string[] = [];
    const visit = (props: Record<string, { type: CfnPropertyType }> | undefined) => {
        for (const p of Object.values(props ?? {})) refsOf(p.type, pending);
    };
    visit(resource.properties);
    visit(resource.attributes);
    while (pending.length > 0) {
        const ref = pending.pop()!;
        if (ref in typeDefinitions) continue;
        const def = db.get("typeDefinition", { $ref: ref });
        typeDefinitions[ref] = def;
        visit(def.properties as Record<string, CfnProperty>);
    }
    return { resource, typeDefinitions };
}

/** Every resource by lowercase type; a later duplicate wins, as a Map built from the list keeps it. */
function byType(db: SpecDb): Map<string, CfnResource> {
    return new Map(db.all("resource").map((r) => [r.cloudFormationType.toLowerCase(), r]));
}

/** The whole database as a source (the cold path, and ONAIR_SPEC_CACHE=off). */
export function databaseSource(db: SpecDb): SpecSource {
    const types = byType(db);
    return { resource: (t) => types.get(t), typeDefinition: (ref) => db.get("typeDefinition", ref) };
}

/** Writes every type's extract under `dir` (complete, or not at all). Errors are the caller's. */
export function writeExtracts(db: SpecDb, dir: string): void {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const temporary = `${dir}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    fs.mkdirSync(temporary);
    try {
        const types = byType(db);
        for (const [t, r] of types) fs.writeFileSync(path.join(temporary, fileOf(t)), JSON.stringify(extractOf(db, r)));
        // Written last: a directory with an index is complete.
        fs.writeFileSync(path.join(temporary, INDEX), JSON.stringify([...types.keys()].sort()));
        fs.renameSync(temporary, dir);
    } catch (e) {
        fs.rmSync(temporary, { recursive: true, force: true });
        // Another process renamed its (identical) extracts into place first.
        if (!fs.existsSync(path.join(dir, INDEX))) throw e;
    }
}

/** The extracts of a key's directory, read per type on first use; undefined when there are none. */
export function extractSource(dir: string): SpecSource | undefined {
    let index: Set<string>;
    try {
        index = new Set(JSON.parse(fs.readFileSync(path.join(dir, INDEX), "utf8")) as string[]);
    } catch {
        return undefined;
    }
    const resources = new Map<string, CfnResource>();
    const definitions = new Map<string, CfnTypeDefinition>();
    return {
        resource(t) {
            if (!index.has(t)) return undefined;
            let r = resources.get(t);
            if (!r) {
                const extract = JSON.parse(fs.readFileSync(path.join(dir, fileOf(t)), "utf8")) as Extract;
                r = extract.resource;
                for (const [ref, def] of Object.entries(extract.typeDefinitions)) if (!definitions.has(ref)) definitions.set(ref, def);
                resources.set(t, r);
            }
            return r;
        },
        typeDefinition(ref) {
            const def = definitions.get(ref.$ref);
            // Only a resource read before can point here; the database throws alike for a stray ref.
            if (!def) throw new Error(`No such typeDefinition: ${ref.$ref}`);
            return def;
        },
    };
}

/** Extracts when cached, else the database (and extracts written for the next process). */
export async function openSpecSource(): Promise<{ source: SpecSource; version: string }> {
    const { version, key } = specKey();
    const root = specCacheRoot();
    const dir = path.join(root, key);
    if (root !== "off") {
        const cached = extractSource(dir);
        if (cached) return { source: cached, version };
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CloudFormation spec database is loaded only when the extract cache misses (ADR 028)
    const db = await (require(PACKAGE) as { loadAwsServiceSpec(): Promise<SpecDb> }).loadAwsServiceSpec();
    if (root !== "off") {
        try {
            writeExtracts(db, dir);
        } catch {
            // Read-only or full: the next process loads the database again.
        }
    }
    return { source: databaseSource(db), version };
}
