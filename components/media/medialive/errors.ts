/**
 * Errors the MediaLive provider throws. Always plain `Error`s: Pulumi's closure serializer rewrites
 * classes in a dynamic provider (`class X extends Error` loses its message, the engine shows
 * `[object Object]`), and the dynamic-provider host reports `e.message` only
 * (@pulumi/pulumi cmd/dynamic-provider/index.js, grpcResponseFromError and the delete handler).
 */

export function providerError(message: string): Error {
    return new Error(message);
}

/**
 * A create (or update) that failed after the resource came to exist. The host turns an error with
 * `id` and `properties` into ErrorResourceInitFailed (grpcResponseFromError in
 * cmd/dynamic-provider/index.js), so the engine records the resource with its id and state instead
 * of forgetting it: no orphan that keeps its input attached.
 */
export function partialFailure(message: string, id: string, properties: object): Error {
    return Object.assign(new Error(message), { id, properties, reasons: [message] });
}

interface AwsError {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    ValidationErrors?: { ElementPath?: string; ErrorMessage?: string }[];
}

/** The AWS error as one readable line: shape name, message and, for 422s, each validation error. */
export function awsErrorText(e: unknown): string {
    if (!e || typeof e !== "object") return String(e);
    const err = e as AwsError;
    const base = err.name && err.name !== "Error" ? `${err.name}: ${err.message ?? ""}` : (err.message ?? String(e));
    const details = (err.ValidationErrors ?? []).map((v) => `${v.ElementPath ?? "?"}: ${v.ErrorMessage ?? ""}`);
    return details.length > 0 ? `${base} (${details.join("; ")})` : base;
}

export function errorName(e: unknown): string | undefined {
    return e && typeof e === "object" ? (e as AwsError).name : undefined;
}

/** 429 TooManyRequestsException (MediaLive's throttling shape), or any SDK throttling error. */
export function isThrottle(e: unknown): boolean {
    const name = errorName(e);
    return name === "TooManyRequestsException" || name === "ThrottlingException" || (e as AwsError)?.$metadata?.httpStatusCode === 429;
}

export function isNotFound(e: unknown): boolean {
    return errorName(e) === "NotFoundException";
}

/** 5xx answers (BadGateway, GatewayTimeout, InternalServerError): worth another poll. */
export function isTransient(e: unknown): boolean {
    const status = (e as AwsError)?.$metadata?.httpStatusCode ?? 0;
    return status >= 500 || ["BadGatewayException", "GatewayTimeoutException", "InternalServerErrorException", "TimeoutError"].includes(errorName(e) ?? "");
}

export function message(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}
