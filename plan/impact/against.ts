import { planningNow } from "../../components/config/planningNow";
import { onAirWindows } from "../../components/operations/onAirWindows";
import { DEFAULT_MARGIN_MINUTES } from "../../contracts/deployFreeze";
import { PlanCapture, SecretValue } from "../../contracts/capturedPlan";
import { seasonOfStack } from "../../components/config/seasonFile";
import { CfnSpec, loadCfnSpec } from "../spec/cfnSpec";
import { StackConfig } from "../../components/config/stackConfig";
import { assessImpact, ImpactReport } from "./assess";
import { computeChanges } from "./changes";
import { SeasonShape } from "./owner";
import { DeployedState, SECRET_SIG, StateFileError, WIRE_SIG_KEY } from "./stateExport";
import type { DeployedAnswer } from "../mocks";

/** A deployed value in the RPC wire form the program's SDK reads; a secret stays a secret, its value never read. */
function wire(v: unknown): unknown {
    if (v instanceof SecretValue) return { [WIRE_SIG_KEY]: SECRET_SIG, value: "[secret]" };
    if (Array.isArray(v)) return v.map(wire);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, wire(e)]));
    return v;
}

/** The mocks' lookup: a URN that exists with the same type answers with its deployed id and outputs. */
export function deployedLookup(state: DeployedState): (urn: string, type: string) => DeployedAnswer | undefined {
    return (urn, type) => {
        const d = state.resources.get(urn);
        if (!d || d.type !== type) return undefined;
        return { ...(d.id ? { id: d.id } : {}), outputs: wire(d.outputs) as Record<string, unknown> };
    };
}

/** An export of another stack would compare unrelated resources: refuse it by name. */
export function checkStateStack(state: DeployedState, stack: string): void {
    if (state.stack && state.stack !== stack) {
        throw new StateFileError(
            `--against ${state.source} is the state of stack ${state.stack}, not ${stack}; export ${stack} (\`pulumi stack export --stack <org>/onair/${stack}\`) or plan --stack ${state.stack}`,
        );
    }
}

export interface AgainstOptions {
    marginMinutes?: number;
    load?: () => Promise<CfnSpec>;
}

/** The plan against the deployed state: every change classified, with its live impact at `--as-of` (or now). */
export async function impactAgainst(plan: PlanCapture, state: DeployedState, stack: StackConfig, opts: AgainstOptions = {}): Promise<ImpactReport> {
    const spec = plan.resources.some((r) => r.custom && r.type.startsWith("aws-native:")) ? await (opts.load ?? loadCfnSpec)() : undefined;
    const nowMs = planningNow();
    const changes = await computeChanges(plan, state, { ...(spec ? { spec } : {}), nowMs });
    const season = seasonOfStack(stack);
    const shape: SeasonShape = season.found
        ? { channels: season.season.channels.map((c) => ({ id: c.id, name: c.name })), regions: season.season.regions.map((r) => r.region) }
        : { channels: [], regions: [] };
    const windows = season.found ? onAirWindows(season.season) : [];
    return assessImpact(changes, shape, windows, nowMs, opts.marginMinutes ?? DEFAULT_MARGIN_MINUTES);
}
