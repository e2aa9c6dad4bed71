/**
 * CloudFront's choice of cache behaviour for a request path, as the CloudFront Developer Guide
 * ("Cache behavior settings", Path pattern) describes it: patterns are compared in the order the
 * behaviours are listed and the first match wins, else the default behaviour; `*` matches zero or
 * more characters (slashes included), `?` exactly one; matching is case-sensitive and the path is
 * compared without its query string.
 */
export function matchesPathPattern(pattern: string, path: string): boolean {
    const re = pattern
        .split("")
        .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\/]/g, "\\$&")))
        .join("");
    return new RegExp(`^${re}$`).test(path.split("?")[0]!);
}

export interface RoutedBehavior {
    pathPattern?: string;
    targetOriginId: string;
}

/** The behaviour CloudFront applies to `path`: the first listed whose pattern matches, else the default. */
export function behaviorFor<B extends RoutedBehavior>(path: string, behaviors: B[], defaultBehavior: B): B {
    return behaviors.find((b) => b.pathPattern !== undefined && matchesPathPattern(b.pathPattern, path)) ?? defaultBehavior;
}
