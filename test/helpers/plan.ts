import * as path from "path";
import { runProgram } from "../../plan/run";
import { PlanCapture } from "../../contracts/capturedPlan";
import { readStackConfig, StackConfig } from "../../components/config/stackConfig";
import { TEST_SECRETS } from "./season";

export const ROOT = path.resolve(__dirname, "../..");

/** Tests plan as of a fixed day, so which event schedules are "still ahead" never changes. */
export const TEST_NOW = "2026-11-01T00:00:00Z";
process.env["ONAIR_NOW"] = TEST_NOW;
export const PROGRAM = path.join(ROOT, "index.ts");

/** A stack config built in memory, as the CLI would pass it: secrets marked, defaults applied. */
export function stackWith(season: unknown, secrets: Record<string, string> = TEST_SECRETS, extra: Record<string, string> = {}): StackConfig {
    const config: Record<string, string> = {
        "pulumi:disable-default-providers": JSON.stringify(["aws", "aws-native"]),
        "onair:season": JSON.stringify(season),
        ...extra,
    };
    for (const [k, v] of Object.entries(secrets)) config[`onair:${k}`] = v;
    return { project: "onair", stack: "test", config, secretKeys: Object.keys(secrets).map((k) => `onair:${k}`), source: "(test)" };
}

export function planSeason(season: unknown, secrets?: Record<string, string>, program = PROGRAM): Promise<PlanCapture> {
    return runProgram({ program, stack: stackWith(season, secrets) });
}

let prod: Promise<PlanCapture> | undefined;
/** The real prod stack from Pulumi.prod.yaml, planned once per test run. */
export function prodPlan(): Promise<PlanCapture> {
    prod ??= runProgram({ program: PROGRAM, stack: readStackConfig(ROOT, "prod") });
    return prod;
}
