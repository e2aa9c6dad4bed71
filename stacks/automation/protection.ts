import { ConfigIssue } from "../../components/config/errors";
import { AUTOMATION_KEY, ManagedStack } from "./config";

/**
 * Each managed media stack's `onair:protect` must match what Deployments does with it: a
 * production stack keeps its season resources protected; a rehearsal (destroyed at its TTL) and
 * the review template (its copies are destroyed when their pull requests close) must not protect
 * anything, or those destroys fail halfway. `protectOf` reads the stack file's value; stacks
 * `managed` leaves out (a rehearsal already destroyed) are not checked.
 */
export function protectionIssues(
    stacks: ManagedStack[],
    namespace: string,
    protectOf: (stack: string) => boolean,
    managed: (s: ManagedStack) => boolean = () => true,
): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    stacks.forEach((s, i) => {
        if (!managed(s)) return;
        const path = `${namespace}:${AUTOMATION_KEY}.stacks[${i}]`;
        const protect = protectOf(s.name);
        if (s.role === "production" && !protect) {
            issues.push({
                path,
                message: `production stack ${s.name} has onair:protect false in Pulumi.${s.name}.yaml; a season stack keeps its flows, channels, MediaPackage and distribution protected. Set it true, or remove ${s.name} from this list to close the season (docs/runbook.md)`,
            });
        }
        if (s.role !== "production" && protect) {
            const destroyedBy = s.role === "rehearsal" ? `its TTL (${s.destroyAt})` : "Deployments when each pull request closes";
            issues.push({
                path,
                message: `${s.role} stack ${s.name} protects its resources (onair:protect is true or unset in Pulumi.${s.name}.yaml), so the destroy run by ${destroyedBy} would fail; set onair:protect: false there`,
            });
        }
    });
    return issues;
}
