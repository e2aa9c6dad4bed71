import * as fs from "fs";
import * as path from "path";
import { DAY_MS, isoSeconds, onAirWindows } from "../../components/operations/onAirWindows";
import { describeError } from "../../components/config/failure";
import { readSeasonFile } from "../../components/config/seasonFile";
import { readStackConfig } from "../../components/config/stackConfig";
import { StackFileError } from "../../contracts/stackFile";
import { parseCheckArgs } from "./cliArgs";
import { AUTOMATION_KEY, AutomationConfig, validateAutomation } from "./config";
import { openingUpdateAt } from "./schedules";

export const OPENING_USAGE = `Usage: npm run opening-update -- [--stack NAME] [--as-of TIME] [--github-output FILE]

The deploy workflow's daily scheduled run asks this whether the production stack's opening update
(schedule.openingUpdateDaysBefore before the season's first game window, stacks/Pulumi.automation.yaml)
falls in the last 24 hours. Prints why, and writes deploy=true or deploy=false to FILE
($GITHUB_OUTPUT). Exits 0 either way, 2 on a bad stack file.`;

/** Due from its hour until the next daily run: a daily check fires it exactly once. */
export function openingUpdateDue(atMs: number | undefined, nowMs: number): boolean {
    return atMs !== undefined && atMs <= nowMs && nowMs < atMs + DAY_MS;
}

/** The automation settings as the automation program reads them (stacks/Pulumi.automation.yaml). */
export function readAutomation(repoRoot: string): AutomationConfig {
    const dir = path.join(repoRoot, "stacks");
    const stack = readStackConfig(dir, "automation");
    const raw = stack.config[`${stack.project}:${AUTOMATION_KEY}`];
    if (raw === undefined) throw new StackFileError(`${stack.source} has no ${stack.project}:${AUTOMATION_KEY}`);
    return validateAutomation(JSON.parse(raw), stack.project, (name) => fs.existsSync(path.join(repoRoot, `Pulumi.${name}.yaml`)));
}

export function openingVerdict(repoRoot: string, stackName: string, nowMs: number): { deploy: boolean; line: string } {
    const automation = readAutomation(repoRoot);
    const stack = automation.stacks.find((s) => s.name === stackName);
    if (!stack || stack.role !== "production") {
        throw new StackFileError(`${stackName} is not a production stack in stacks/Pulumi.automation.yaml; only production stacks have an opening update`);
    }
    const at = openingUpdateAt(onAirWindows(readSeasonFile(repoRoot, stackName)), automation.schedule.openingUpdateDaysBefore);
    if (at === undefined) return { deploy: false, line: `${stackName}: no game window in the season, so no opening update.` };
    const when = isoSeconds(at);
    if (openingUpdateDue(at, nowMs))
        return {
            deploy: true,
            line: `${stackName}: the opening update is due (since ${when}, ${automation.schedule.openingUpdateDaysBefore} days before the first window); deploying.`,
        };
    return { deploy: false, line: `${stackName}: the opening update ${at > nowMs ? "is due at" : "was due at"} ${when}; nothing to deploy today.` };
}

export function openingMain(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
    let args;
    try {
        args = parseCheckArgs(argv, ["--github-output"]);
    } catch (e) {
        err(`error: ${(e as Error).message}\n\n${OPENING_USAGE}`);
        return 2;
    }
    try {
        const v = openingVerdict(process.cwd(), args.stack, args.nowMs);
        out(v.line);
        const file = args.values["github-output"];
        if (file) fs.appendFileSync(file, `deploy=${v.deploy}\n`);
        return 0;
    } catch (e) {
        err(describeError(e, false));
        return 2;
    }
}

if (require.main === module)
    process.exit(
        openingMain(
            process.argv.slice(2),
            (s) => process.stdout.write(s + "\n"),
            (s) => process.stderr.write(s + "\n"),
        ),
    );
