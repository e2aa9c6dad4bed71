/** Flags the automation checks share: `--stack NAME`, `--as-of TIME`, and ones a tool adds. */
export interface CheckArgs {
    stack: string;
    nowMs: number;
    values: Record<string, string>;
}

/** Parses `--flag value` pairs; throws a plain Error naming the bad argument. */
export function parseCheckArgs(argv: string[], extra: string[] = [], nowMs = Date.now()): CheckArgs {
    const out: CheckArgs = { stack: "prod", nowMs, values: {} };
    for (let i = 0; i < argv.length; i += 2) {
        const flag = argv[i]!;
        const value = argv[i + 1];
        if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
        if (flag === "--stack") out.stack = value;
        else if (flag === "--as-of") {
            if (Number.isNaN(Date.parse(value))) throw new Error(`--as-of ${JSON.stringify(value)} is not a time; use ISO-8601 such as 2026-09-01T00:00:00Z`);
            out.nowMs = Date.parse(value);
        } else if (extra.includes(flag)) out.values[flag.slice(2)] = value;
        else throw new Error(`unexpected ${JSON.stringify(flag)}`);
    }
    return out;
}
