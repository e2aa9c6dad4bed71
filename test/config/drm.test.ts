import * as assert from "assert";
import { ConfigError, isConfigError } from "../../components/config/errors";
import { validateSeason } from "../../components/config/season";
import { ProgramError, runProgram } from "../../plan/run";
import { PROGRAM, stackWith } from "../helpers/plan";
import { baselineSeason, secretLookup, setPath } from "../helpers/season";

const P = "onair:season.channels[0].drm";
// An API Gateway REST endpoint per region, the form SpekeKeyProvider.Url documents
// (https://<api-id>.execute-api.<region>.amazonaws.com/<stage>/<path>).
const URLS = {
    "us-east-1": "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/speke/v2",
    "us-west-2": "https://f6g7h8i9j0.execute-api.us-west-2.amazonaws.com/speke/v2",
};

/** The baseline with DRM on its UHD channel (valid), then one change. */
function drmSeason(change: (s: Record<string, any>) => void = () => undefined): Record<string, any> {
    const s = baselineSeason();
    s.channels[0].premium = true;
    s.channels[0].drm = { systems: ["widevine", "playready", "fairplay"], keyProvider: { urls: { ...URLS } } };
    change(s);
    return s;
}

function issues(season: Record<string, any>): string[] {
    try {
        validateSeason(season, secretLookup());
    } catch (e) {
        if (isConfigError(e)) return (e as ConfigError).issues.map((i) => `${i.path}: ${i.message}`);
        throw e;
    }
    return [];
}

const set = (path: string, value: unknown) => (s: Record<string, any>) => void setPath(s, path, value);

interface BadCase {
    title: string;
    change: (s: Record<string, any>) => void;
    path: string;
    says: string;
}

const CASES: BadCase[] = [
    // "Container and DRM system support with SPEKE": FairPlay decrypts CMAF in cbcs only.
    {
        title: "FairPlay with cenc",
        change: set("channels[0].drm.method", "cenc"),
        path: `${P}.systems[2]`,
        says: `"fairplay" cannot decrypt cenc on CMAF (it supports cbcs); set drm.method: cbcs or drop fairplay`,
    },
    // ...and Irdeto cenc only.
    {
        title: "Irdeto with cbcs",
        change: set("channels[0].drm.systems", ["widevine", "irdeto"]),
        path: `${P}.systems[1]`,
        says: `"irdeto" cannot decrypt cbcs on CMAF (it supports cenc); set drm.method: cenc or drop irdeto`,
    },
    // ...and ClearKey AES-128 is a TS-only system.
    {
        title: "ClearKey on a CMAF endpoint",
        change: set("channels[0].drm.systems", ["clear-key-aes-128"]),
        path: `${P}.systems[0]`,
        says: `works only with TS endpoints (AES-128); OnAir packages each channel as one CMAF endpoint`,
    },
    {
        title: "an unknown DRM system",
        change: set("channels[0].drm.systems", ["widevine", "primetime"]),
        path: `${P}.systems[1]`,
        says: `"primetime" is not supported; use one of widevine, playready, fairplay, irdeto, clear-key-aes-128`,
    },
    {
        title: "a system listed twice",
        change: set("channels[0].drm.systems", ["widevine", "widevine"]),
        path: `${P}.systems[1]`,
        says: `"widevine" is listed twice`,
    },
    // SpekeKeyProvider.DrmSystems: 1-4 items.
    {
        title: "five systems",
        change: set("channels[0].drm.systems", ["widevine", "playready", "fairplay", "widevine", "playready"]),
        path: `${P}.systems`,
        says: "has 5 DRM systems; at most 4 allowed",
    },
    { title: "no systems", change: set("channels[0].drm.systems", []), path: `${P}.systems`, says: "has 0 DRM systems; at least 1 required" },
    {
        title: "an unknown scheme",
        change: set("channels[0].drm.method", "aes-128"),
        path: `${P}.method`,
        says: `"aes-128" is not supported; use one of cbcs, cenc`,
    },
    { title: "a premium channel without drm", change: set("channels[0].drm", undefined), path: P, says: "is required: the channel is premium (premium: true)" },
    {
        title: "a premium channel with clear video",
        change: set("channels[0].drm.presets", { video: "UNENCRYPTED", audio: "PRESET_AUDIO_1" }),
        path: `${P}.presets.video`,
        says: "is UNENCRYPTED on a premium channel",
    },
    // "SPEKE Version 2.0 presets": SHARED with SHARED only; never UNENCRYPTED with UNENCRYPTED.
    {
        title: "SHARED video with per-track audio keys",
        change: set("channels[0].drm.presets", { video: "SHARED", audio: "PRESET_AUDIO_2" }),
        path: `${P}.presets.audio`,
        says: "must also be SHARED",
    },
    {
        title: "nothing encrypted",
        change: (s) => {
            s.channels[0].premium = false;
            s.channels[0].drm.presets = { video: "UNENCRYPTED", audio: "UNENCRYPTED" };
        },
        path: `${P}.presets.video`,
        says: "and audio are both UNENCRYPTED, which encrypts nothing",
    },
    {
        title: "an unknown video preset",
        change: set("channels[0].drm.presets.video", "PRESET_VIDEO_9"),
        path: `${P}.presets.video`,
        says: `"PRESET_VIDEO_9" is not supported`,
    },
    // KeyRotationIntervalSeconds: 300 to 31,536,000.
    {
        title: "keys rotating every two minutes",
        change: set("channels[0].drm.keyRotationSeconds", 120),
        path: `${P}.keyRotationSeconds`,
        says: "120 is below MediaPackage's minimum key rotation interval; use 0 (keys never rotate) or 300 to 31536000 seconds",
    },
    {
        title: "a rotation over a year",
        change: set("channels[0].drm.keyRotationSeconds", 31_536_001),
        path: `${P}.keyRotationSeconds`,
        says: "31536001 is out of range; use 0 to 31536000 seconds",
    },
    // SpekeKeyProvider.Url "must start with https://".
    {
        title: "a key provider over plain HTTP",
        change: set("channels[0].drm.keyProvider.urls.us-east-1", "http://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/speke/v2"),
        path: `${P}.keyProvider.urls.us-east-1`,
        says: "is not HTTPS; MediaPackage only calls key providers over https://",
    },
    {
        title: "a key provider URL that is not a URL",
        change: set("channels[0].drm.keyProvider.urls.us-east-1", "https://"),
        path: `${P}.keyProvider.urls.us-east-1`,
        says: "is not a URL",
    },
    // "The API Gateway proxy must reside in the same AWS Region as MediaPackage".
    {
        title: "a key provider in the other region",
        change: set("channels[0].drm.keyProvider.urls.us-west-2", URLS["us-east-1"]),
        path: `${P}.keyProvider.urls.us-west-2`,
        says: "is an API Gateway endpoint in us-east-1; MediaPackage in us-west-2 needs a key provider endpoint in us-west-2",
    },
    {
        title: "no key provider for a region",
        change: set("channels[0].drm.keyProvider.urls.us-west-2", undefined),
        path: `${P}.keyProvider.urls`,
        says: "has no key provider URL for us-west-2",
    },
    {
        title: "a key provider for a region the season does not run in",
        change: set("channels[0].drm.keyProvider.urls.eu-west-1", "https://k1l2m3n4o5.execute-api.eu-west-1.amazonaws.com/speke/v2"),
        path: `${P}.keyProvider.urls.eu-west-1`,
        says: "is not a region of this season; use us-east-1, us-west-2",
    },
    {
        title: "key requests through the viewer CDN",
        change: set("channels[0].drm.keyProvider.urls.us-east-1", "https://d111111abcdef8.cloudfront.net/speke"),
        path: `${P}.keyProvider.urls.us-east-1`,
        says: "goes through the viewer CDN",
    },
    {
        title: "key requests through a client-routing playback host",
        change: (s) => {
            s.delivery.domain = {
                aliases: ["live.example.com"],
                certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
            };
            s.delivery.clientRouting = { domain: "cdn.example.com" };
            s.channels[0].drm.keyProvider.urls["us-east-1"] = "https://abacaqdaaaaaaaamaaaaaaaaaaaaa.cdn.example.com/speke";
        },
        path: `${P}.keyProvider.urls.us-east-1`,
        says: "goes through the viewer CDN",
    },
    {
        title: "key requests through the playback alias",
        change: (s) => {
            s.delivery.domain = {
                aliases: ["Live.Example.com"],
                certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/6f1c2a4e-0d7b-4c55-9a0e-5b2f9c8d1e3a",
            };
            s.channels[0].drm.keyProvider.urls["us-west-2"] = "https://live.example.com/speke";
        },
        path: `${P}.keyProvider.urls.us-west-2`,
        says: "goes through the viewer CDN",
    },
    {
        title: "a vendor URL without the vendor's role",
        change: set("channels[0].drm.keyProvider.urls.us-east-1", "https://speke.drm-vendor.example/v2/us-east-1"),
        path: `${P}.keyProvider.roleArn`,
        says: 'is required: "https://speke.drm-vendor.example/v2/us-east-1" (us-east-1) is not an API Gateway URL',
    },
    {
        title: "a malformed role ARN",
        change: set("channels[0].drm.keyProvider.roleArn", "arn:aws:iam::4444:role/SpekeAccess"),
        path: `${P}.keyProvider.roleArn`,
        says: "is not valid; use an IAM role ARN such as arn:aws:iam::444455556666:role/SpekeAccess",
    },
    {
        title: "a user ARN as the role",
        change: set("channels[0].drm.keyProvider.roleArn", "arn:aws:iam::444455556666:user/speke"),
        path: `${P}.keyProvider.roleArn`,
        says: "is not valid; use an IAM role ARN",
    },
    // SpekeKeyProvider.ResourceId: ^[0-9a-zA-Z_-]+$, 1-256.
    {
        title: "a content id with a slash",
        change: set("channels[0].drm.resourceId", "football/uhd"),
        path: `${P}.resourceId`,
        says: "is not valid; use 1-256 letters, digits, _ and - (the SPEKE content id)",
    },
    {
        title: "two channels with one content id",
        change: (s) => {
            s.channels[1].drm = { systems: ["widevine"], resourceId: "test-season-main-uhd", keyProvider: { urls: { ...URLS } } };
        },
        path: "onair:season.channels[1].drm.resourceId",
        says: `"test-season-main-uhd" is also the content id of channel main-uhd; one licence would unlock both`,
    },
    {
        title: "a misspelt drm key",
        change: (s) => {
            s.channels[0].drm.keyRotation = 600;
        },
        path: `${P}.keyRotation`,
        says: "is not a known setting (did you mean keyRotationSeconds?); use one of systems, method, resourceId, presets, keyRotationSeconds, keyProvider",
    },
    {
        title: "premium that is not a boolean",
        change: set("channels[0].premium", "yes"),
        path: "onair:season.channels[0].premium",
        says: `"yes" is not a boolean`,
    },
];

describe("drm configuration: the validator", () => {
    it("accepts the baseline DRM channel and applies every default", () => {
        assert.deepStrictEqual(issues(drmSeason()), []);
        const ch = validateSeason(drmSeason(), secretLookup()).channels[0]!;
        assert.strictEqual(ch.premium, true);
        assert.deepStrictEqual(ch.drm, {
            systems: ["widevine", "playready", "fairplay"],
            method: "cbcs",
            // <season>-<channel>: distinct per season, so the rehearsal's keys never unlock prod.
            resourceId: "test-season-main-uhd",
            presets: { video: "PRESET_VIDEO_3", audio: "PRESET_AUDIO_1" },
            keyRotationSeconds: 3600,
            keyProvider: { urls: URLS },
        });
    });

    it("leaves channels without drm unencrypted and not premium", () => {
        const ch = validateSeason(drmSeason(), secretLookup()).channels[1]!;
        assert.strictEqual(ch.premium, false);
        assert.strictEqual(ch.drm, undefined);
    });

    it("accepts cenc for systems that decrypt it, no rotation, a vendor URL with the vendor's role, and SHARED keys", () => {
        const season = drmSeason((s) => {
            s.channels[0].drm = {
                systems: ["widevine", "playready", "irdeto"],
                method: "cenc",
                resourceId: "Football_UHD-2026",
                presets: { video: "SHARED", audio: "SHARED" },
                keyRotationSeconds: 0,
                keyProvider: {
                    urls: { "us-east-1": "https://speke.drm-vendor.example/v2/use1", "us-west-2": "https://speke.drm-vendor.example/v2/usw2" },
                    roleArn: "arn:aws:iam::444455556666:role/drm-vendor/SpekeAccess",
                },
            };
        });
        assert.deepStrictEqual(issues(season), []);
        const drm = validateSeason(season, secretLookup()).channels[0]!.drm!;
        assert.strictEqual(drm.resourceId, "Football_UHD-2026");
        assert.strictEqual(drm.keyRotationSeconds, 0);
        assert.strictEqual(drm.keyProvider.roleArn, "arn:aws:iam::444455556666:role/drm-vendor/SpekeAccess");
    });

    it("accepts a non-premium channel that leaves its audio in the clear", () => {
        assert.deepStrictEqual(
            issues(
                drmSeason((s) => {
                    s.channels[0].premium = false;
                    s.channels[0].drm.presets = { video: "PRESET_VIDEO_1", audio: "UNENCRYPTED" };
                }),
            ),
            [],
        );
    });

    for (const c of CASES) {
        it(`rejects ${c.title}, naming ${c.path.replace("onair:season.", "")}`, () => {
            const found = issues(drmSeason(c.change));
            assert.ok(
                found.some((line) => line.startsWith(`${c.path}: `) && line.includes(c.says)),
                `expected "${c.path}: ...${c.says}..." in:\n${found.join("\n")}`,
            );
        });
    }

    it("refuses a bad DRM setting before any resource is registered", async () => {
        for (const change of [set("channels[0].drm", undefined), set("channels[0].drm.method", "cenc")]) {
            const err = await runProgram({ program: PROGRAM, stack: stackWith(drmSeason(change)) }).then(
                () => assert.fail("the plan should have failed"),
                (e: unknown) => e as ProgramError,
            );
            assert.ok(err instanceof ProgramError && isConfigError(err.original), String(err));
            assert.deepStrictEqual(
                err.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => r.urn),
                [],
            );
        }
    });
});
