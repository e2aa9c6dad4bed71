import { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/policy";
import { dig, field, list, str } from "../../lib/props";
import { ofType, originEndpoints, regionOf } from "../../lib/stack";
import { T } from "../../../contracts/resourceTypes";
import { PREMIUM_TAG, PREMIUM_VALUE } from "../../../contracts/tags";

interface Config {
    premiumChannels: string[];
}

function taggedPremium(r: PolicyResource): boolean {
    const tags = field(r.props, "tags");
    if (Array.isArray(tags)) return tags.some((t) => str(field(t, "key")) === PREMIUM_TAG && str(field(t, "value")) === PREMIUM_VALUE);
    return str(field(tags, PREMIUM_TAG)) === PREMIUM_VALUE;
}

/** Why an endpoint's segments are not DRM-protected, or undefined when they are. */
export function drmGap(endpointProps: Record<string, unknown>): string | undefined {
    const enc = dig(endpointProps, "segment", "encryption");
    if (enc === undefined || enc === null) return "serves its segments unencrypted";
    const systems = list(dig(enc, "spekeKeyProvider", "drmSystems")).map(String);
    // ClearKey AES-128 encrypts without a licence server: anyone with the key URL can play.
    if (systems.filter((s) => s !== "CLEAR_KEY_AES_128").length === 0) return `names no DRM system (${systems.join(", ") || "none"})`;
    if (str(dig(enc, "spekeKeyProvider", "encryptionContractConfiguration", "presetSpeke20Video")) === "UNENCRYPTED")
        return "leaves the video unencrypted (PresetSpeke20Video UNENCRYPTED)";
    return undefined;
}

/**
 * A premium channel (UHD, pay-per-view, league package) served in the clear is a
 * rights breach: one endpoint without DRM is enough for the stream to be restreamed.
 */
export const enforcePremiumDrm = stackPolicy<Config>(
    {
        name: "onair-stack-endpoints-enforce-premium-drm",
        description:
            "Every MediaPackage v2 origin endpoint of a premium channel (tagged onair:premium=true, or listed in premiumChannels) must encrypt its segments with a DRM system through SPEKE.",
        rationale:
            "Premium sports rights are sold on the condition that the stream is DRM-protected. Tokens and geo rules stop casual access but a clear segment, once fetched, plays anywhere; every endpoint in every region must carry DRM, including any endpoint added later beside the one OnAir builds.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/using-encryption.html",
        remediationSteps: "Set drm on the channel (systems, keyProvider.urls for every region), or remove the extra clear endpoint from the premium channel.",
        configSchema: {
            properties: {
                premiumChannels: {
                    type: "array",
                    items: { type: "string" },
                    default: [],
                    description: "MediaPackage channel names that are premium whatever their tags say (set by the rights owner in the policy group).",
                },
            },
        },
    },
    (args, report, config) => {
        const tagged = new Set(
            ofType(args.resources, T.mediaPackageChannel)
                .filter(taggedPremium)
                .map((r) => `${regionOf(r)}/${str(field(r.props, "channelGroupName"))}/${str(field(r.props, "channelName"))}`),
        );
        for (const e of originEndpoints(args.resources)) {
            const premium = tagged.has(`${e.region}/${e.group}/${e.channel}`) || (e.channel !== undefined && config.premiumChannels.includes(e.channel));
            if (!premium) continue;
            const gap = drmGap(e.resource.props);
            if (gap) {
                report(
                    `MediaPackage v2 endpoint ${e.group}/${e.channel}/${e.endpoint} in ${e.region ?? "an unknown region"} belongs to a premium channel but ${gap}; encrypt it with SPEKE v2 (drm on the channel) or remove the endpoint.`,
                    e.resource.urn,
                );
            }
        }
    },
);
