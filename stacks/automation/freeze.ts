import { INSTANT_HINT, parseInstant } from "../../components/config/instant";
import { activeWindow, isoSeconds, nextWindow, onAirWindows } from "../../components/operations/onAirWindows";
import { describeError } from "../../components/config/failure";
import { readSeasonFile } from "../../components/config/seasonFile";
import { DEFAULT_MARGIN_MINUTES } from "../../contracts/deployFreeze";
import { exitWhenFlushed } from "../../contracts/flushedExit";
import { stackNameProblem } from "../../contracts/stackName";

export const FREEZE_USAGE = `Usage: npm run freeze-check -- [--stack NAME] [--as-of TIME] [--margin MINUTES]

Exits 1 while a game of the stack's season is on air (its window with lead and tail) or starts
within the deploy margin, so the deploy workflow never updates a stack during a game; 0 otherwise;
2 on a bad argument or stack file.

Options:
  --stack NAME        the stack whose Pulumi.NAME.yaml to read (default: prod)
  --as-of TIME        check as if it were TIME (${INSTANT_HINT})
  --margin MINUTES    freeze this long before a window's lead, 0-360 (default ${DEFAULT_MARGIN_MINUTES}): how long a deploy may run`;

/** Is the stack on air at `nowMs`, or about to be within the margin? Returns the exit code and the one line to print. */
export function freezeVerdict(projectDir: string, stack: string, nowMs: number, marginMinutes = DEFAULT_MARGIN_MINUTES): { code: 0 | 1; line: string } {
    const windows = onAirWindows(readSeasonFile(projectDir, stack));
    const active = activeWindow(windows, nowMs);
    if (active) {
        return {
            code: 1,
            line: `${stack}: ON AIR - ${active.channelId} ${active.event} until ${isoSeconds(active.stopMs)}; deployments are frozen until then (override only with the workflow's force input).`,
        };
    }
    const marginMs = marginMinutes * 60_000;
    const soon = windows.filter((w) => w.startMs > nowMs && w.startMs - marginMs <= nowMs).sort((a, b) => b.stopMs - a.stopMs)[0];
    if (soon) {
        return {
            code: 1,
            line: `${stack}: ON AIR SOON - ${soon.channelId} ${soon.event} starts at ${isoSeconds(soon.startMs)} (lead included), within the ${marginMinutes}-minute deploy margin: a deploy started now could still be running then; deployments are frozen until ${isoSeconds(soon.stopMs)} (override only with the workflow's force input).`,
        };
    }
    const next = nextWindow(windows, nowMs);
    return {
        code: 0,
        line: `${stack}: no game on air${next ? `; next window ${next.channelId} ${next.event} from ${isoSeconds(next.startMs)}, deploys frozen from ${isoSeconds(next.startMs - marginMs)}` : "; no game ahead this season"}.`,
    };
}

interface FreezeArgs {
    stack: string;
    nowMs: number;
    marginMinutes: number;
}

/** The arguments, or the one line saying what is wrong with them. */
export function parseFreezeArgs(argv: string[], now = Date.now()): FreezeArgs | string {
    const out: FreezeArgs = { stack: "prod", nowMs: now, marginMinutes: DEFAULT_MARGIN_MINUTES };
    for (let i = 0; i < argv.length; i++) {
        const raw = argv[i]!;
        const eq = raw.indexOf("=");
        const [flag, inline] = raw.startsWith("--") && eq > 0 ? [raw.slice(0, eq), raw.slice(eq + 1)] : [raw, undefined];
        if (!["--stack", "--as-of", "--margin"].includes(flag)) return `unknown option ${JSON.stringify(raw)}`;
        const value = inline ?? argv[++i];
        if (value === undefined || value.startsWith("--")) return `${flag} needs a value`;
        if (flag === "--stack") {
            const problem = stackNameProblem(value);
            if (problem) return problem;
            out.stack = value;
        } else if (flag === "--as-of") {
            const ms = parseInstant(value);
            if (ms === undefined) return `--as-of ${JSON.stringify(value)} is not a time; use ${INSTANT_HINT}`;
            out.nowMs = ms;
        } else {
            const n = Number(value);
            if (!/^\d+$/.test(value) || n > 360) return `--margin ${JSON.stringify(value)} is not a number of minutes from 0 to 360`;
            out.marginMinutes = n;
        }
    }
    return out;
}

export function freezeMain(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
    const args = parseFreezeArgs(argv);
    if (typeof args === "string") {
        err(`error: ${args}\n\n${FREEZE_USAGE}`);
        return 2;
    }
    try {
        const v = freezeVerdict(process.cwd(), args.stack, args.nowMs, args.marginMinutes);
        out(v.line);
        return v.code;
    } catch (e) {
        err(describeError(e, false));
        return 2;
    }
}

if (require.main === module)
    exitWhenFlushed(
        freezeMain(
            process.argv.slice(2),
            (s) => process.stdout.write(s + "\n"),
            (s) => process.stderr.write(s + "\n"),
        ),
    );
