import { deployedLookup, impactAgainst } from "../../plan/impact/against";
import { ImpactReport } from "../../plan/impact/assess";
import { DeployedState, parseStateExport } from "../../plan/impact/stateExport";
import { PlanCapture } from "../../contracts/capturedPlan";
import { runProgram } from "../../plan/run";
import { readStackConfig, StackConfig } from "../../components/config/stackConfig";
import { PROGRAM, ROOT, TEST_NOW } from "./plan";
import { stateExportOf } from "./stateExport";

/** The prod season from Pulumi.prod.yaml, as a plain object to change. */
export function prodSeason(): Record<string, any> {
    return JSON.parse(readStackConfig(ROOT, "prod").config["onair:season"]!);
}

/** The prod stack config with another season: same stack and project, so the URNs match prod's state. */
export function prodStackWith(season: unknown): StackConfig {
    const stack = readStackConfig(ROOT, "prod");
    return { ...stack, config: { ...stack.config, "onair:season": JSON.stringify(season) } };
}

/** Runs `fn` with the plan's clock (`--as-of`) at `asOf`, restoring the tests' fixed day after. */
async function at<T>(asOf: string, fn: () => Promise<T>): Promise<T> {
    process.env["ONAIR_NOW"] = asOf;
    try {
        return await fn();
    } finally {
        process.env["ONAIR_NOW"] = TEST_NOW;
    }
}

/** Prod as deployed at `asOf`: the plan of Pulumi.prod.yaml written as a `pulumi stack export` and read back. */
export async function deployedProd(asOf = TEST_NOW): Promise<{ plan: PlanCapture; exported: Record<string, unknown>; state: DeployedState }> {
    return at(asOf, async () => {
        const plan = await runProgram({ program: PROGRAM, stack: readStackConfig(ROOT, "prod") });
        const exported = stateExportOf(plan);
        return { plan, exported, state: parseStateExport(JSON.stringify(exported), "prod-state.json") };
    });
}

/** A changed season planned against the deployed state, as `npm run plan -- --against --as-of` does. */
export async function planAgainst(stack: StackConfig, state: DeployedState, asOf = TEST_NOW): Promise<{ plan: PlanCapture; impact: ImpactReport }> {
    return at(asOf, async () => {
        const plan = await runProgram({ program: PROGRAM, stack, deployed: deployedLookup(state) });
        return { plan, impact: await impactAgainst(plan, state, stack) };
    });
}
