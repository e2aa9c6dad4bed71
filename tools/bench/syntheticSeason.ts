/**
 * Synthetic seasons for the benchmark: N channels in three regions with every feature on (each
 * contribution protocol, dual-ISP merge and failover, UHD and HD ladders, captions, several audio
 * tracks, game windows still ahead, ads, VPC and custom origins, embedded-POP routing, alarms,
 * cost rates). Valid by construction: the benchmark measures the real program, not error paths.
 */

export const BENCH_NOW = "2026-11-01T00:00:00Z";

/** Secret values of a synthetic stack (plain here; the plan marks them secret). */
export const BENCH_SECRETS: Record<string, string> = {
    tokenSigningKey: "b".repeat(40) + "-bench-signing-key",
    venueSrtPassphrase: "bench-srt-passphrase-0001",
    originVerify: "origin-verify-header-value-bench-000001",
};

function pad(n: number): string {
    return String(n).padStart(2, "0");
}

/** Two games per channel, on the channel's own days, all after BENCH_NOW. */
function events(i: number): { name: string; start: string; end: string }[] {
    const day = (d: number) => `2026-12-${pad(d)}`;
    const first = 1 + (i % 14);
    return [
        { name: `${day(first)}-game`, start: `${day(first)}T18:00:00Z`, end: `${day(first)}T21:00:00Z` },
        { name: `${day(first + 15)}-game`, start: `${day(first + 15)}T18:00:00Z`, end: `${day(first + 15)}T21:00:00Z` },
    ];
}

const REGIONS = [
    { region: "us-east-1", role: "primary" },
    { region: "us-west-2", role: "secondary" },
    { region: "us-east-2", role: "secondary" },
];

function contribution(i: number): Record<string, unknown> {
    const net = (k: number) => ({ name: `isp-${k}`, allowedCidr: `198.51.${100 + (i % 100)}.${k * 16}/28` });
    switch (i % 4) {
        case 0:
            return { protocol: "srt-listener", maxBitrateMbps: 50, latencyMs: 1200, networks: [net(0)], srt: { passphraseKey: "venueSrtPassphrase" } };
        case 1:
            return { protocol: "rist", maxBitrateMbps: 25, latencyMs: 800, networks: [net(0), net(1)], failover: { mode: "merge", recoveryWindowMs: 500 } };
        case 2:
            return { protocol: "rtp-fec", maxBitrateMbps: 20, networks: [net(0)] };
        default:
            return {
                protocol: "srt-caller",
                maxBitrateMbps: 15,
                latencyMs: 600,
                // One listener per flow: a port per channel and region, an address per ISP and pipeline.
                networks: [0, 1].map((k) => ({
                    name: `isp-${k}`,
                    callerTargets: Object.fromEntries(
                        REGIONS.map((r, ri) => [r.region, [0, 1].map((p) => ({ address: `203.0.113.${10 + k * 2 + p}`, port: 7000 + ri * 1000 + i }))]),
                    ),
                })),
                failover: { mode: "failover" },
                srt: { passphraseKey: "venueSrtPassphrase" },
            };
    }
}

export function syntheticSeason(channels: number): Record<string, unknown> {
    const ids = Array.from({ length: channels }, (_, i) => `ch${pad(i + 1)}-${i % 5 === 0 ? "uhd" : "hd"}`);
    return {
        name: `bench-${channels}`,
        tags: { purpose: "benchmark" },
        regions: REGIONS,
        channels: ids.map((id, i) => ({
            id,
            name: `Channel ${i + 1}`,
            ladder: i % 5 === 0 ? "uhd" : "hd",
            audio: [
                { language: "eng", layout: "stereo", label: "English", ...(i % 5 === 0 ? { pid: 258 } : {}) },
                ...(i % 5 === 0 ? [{ language: "eng", layout: "surround-5.1", label: "English 5.1", pid: 259 }] : []),
                { language: "spa", layout: "stereo", label: "Espanol" },
            ],
            captions: [{ channel: 1, language: "eng", label: "English CC" }],
            contribution: contribution(i),
            events: events(i),
        })),
        delivery: {
            domain: {
                aliases: ["live.bench.example.com"],
                certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
            },
            clientRouting: { domain: "cr.bench.example.com" },
            vpcOrigins: [
                {
                    id: "stats-api",
                    arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/stats/0123456789abcdef",
                    domainName: "internal-stats-123.us-east-1.elb.amazonaws.com",
                    pathPattern: "/api/stats/*",
                },
            ],
            customOrigins: [{ id: "venue-graphics", domainName: "graphics.venue.example.net", pathPattern: "/graphics/*", secretKey: "originVerify" }],
            priceClass: "PriceClass_100",
            urlVending: { callerRoleArns: ["arn:aws:iam::123456789012:role/bench-entitlement-api"] },
        },
        security: {
            geoAllow: ["US", "PR"],
            tokens: { keys: [{ kid: "bench", secretKey: "tokenSigningKey" }] },
        },
        observability: { alarms: { emails: ["noc@bench.example.com"] } },
        // The benchmark account's approved increases (Service Quotas): past 10 channels MediaConnect's 20
        // flows and MediaLive's 5 channels and inputs per region are too few, and past 30 channels the 3
        // MediaPackage channel groups per region (docs/adr/026).
        quotas: {
            increases: {
                "mediaconnect-flows": 150,
                "medialive-channels": 60,
                "medialive-inputs": 60,
                "medialive-input-security-groups": 20,
                "mediapackagev2-channel-groups": 6,
            },
        },
        costRates: { currency: "USD", medialivePipelineHour: { uhd: 9.5, hd: 3.2 }, mediaconnectFlowHour: 0.08, mediapackageIngestPerGb: 0.03 },
        // A quarter of the channels carry ads: enough to exercise MediaTailor and its behaviours.
        ads: {
            adDecisionServerUrl: "https://ads.bench.example.com/vast?sid=[session.id]",
            channels: ids.filter((_, i) => i % 4 === 0),
            cookieDomain: "bench.example.com",
            playerOrigins: ["https://www.bench.example.com"],
        },
    };
}
