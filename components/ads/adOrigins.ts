import * as pulumi from "@pulumi/pulumi";
import { createHmac } from "crypto";
import { ORIGIN_TOKEN_MARGIN_SECONDS } from "../config/ads";
import { ORIGIN_KID_PREFIX } from "../config/security";
import { SeasonConfig } from "../config/types";
import { TOKEN_PATH_PREFIX } from "../delivery/distributionConfig";
import { channelViewerPrefix } from "../delivery/shards";
import { mintToken } from "../delivery/vending/token";
import { AdOriginRead } from "../delivery/waf";
import { onAirWindows } from "../operations/onAirWindows";

/*
 * MediaTailor reads each ad channel's origin manifests through CloudFront with a token of its own
 * (ADR 019). Everything that access is made of is built here: the token, its key and the Web ACL's
 * label match (for delivery, before the distribution exists), then the URLs MediaTailor reads and
 * writes (for ad insertion, from the distribution's hosts).
 */

/** MediaTailor's origin-token key id: its own kid, so it is rotated and revoked apart from viewers' keys. */
export function originKid(viewerKid: string): string {
    return `${ORIGIN_KID_PREFIX}${viewerKid}`;
}

/**
 * MediaTailor's signing key, derived from the viewer key it follows (HMAC-SHA256 of a fixed label):
 * a separate key under a separate kid without a second secret to manage; knowing it reveals nothing
 * of the viewer key.
 */
export function originKey(viewerKey: string): string {
    return createHmac("sha256", viewerKey).update("onair/mediatailor-origin-token/v1").digest("base64url");
}

/**
 * The run window an origin token minted at `nowMs` covers: the one under way, else the next, else
 * the last (a season that is over). Undefined for a channel without events.
 */
export function originTokenWindow(season: SeasonConfig, channelId: string, nowMs: number): { event: string; startMs: number; stopMs: number } | undefined {
    const windows = onAirWindows(season).filter((w) => w.channelId === channelId);
    const w = windows.find((x) => x.stopMs > nowMs) ?? windows[windows.length - 1];
    return w ? { event: w.event, startMs: w.startMs, stopMs: w.stopMs } : undefined;
}

export interface OriginToken {
    token: string;
    kid: string;
    jti: string;
    notBefore: number;
    expiresAt: number;
    /** The event whose run window the token covers. */
    event?: string;
}

/**
 * MediaTailor's own token for the channel's origin manifests (ADR 019): path-bound to one
 * channel, signed with its own kid, valid for one run window (with a 5-minute margin either side),
 * and with a nonce jti derived from the key, the window and ads.originTokenGeneration. The claims are
 * fixed within a window, so `pulumi up` during a game changes nothing; after a revocation, bumping the
 * generation and redeploying mints a token with a new jti.
 */
export function originToken(season: SeasonConfig, channelId: string, signer: { kid: string; key: string }, nowMs: number): OriginToken {
    const key = originKey(signer.key);
    const kid = originKid(signer.kid);
    const w = originTokenWindow(season, channelId, nowMs) ?? { event: undefined, startMs: 0, stopMs: 0 };
    const generation = season.ads?.originTokenGeneration ?? 0;
    const jti = `mt.${createHmac("sha256", key).update(`${channelId}|${w.startMs}|${generation}`).digest("base64url").slice(0, 22)}`;
    const from = Math.floor(w.startMs / 1000) - ORIGIN_TOKEN_MARGIN_SECONDS;
    const until = Math.ceil(w.stopMs / 1000) + ORIGIN_TOKEN_MARGIN_SECONDS;
    const { token, expiresAt } = mintToken({ kid, key }, { prefix: `${channelViewerPrefix(season, channelId)}/`, now: from, ttlSeconds: until - from, jti });
    return { token, kid, jti, notBefore: from, expiresAt, ...(w.event ? { event: w.event } : {}) };
}

export interface AdOriginTokens {
    /** The token of every ad channel, a secret: MediaTailor's source URL and the WAF label rule need it. */
    tokens: Record<string, pulumi.Output<string>>;
    /** Plain facts about each token (kid, jti, window), for the plan and the runbook. */
    windows: Record<string, pulumi.Output<{ kid: string; jti: string; notBefore: string; expiresAt: string; event?: string }>>;
}

export function adOriginTokens(season: SeasonConfig, signer: { kid: string; key: pulumi.Output<string> }, nowMs: number): AdOriginTokens {
    const tokens: AdOriginTokens["tokens"] = {};
    const windows: AdOriginTokens["windows"] = {};
    for (const c of season.channels.filter((x) => x.ads)) {
        const minted = signer.key.apply((key) => originToken(season, c.id, { kid: signer.kid, key }, nowMs));
        tokens[c.id] = pulumi.secret(minted.apply((t) => t.token));
        // Operators need the jti to revoke MediaTailor's token; it is not the signature.
        windows[c.id] = pulumi.unsecret(
            minted.apply((t) => ({
                kid: t.kid,
                jti: t.jti,
                notBefore: new Date(t.notBefore * 1000).toISOString(),
                expiresAt: new Date(t.expiresAt * 1000).toISOString(),
                ...(t.event ? { event: t.event } : {}),
            })),
        );
    }
    return { tokens, windows };
}

/** The HMAC part of a JWT: secret, unique per token, short enough for a WAF string match. */
export function tokenSignature(token: pulumi.Output<string>): pulumi.Output<string> {
    return token.apply((t) => t.split(".")[2] ?? "");
}

/** MediaTailor's credentials for delivery: the key the edge checks, the tokens, the Web ACL's reads. */
export interface AdOriginCredentials extends AdOriginTokens {
    /** MediaTailor's origin-token key (its own kid), stored in the KeyValueStore next to the viewer keys. */
    key: { kid: string; key: pulumi.Output<string> };
    /** Per ad channel its viewer prefix and the token's signature: the Web ACL labels MediaTailor's reads. */
    reads: AdOriginRead[];
}

/** MediaTailor's key, tokens and Web ACL reads, from the viewer key that signs (before delivery exists). */
export function adOriginCredentials(season: SeasonConfig, signer: { kid: string; key: pulumi.Output<string> }, nowMs: number): AdOriginCredentials {
    const { tokens, windows } = adOriginTokens(season, signer, nowMs);
    return {
        tokens,
        windows,
        key: { kid: originKid(signer.kid), key: pulumi.secret(signer.key.apply(originKey)) },
        reads: Object.entries(tokens).map(([id, token]) => ({ prefix: channelViewerPrefix(season, id), signature: tokenSignature(token) })),
    };
}

/** A channel's hosts on its shard's distribution (GlobalDelivery.channelHosts). */
export interface AdOriginHosts {
    /** The distribution's own hostname: MediaTailor fetches origin manifests through CloudFront. */
    distributionDomain: pulumi.Input<string>;
    /** The viewers' hostname, for the segment URLs MediaTailor writes into manifests. */
    playbackHost: pulumi.Input<string>;
}

/** Where one ad channel's MediaTailor configuration reads its origin and points players. */
export interface AdOrigin {
    /** The channel's viewer prefix (its shard's channel group), e.g. /out/v1/rsn-2026-27/football-uhd. */
    prefix: string;
    /** The origin manifests through CloudFront, with MediaTailor's token in the path (a secret). */
    videoContentSourceUrl: pulumi.Output<string>;
    adSegmentUrlPrefix: pulumi.Output<string>;
    /** MediaTailor swaps the source URL (and its token) for this prefix in content segment URLs. */
    contentSegmentUrlPrefix: pulumi.Output<string>;
}

/**
 * Ad insertion's origin inputs, per ad channel: its prefix, and from its shard's hosts and its
 * origin token the URLs MediaTailor reads from and writes into manifests.
 */
export function adOriginInputs(
    season: SeasonConfig,
    hosts: Record<string, AdOriginHosts>,
    tokens: Record<string, pulumi.Output<string>>,
): Record<string, AdOrigin> {
    return Object.fromEntries(
        season.channels
            .filter((c) => c.ads)
            .map((c) => {
                const host = hosts[c.id];
                const token = tokens[c.id];
                if (!host || !token) throw new Error(`ad channel ${c.id} has no ${host ? "origin token" : "hosts on the distribution"}`);
                const prefix = channelViewerPrefix(season, c.id);
                return [
                    c.id,
                    {
                        prefix,
                        videoContentSourceUrl: pulumi.interpolate`https://${host.distributionDomain}${TOKEN_PATH_PREFIX}${token}${prefix}`,
                        adSegmentUrlPrefix: pulumi.interpolate`https://${host.playbackHost}`,
                        contentSegmentUrlPrefix: pulumi.interpolate`https://${host.playbackHost}${prefix}`,
                    },
                ];
            }),
    );
}
