import { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { fedBy, ofType } from "../../../lib/stack";
import { T } from "../../../../contracts/resourceTypes";
import { isUnknown, maybe, Undecided, Unknown } from "../../../lib/unknown";

/** The flow a FlowSource is added to: by its flowArn, or (while ARNs are unknown) the flow it was computed from. */
function flowOf(source: PolicyResource, flows: PolicyResource[]): PolicyResource | undefined | Unknown {
    const arn = maybe(() => str(field(source.props, "flowArn")));
    if (isUnknown(arn)) {
        const from = fedBy(source, "flowArn", T.mediaConnectFlow);
        return from.length === 1 ? from[0] : arn;
    }
    return flows.find((f) => maybe(() => str(field(f.props, "flowArn"))) === arn);
}

/**
 * A flow with two sources but failover disabled uses one of them only: the second
 * ISP protects nothing.
 */
export const enableSourceFailover = stackPolicy(
    {
        name: "onair-mediaconnect-flow-enable-source-failover",
        description: "MediaConnect flows with two sources (dual-ISP contribution) must have source failover enabled (FAILOVER or MERGE).",
        rationale:
            "The second network exists to survive the loss of the first. With failover disabled MediaConnect ignores it; with FAILOVER it switches on loss, with MERGE (SMPTE 2022-7) it rebuilds the stream packet by packet from both.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediaconnect/latest/ug/source-failover.html",
        remediationSteps: "Set sourceFailoverConfig { state: ENABLED, failoverMode: MERGE (2022-7 sources) or FAILOVER }.",
    },
    (args, report) => {
        const undecided = new Undecided();
        const flows = ofType(args.resources, T.mediaConnectFlow);
        const extra = ofType(args.resources, T.mediaConnectFlowSource).map((s) => flowOf(s, flows));
        const pending = extra.find(isUnknown);
        for (const flow of flows) {
            const failover = field(flow.props, "sourceFailoverConfig");
            const state = str(field(failover, "state"));
            // Failover on is right however many sources the flow ends up with.
            if (state === "ENABLED") continue;
            const attached = extra.filter((f) => f === flow).length + list(field(flow.props, "sources")).length;
            const sourceCount = 1 + attached;
            if (sourceCount < 2) {
                // A source whose flow is not known yet may belong to this one.
                if (pending) undecided.note(pending);
                continue;
            }
            report(
                `MediaConnect flow "${flow.name}" has ${sourceCount} sources but source failover is ${state ?? "not configured"}; enable it (MERGE for SMPTE 2022-7 sources, else FAILOVER) so the second network takes over.`,
                flow.urn,
            );
        }
        undecided.settle();
    },
);
