/** Pure IPv4/IPv6 helpers used by config validation and the client-routing label. */

export function parseIpv4(text: string): number[] | undefined {
    const parts = text.split(".");
    if (parts.length !== 4) return undefined;
    const out: number[] = [];
    for (const p of parts) {
        if (!/^\d{1,3}$/.test(p)) return undefined;
        const n = Number(p);
        if (n > 255 || (p.length > 1 && p.startsWith("0"))) return undefined;
        out.push(n);
    }
    return out;
}

/** Accepts `a.b.c.d/n`; returns the prefix length or undefined when malformed. */
export function parseIpv4Cidr(text: string): { address: number[]; prefix: number } | undefined {
    const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
    if (!m) return undefined;
    const address = parseIpv4(m[1]!);
    const prefix = Number(m[2]);
    if (!address || prefix > 32) return undefined;
    return { address, prefix };
}

/** True when the CIDR admits the whole internet (or a quarter of it): never a venue's range. */
export function isOverlyBroad(prefix: number): boolean {
    return prefix < 8;
}

/**
 * The broadest contribution allow-list OnAir accepts: 65,536 addresses. A venue's uplink or a
 * production truck is a handful of addresses; MediaConnect's own example of a source's
 * WhitelistCidr is 10.0.0.0/16 (MediaConnect API reference, Source: whitelistCidr), and anything
 * broader lets most of an ISP push into the ingest.
 */
export const BROADEST_ALLOW_PREFIX = 16;

/** The network address of a CIDR (host bits cleared), e.g. 203.0.113.0 for 203.0.113.5/24. */
export function networkAddress(address: number[], prefix: number): number[] {
    const n = address.reduce((acc, b) => acc * 256 + b, 0);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const net = (n & mask) >>> 0;
    return [net >>> 24, (net >>> 16) & 255, (net >>> 8) & 255, net & 255];
}

/** Why an ingest allow-list entry is not acceptable, or undefined when it is. */
export function allowListProblem(text: string): string | undefined {
    const cidr = parseIpv4Cidr(text);
    if (!cidr) return `${JSON.stringify(text)} is not an IPv4 CIDR; use the venue's range, e.g. 203.0.113.0/28`;
    if (isOverlyBroad(cidr.prefix))
        return `${JSON.stringify(text)} opens the ingest to most of the internet; list only the venue's ranges (prefix /${BROADEST_ALLOW_PREFIX} or longer)`;
    if (cidr.prefix < BROADEST_ALLOW_PREFIX) {
        return `${JSON.stringify(text)} admits ${(2 ** (32 - cidr.prefix)).toLocaleString("en-US")} addresses; an ingest allow-list is the venue's own range, /${BROADEST_ALLOW_PREFIX} (65,536 addresses) at the broadest`;
    }
    const net = networkAddress(cidr.address, cidr.prefix).join(".");
    if (net !== cidr.address.join(".")) {
        return `${JSON.stringify(text)} has host bits set: it means ${net}/${cidr.prefix}; write ${net}/${cidr.prefix} for the range, or ${cidr.address.join(".")}/32 for that one address`;
    }
    return undefined;
}

export function isHostname(text: string): boolean {
    return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(text);
}
