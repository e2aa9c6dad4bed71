/** Schema of `ads`: server-side ad insertion with MediaTailor. */
import { AD_SEGMENT_TOKEN_TRANSPORTS } from "../types";
import { custom, int, object, oneOf, string } from "./nodes";

export const HTTPS_URL = /^https:\/\/[^\s/$.?#].[^\s]*$/;
export const WEB_ORIGIN = /^https:\/\/([a-z0-9.-]+)(:\d{1,5})?$/;

export const ADS = object(
    {
        adDecisionServerUrl: string({
            pattern: HTTPS_URL,
            hint: "the ad server's HTTPS VAST/VMAP URL, e.g. https://ads.example.com/vast?sid=[session.id]",
            typeDoc: "HTTPS URL",
            doc: "VAST/VMAP endpoint; MediaTailor variables such as `[session.id]` allowed",
        }),
        channels: custom({
            typeDoc: "channel ids, each once",
            defaultDoc: "required",
            doc: "channels with ads (SCTE-35 from the venue or MediaLive schedule actions)",
        }),
        slateAdUrl: string({
            pattern: HTTPS_URL,
            hint: "an HTTPS URL of a slate video",
            optional: true,
            typeDoc: "HTTPS URL",
            doc: "shown when the ad server fills nothing",
        }),
        // Players set the bearer header on every request of the session; the query transport needs MediaTailor's account-level setting.
        segmentTokens: oneOf(AD_SEGMENT_TOKEN_TRANSPORTS, {
            default: "header",
            doc: "how ad-session players carry the token on URLs MediaTailor writes: `Authorization: Bearer` on every request, or `?token=` (only with MediaTailor's account-level setting that passes `manifest.*` to CDN segment URLs)",
        }),
        cookieDomain: custom({
            typeDoc: "domain",
            defaultDoc: "none",
            doc: "optional: an `onair_token` cookie for web players on native HLS (Safari) that cannot set headers; a parent of the `delivery.domain` aliases",
        }),
        playerOrigins: custom({
            typeDoc: "1-20 `https://host` (under `cookieDomain` when set)",
            defaultDoc: "required",
            doc: "web players allowed CORS on ad paths",
        }),
        prefetch: object(
            {
                // Five minutes spreads a break's ad requests over the audience without fetching too early.
                retrievalWindowSeconds: int({
                    min: 10,
                    max: 3600,
                    default: 300,
                    unit: "seconds",
                    doc: "ad-server requests for a break are spread over this window before it",
                }),
                delayAfterAvailEndSeconds: int({
                    min: 0,
                    max: 3600,
                    default: 10,
                    unit: "seconds",
                    doc: "start fetching the next break's ads this long after a break ends",
                }),
                adExpirationSeconds: int({ min: 60, max: 86400, default: 1800, unit: "seconds", doc: "prefetched ads are kept this long" }),
            },
            { optional: true, doc: "ad prefetching" },
        ),
        originTokenGeneration: int({
            min: 0,
            max: 1_000_000,
            default: 0,
            doc: "bump (and `pulumi up`) to mint MediaTailor's origin token with a fresh jti after revoking it",
        }),
    },
    { defaultDoc: "none", doc: 'MediaTailor for the listed channels ("Server-side ads")' },
);
