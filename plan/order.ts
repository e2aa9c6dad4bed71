import { Violation } from "../policies/harness/evaluate";

/**
 * One order for every report, independent of the order registrations happened to arrive in (the
 * fast path and the plain path differ, and so may two runs): resources by URN, violations by level,
 * pack, policy and URN.
 */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function byUrn<T extends { urn: string }>(items: readonly T[]): T[] {
    return [...items].sort((a, b) => compareText(a.urn, b.urn));
}

const LEVEL_ORDER = ["mandatory", "remediate", "advisory", "disabled"];

export function sortedViolations(vs: readonly Violation[]): Violation[] {
    return [...vs].sort(
        (a, b) =>
            LEVEL_ORDER.indexOf(a.enforcementLevel) - LEVEL_ORDER.indexOf(b.enforcementLevel) ||
            compareText(a.pack, b.pack) ||
            compareText(a.policy, b.policy) ||
            compareText(a.urn, b.urn) ||
            compareText(a.message, b.message),
    );
}
