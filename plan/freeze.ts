import { activeWindow, isoSeconds, nextWindow, onAirWindows } from "../components/operations/onAirWindows";
import { describeFailure } from "./cli";
import { readSeasonFile } from "./seasonFile";

export const FREEZE_USAGE = `Usage: npm run freeze-check -- [--stack NAME] [--as-of TIME]

Exits 1 while a game of the stack's season is on air (its window with lead and tail), so the
deploy workflow never updates a stack during a game; 0 otherwise; 2 on a bad stack file.`;

/** Is the stack on air at `nowMs`? Returns the exit code and the one line to print. */
export function freezeVerdict(projectDir: string, stack: string, nowMs: number): { code: 0 | 1; line: string } {
    const windows = onAirWindows(readSeasonFile(projectDir, stack));
    const active = activeWindow(windows, nowMs);
    if (active) {
        return { code: 1, line: `${stack}: ON AIR - ${active.channelId} ${active.event} until ${isoSeconds(active.stopMs)}; deployments are frozen until then (override only with the workflow's force input).` };
    }
    const next = nextWindow(windows, nowMs);
    return { code: 0, line: `${stack}: no game on air${next ? `; next window ${next.channelId} ${next.event} from ${isoSeconds(next.startMs)}` : "; no game ahead this season"}.` };
}

export function freezeMain(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
    let stack = "prod";
    let nowMs = Date.now();
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i]!;
        if (a === "--stack" && argv[i + 1]) stack = argv[++i]!;
        else if (a === "--as-of" && argv[i + 1] && !Number.isNaN(Date.parse(argv[i + 1]!))) nowMs = Date.parse(argv[++i]!);
        else {
            err(`error: unexpected ${JSON.stringify(a)}\n\n${FREEZE_USAGE}`);
            return 2;
        }
    }
    try {
        const v = freezeVerdict(process.cwd(), stack, nowMs);
        out(v.line);
        return v.code;
    } catch (e) {
        err(describeFailure(e, false));
        return 2;
    }
}

if (require.main === module) process.exit(freezeMain(process.argv.slice(2), (s) => process.stdout.write(s + "\n"), (s) => process.stderr.write(s + "\n")));
