import * as fs from "fs";

/**
 * The provider-computed (output-only) properties of a resource type, read from the installed
 * Pulumi SDK package that declares it. Pulumi's Node.js code generator writes every schema
 * property that is not an input as `resourceInputs["x"] = undefined /*out*\/;` in the creating
 * constructor (pulumi/pulumi pkg/codegen/nodejs/gen.go, genInputProps), and declares its type as
 * `readonly x: pulumi.Output<T>` in the class. Deriving them from there gives every type its
 * documented outputs (a classic `aws.wafv2.WebAcl` has an `arn`) without a list kept by hand.
 */
export type OutputKind = "string" | "number" | "boolean" | "array" | "object";

export interface OutputProperty {
    name: string;
    kind: OutputKind;
}

const cache = new Map<string, OutputProperty[]>();

/** `aws:wafv2/webAcl:WebAcl` -> `@pulumi/aws/wafv2/webAcl`; `aws-native:mediapackagev2:Channel` -> `@pulumi/aws-native/mediapackagev2/channel`. */
export function sdkModuleOf(type: string): string | undefined {
    const [pkg, mod, name] = type.split(":");
    if (!pkg || !mod || !name || pkg === "pulumi" || pkg.startsWith("pulumi-nodejs")) return undefined;
    const file = name[0]!.toLowerCase() + name.slice(1);
    if (mod.includes("/")) return `@pulumi/${pkg}/${mod}`;
    return mod === "index" ? `@pulumi/${pkg}/${file}` : `@pulumi/${pkg}/${mod}/${file}`;
}

export function outputProperties(type: string): OutputProperty[] {
    let props = cache.get(type);
    if (!props) cache.set(type, (props = read(type)));
    return props;
}

function read(type: string): OutputProperty[] {
    const mod = sdkModuleOf(type);
    if (!mod) return [];
    let js: string;
    let dts = "";
    try {
        const file = require.resolve(mod);
        js = fs.readFileSync(file, "utf8");
        const typings = file.replace(/\.js$/, ".d.ts");
        if (fs.existsSync(typings)) dts = fs.readFileSync(typings, "utf8");
    } catch {
        return [];
    }
    // The creating branch assigns inputs from `args`; the lookup branch of aws-native types marks
    // every property out, so output-only means "marked out and never read from args".
    const marked = new Set([...js.matchAll(/resourceInputs\["(\w+)"\] = undefined \/\*out\*\//g)].map((m) => m[1]!));
    const fromArgs = new Set([...js.matchAll(/resourceInputs\["(\w+)"\] = [^;]*\bargs\b/g)].map((m) => m[1]!));
    return [...marked]
        .filter((k) => !fromArgs.has(k))
        .sort()
        .map((name) => ({ name, kind: kindOf(dts, name) }));
}

/** The category of `readonly name: pulumi.Output<T>` in the class declaration. */
function kindOf(dts: string, name: string): OutputKind {
    const at = dts.indexOf(`readonly ${name}: pulumi.Output<`);
    if (at < 0) return "string";
    const start = at + `readonly ${name}: pulumi.Output<`.length;
    let depth = 1;
    let end = start;
    while (end < dts.length && depth > 0) {
        const c = dts[end]!;
        if (c === "<") depth++;
        else if (c === ">") depth--;
        end++;
    }
    const t = dts
        .slice(start, end - 1)
        .replace(/\s+/g, " ")
        .replace(/ \| undefined$/, "")
        .trim();
    if (/\[\]$/.test(t) || t.startsWith("Array<")) return "array";
    if (t === "number") return "number";
    if (t === "boolean") return "boolean";
    if (t === "string" || t.startsWith("enums.") || /^"/.test(t)) return "string";
    return "object";
}
