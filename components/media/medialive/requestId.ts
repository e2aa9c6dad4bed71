import { createHash } from "crypto";
import { stableJson } from "../../../contracts/stableJson";

/**
 * CreateChannel and CreateInput take `RequestId`, an idempotency token (the API model marks it
 * `smithy.api#idempotencyToken`: "needed to prevent retries from creating multiple resources").
 * The SDK fills a random one when it is absent, which makes every retry of `pulumi up` a new
 * channel. OnAir derives it from the resource's URN and request, so a create retried after a
 * throttled wait or a crashed run gets the channel it already made.
 *
 * `attempt` > 0 derives a fresh token from the same seed: used when the first token names a
 * channel that has since been deleted (a replacement with an identical request).
 */
export function requestId(urn: string, request: unknown, attempt = 0): string {
    const h = createHash("sha256")
        .update(`${urn}\n${stableJson(request)}\n${attempt}`)
        .digest("hex");
    // UUID layout: the form the SDK itself generates for this member.
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
