// Client-routing label for embedded-POP delivery: 145 bits, 29 lowercase base32 characters.
//   SDK version 10 bits (= 1) | IPv6 flag 1 | client subnet 64 (IPv4 /24, IPv6 /48, left-aligned)
//   | mask 6 | content group id 64 (xxHash64; 0 until content groups are used)
// Plain CommonJS so the URL-vending Lambda ships it without a build step; type-checked via JSDoc.
"use strict";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const VERSION = 1n;

/**
 * @param {string} text
 * @returns {number[] | undefined} four octets
 */
function parseIpv4(text) {
    const parts = text.split(".");
    if (parts.length !== 4) return undefined;
    const out = [];
    for (const p of parts) {
        if (!/^\d{1,3}$/.test(p) || Number(p) > 255 || (p.length > 1 && p[0] === "0")) return undefined;
        out.push(Number(p));
    }
    return out;
}

/**
 * @param {string} text
 * @returns {number[] | undefined} eight 16-bit groups
 */
function parseIpv6(text) {
    let t = text.toLowerCase();
    const zone = t.indexOf("%");
    if (zone >= 0) t = t.slice(0, zone);
    /** @type {number[]} */
    let tail = [];
    const lastColon = t.lastIndexOf(":");
    const v4 = parseIpv4(t.slice(lastColon + 1));
    if (v4 && lastColon >= 0) {
        tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
        t = t.slice(0, lastColon + 1) + "0";
    }
    const halves = t.split("::");
    if (halves.length > 2) return undefined;
    /** @param {string} s */
    const groups = (s) => (s === "" ? [] : s.split(":"));
    const head = groups(halves[0]);
    const rest = halves.length === 2 ? groups(halves[1]) : [];
    if (tail.length) (halves.length === 2 ? rest : head).pop();
    const all = [...head, ...rest];
    if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
    const nums = all.map((g) => parseInt(g, 16)).concat(tail);
    const missing = 8 - nums.length;
    if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
    const headNums = head.map((g) => parseInt(g, 16));
    const restNums = rest.map((g) => parseInt(g, 16)).concat(tail);
    return halves.length === 2 ? headNums.concat(new Array(missing).fill(0), restNums) : nums;
}

/**
 * The address as the edge sees it (CloudFront's viewer.ip): IPv4 dotted, IPv4-mapped IPv6 unmapped,
 * IPv6 in RFC 5952 text (lowercase, no leading zeros, the longest run of two or more zero groups as
 * "::"). Zone ids ("fe80::1%eth0") never reach CloudFront and are refused.
 * @param {string} text
 * @returns {string | undefined}
 */
function canonicalIp(text) {
    if (typeof text !== "string" || text.length > 45 || text.includes("%")) return undefined;
    const v4 = parseIpv4(text);
    if (v4) return v4.join(".");
    const v6 = parseIpv6(text);
    if (!v6) return undefined;
    if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) return [v6[6] >> 8, v6[6] & 0xff, v6[7] >> 8, v6[7] & 0xff].join(".");
    let best = { at: -1, len: 0 };
    for (let i = 0; i < 8; ) {
        let j = i;
        while (j < 8 && v6[j] === 0) j++;
        if (j - i > best.len) best = { at: i, len: j - i };
        i = j === i ? i + 1 : j;
    }
    const hex = v6.map((g) => g.toString(16));
    if (best.len < 2) return hex.join(":");
    return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

/**
 * The label for a viewer address. IPv4-mapped IPv6 addresses count as IPv4.
 * @param {string} ip
 * @param {bigint} [contentGroupId]
 * @returns {string}
 */
function clientRoutingLabel(ip, contentGroupId = 0n) {
    let ipv6 = 0n;
    let subnet;
    let mask;
    let v4 = parseIpv4(ip);
    const v6 = v4 ? undefined : parseIpv6(ip);
    if (v6 && v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) {
        v4 = [v6[6] >> 8, v6[6] & 0xff, v6[7] >> 8, v6[7] & 0xff];
    }
    if (v4) {
        subnet = (BigInt(v4[0]) << 56n) | (BigInt(v4[1]) << 48n) | (BigInt(v4[2]) << 40n);
        mask = 24n;
    } else if (v6) {
        ipv6 = 1n;
        subnet = (BigInt(v6[0]) << 48n) | (BigInt(v6[1]) << 32n) | (BigInt(v6[2]) << 16n);
        mask = 48n;
    } else {
        throw new Error(`not an IP address: ${JSON.stringify(ip)}`);
    }
    const mask64 = (1n << 64n) - 1n;
    let bits = VERSION;
    bits = (bits << 1n) | ipv6;
    bits = (bits << 64n) | subnet;
    bits = (bits << 6n) | mask;
    bits = (bits << 64n) | (contentGroupId & mask64);
    let label = "";
    for (let i = 28; i >= 0; i--) label += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
    return label;
}

module.exports = { canonicalIp, clientRoutingLabel, parseIpv4, parseIpv6 };
