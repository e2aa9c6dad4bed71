import { describeError } from "../../components/config/failure";
import { freezeVerdict } from "./freeze";
import { parseCheckArgs } from "./cliArgs";

export const GUARD_USAGE = `Usage: npm run deployments-guard -- --stack NAME [--operation OP] [--as-of TIME]

Runs first in every Pulumi Deployments job on a production stack (a pre-run command). Exits 0 for
a preview, and for a refresh or drift check when no game is on air; exits 1 for anything that
would change the stack (update, destroy, remediate-drift) or an operation it does not know. The
operation comes from PULUMI_CI_OPERATION, which Deployments sets.`;

/** Operations that read the cloud and, at most, rewrite the stack's state. */
const LOCKING_READS = ["refresh", "detect-drift"];

/**
 * Whether Deployments may run `operation` on a production stack. Prod changes only through the
 * deploy workflow (both packs, the game-window freeze, the prod reviewers); a refresh or drift
 * check holds the stack lock, so it also waits for the game to end.
 */
export function guardVerdict(operation: string | undefined, stack: string, freeze: () => { code: 0 | 1; line: string }): { code: 0 | 1; line: string } {
    if (operation === "preview") return { code: 0, line: `${stack}: preview allowed (read-only role, takes no stack lock).` };
    if (operation !== undefined && LOCKING_READS.includes(operation)) {
        const f = freeze();
        // The workflow's force input is no way past this: a refresh simply waits for the game to end.
        const why = f.line.replace(`${stack}: `, "").replace(/ \(override only with the workflow's force input\)/, "");
        return f.code === 0
            ? { code: 0, line: `${stack}: ${operation} allowed; ${why}` }
            : { code: 1, line: `${stack}: ${operation} refused: ${why} Run it again after the game.` };
    }
    const what =
        operation === undefined || operation === "" ? "an operation Deployments did not name (PULUMI_CI_OPERATION is not set)" : JSON.stringify(operation);
    return {
        code: 1,
        line: `${stack}: refused ${what}: Pulumi Deployments only previews, refreshes and checks drift on a production stack. Changes to ${stack} go through .github/workflows/deploy.yml (both policy packs, the game-window freeze, the prod reviewers); run that workflow instead (docs/runbook.md).`,
    };
}

export function guardMain(argv: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, err: (s: string) => void): number {
    let args;
    try {
        args = parseCheckArgs(argv, ["--operation"]);
    } catch (e) {
        err(`error: ${(e as Error).message}\n\n${GUARD_USAGE}`);
        return 2;
    }
    const operation = args.values["operation"] ?? env["PULUMI_CI_OPERATION"];
    try {
        const v = guardVerdict(operation, args.stack, () => freezeVerdict(process.cwd(), args.stack, args.nowMs));
        (v.code === 0 ? out : err)(v.line);
        return v.code;
    } catch (e) {
        err(describeError(e, false));
        return 2;
    }
}

if (require.main === module)
    process.exit(
        guardMain(
            process.argv.slice(2),
            process.env,
            (s) => process.stdout.write(s + "\n"),
            (s) => process.stderr.write(s + "\n"),
        ),
    );
