import { ConfigError, ConfigIssue } from "../../components/config/errors";
import { validateSeason } from "../../components/config/season";
import { SecretKeyLookup } from "../../components/config/secrets";

/**
 * A small valid season: two regions, one UHD SRT channel, one dual-ISP RIST channel. Tests change
 * one field at a time from this baseline.
 */
export function baselineSeason(): Record<string, any> {
    return {
        name: "test-season",
        regions: [
            { region: "us-east-1", role: "primary" },
            { region: "us-west-2", role: "secondary" },
        ],
        channels: [
            {
                id: "main-uhd",
                name: "Main UHD",
                ladder: "uhd",
                audio: [
                    { language: "eng", layout: "stereo", label: "English", pid: 258 },
                    { language: "eng", layout: "surround-5.1", label: "English 5.1", pid: 259 },
                ],
                captions: [{ channel: 1, language: "eng", label: "English CC" }],
                contribution: {
                    protocol: "srt-listener",
                    networks: [{ name: "venue", allowedCidr: "203.0.113.0/28" }],
                    srt: { passphraseKey: "mainSrtPassphrase" },
                },
                events: [{ name: "opener", start: "2026-09-05T22:00:00Z", end: "2026-09-06T01:00:00Z" }],
            },
            {
                id: "second-hd",
                name: "Second HD",
                ladder: "hd",
                contribution: {
                    protocol: "rist",
                    networks: [
                        { name: "isp-a", allowedCidr: "192.0.2.0/28" },
                        { name: "isp-b", allowedCidr: "198.51.100.0/28" },
                    ],
                    failover: { mode: "merge", recoveryWindowMs: 300 },
                },
            },
        ],
        delivery: { urlVending: { callerRoleArns: ["arn:aws:iam::123456789012:role/entitlement-api"] } },
        security: {
            geoAllow: ["US"],
            tokens: { keys: [{ kid: "k1", secretKey: "tokenSigningKey" }] },
        },
    };
}

/** Secret values a test stack holds (plain here; the plan marks them secret). */
export const TEST_SECRETS: Record<string, string> = {
    mainSrtPassphrase: "correct-horse-battery-staple",
    tokenSigningKey: "k".repeat(40) + "-test-signing-key",
};

export function secretLookup(secrets: Record<string, string> = TEST_SECRETS, plain: Record<string, string> = {}): SecretKeyLookup {
    return {
        namespace: "onair",
        isSet: (k) => k in secrets || k in plain,
        isSecret: (k) => k in secrets,
        length: (k) => (secrets[k] ?? plain[k] ?? "").length,
        keys: () => ["season", ...Object.keys(secrets), ...Object.keys(plain)],
    };
}

/** Sets `value` at a dotted/indexed path (`channels[0].contribution.protocol`); `undefined` deletes. */
export function setPath(obj: Record<string, any>, path: string, value: unknown): Record<string, any> {
    const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    let cur: any = obj;
    for (const k of keys.slice(0, -1)) {
        if (cur[k] === undefined) cur[k] = /^\d+$/.test(k) ? [] : {};
        cur = cur[k];
    }
    const last = keys[keys.length - 1]!;
    if (value === undefined) delete cur[last];
    else cur[last] = value;
    return obj;
}

/** Every issue the validator reports for `raw` (none when it is valid). */
export function configIssues(raw: unknown, secrets: SecretKeyLookup = secretLookup()): ConfigIssue[] {
    try {
        validateSeason(raw, secrets);
    } catch (e) {
        if (e instanceof ConfigError) return e.issues;
        throw e;
    }
    return [];
}
