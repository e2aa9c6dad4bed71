/**
 * Per-channel DRM: which systems a channel offers, the SPEKE v2 key provider each region calls, and
 * the encryption contract MediaPackage v2 asks it for. Everything but the key provider's URL (and
 * the role, when OnAir creates one) is one value for every region, so both regions request the same
 * keys (docs/adr/023-drm-same-keys-in-every-region.md).
 */
import { Cursor } from "./cursor";
import { DRM } from "./schema/channel";
import { keysOf, readNode, readObject } from "./schema/read";
import type { ChannelConfig, RegionConfig } from "./types";
import { AUDIO_PRESETS, CMAF_METHODS, CmafMethod, DRM_SYSTEMS, DrmSystem, KEY_ROTATION, VIDEO_PRESETS } from "./enums";
import type { AudioPreset, VideoPreset } from "./enums";

export { AUDIO_PRESETS, CMAF_METHODS, DRM_SYSTEMS, KEY_ROTATION, VIDEO_PRESETS };
export type { AudioPreset, CmafMethod, DrmSystem, VideoPreset };

/**
 * The CMAF schemes each system decrypts, from AWS's SPEKE v2 support matrix ("Container and DRM
 * system support with SPEKE", MediaPackage v2 User Guide): FairPlay cbcs only; Widevine and
 * PlayReady cbcs and cenc; Irdeto cenc only; ClearKey AES-128 TS only (no CMAF scheme).
 */
export const CMAF_SCHEMES: Record<DrmSystem, readonly CmafMethod[]> = {
    fairplay: ["cbcs"],
    widevine: ["cbcs", "cenc"],
    playready: ["cbcs", "cenc"],
    irdeto: ["cenc"],
    "clear-key-aes-128": [],
};

/** An API Gateway REST API's default endpoint: https://<api-id>.execute-api.<region>.amazonaws.com/<stage>/<path>. */
export const API_GATEWAY_HOST = /^([a-z0-9]{10})\.execute-api\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/;

export interface DrmConfig {
    /** The systems the channel's manifests signal, in config order (1-4: SpekeKeyProvider.DrmSystems). */
    systems: DrmSystem[];
    /** One scheme for the channel's one CMAF endpoint, which serves both HLS and DASH (ADR 004). */
    method: CmafMethod;
    /**
     * The SPEKE content id both regions send: identical, so the key provider returns the same keys for
     * every key period. Defaults to `<season>-<channel id>`; empty only until `resolveDrm` names it.
     */
    resourceId: string;
    presets: { video: VideoPreset; audio: AudioPreset };
    /** Seconds between content-key changes; 0 = no rotation. */
    keyRotationSeconds: number;
    keyProvider: {
        /** The SPEKE v2 endpoint each region's MediaPackage calls (MediaPackage requires one in its own region). */
        urls: Record<string, string>;
        /** An existing role MediaPackage assumes (your DRM vendor's); without it OnAir creates one per region. */
        roleArn?: string;
    };
}

const F = DRM.fields;

/** `premium` and `drm` of one channel; called by the channel reader. */
export function readChannelDrm(c: Cursor): { premium: boolean; drm?: DrmConfig } {
    const premium = c.at("premium").bool({ default: false });
    const d = c.at("drm");
    if (!d.present) {
        if (premium) {
            d.fail(
                "is required: the channel is premium (premium: true) and premium rights need DRM on every endpoint; set drm.systems and drm.keyProvider.urls for each region",
            );
        }
        return { premium };
    }
    const drm = readDrm(d, premium);
    return drm ? { premium, drm } : { premium };
}

function readDrm(c: Cursor, premium: boolean): DrmConfig | undefined {
    if (!c.object(keysOf(F))) return undefined;
    const method = readNode(c.at("method"), F.method);
    const seen = new Set<string>();
    const systems = c.at("systems").list((at) => {
        const s = readNode(at, F.systems.item);
        if (s === undefined) return undefined;
        if (seen.has(s)) return at.fail(`${JSON.stringify(s)} is listed twice; name each DRM system once`);
        seen.add(s);
        if (method !== undefined) checkScheme(at, s, method);
        return s;
    }, F.systems);
    const resourceId = readNode(c.at("resourceId"), F.resourceId);
    const presets = readPresets(c.at("presets"), premium);
    const rotation = readNode(c.at("keyRotationSeconds"), F.keyRotationSeconds);
    if (rotation !== undefined && rotation > 0 && rotation < KEY_ROTATION.min) {
        c.at("keyRotationSeconds").fail(
            `${rotation} is below MediaPackage's minimum key rotation interval; use 0 (keys never rotate) or ${KEY_ROTATION.min} to ${KEY_ROTATION.max} seconds`,
        );
    }
    const keyProvider = readKeyProvider(c.at("keyProvider"));
    if (method === undefined || presets === undefined || rotation === undefined || keyProvider === undefined || systems.length === 0) return undefined;
    return { systems, method, resourceId: resourceId ?? "", presets, keyRotationSeconds: rotation, keyProvider };
}

/** A system that cannot decrypt the chosen scheme would leave its players with a stream they cannot play. */
function checkScheme(at: Cursor, system: DrmSystem, method: CmafMethod): void {
    const schemes = CMAF_SCHEMES[system];
    if (schemes.includes(method)) return;
    if (schemes.length === 0) {
        at.fail(
            `${JSON.stringify(system)} works only with TS endpoints (AES-128); OnAir packages each channel as one CMAF endpoint (docs/adr/004), so use widevine, playready or fairplay`,
        );
    } else {
        const others = CMAF_METHODS.filter((m) => m !== method).join(", ");
        at.fail(
            `${JSON.stringify(system)} cannot decrypt ${method} on CMAF (it supports ${schemes.join(" and ")}); set drm.method: ${others} or drop ${system}`,
        );
    }
}

function readPresets(c: Cursor, premium: boolean): DrmConfig["presets"] | undefined {
    const p = readObject(c, F.presets);
    if (!p) return undefined;
    const { video, audio } = p;
    // Valid combinations, "SPEKE Version 2.0 presets" (MediaPackage User Guide): SHARED goes with
    // SHARED only; UNENCRYPTED never with UNENCRYPTED or SHARED.
    if ((video === "SHARED") !== (audio === "SHARED")) {
        c.at(video === "SHARED" ? "audio" : "video").fail(
            `must also be SHARED: the SHARED preset uses one key for audio and video, so set both presets to SHARED or neither`,
        );
        return undefined;
    }
    if (video === "UNENCRYPTED" && audio === "UNENCRYPTED") {
        c.at("video").fail(`and audio are both UNENCRYPTED, which encrypts nothing; pick a PRESET_VIDEO_n preset (or remove drm)`);
        return undefined;
    }
    if (premium && video === "UNENCRYPTED") {
        c.at("video").fail(`is UNENCRYPTED on a premium channel; premium rights need the video encrypted, so use a PRESET_VIDEO_n preset`);
        return undefined;
    }
    return { video, audio };
}

function readKeyProvider(c: Cursor): DrmConfig["keyProvider"] | undefined {
    if (!c.object(keysOf(F.keyProvider.fields))) return undefined;
    const u = c.at("urls");
    const urls: Record<string, string> = {};
    if (!u.present) {
        u.fail(
            "is required; set a map of region to the SPEKE v2 URL MediaPackage calls in that region, e.g. us-east-1: https://<api-id>.execute-api.us-east-1.amazonaws.com/<stage>/<path>",
        );
    } else if (u.object(Object.keys((u.value as object) ?? {}))) {
        for (const region of Object.keys(u.value as Record<string, unknown>)) {
            const url = readUrl(u.at(region));
            if (url !== undefined) urls[region] = url;
        }
    }
    const roleArn = readNode(c.at("roleArn"), F.keyProvider.fields.roleArn);
    if (c.at("roleArn").present && roleArn === undefined) return undefined;
    return roleArn ? { urls, roleArn } : { urls };
}

function readUrl(c: Cursor): string | undefined {
    const url = c.string({ maxLength: 1024 });
    if (url === undefined) return undefined;
    // SpekeKeyProvider.Url "must start with https://" (CloudFormation schema).
    if (!url.startsWith("https://")) return c.fail(`${JSON.stringify(url)} is not HTTPS; MediaPackage only calls key providers over https://`);
    try {
        new URL(url);
    } catch {
        return c.fail(`${JSON.stringify(url)} is not a URL; use https://<host>/<path> of your SPEKE v2 endpoint`);
    }
    return url;
}

/** The API Gateway id, region and stage/path of an execute-api URL; undefined for other hosts. */
export function apiGatewayOf(url: string): { apiId: string; region: string; path: string } | undefined {
    const u = new URL(url);
    const m = API_GATEWAY_HOST.exec(u.hostname);
    return m ? { apiId: m[1]!, region: m[2]!, path: u.pathname.replace(/^\/+/, "") } : undefined;
}

/** The content id a channel's endpoints send when the config names none. */
export function defaultResourceId(season: string, channelId: string): string {
    return `${season}-${channelId}`;
}

/**
 * Season-level checks once every channel is read: a key provider URL for exactly the season's
 * regions, each in its own region; a role OnAir can scope; key requests that never go through the
 * viewer CDN (`viewerHosts`: the playback aliases, and `.<domain>` for client-routing hosts); and a
 * content id no other channel uses. Fills in the default content ids.
 */
export function resolveDrm(channelsCursor: Cursor, channels: ChannelConfig[], regions: RegionConfig[], season: string, viewerHosts: string[]): void {
    const seasonRegions = regions.map((r) => r.region);
    const owners = new Map<string, string>();
    channels.forEach((ch, ci) => {
        if (!ch.drm) return;
        const at = channelsCursor.index(ci).at("drm");
        const urls = at.at("keyProvider").at("urls");
        const given = ch.drm.keyProvider.urls;
        for (const region of Object.keys(given)) {
            if (!seasonRegions.includes(region)) urls.at(region).fail(`is not a region of this season; use ${seasonRegions.join(", ")}`);
        }
        for (const region of seasonRegions) {
            const url = given[region];
            if (url === undefined) {
                urls.fail(
                    `has no key provider URL for ${region}; each region's MediaPackage calls a SPEKE endpoint in its own region, so add ${region}: https://...`,
                );
                continue;
            }
            const host = new URL(url).hostname.toLowerCase();
            if (host.endsWith(".cloudfront.net") || viewerHosts.some((v) => host === v || (v.startsWith(".") && host.endsWith(v)))) {
                urls.at(region).fail(
                    `${JSON.stringify(url)} goes through the viewer CDN; MediaPackage must call the key provider directly, never through the distribution viewers use`,
                );
                continue;
            }
            const api = apiGatewayOf(url);
            // "The API Gateway proxy must reside in the same AWS Region as MediaPackage" (SpekeKeyProvider.Url).
            if (api && api.region !== region) {
                urls.at(region).fail(
                    `${JSON.stringify(url)} is an API Gateway endpoint in ${api.region}; MediaPackage in ${region} needs a key provider endpoint in ${region}`,
                );
            } else if (!api && !ch.drm.keyProvider.roleArn) {
                at.at("keyProvider")
                    .at("roleArn")
                    .fail(
                        `is required: ${JSON.stringify(url)} (${region}) is not an API Gateway URL (https://<api-id>.execute-api.<region>.amazonaws.com/<stage>/<path>), so OnAir cannot scope a role to it; set the role ARN your DRM vendor gives you`,
                    );
            }
        }
        if (ch.drm.resourceId === "") ch.drm.resourceId = defaultResourceId(season, ch.id);
        const owner = owners.get(ch.drm.resourceId);
        // The key provider keys by content id: two channels with one id would share keys and licences.
        if (owner)
            at.at("resourceId").fail(
                `${JSON.stringify(ch.drm.resourceId)} is also the content id of channel ${owner}; one licence would unlock both, so give each channel its own`,
            );
        else owners.set(ch.drm.resourceId, ch.id);
    });
}
