import { stackPolicy } from "../../lib/policy";
import { dig, list } from "../../lib/props";
import { EndpointInfo, originEndpoints } from "../../lib/stack";
import { stableJson } from "../../../contracts/stableJson";

/**
 * The encryption settings that decide which keys encrypt which segment: they must match across
 * regions. The key provider URL, the role and the certificate are regional (MediaPackage calls a
 * key provider in its own region) and are left out.
 */
const FIELDS: [label: string, path: string[]][] = [
    ["encryption method", ["encryptionMethod"]],
    ["resource id", ["spekeKeyProvider", "resourceId"]],
    ["DRM systems", ["spekeKeyProvider", "drmSystems"]],
    ["video preset", ["spekeKeyProvider", "encryptionContractConfiguration", "presetSpeke20Video"]],
    ["audio preset", ["spekeKeyProvider", "encryptionContractConfiguration", "presetSpeke20Audio"]],
    ["key rotation interval", ["keyRotationIntervalSeconds"]],
    ["constant IV", ["constantInitializationVector"]],
    ["segment DRM metadata", ["cmafExcludeSegmentDrmMetadata"]],
];

function encryptionOf(e: EndpointInfo): unknown {
    return dig(e.resource.props, "segment", "encryption");
}

function value(enc: unknown, path: string[]): string {
    const v = dig(enc, ...path);
    // The order of DRM systems does not change the keys; compare them as a set.
    return stableJson(Array.isArray(v) ? [...list(v)].map(String).sort() : (v ?? null));
}

/**
 * When regions encrypt one channel differently, the origin group's switch to
 * the other region hands players segments their licence cannot decrypt: playback stops exactly when
 * failover was meant to save it.
 */
export const enforceIdenticalEncryption = stackPolicy(
    {
        name: "onair-stack-endpoints-enforce-identical-encryption",
        description:
            "A channel's MediaPackage v2 endpoints must encrypt identically in every region: same resource id, DRM systems, SPEKE v2 presets, key rotation, method and constant IV.",
        rationale:
            "Cross-region failover needs symmetric streams: CloudFront may take segment n from one region and n+1 from the other. Both are only decryptable with one licence if both regions ask the key provider for the same content id with the same contract and rotate keys on the same period.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediapackage/latest/userguide/cross-region-failover.html",
        remediationSteps:
            "Build every region's endpoint encryption from the channel's one drm definition (OnAir's endpointEncryption); only the key provider URL and role may differ per region.",
    },
    (args, report) => {
        const byEndpoint = new Map<string, EndpointInfo[]>();
        for (const e of originEndpoints(args.resources)) {
            const key = `${e.group}/${e.channel}/${e.endpoint}`;
            byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), e]);
        }
        for (const [key, unordered] of byEndpoint) {
            // Compare against the first region in name order, so the message does not depend on registration order.
            const [first, ...others] = [...unordered].sort((a, b) => (a.region ?? "").localeCompare(b.region ?? ""));
            if (!first) continue;
            const reference = encryptionOf(first);
            for (const other of others) {
                const enc = encryptionOf(other);
                if (!reference && !enc) continue;
                if (!reference || !enc) {
                    const [clear, encrypted] = reference ? [other, first] : [first, other];
                    report(
                        `MediaPackage v2 endpoint ${key} is encrypted in ${encrypted.region} but not in ${clear.region}; a failover between them breaks playback, so encrypt it identically in every region.`,
                        other.resource.urn,
                    );
                    continue;
                }
                const differs = FIELDS.filter(([, path]) => value(reference, path) !== value(enc, path)).map(
                    ([label, path]) => `${label} ${value(enc, path)} vs ${value(reference, path)}`,
                );
                if (differs.length > 0) {
                    report(
                        `MediaPackage v2 endpoint ${key} in ${other.region} encrypts differently from ${first.region} (${differs.join("; ")}); players could not decrypt segments after a failover, so use one drm definition for every region.`,
                        other.resource.urn,
                    );
                }
            }
        }
    },
);
