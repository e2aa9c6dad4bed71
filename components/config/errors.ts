/** One problem found in the stack configuration, located by its config key path. */
export interface ConfigIssue {
    /** Full path, e.g. `onair:season.channels[2].contribution.protocol`. */
    path: string;
    /** What is wrong and what is accepted instead. */
    message: string;
}

/**
 * Thrown before any resource is registered when the stack configuration is invalid.
 * It carries every issue found, not only the first, so one `pulumi up` shows them all.
 */
export class ConfigError extends Error {
    /** Marker that survives module duplication (instanceof does not across copies). */
    readonly isOnAirConfigError = true;

    constructor(readonly issues: ConfigIssue[]) {
        super(formatIssues(issues));
        this.name = "ConfigError";
    }
}

/** A message lists this many problems; the rest are counted (fixing the first usually fixes many). */
export const LISTED_ISSUES = 30;

export function formatIssues(issues: ConfigIssue[]): string {
    const lines = issues.map((i) => `${i.path}: ${i.message}`);
    if (lines.length === 1) {
        return `Invalid OnAir configuration: ${lines[0]}`;
    }
    const listed = lines.slice(0, LISTED_ISSUES).map((l) => `  - ${l}`);
    if (lines.length > LISTED_ISSUES) listed.push(`  - ... and ${lines.length - LISTED_ISSUES} more (fix those above and run again)`);
    return `Invalid OnAir configuration (${lines.length} problems):\n` + listed.join("\n");
}

export function isConfigError(e: unknown): e is ConfigError {
    return typeof e === "object" && e !== null && (e as { isOnAirConfigError?: unknown }).isOnAirConfigError === true;
}
