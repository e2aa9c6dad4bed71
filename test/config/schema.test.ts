import * as assert from "assert";
import * as fs from "fs";
import { docRows, docTable } from "../../components/config/schema/docs";
import { Agree, Fields, int, Node, object } from "../../components/config/schema/nodes";
import { keysOf } from "../../components/config/schema/read";
import { SEASON } from "../../components/config/schema/season";
import { README, withConfigTables } from "../../tools/configDocs";
import { baselineSeason, configIssues, setPath } from "../helpers/season";

/** Every node of the season schema with its README path. */
function walk(fields: Fields, prefix = ""): { path: string; node: Node }[] {
    return Object.entries(fields).flatMap(([k, n]) => {
        const path = prefix ? `${prefix}.${k}` : k;
        const here = [{ path, node: n }];
        if (n.kind === "object") return [...here, ...walk(n.fields, path)];
        if (n.kind === "list" && n.item.kind === "object") return [...here, ...walk(n.item.fields, `${path}[]`)];
        if (n.kind === "custom" && n.fields) return [...here, ...walk(n.fields, path)];
        return here;
    });
}

/** The object node a concrete path (`channels[0].contribution`) reads with. */
function tableAt(path: string): Fields {
    let fields: Fields = SEASON.fields;
    for (const part of path.split(".").filter(Boolean)) {
        const n = fields[part.replace(/\[\d+\]$/, "")]!;
        const inner = n.kind === "list" ? n.item : n;
        if (inner.kind === "object" || (inner.kind === "custom" && inner.fields)) fields = inner.fields!;
        else throw new Error(`${part} of ${path} is not an object in the schema`);
    }
    return fields;
}

describe("config schema", () => {
    it("documents every key it declares", () => {
        const undocumented = walk(SEASON.fields)
            .filter((x) => x.node.doc.trim() === "")
            .map((x) => x.path);
        assert.deepStrictEqual(undocumented, []);
    });

    it("is what the README configuration tables say (npm run docs:config writes them)", () => {
        const readme = fs.readFileSync(README, "utf8");
        assert.strictEqual(withConfigTables(readme), readme, "README.md's configuration tables are stale: run npm run docs:config");
    });

    it("generates one row per key with its bounds, default and meaning", () => {
        const rows = docRows({ a: object({ n: int({ min: 1, max: 9, default: 3, unit: "seconds", doc: "how long" }) }, { optional: true, doc: "a group" }) });
        assert.deepStrictEqual(rows, [
            { key: "a", type: "object", default: "the defaults below", doc: "a group" },
            { key: "a.n", type: "1-9 seconds", default: "`3`", doc: "how long" },
        ]);
        assert.match(docTable(rows), /^\| key \| type \| default \| meaning \|\n/);
        // A row for every key of the season, each once, so a key added to a table shows up in the README.
        const keys = docRows(SEASON.fields).map((r) => r.key);
        assert.strictEqual(keys.length, walk(SEASON.fields).length);
        assert.strictEqual(new Set(keys).size, keys.length);
        for (const k of [
            "channels[].contribution.networks[].callerTargets.<region>[].port",
            "security.tokens.keys[].secretKey",
            "delivery.audience.viewersPerIp",
        ])
            assert.ok(keys.includes(k), k);
    });

    // Each object the reader checks refuses a stray key with the schema's own list of keys.
    const OBJECTS = [
        "",
        "regions[0]",
        "channels[0]",
        "channels[0].audio[0]",
        "channels[0].captions[0]",
        "channels[0].segment",
        "channels[0].events[0]",
        "channels[0].contribution",
        "channels[0].contribution.networks[0]",
        "channels[0].contribution.srt",
        "channels[1].contribution.failover",
        "delivery",
        "delivery.audience",
        "delivery.urlVending",
        "security",
        "security.tokens",
        "security.tokens.keys[0]",
        "security.waf",
        "security.revocation",
        "observability",
        "observability.standardLogs",
        "observability.realtimeLogs",
        "observability.alarms",
        "schedule",
        "operations",
        "operations.hold",
        "qoe",
        "qoe.alarms",
        "quotas",
    ];
    for (const at of OBJECTS) {
        it(`refuses an unknown key in ${at || "the season"} with the keys its table declares`, () => {
            const path = at ? `${at}.zzzUnknown` : "zzzUnknown";
            const issues = configIssues(setPath(baselineSeason(), path, 1));
            assert.deepStrictEqual(issues, [{ path: `onair:season.${path}`, message: `is not a known setting; use one of ${keysOf(tableAt(at)).join(", ")}` }]);
        });
    }

    it("names the nearest known key of a misspelt one", () => {
        const issues = configIssues(setPath(baselineSeason(), "channels[0].contribution.latncyMs", 800));
        assert.deepStrictEqual(
            issues.map((i) => i.message),
            ["is not a known setting (did you mean latencyMs?); use one of " + keysOf(tableAt("channels[0].contribution")).join(", ")],
        );
    });

    it("checks at compile time that a schema and its interface agree", () => {
        const same: Agree<{ a: number; b?: string }, { a: number } & { b?: string }> = true;
        // @ts-expect-error: a differing field type is a compile error (npm run typecheck)
        const differs: Agree<{ a: number }, { a: string }> = true;
        // @ts-expect-error: so is a field optional on one side only
        const optional: Agree<{ a?: number }, { a: number }> = true;
        assert.ok(same && differs && optional);
    });
});
