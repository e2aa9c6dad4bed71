import { stackPolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { ofType } from "../../../lib/stack";
import { T } from "../../../lib/types";

/**
 * Severity: high. A flow with two sources but failover disabled uses one of them only: the second
 * ISP protects nothing.
 * @see https://docs.aws.amazon.com/mediaconnect/latest/ug/source-failover.html
 */
export const enableSourceFailover = stackPolicy(
    {
        name: "onair-mediaconnect-flow-enable-source-failover",
        description: "MediaConnect flows with two sources (dual-ISP contribution) must have source failover enabled (FAILOVER or MERGE).",
        rationale: "The second network exists to survive the loss of the first. With failover disabled MediaConnect ignores it; with FAILOVER it switches on loss, with MERGE (SMPTE 2022-7) it rebuilds the stream packet by packet from both.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediaconnect/latest/ug/source-failover.html",
        remediationSteps: "Set sourceFailoverConfig { state: ENABLED, failoverMode: MERGE (2022-7 sources) or FAILOVER }.",
    },
    (args, report) => {
        const extra = ofType(args.resources, T.mediaConnectFlowSource);
        for (const flow of ofType(args.resources, T.mediaConnectFlow)) {
            const arn = str(field(flow.props, "flowArn"));
            const attached = extra.filter((s) => arn !== undefined && str(field(s.props, "flowArn")) === arn).length + list(field(flow.props, "sources")).length;
            const sourceCount = 1 + attached;
            if (sourceCount < 2) continue;
            const failover = field(flow.props, "sourceFailoverConfig");
            if (str(field(failover, "state")) !== "ENABLED") {
                report(`MediaConnect flow "${flow.name}" has ${sourceCount} sources but source failover is ${str(field(failover, "state")) ?? "not configured"}; enable it (MERGE for SMPTE 2022-7 sources, else FAILOVER) so the second network takes over.`, flow.urn);
            }
        }
    },
);
