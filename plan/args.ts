import { INSTANT_HINT, parseInstant } from "../components/config/instant";
import { stackNameProblem } from "../contracts/stackName";

/** Command-line options of `npm run plan`. */
export interface PlanArgs {
    stack: string;
    config?: string;
    program?: string;
    json?: string;
    markdown?: string;
    asOf?: string;
    /** A `pulumi stack export` of the stack: report what the update changes and does to the season on air. */
    against?: string;
    /** Per stack: a program that has not finished by then fails the plan (exit 2). */
    timeoutSeconds: number;
    /** Plan every stack file of the root project and of projects one directory down. */
    all: boolean;
    /** Stack traces and the SDK's debugging aids off: the default; --verbose turns them on. */
    fast: boolean;
    /** Plan as a first `pulumi preview`: provider-computed outputs and ids unknown. */
    preview: boolean;
    verbose: boolean;
    help: boolean;
}

/**
 * Five minutes: the largest season OnAir accepts (60 channels, three regions) plans in well under a
 * minute through ts-node on a loaded 2-core runner; a program still running after that is stuck.
 */
export const DEFAULT_TIMEOUT_SECONDS = 300;

export const USAGE = `Usage: npm run plan -- [options]

Runs the Pulumi program under Pulumi's mock runtime with a stack's config, captures every
resource it would create, judges them with the OnAir policy packs and prints the verdict.

Options:
  --stack NAME      stack whose Pulumi.NAME.yaml and policies/<pack>/config.NAME.json to use (default: prod)
  --all             plan every stack: each Pulumi.<stack>.yaml here and in project folders such as stacks/
  --config FILE     use this stack config file instead of Pulumi.<stack>.yaml
  --program FILE    evaluate another Pulumi TypeScript program instead of index.ts (with its own
                    Pulumi.yaml next to it, its own stack files are used)
  --json FILE       write resources, violations and outputs as JSON
  --markdown FILE   write the verdict as Markdown (for a CI job summary; every stack with --all)
  --as-of TIME      plan as if it were TIME (ISO-8601 with its zone, e.g. 2026-09-01T00:00:00Z):
                    which event schedules are still ahead
  --against FILE    compare with the deployed state, FILE being what \`pulumi stack export\` writes:
                    each resource created, updated in place, replaced or deleted and why, its live
                    impact (channel restarts, new venue ingest addresses, viewer URLs, regions
                    without origin), and, as mandatory violations, changes that take a channel
                    off air inside its game window or the deploy margin at --as-of (or now)
  --preview         plan as a first \`pulumi preview\` sees it: every provider-computed output and id
                    unknown; prints which policies could not decide (as in the engine, those do not
                    fail the plan: they decide during \`pulumi up\`)
  --timeout SECONDS fail a stack whose program has not finished after SECONDS (default ${DEFAULT_TIMEOUT_SECONDS})
  --verbose         print stack traces for program errors (runs with stack traces and the SDK's
                    debugging aids on: same plan and verdict, several times slower on large seasons)
  --fast            accepted for older scripts: stack traces and debugging aids off is the default
  --help            show this help

Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 configuration or program error
(a program that does not finish, or ends the process, is a program error).`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): PlanArgs {
    const out: PlanArgs = { stack: "prod", timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, all: false, fast: true, preview: false, verbose: false, help: false };
    const valued = new Set(["--stack", "--config", "--program", "--json", "--markdown", "--as-of", "--timeout", "--against"]);
    for (let i = 0; i < argv.length; i++) {
        const raw = argv[i]!;
        const [flag, inline] = raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
        if (flag === "--verbose") out.verbose = true;
        else if (flag === "--all") out.all = true;
        else if (flag === "--fast") out.fast = true;
        else if (flag === "--preview") out.preview = true;
        else if (flag === "--help" || flag === "-h") out.help = true;
        else if (valued.has(flag)) {
            const value = inline ?? argv[++i];
            if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
            if (flag === "--as-of") {
                if (parseInstant(value) === undefined) throw new UsageError(`--as-of ${JSON.stringify(value)} is not a time; use ${INSTANT_HINT}`);
                out.asOf = value;
                continue;
            }
            if (flag === "--timeout") {
                const n = Number(value);
                if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 86_400)
                    throw new UsageError(`--timeout ${JSON.stringify(value)} is not a number of seconds; use e.g. --timeout 600 (at most 86400)`);
                out.timeoutSeconds = n;
                continue;
            }
            const key = flag.slice(2) as "stack" | "config" | "program" | "json" | "markdown" | "against";
            out[key] = value;
        } else {
            throw new UsageError(`unknown option ${raw}`);
        }
    }
    if (out.all && (out.config || out.program || out.json || out.against || argv.some((a) => a === "--stack" || a.startsWith("--stack=")))) {
        throw new UsageError(
            "--all plans every stack file; it cannot be combined with --stack, --config, --program, --json or --against (a state export is one stack's)",
        );
    }
    // A stack trace needs stack traces: --verbose runs the plan process with them on.
    if (out.verbose) out.fast = false;
    const bad = stackNameProblem(out.stack);
    if (bad) throw new UsageError(bad);
    return out;
}
