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

export function isHostname(text: string): boolean {
    return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(text);
}
