import * as assert from "assert";
import { isConfigError } from "../../components/config/errors";
import { ProgramError, runProgram } from "../../plan/run";
import { PROGRAM, stackWith } from "../helpers/plan";
import { baselineSeason, setPath, TEST_SECRETS } from "../helpers/season";

interface BadCase {
    title: string;
    change: (s: Record<string, any>) => void;
    /** Full key path the message must name. */
    path: string;
    /** Text the message must contain (what is accepted / the fix). */
    says: string;
    secrets?: Record<string, string>;
    plain?: Record<string, string>;
    extraSecretKeys?: string[];
    /** Text no message may contain (a secret pasted in the wrong place). */
    never?: string;
    /** A path that must not be reported as well (a follow-on error of the same mistake). */
    notAt?: string;
}

const P = "onair:season";
const set = (path: string, value: unknown) => (s: Record<string, any>) => void setPath(s, path, value);
/** Ads on the baseline (valid), then one change. */
const withAds = (path: string, value: unknown) => (s: Record<string, any>) => {
    s.delivery.domain = {
        aliases: ["live.example.com"],
        certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
    };
    s.ads = {
        adDecisionServerUrl: "https://ads.example.com/vast?sid=[session.id]",
        channels: ["main-uhd"],
        cookieDomain: "example.com",
        playerOrigins: ["https://www.example.com"],
    };
    setPath(s, path, value);
};

const CASES: BadCase[] = [
    {
        title: "unsupported contribution protocol",
        change: set("channels[0].contribution.protocol", "rtmp"),
        path: `${P}.channels[0].contribution.protocol`,
        says: `"rtmp" is not supported; use one of srt-listener, srt-caller, rist, rtp-fec`,
    },
    { title: "missing season name", change: set("name", undefined), path: `${P}.name`, says: "is required" },
    { title: "season name with spaces", change: set("name", "RSN 2026"), path: `${P}.name`, says: `"RSN 2026" is not valid; use a lowercase slug` },
    { title: "a single region", change: (s) => s.regions.pop(), path: `${P}.regions`, says: "has 1 regions; at least 2 required" },
    {
        title: "two primary regions",
        change: set("regions[1].role", "primary"),
        path: `${P}.regions`,
        says: "has 2 primary regions; mark exactly one region role: primary",
    },
    {
        title: "unknown region",
        change: set("regions[1].region", "mars-east-1"),
        path: `${P}.regions[1].region`,
        says: `"mars-east-1" is not supported; use one of us-east-1`,
    },
    { title: "the same region twice", change: set("regions[1].region", "us-east-1"), path: `${P}.regions[1].region`, says: `"us-east-1" is listed twice` },
    {
        title: "an availability zone of another region",
        change: set("regions[0].availabilityZones", ["us-east-1a", "us-west-2b"]),
        path: `${P}.regions[0].availabilityZones[1]`,
        says: `"us-west-2b" is not an availability zone of us-east-1`,
    },
    { title: "duplicate channel ids", change: set("channels[1].id", "main-uhd"), path: `${P}.channels`, says: `lists channel id "main-uhd" twice` },
    { title: "channel id with capitals", change: set("channels[0].id", "Main UHD"), path: `${P}.channels[0].id`, says: "is not valid; use a lowercase slug" },
    { title: "unknown ladder", change: set("channels[0].ladder", "4k"), path: `${P}.channels[0].ladder`, says: `"4k" is not supported; use one of uhd, hd` },
    {
        title: "zero-second segments",
        change: set("channels[0].segment.lengthSeconds", 0),
        path: `${P}.channels[0].segment.lengthSeconds`,
        says: "0 is out of range; use 1 to 30 seconds",
    },
    {
        title: "a manifest window under three segments",
        change: set("channels[0].segment", { lengthSeconds: 4, manifestWindowSeconds: 8 }),
        path: `${P}.channels[0].segment.manifestWindowSeconds`,
        says: "holds fewer than three 4-second segments",
    },
    {
        title: "a misspelt key",
        change: (s) => {
            s.channels[0].contribuiton = s.channels[0].contribution;
        },
        path: `${P}.channels[0].contribuiton`,
        says: "is not a known setting (did you mean contribution?); use one of id, name, ladder",
    },
    {
        title: "ingest open to the internet",
        change: set("channels[0].contribution.networks[0].allowedCidr", "0.0.0.0/0"),
        path: `${P}.channels[0].contribution.networks[0].allowedCidr`,
        says: "opens the ingest to most of the internet",
    },
    {
        title: "a malformed CIDR",
        change: set("channels[0].contribution.networks[0].allowedCidr", "203.0.113.300/28"),
        path: `${P}.channels[0].contribution.networks[0].allowedCidr`,
        says: "is not an IPv4 CIDR",
    },
    {
        title: "SRT without encryption",
        change: set("channels[0].contribution.srt", undefined),
        path: `${P}.channels[0].contribution.srt`,
        says: "is required for srt-listener: SRT contribution must be encrypted",
    },
    {
        title: "a passphrase key that is not set",
        change: set("channels[0].contribution.srt.passphraseKey", "missingKey"),
        path: `${P}.channels[0].contribution.srt.passphraseKey`,
        says: "names a config key that is not set in this stack (the name is not repeated here, in case it is the passphrase itself); secret keys set here: mainSrtPassphrase, tokenSigningKey; run `pulumi config set --secret <key> <passphrase>`",
    },
    {
        title: "a passphrase stored in plain text",
        change: set("channels[0].contribution.srt.passphraseKey", "plainKey"),
        plain: { plainKey: "plain-text-passphrase" },
        path: `${P}.channels[0].contribution.srt.passphraseKey`,
        says: 'config key "onair:plainKey" is stored in plain text; store it encrypted',
    },
    {
        title: "a passphrase too short for SRT",
        change: () => undefined,
        secrets: { ...TEST_SECRETS, mainSrtPassphrase: "short" },
        path: `${P}.channels[0].contribution.srt.passphraseKey`,
        says: "has 5 characters; use 10 to 79",
    },
    {
        title: "three contribution networks",
        change: (s) => s.channels[1].contribution.networks.push({ name: "isp-c", allowedCidr: "192.0.2.64/28" }),
        path: `${P}.channels[1].contribution.networks`,
        says: "has 3 networks; at most 2 allowed",
    },
    {
        title: "dual ISP without failover",
        change: set("channels[1].contribution.failover", undefined),
        path: `${P}.channels[1].contribution.failover`,
        says: "is required; set an object with keys mode, recoveryWindowMs",
    },
    {
        title: "2022-7 merge over SRT",
        change: (s) => {
            s.channels[0].contribution.networks.push({ name: "isp-b", allowedCidr: "198.51.100.0/28" });
            s.channels[0].contribution.failover = { mode: "merge" };
        },
        path: `${P}.channels[0].contribution.failover.mode`,
        says: `"merge" (SMPTE 2022-7) needs rtp-fec or rist sources`,
    },
    {
        title: "a recovery window below 100 ms",
        change: set("channels[1].contribution.failover.recoveryWindowMs", 50),
        path: `${P}.channels[1].contribution.failover.recoveryWindowMs`,
        says: "50 is out of range; use 100 to 15000 milliseconds",
    },
    // Settings that would reach nothing downstream are refused with the reason.
    {
        title: "an FEC matrix (read from the FEC packets, never set)",
        change: (s) => {
            s.channels[1].contribution = { protocol: "rtp-fec", networks: [{ name: "venue", allowedCidr: "192.0.2.0/28" }], fec: { columns: 20, rows: 5 } };
        },
        path: `${P}.channels[1].contribution.fec`,
        says: "reaches nothing: MediaConnect and MediaLive read the SMPTE 2022-1 matrix",
    },
    {
        title: "a latency on rtp-fec",
        change: (s) => {
            s.channels[1].contribution = { protocol: "rtp-fec", latencyMs: 500, networks: [{ name: "venue", allowedCidr: "192.0.2.0/28" }] };
        },
        path: `${P}.channels[1].contribution.latencyMs`,
        says: "reaches nothing for rtp-fec",
    },
    {
        title: "an SRT key length on a MediaConnect listener",
        change: set("channels[0].contribution.srt.algorithm", "aes128"),
        path: `${P}.channels[0].contribution.srt.algorithm`,
        says: "reaches nothing on a MediaConnect flow",
    },
    {
        title: "an ingest port on srt-caller",
        change: (s) => {
            s.channels[1].contribution = {
                protocol: "srt-caller",
                ingestPort: 6000,
                networks: [
                    {
                        name: "venue",
                        callerTargets: [
                            { address: "203.0.113.10", port: 7000 },
                            { address: "203.0.113.11", port: 7000 },
                        ],
                    },
                ],
                srt: { passphraseKey: "mainSrtPassphrase" },
            };
        },
        path: `${P}.channels[1].contribution.ingestPort`,
        says: "reaches nothing for srt-caller",
    },
    {
        title: "another port for a direct RTP_PUSH input",
        change: (s) => {
            s.channels[1].contribution = {
                protocol: "rtp-fec",
                via: "medialive",
                ingestPort: 6000,
                networks: [{ name: "venue", allowedCidr: "192.0.2.0/28" }],
            };
        },
        path: `${P}.channels[1].contribution.ingestPort`,
        says: "always listens on port 5000",
    },
    // Requests MediaLive would reject or mis-encode.
    {
        title: "contribution above what a MediaLive input ingests",
        change: set("channels[0].contribution.maxBitrateMbps", 60),
        path: `${P}.channels[0].contribution.maxBitrateMbps`,
        says: "60 Mbps is more than a MediaLive input ingests (50 Mbps, InputSpecification.MaximumBitrate MAX_50_MBPS)",
    },
    {
        title: "two tracks of one language without PIDs",
        change: (s) => {
            s.channels[0].audio = [
                { language: "eng", layout: "stereo", label: "English" },
                { language: "eng", layout: "surround-5.1", label: "English 5.1", pid: 259 },
            ];
        },
        path: `${P}.channels[0].audio[0].pid`,
        says: "is required: 2 tracks are in eng",
    },
    {
        title: "one PID for two audio tracks",
        change: (s) => {
            s.channels[0].audio[1].pid = 258;
        },
        path: `${P}.channels[0].audio`,
        says: 'lists audio PID "258" twice',
    },
    {
        title: "events that leave no hour for the jam sync",
        change: set("channels[0].events", [{ name: "marathon", start: "2026-10-01T00:30:00Z", end: "2026-10-01T23:30:00Z" }]),
        path: `${P}.channels[0].events`,
        says: "leave no whole UTC hour clear for MediaLive's daily jam sync",
    },
    {
        title: "a jam-sync hour inside a game",
        change: set("channels[0].jamSyncHourUtc", 23),
        path: `${P}.channels[0].jamSyncHourUtc`,
        says: "23:00 UTC falls inside an event window",
    },
    {
        title: "a jam-sync hour at a rate MediaLive does not jam-sync",
        change: (s) => {
            s.channels[0].frameRate = "50";
            s.channels[0].jamSyncHourUtc = 9;
        },
        path: `${P}.channels[0].jamSyncHourUtc`,
        says: "applies at 29.97 and 59.94 fps only",
    },
    {
        title: "FEC settings on an SRT channel",
        change: set("channels[0].contribution.fec", { columns: 20, rows: 5 }),
        path: `${P}.channels[0].contribution.fec`,
        says: "applies to rtp-fec only",
    },
    {
        title: "RIST straight into MediaLive",
        change: (s) => {
            s.channels[1].contribution.via = "medialive";
        },
        path: `${P}.channels[1].contribution.via`,
        says: `"medialive" supports rtp-fec (RTP_PUSH input) and srt-caller (SRT_CALLER input) only`,
    },
    {
        title: "SRT latency below the protocol floor",
        change: set("channels[0].contribution.latencyMs", 50),
        path: `${P}.channels[0].contribution.latencyMs`,
        says: "50 is out of range; use 120 to 15000 milliseconds",
    },
    {
        title: "SRT caller without encoder targets",
        change: (s) => {
            s.channels[0].contribution.protocol = "srt-caller";
            s.channels[0].contribution.networks = [{ name: "venue" }];
        },
        path: `${P}.channels[0].contribution.networks[0].callerTargets`,
        says: "is required for srt-caller; set a map of region to [pipeline A, pipeline B] targets",
    },
    {
        title: "an event that ends before it starts",
        change: set("channels[0].events[0].end", "2026-09-05T21:00:00Z"),
        path: `${P}.channels[0].events[0].end`,
        says: "is not after start 2026-09-05T22:00:00Z",
    },
    {
        title: "overlapping event windows",
        change: (s) => s.channels[0].events.push({ name: "late", start: "2026-09-06T00:00:00Z", end: "2026-09-06T03:00:00Z" }),
        path: `${P}.channels[0].events[1].start`,
        says: `windows "opener" and "late" overlap`,
    },
    {
        title: "a date that does not exist",
        change: set("channels[0].events[0].start", "2026-02-30T10:00:00Z"),
        path: `${P}.channels[0].events[0].start`,
        says: "is not a real date",
    },
    {
        title: "a lowercase country code",
        change: set("security.geoAllow", ["usa"]),
        path: `${P}.security.geoAllow[0]`,
        says: `"usa" is not valid; use an ISO-3166 alpha-2 country code`,
    },
    {
        title: "no token signing key",
        change: set("security.tokens.keys", []),
        path: `${P}.security.tokens.keys`,
        says: "has 0 signing keys; at least 1 required",
    },
    {
        title: "a certificate outside us-east-1",
        change: set("delivery.domain", {
            aliases: ["live.example.com"],
            certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
        }),
        path: `${P}.delivery.domain.certificateArn`,
        says: "CloudFront only uses certificates from us-east-1",
    },
    {
        title: "a non-failover status code",
        change: set("delivery.failoverStatusCodes", [418]),
        path: `${P}.delivery.failoverStatusCodes[0]`,
        says: "418 is not a failover code; use 500, 502, 503, 504",
    },
    {
        title: "a single pipeline without a reason",
        change: set("channels[0].singlePipeline", {}),
        path: `${P}.channels[0].singlePipeline.reason`,
        says: "is required",
    },
    {
        title: "a caption channel beyond CEA-608",
        change: set("channels[0].captions[0].channel", 5),
        path: `${P}.channels[0].captions[0].channel`,
        says: "5 is out of range; use 1 to 4",
    },
    {
        title: "ads on a channel that does not exist",
        change: withAds("ads.channels", ["main-uhd", "curling"]),
        path: `${P}.ads.channels[1]`,
        says: `"curling" is not a channel of this season; use one of main-uhd, second-hd`,
    },
    {
        title: "an ad decision server over plain HTTP",
        change: withAds("ads.adDecisionServerUrl", "http://ads.example.com/vast"),
        path: `${P}.ads.adDecisionServerUrl`,
        says: "the ad server's HTTPS VAST/VMAP URL",
    },
    {
        title: "an ad cookie domain that is not a parent of the playback host",
        change: withAds("ads.cookieDomain", "example.org"),
        path: `${P}.ads.cookieDomain`,
        says: `"example.org" is not a parent of the playback host(s) live.example.com; browsers would not send the cookie`,
    },
    { title: "ads without a playback domain", change: withAds("delivery.domain", undefined), path: `${P}.ads.cookieDomain`, says: "needs delivery.domain" },
    {
        title: "an ad player page on another site",
        change: withAds("ads.playerOrigins", ["https://player.example.net"]),
        path: `${P}.ads.playerOrigins[0]`,
        says: "is not under cookieDomain example.com; browsers treat the token cookie as third-party",
    },
    {
        title: "an ad player origin with a path",
        change: withAds("ads.playerOrigins", ["https://www.example.com/watch"]),
        path: `${P}.ads.playerOrigins[0]`,
        says: "a web origin such as https://www.example.com",
    },
    {
        title: "ads whose origin reads the geo rules would block",
        change: (s) => {
            withAds("security.geoAllow", ["CA"])(s);
        },
        path: `${P}.ads`,
        says: "MediaTailor in us-east-1 reads the origin through CloudFront from US addresses, which security.geoAllow blocks; add US",
    },
    {
        title: "an ad retrieval window under 10 seconds",
        change: withAds("ads.prefetch", { retrievalWindowSeconds: 5 }),
        path: `${P}.ads.prefetch.retrievalWindowSeconds`,
        says: "5 is out of range; use 10 to 3600 seconds",
    },
    { title: "a reserved tag key", change: set("tags", { "aws:owner": "x" }), path: `${P}.tags.aws:owner`, says: "is not a valid tag key" },
    // No silent defaults: a key that is present is valid or an error.
    {
        title: "a number given without a value (YAML null)",
        change: set("channels[0].contribution.latencyMs", null),
        path: `${P}.channels[0].contribution.latencyMs`,
        says: "is given without a value (`latencyMs:` with nothing after it is YAML null); set a value, or remove the key to use the default (1000)",
    },
    {
        title: "a switch given without a value",
        change: set("security.waf.blockAnonymousIps", null),
        path: `${P}.security.waf.blockAnonymousIps`,
        says: "is given without a value (`blockAnonymousIps:` with nothing after it is YAML null); set a value, or remove the key to use the default (true)",
    },
    { title: "a section given without a value", change: set("observability", null), path: `${P}.observability`, says: "is given without a value" },
    { title: "a list given without a value", change: set("channels[0].captions", null), path: `${P}.channels[0].captions`, says: "is given without a value" },
    // Validator gaps.
    {
        title: "an empty geoAllow while geo restriction is required",
        change: set("security.geoAllow", []),
        path: `${P}.security.geoAllow`,
        says: "is empty while requireGeoRestriction is true; list the countries your rights cover",
    },
    {
        title: "an allow-list broader than a /16",
        change: set("channels[0].contribution.networks[0].allowedCidr", "10.0.0.0/12"),
        path: `${P}.channels[0].contribution.networks[0].allowedCidr`,
        says: `"10.0.0.0/12" admits 1,048,576 addresses; an ingest allow-list is the venue's own range, /16 (65,536 addresses) at the broadest`,
    },
    {
        title: "an allow-list with host bits set",
        change: set("channels[0].contribution.networks[0].allowedCidr", "203.0.113.5/24"),
        path: `${P}.channels[0].contribution.networks[0].allowedCidr`,
        says: `"203.0.113.5/24" has host bits set: it means 203.0.113.0/24; write 203.0.113.0/24 for the range, or 203.0.113.5/32 for that one address`,
    },
    {
        title: "two networks with one name",
        change: set("channels[1].contribution.networks[1].name", "isp-a"),
        path: `${P}.channels[1].contribution.networks`,
        says: `lists network name "isp-a" twice; each must be unique`,
    },
    {
        title: "one alias twice",
        change: set("delivery.domain", {
            aliases: ["live.example.com", "LIVE.example.com"],
            certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
        }),
        path: `${P}.delivery.domain.aliases`,
        says: `lists alias "live.example.com" twice`,
    },
    {
        title: "one ad channel twice",
        change: withAds("ads.channels", ["main-uhd", "main-uhd"]),
        path: `${P}.ads.channels`,
        says: `lists channel "main-uhd" twice`,
    },
    {
        title: "a misspelt key beside onair:season",
        change: () => undefined,
        plain: { sesaon: "{}" },
        path: "onair:sesaon",
        says: "is not a key OnAir reads (only onair:season, onair:protect and the secret keys the season names); did you mean onair:season?; remove it or correct its name",
    },
    // Never echo a secret.
    {
        title: "a passphrase pasted where its key name goes",
        change: set("channels[0].contribution.srt.passphraseKey", "Tr0ub4dor&3 horse!"),
        path: `${P}.channels[0].contribution.srt.passphraseKey`,
        says: "is not a valid key name (the value is not repeated here, in case it is the passphrase itself)",
        never: "Tr0ub4dor",
    },
    {
        title: "a passphrase that looks like a key name",
        change: set("channels[0].contribution.srt.passphraseKey", "correct-horse-battery-staple-2026"),
        path: `${P}.channels[0].contribution.srt.passphraseKey`,
        says: "names a config key that is not set in this stack (the name is not repeated here",
        never: "correct-horse",
    },
    // One mistake, one message.
    {
        title: "an invalid field of an ad channel",
        change: (s) => {
            withAds("ads.channels", ["main-uhd"])(s);
            s.channels[0].ladder = "4k";
        },
        path: `${P}.channels[0].ladder`,
        says: `"4k" is not supported`,
        notAt: `${P}.ads.channels[0]`,
    },
];

describe("season configuration: invalid stacks are rejected before any resource is registered", function () {
    it(`covers at least 25 distinct bad configurations (${CASES.length})`, () => {
        assert.ok(CASES.length >= 25);
        assert.strictEqual(new Set(CASES.map((c) => c.title)).size, CASES.length);
    });

    for (const c of CASES) {
        it(`rejects ${c.title}`, async () => {
            const season = baselineSeason();
            c.change(season);
            const stack = stackWith(season, c.secrets ?? TEST_SECRETS, Object.fromEntries(Object.entries(c.plain ?? {}).map(([k, v]) => [`onair:${k}`, v])));
            const err = await runProgram({ program: PROGRAM, stack }).then(
                () => assert.fail("the plan should have failed"),
                (e: unknown) => e as ProgramError,
            );
            assert.ok(err instanceof ProgramError, String(err));
            assert.ok(isConfigError(err.original), `expected a ConfigError, got ${String(err.original)}`);
            const lines = err.original.issues.map((i) => `${i.path}: ${i.message}`);
            assert.ok(
                err.original.issues.some((i) => i.path === c.path && i.message.includes(c.says)),
                `expected "${c.path}: ...${c.says}..." in:\n${lines.join("\n")}`,
            );
            if (c.never) assert.ok(!err.original.message.includes(c.never), `the message repeats ${c.never}:\n${err.original.message}`);
            if (c.notAt)
                assert.deepStrictEqual(
                    err.original.issues.filter((i) => i.path === c.notAt),
                    [],
                    `${c.notAt} is reported too`,
                );
            const registered = err.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
            assert.deepStrictEqual(
                registered.map((r) => r.urn),
                [],
                "no resource may be registered",
            );
        });
    }

    it("rejects a season stored as a secure value", async () => {
        const stack = stackWith(baselineSeason());
        stack.secretKeys.push("onair:season");
        const err = await runProgram({ program: PROGRAM, stack }).catch((e: ProgramError) => e);
        assert.ok(err instanceof ProgramError && isConfigError(err.original));
        assert.match(err.original.message, /onair:season: holds a secure value/);
    });

    it("rejects a stack without onair:season", async () => {
        const stack = stackWith(baselineSeason());
        delete stack.config["onair:season"];
        const err = await runProgram({ program: PROGRAM, stack }).catch((e: ProgramError) => e);
        assert.ok(err instanceof ProgramError && isConfigError(err.original));
        assert.match(err.original.message, /onair:season: is not set; add an onair:season object/);
    });
});
