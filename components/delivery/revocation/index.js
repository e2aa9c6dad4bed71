// Revocation hook (Lambda, invoked by operators' roles only). It writes revocation entries and
// nothing else: "r:<jti>" (one token) and "s:<sid>" (one playback session), never "k:" signing keys.
// Operators get lambda:InvokeFunction on this function, not write access to the KeyValueStore,
// which stays with the deployment role (ADR 018).
"use strict";

/** Token ids and session ids as the vending hook mints them (uuid, slugs), and MediaTailor's jti. */
const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const PREFIX = { token: "r:", session: "s:" };

/**
 * @typedef {{ put(key: string, value: string): Promise<void>, remove(key: string): Promise<boolean> }} RevocationStore
 * @typedef {{ statusCode: number, body: Record<string, unknown> }} HookResult
 */

/**
 * Validates one request and applies it. Pure apart from the injected store and clock.
 * @param {unknown} input `{ action: "revoke" | "unrevoke", kind: "token" | "session", id, reason? }`
 * @param {{ store: RevocationStore, now: () => number }} deps
 * @returns {Promise<HookResult>}
 */
async function apply(input, deps) {
    if (!input || typeof input !== "object" || Array.isArray(input)) return { statusCode: 400, body: { error: "the payload must be a JSON object" } };
    const req = /** @type {Record<string, unknown>} */ (input);
    if (req.action !== "revoke" && req.action !== "unrevoke") return { statusCode: 400, body: { error: 'action must be "revoke" or "unrevoke"' } };
    if (req.kind !== "token" && req.kind !== "session") return { statusCode: 400, body: { error: 'kind must be "token" (a jti) or "session" (a CMCD sid)' } };
    if (typeof req.id !== "string" || !ID.test(req.id)) return { statusCode: 400, body: { error: "id must be 1-128 letters, digits, . _ : or -" } };
    if (req.reason !== undefined && (typeof req.reason !== "string" || req.reason.length > 200)) return { statusCode: 400, body: { error: "reason must be a string of at most 200 characters" } };
    const key = PREFIX[req.kind] + req.id;
    if (req.action === "revoke") {
        // The value is for the operator reading the store; the edge only asks whether the key exists.
        const value = JSON.stringify({ at: new Date(deps.now()).toISOString(), ...(req.reason ? { reason: req.reason } : {}) });
        await deps.store.put(key, value);
        return { statusCode: 200, body: { revoked: key } };
    }
    const removed = await deps.store.remove(key);
    return { statusCode: 200, body: removed ? { unrevoked: key } : { unrevoked: key, note: "was not revoked" } };
}

/**
 * The KeyValueStore through the AWS SDK: each write names the store's current ETag, retried when
 * another write got in first. The KeyValueStore API signs with SigV4A, which the SDK loads from
 * @aws-sdk/signature-v4a.
 * @param {string} arn
 * @returns {RevocationStore}
 */
function sdkStore(arn) {
    require("@aws-sdk/signature-v4a");
    const kvs = require("@aws-sdk/client-cloudfront-keyvaluestore");
    const client = new kvs.CloudFrontKeyValueStoreClient({});
    /** @param {(etag: string) => Promise<unknown>} write */
    const withEtag = async (write) => {
        for (let attempt = 1; ; attempt++) {
            const { ETag } = await client.send(new kvs.DescribeKeyValueStoreCommand({ KvsARN: arn }));
            try {
                return await write(ETag);
            } catch (e) {
                if (/** @type {{ name?: string }} */ (e).name !== "ConflictException" || attempt >= 3) throw e;
            }
        }
    };
    return {
        put: async (key, value) => {
            await withEtag((etag) => client.send(new kvs.PutKeyCommand({ KvsARN: arn, Key: key, Value: value, IfMatch: etag })));
        },
        remove: async (key) => {
            try {
                await withEtag((etag) => client.send(new kvs.DeleteKeyCommand({ KvsARN: arn, Key: key, IfMatch: etag })));
                return true;
            } catch (e) {
                if (/** @type {{ name?: string }} */ (e).name === "ResourceNotFoundException") return false;
                throw e;
            }
        },
    };
}

/**
 * Lambda entry: `aws lambda invoke --function-name <hook> --payload '{"action":"revoke","kind":"session","id":"..."}'`.
 * @param {unknown} event
 * @returns {Promise<HookResult>}
 */
async function handler(event) {
    return apply(event, { store: sdkStore(process.env.KVS_ARN || ""), now: () => Date.now() });
}

module.exports = { apply, handler };
