// CMCD of one real-time log record, decoded with the SVTA Common Media Library (@svta/cml-cmcd),
// not by hand. Players send CMCD as a query argument (CMCD=...) or as CMCD-* headers; CloudFront
// logs the keys it recognises in cmcd-* fields. Both are read: the fields are turned back into a
// CMCD payload and decoded by the library, then the query (which can carry keys CloudFront does
// not log) is decoded on top.
import { decodeCmcd, fromCmcdQuery } from "@svta/cml-cmcd";

/** cmcd-* log field -> CTA-5004 key. */
export const CMCD_FIELD_KEYS = {
    "cmcd-encoded-bitrate": "br",
    "cmcd-buffer-length": "bl",
    "cmcd-buffer-starvation": "bs",
    "cmcd-content-id": "cid",
    "cmcd-object-duration": "d",
    "cmcd-deadline": "dl",
    "cmcd-measured-throughput": "mtp",
    "cmcd-next-object-request": "nor",
    "cmcd-next-range-request": "nrr",
    "cmcd-object-type": "ot",
    "cmcd-playback-rate": "pr",
    "cmcd-requested-maximum-throughput": "rtp",
    "cmcd-streaming-format": "sf",
    "cmcd-session-id": "sid",
    "cmcd-stream-type": "st",
    "cmcd-startup": "su",
    "cmcd-top-bitrate": "tb",
    "cmcd-version": "v",
};

const FLAGS = new Set(["bs", "su"]);
const STRINGS = new Set(["cid", "sid", "nor", "nrr"]);
const TRUE = new Set(["true", "1", "?1"]);

/** @param {string} v */
function unescape(v) {
    try {
        return decodeURIComponent(v);
    } catch {
        return v;
    }
}

/**
 * One `key=value` member of a CMCD payload from a logged field value: flags become bare keys
 * (true) or `key=?0`, strings are quoted as structured-field strings unless already quoted.
 * @param {string} key @param {string} raw @returns {string | undefined}
 */
function member(key, raw) {
    const v = unescape(raw).trim();
    if (v === "" || v === "-") return undefined;
    if (FLAGS.has(key)) return TRUE.has(v.toLowerCase()) ? key : `${key}=?0`;
    if (STRINGS.has(key)) return v.startsWith('"') ? `${key}=${v}` : `${key}=${JSON.stringify(v)}`;
    return `${key}=${v}`;
}

/**
 * @param {Record<string, string>} fields the record's fields by CloudFront name
 * @returns {Record<string, unknown>} decoded CMCD keys (sid, bs, br, d, ot, su, ...)
 */
export function cmcdOf(fields) {
    const members = [];
    for (const [field, key] of Object.entries(CMCD_FIELD_KEYS)) {
        const raw = fields[field];
        const m = raw === undefined ? undefined : member(key, raw);
        if (m) members.push(m);
    }
    /** @type {Record<string, unknown>} */
    let out = {};
    if (members.length > 0) {
        try {
            out = { ...decodeCmcd(members.join(",")) };
        } catch {
            out = {};
        }
    }
    const query = queryOf(fields);
    if (query && /(^|&)CMCD=/.test(query)) {
        try {
            out = { ...out, ...fromCmcdQuery(query) };
        } catch {
            // A malformed CMCD query leaves what the fields gave.
        }
    }
    return out;
}

/**
 * The query string: cs-uri-query, or what follows `?` in cs-uri-stem (real-time logs' cs-uri-stem
 * may carry the query).
 * @param {Record<string, string>} fields @returns {string | undefined}
 */
function queryOf(fields) {
    const q = fields["cs-uri-query"];
    if (q && q !== "-") return q;
    const stem = fields["cs-uri-stem"] ?? "";
    const i = stem.indexOf("?");
    return i >= 0 ? stem.slice(i + 1) : undefined;
}
