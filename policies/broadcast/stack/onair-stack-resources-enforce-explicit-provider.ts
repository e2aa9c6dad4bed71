import { stackPolicy } from "../../lib/policy";
import { field, str } from "../../lib/props";

/** Dynamic resources carry their region as an input instead of a provider. */
const DYNAMIC_WITH_REGION = /^pulumi-nodejs:dynamic\//;

/**
 * A resource that falls back to the default provider lands in whatever region the
 * deploying shell is set to, silently splitting a chain across regions.
 */
export const enforceExplicitProvider = stackPolicy(
    {
        name: "onair-stack-resources-enforce-explicit-provider",
        description: "Every AWS resource (aws and aws-native) must use an explicit provider with a region; dynamic resources must name their region.",
        rationale:
            "Each regional chain must be entirely in its region. A child created without `parent: this` or a provider falls back to the default provider, whose region comes from the operator's environment, so part of the chain can end up in the wrong region without any error.",
        severity: "high",
        enforcementLevel: "mandatory",
        url: "https://www.pulumi.com/docs/iac/concepts/resources/providers/#disabling-default-providers",
        remediationSteps:
            "Create the resource with `parent: this` inside a component that was given the region's providers, or pass `provider:` explicitly; set pulumi:disable-default-providers for aws and aws-native.",
    },
    (args, report) => {
        for (const r of args.resources) {
            if (DYNAMIC_WITH_REGION.test(r.type)) {
                if (!str(field(r.props, "region"))) report(`Dynamic resource "${r.name}" (${r.type}) names no region; pass region explicitly.`, r.urn);
                continue;
            }
            if (!/^aws(-native)?:/.test(r.type)) continue;
            const provider = r.provider;
            if (!provider || /::default(_[\d_]+)?$/.test(provider.urn)) {
                report(
                    `${r.type} "${r.name}" uses the default provider, so its region depends on the deploying environment; give it an explicit provider for its region.`,
                    r.urn,
                );
            } else if (!str(field(r.props, "region")) && !str(field(provider.props, "region"))) {
                report(`${r.type} "${r.name}" uses provider "${provider.name}", which sets no region; set region on the provider.`, r.urn);
            }
        }
    },
);
