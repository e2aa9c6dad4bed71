/**
 * Two registrations with one URN: the mock monitor would keep the last silently, but the engine
 * refuses the update ("Duplicate resource URN ...; try giving it a unique name"), so the plan
 * fails too, naming both registrations.
 */
export interface Registration {
    urn: string;
    type: string;
    name: string;
    parent?: string;
}

export class DuplicateUrnError extends Error {
    constructor(readonly duplicates: { first: Registration; second: Registration }[]) {
        super(formatDuplicates(duplicates));
        this.name = "DuplicateUrnError";
    }
}

const LISTED = 10;

function describe(r: Registration): string {
    return `${r.type} "${r.name}" (parent ${r.parent ?? "none"})`;
}

export function formatDuplicates(duplicates: { first: Registration; second: Registration }[]): string {
    const n = duplicates.length;
    const lines = [
        `${n} resource registration${n === 1 ? " reuses a URN" : "s reuse URNs"} already registered; \`pulumi up\` refuses a duplicate resource URN. Give each resource its own name:`,
    ];
    for (const { first, second } of duplicates.slice(0, LISTED)) {
        lines.push(`  - ${first.urn}`, `      first:  ${describe(first)}`, `      second: ${describe(second)}`);
    }
    if (n > LISTED) lines.push(`  - ... and ${n - LISTED} more`);
    return lines.join("\n");
}

/** Tracks registrations by URN and collects each reuse. */
export class UrnRegistry {
    private readonly seen = new Map<string, Registration>();
    readonly duplicates: { first: Registration; second: Registration }[] = [];

    /** False (and the reuse recorded) when the URN was registered before. */
    add(r: Registration): boolean {
        const first = this.seen.get(r.urn);
        if (first) {
            this.duplicates.push({ first, second: r });
            return false;
        }
        this.seen.set(r.urn, r);
        return true;
    }
}
