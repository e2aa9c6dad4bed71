import { ResourceValidationArgs } from "@pulumi/policy";
import { field, list, str } from "./props";
import { T } from "../../contracts/resourceTypes";

/** One source or output of a MediaConnect flow, as the contribution rules read it. */
export interface FlowEndpoint {
    kind: "source" | "output";
    name: string;
    props: Record<string, unknown>;
}

/** Sources of a Flow (inline `source`, `sources`) or the single source/output of FlowSource/FlowOutput. */
export function flowEndpoints(args: Pick<ResourceValidationArgs, "type" | "name">, props: Record<string, unknown>): FlowEndpoint[] {
    if (args.type === T.mediaConnectFlow) {
        return [field(props, "source"), ...list(field(props, "sources"))]
            .filter((s): s is Record<string, unknown> => !!s && typeof s === "object")
            .map((s) => ({ kind: "source" as const, name: str(field(s, "name")) ?? "(unnamed)", props: s }));
    }
    return [{ kind: args.type === T.mediaConnectFlowOutput ? "output" : "source", name: str(field(props, "name")) ?? args.name, props }];
}

export const FLOW_TYPES = [T.mediaConnectFlow, T.mediaConnectFlowSource, T.mediaConnectFlowOutput];
