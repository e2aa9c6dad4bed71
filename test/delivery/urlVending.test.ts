import * as assert from "assert";
import { URL_VENDING_TYPE } from "../../components/delivery/vending";
import { deployedLookup, impactAgainst } from "../../plan/impact/against";
import { impactJson, renderImpactText } from "../../plan/impact/render";
import { parseStateExport } from "../../plan/impact/stateExport";
import { PlanCapture } from "../../contracts/capturedPlan";
import { runProgram } from "../../plan/run";
import { byUrn, one } from "../components/planQueries";
import { planSeason, PROGRAM, stackWith } from "../helpers/plan";
import { baselineSeason } from "../helpers/season";
import { stateExportOf } from "../helpers/stateExport";

const BACKEND = "arn:aws:iam::123456789012:role/entitlement-api";

/** The hook's resources, as deployed before ADR 032 under the GlobalDelivery component. */
const CHILDREN: [string, string][] = [
    ["aws:secretsmanager/secret:Secret", "url-vending-signing-key"],
    ["aws:secretsmanager/secretVersion:SecretVersion", "url-vending-signing-key"],
    ["aws:iam/role:Role", "url-vending-role"],
    ["aws:cloudwatch/logGroup:LogGroup", "url-vending-logs"],
    ["aws:lambda/function:Function", "url-vending"],
    ["aws:lambda/functionUrl:FunctionUrl", "url-vending"],
    ["aws:lambda/permission:Permission", "url-vending-caller-0-url"],
    ["aws:lambda/permission:Permission", "url-vending-caller-0-invoke"],
];

describe("UrlVending, its own component created by the season assembly (ADR 032)", function () {
    let plan: PlanCapture;
    let west: PlanCapture;
    before(async () => {
        plan = await planSeason(baselineSeason());
        // The primary region away from us-east-1, where the delivery component's providers are.
        const s = baselineSeason();
        s.regions = [
            { region: "us-west-2", role: "primary" },
            { region: "us-east-1", role: "secondary" },
        ];
        west = await planSeason(s);
    });

    it("is one onair:delivery:UrlVending at the stack's root, not a child of GlobalDelivery", () => {
        const c = one(plan, URL_VENDING_TYPE, "url-vending");
        assert.strictEqual(c.urn, "urn:pulumi:test::onair::onair:delivery:UrlVending::url-vending");
        assert.strictEqual(c.custom, false);
        assert.strictEqual(byUrn(plan, c.parent)!.type, "pulumi:pulumi:Stack");
        const delivery = one(plan, "onair:delivery:GlobalDelivery", "delivery");
        assert.deepStrictEqual(
            plan.resources.filter((r) => r.parent === delivery.urn && r.name.startsWith("url-vending")).map((r) => r.name),
            [],
        );
    });

    it("owns the hook's resources under their old names, each aliased to its URN under the delivery component", () => {
        const c = one(plan, URL_VENDING_TYPE, "url-vending");
        const children = plan.resources.filter((r) => r.parent === c.urn);
        assert.deepStrictEqual(children.map((r) => [r.type, r.name]).sort(), [...CHILDREN].sort());
        for (const r of children) {
            assert.strictEqual(r.urn, `urn:pulumi:test::onair::onair:delivery:UrlVending$${r.type}::${r.name}`);
            // The URN it had in deployed stacks: `pulumi up` re-parents it in place of a delete and create.
            assert.deepStrictEqual(r.opts.aliases, [`urn:pulumi:test::onair::onair:delivery:GlobalDelivery$${r.type}::${r.name}`], r.urn);
        }
        // No alias names a resource this plan still has (the engine would refuse two claims on one URN).
        const urns = new Set(plan.resources.map((r) => r.urn));
        assert.ok(children.every((r) => r.opts.aliases.every((a) => !urns.has(a))));
        // Nothing else moved with it: no other resource's alias names the hook.
        assert.deepStrictEqual(
            plan.resources.filter((r) => r.parent !== c.urn && r.opts.aliases.some((a) => a.includes("url-vending"))).map((r) => r.urn),
            [],
        );
    });

    it("creates the function after its key, role and log group, from the distribution's playback host (a one-way input)", () => {
        const fn = one(plan, "aws:lambda/function:Function", "url-vending");
        assert.deepStrictEqual(fn.dependencies.sort(), [
            "urn:pulumi:test::onair::onair:delivery:GlobalDelivery$aws-native:cloudfront:Distribution::live",
            "urn:pulumi:test::onair::onair:delivery:UrlVending$aws:cloudwatch/logGroup:LogGroup::url-vending-logs",
            "urn:pulumi:test::onair::onair:delivery:UrlVending$aws:iam/role:Role::url-vending-role",
            "urn:pulumi:test::onair::onair:delivery:UrlVending$aws:secretsmanager/secret:Secret::url-vending-signing-key",
            "urn:pulumi:test::onair::onair:delivery:UrlVending$aws:secretsmanager/secretVersion:SecretVersion::url-vending-signing-key",
        ]);
    });

    it("runs in the primary region on its explicit aws provider, wherever the primary is", () => {
        for (const p of [plan, west]) {
            const primary = p === plan ? "us-east-1" : "us-west-2";
            const c = one(p, URL_VENDING_TYPE, "url-vending");
            for (const r of p.resources.filter((x) => x.parent === c.urn)) {
                assert.strictEqual(r.region, primary, r.urn);
                assert.strictEqual(byUrn(p, r.provider)!.type, "pulumi:providers:aws", r.urn);
            }
            const env = (one(p, "aws:lambda/function:Function", "url-vending").inputs["environment"] as any).variables;
            assert.match(env.SIGNING_KEY_SECRET_ARN, new RegExp(`^arn:aws:secretsmanager:${primary}:`));
        }
    });

    it("is built from narrow args: the callers, the token limits and each channel's prefix reach its resources", () => {
        const perms = plan.resources.filter((r) => r.type === "aws:lambda/permission:Permission" && r.name.startsWith("url-vending-caller"));
        assert.deepStrictEqual(
            perms.map((p) => [p.inputs["principal"], p.inputs["statementId"]]),
            [
                [BACKEND, "entitlement-backend-0-url"],
                [BACKEND, "entitlement-backend-0-invoke"],
            ],
        );
        const env = (one(plan, "aws:lambda/function:Function", "url-vending").inputs["environment"] as any).variables;
        // security.tokens defaults: 4 hours, at most 6 (components/config/security.ts readTokens).
        assert.deepStrictEqual([env.KEY_ID, env.TOKEN_TTL_SECONDS, env.MAX_TOKEN_TTL_SECONDS], ["k1", "14400", "21600"]);
        assert.deepStrictEqual(JSON.parse(env.CHANNELS), {
            "main-uhd": {
                prefix: "/out/v1/test-season/main-uhd/",
                hls: "/out/v1/test-season/main-uhd/cmaf/hls.m3u8",
                dash: "/out/v1/test-season/main-uhd/cmaf/dash.mpd",
            },
            "second-hd": {
                prefix: "/out/v1/test-season/second-hd/",
                hls: "/out/v1/test-season/second-hd/cmaf/hls.m3u8",
                dash: "/out/v1/test-season/second-hd/cmaf/dash.mpd",
            },
        });
        assert.strictEqual(env.ADS, undefined, "no ad paths without ads");
    });

    it("moves the hook of a stack deployed before it had its own component: nothing created or deleted, unlike without the aliases", async () => {
        const vending = one(plan, URL_VENDING_TYPE, "url-vending").urn;
        const delivery = one(plan, "onair:delivery:GlobalDelivery", "delivery").urn;
        // The state as deployed before ADR 032: no UrlVending, its resources children of GlobalDelivery.
        const exported = JSON.parse(JSON.stringify(stateExportOf(plan)).split("::onair:delivery:UrlVending$").join("::onair:delivery:GlobalDelivery$"));
        exported.deployment.resources = exported.deployment.resources
            .filter((r: any) => r.urn !== vending)
            .map((r: any) => (r.parent === vending ? { ...r, parent: delivery } : r));
        const state = parseStateExport(JSON.stringify(exported), "before-adr-032.json");
        const stack = stackWith(baselineSeason());
        const again = await runProgram({ program: PROGRAM, stack, deployed: deployedLookup(state) });
        const impact = await impactAgainst(again, state, stack);
        assert.deepStrictEqual(
            impact.impacts.map((i) => `${i.change.op} ${i.change.name}`),
            [],
        );
        // The move itself is shown, old URN to new, so a reviewer sees it in the impact report.
        const urn = (parent: string, [type, name]: [string, string]) => `${parent.slice(0, parent.lastIndexOf("::"))}$${type}::${name}`;
        assert.deepStrictEqual(impact.moved.map((m) => `${m.from} -> ${m.to}`).sort(), CHILDREN.map((t) => `${urn(delivery, t)} -> ${urn(vending, t)}`).sort());
        const text = renderImpactText(impact);
        assert.match(text, /; 8 moved to a new URN by alias \(nothing changes in the cloud\)/);
        assert.ok(text.includes(`moved       ${urn(delivery, CHILDREN[4]!)} -> ${urn(vending, CHILDREN[4]!)}`), text);
        assert.deepStrictEqual(impactJson(impact)["moved"], impact.moved);
        const unaliased = { ...again, resources: again.resources.map((r) => ({ ...r, opts: { ...r.opts, aliases: [] } })) };
        const withoutAliases = await impactAgainst(unaliased, state, stack);
        assert.deepStrictEqual(withoutAliases.moved, []);
        const moved = withoutAliases.impacts.map((i) => `${i.change.op} ${i.change.name}`);
        assert.deepStrictEqual(moved.filter((m) => m.startsWith("create")).sort(), CHILDREN.map(([, n]) => `create ${n}`).sort());
        assert.deepStrictEqual(moved.filter((m) => m.startsWith("delete")).sort(), CHILDREN.map(([, n]) => `delete ${n}`).sort());
    });
});
