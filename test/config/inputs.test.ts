import * as assert from "assert";
import { placeSwitches } from "../../components/config/inputSwitches";
import { validateSeason } from "../../components/config/season";
import { baselineSeason, configIssues, secretLookup, setPath } from "../helpers/season";

const P = "onair:season.channels[0]";
const STUDIO = { name: "studio", role: "studio", type: "rtp-push", allowedCidr: "198.51.100.32/28" };
const PREGAME = [
    { input: "studio", minutesFromStart: -60 },
    { input: "contribution", minutesFromStart: 0 },
];
const flows = (name: string) => ({
    "us-east-1": [`arn:aws:mediaconnect:us-east-1:123456789012:flow:1-aaaa:${name}-a`, `arn:aws:mediaconnect:us-east-1:123456789012:flow:1-bbbb:${name}-b`],
    "us-west-2": [`arn:aws:mediaconnect:us-west-2:123456789012:flow:1-cccc:${name}-a`, `arn:aws:mediaconnect:us-west-2:123456789012:flow:1-dddd:${name}-b`],
});

/** The baseline with channel 0 (SRT via MediaConnect, opener 22:00-01:00 UTC) changed by `change`. */
function season(change: (ch: Record<string, any>) => void): Record<string, any> {
    const s = baselineSeason();
    change(s.channels[0]);
    return s;
}

function rejects(raw: Record<string, any>, path: string, says: RegExp): void {
    const found = configIssues(raw);
    assert.ok(
        found.some((i) => i.path === path && says.test(i.message)),
        `expected ${path} ~ ${says}, got:\n${found.map((i) => `${i.path}: ${i.message}`).join("\n")}`,
    );
}

describe("season configuration: extra inputs and input switches", () => {
    it("accepts a studio pregame: an rtp-push studio input, switched to from the channel's start and back to the venue at kick-off", () => {
        const s = validateSeason(
            season((ch) => Object.assign(ch, { extraInputs: [STUDIO], inputSwitches: PREGAME })),
            secretLookup(),
        );
        const ch = s.channels[0]!;
        assert.deepStrictEqual(ch.extraInputs, [{ name: "studio", role: "studio", type: "rtp-push", allowedCidr: "198.51.100.32/28" }]);
        assert.deepStrictEqual(ch.inputSwitches, [
            { input: "studio", from: "start", minutes: -60 },
            { input: "contribution", from: "start", minutes: 0 },
        ]);
        assert.deepStrictEqual(
            placeSwitches(ch.events, ch.inputSwitches).map((p) => [p.input, new Date(p.atMs).toISOString()]),
            [
                ["studio", "2026-09-05T21:00:00.000Z"],
                ["contribution", "2026-09-05T22:00:00.000Z"],
            ],
        );
        assert.deepStrictEqual(s.channels[1]!.extraInputs, [], "no extra inputs by default");
        assert.deepStrictEqual(s.channels[1]!.inputSwitches, []);
    });

    it("accepts a MediaConnect backup of a MediaConnect venue feed, with the failover defaults", () => {
        const s = validateSeason(
            season((ch) => (ch.extraInputs = [{ name: "backup", role: "backup", type: "mediaconnect", flowArns: flows("backup") }])),
            secretLookup(),
        );
        // ErrorClearTimeMsec 30 s: "When the unhealthy input is healthy again for more than 30 seconds, it is marked as healthy" (User Guide, automatic input failover, "Starting the channel").
        assert.deepStrictEqual(s.channels[0]!.extraInputs[0]!.failover, { preference: "primary", inputLossMs: 1000, errorClearMs: 30000 });
    });

    // Inputs MediaLive cannot pair or attach together (User Guide, "AWS Elemental MediaLive feature
    // rules and limits"; "Push and pull AWS Cloud inputs"; "Setting up automatic input failover ...").
    it("refuses a backup of another type than the venue's (a failover pair is two inputs of one type)", () => {
        rejects(
            season((ch) => (ch.extraInputs = [{ name: "backup", role: "backup", type: "rtp-push", allowedCidr: "198.51.100.32/28" }])),
            `${P}.extraInputs[0].type`,
            /is rtp-push \(RTP_PUSH\) but the venue feed is a MEDIACONNECT input; both inputs of an automatic input failover pair must be of the same type, so use type: mediaconnect/,
        );
    });

    it("refuses a backup of an SRT caller venue feed (a pull input: MediaLive pairs only push inputs)", () => {
        const raw = season((ch) => {
            ch.contribution = {
                protocol: "srt-caller",
                via: "medialive",
                networks: [
                    {
                        name: "studio-isp",
                        callerTargets: {
                            "us-east-1": [
                                { address: "203.0.113.40", port: 7000 },
                                { address: "203.0.113.41", port: 7000 },
                            ],
                            "us-west-2": [
                                { address: "203.0.113.40", port: 7001 },
                                { address: "203.0.113.41", port: 7001 },
                            ],
                        },
                    },
                ],
                srt: { passphraseKey: "mainSrtPassphrase" },
            };
            ch.extraInputs = [{ name: "backup", role: "backup", type: "rtp-push", allowedCidr: "198.51.100.32/28" }];
        });
        rejects(raw, `${P}.extraInputs[0].role`, /SRT caller input, a pull input, and MediaLive pairs only push inputs/);
    });

    it("refuses a third push input, and a studio push input beside a failover pair", () => {
        rejects(
            season((ch) => (ch.extraInputs = [STUDIO, { ...STUDIO, name: "studio-2" }])),
            `${P}.extraInputs[1].type`,
            /would be push input number 3 \(rtp-push\): MediaLive attaches at most 2 push inputs to a channel and the venue's MEDIACONNECT input is one of them/,
        );
        rejects(
            season((ch) => (ch.extraInputs = [{ name: "backup", role: "backup", type: "mediaconnect", flowArns: flows("backup") }, STUDIO])),
            `${P}.extraInputs[1].type`,
            /the venue feed and its backup are an automatic input failover pair, which uses up both push inputs/,
        );
    });

    it("refuses two backups, an HLS input (it stops epoch locking) and failover settings on a studio input", () => {
        const backup = { name: "backup", role: "backup", type: "mediaconnect", flowArns: flows("backup") };
        rejects(
            season((ch) => (ch.extraInputs = [backup, { ...backup, name: "backup-2" }])),
            `${P}.extraInputs[1].role`,
            /makes a second backup/,
        );
        rejects(
            season((ch) => (ch.extraInputs = [{ name: "studio", role: "studio", type: "hls-pull" }])),
            `${P}.extraInputs[0].type`,
            /an HLS input stops MediaLive's epoch locking for the whole channel/,
        );
        rejects(
            season((ch) => (ch.extraInputs = [{ ...STUDIO, failover: { inputLossMs: 500 } }])),
            `${P}.extraInputs[0].failover`,
            /applies to role: backup only/,
        );
    });

    it("checks names, allow-lists, flow ARNs and failover thresholds with their key paths", () => {
        rejects(
            season((ch) => (ch.extraInputs = [{ ...STUDIO, name: "contribution" }])),
            `${P}.extraInputs[0].name`,
            /names the venue feed/,
        );
        rejects(
            season((ch) => (ch.extraInputs = [{ ...STUDIO, allowedCidr: "0.0.0.0/0" }])),
            `${P}.extraInputs[0].allowedCidr`,
            /opens the ingest to most of the internet/,
        );
        rejects(
            season(
                (ch) =>
                    (ch.extraInputs = [
                        {
                            name: "backup",
                            role: "backup",
                            type: "mediaconnect",
                            flowArns: { ...flows("b"), "us-west-2": [flows("b")["us-east-1"][0], flows("b")["us-west-2"][1]] },
                        },
                    ]),
            ),
            `${P}.extraInputs[0].flowArns.us-west-2[0]`,
            /is a flow in us-east-1; a MediaLive input reads flows of its own region \(us-west-2\)/,
        );
        rejects(
            season((ch) => (ch.extraInputs = [{ name: "backup", role: "backup", type: "mediaconnect", flowArns: { "us-east-1": flows("b")["us-east-1"] } }])),
            `${P}.extraInputs[0].flowArns`,
            /has no flows for us-west-2/,
        );
        rejects(
            season(
                (ch) =>
                    (ch.extraInputs = [
                        { name: "backup", role: "backup", type: "mediaconnect", flowArns: { ...flows("b"), "us-east-1": flows("b")["us-east-1"].slice(0, 1) } },
                    ]),
            ),
            `${P}.extraInputs[0].flowArns.us-east-1`,
            /has 1 flows \(pipeline A and pipeline B\); at least 2 required/,
        );
        // InputLossThresholdMsec is __integerMin100 in the API model.
        rejects(
            season((ch) => (ch.extraInputs = [{ name: "backup", role: "backup", type: "mediaconnect", flowArns: flows("b"), failover: { inputLossMs: 50 } }])),
            `${P}.extraInputs[0].failover.inputLossMs`,
            /50 is out of range; use 100 to 60000 milliseconds/,
        );
    });

    it("refuses switches to unknown inputs, to a backup without equal preference, and switches with nothing to switch to", () => {
        rejects(
            season((ch) => Object.assign(ch, { extraInputs: [STUDIO], inputSwitches: [{ input: "studoi", minutesFromStart: -30 }] })),
            `${P}.inputSwitches[0].input`,
            /"studoi" is not an input of this channel; use contribution, studio/,
        );
        rejects(
            season((ch) => (ch.inputSwitches = [{ input: "contribution", minutesFromStart: 0 }])),
            `${P}.inputSwitches`,
            /the channel has only its venue feed; add the studio or backup feed under extraInputs/,
        );
        const backup = { name: "backup", role: "backup", type: "mediaconnect", flowArns: flows("b") };
        rejects(
            season((ch) => Object.assign(ch, { extraInputs: [backup], inputSwitches: [{ input: "backup", minutesFromStart: -10 }] })),
            `${P}.inputSwitches[0].input`,
            /MediaLive switches within a failover pair only with failover.preference: equal/,
        );
        assert.deepStrictEqual(
            configIssues(
                season((ch) =>
                    Object.assign(ch, {
                        extraInputs: [{ ...backup, failover: { preference: "equal" } }],
                        inputSwitches: [
                            { input: "backup", minutesFromStart: -10 },
                            { input: "contribution", minutesFromStart: 0 },
                        ],
                    }),
                ),
            ),
            [],
        );
        rejects(
            season((ch) => Object.assign(ch, { extraInputs: [STUDIO], inputSwitches: [{ input: "studio", minutesFromStart: -30, minutesFromEnd: 0 }] })),
            `${P}.inputSwitches[0]`,
            /needs exactly one of minutesFromStart or minutesFromEnd/,
        );
    });

    it("refuses a switch outside a game's window (before the lead, after the tail), naming the event", () => {
        rejects(
            season((ch) => Object.assign(ch, { extraInputs: [STUDIO], inputSwitches: [{ input: "studio", minutesFromStart: -90 }] })),
            `${P}.inputSwitches[0].minutesFromStart`,
            /puts the switch to studio at 2026-09-05T20:30:00Z, before the channel starts for "opener" \(2026-09-05T21:00:00Z, schedule.leadMinutes 60 before the start\).*use minutesFromStart: -60 or later/,
        );
        rejects(
            season((ch) => Object.assign(ch, { extraInputs: [STUDIO], inputSwitches: [{ input: "studio", minutesFromEnd: 30 }] })),
            `${P}.inputSwitches[0].minutesFromEnd`,
            /at 2026-09-06T01:30:00Z, when the channel has stopped after "opener" \(2026-09-06T01:30:00Z/,
        );
        assert.deepStrictEqual(
            configIssues(season((ch) => Object.assign(ch, { extraInputs: [STUDIO], inputSwitches: [{ input: "studio", minutesFromEnd: 29 }] }))),
            [],
            "inside the 30-minute tail",
        );
        const longer = setPath(
            season((ch) => Object.assign(ch, { extraInputs: [STUDIO], inputSwitches: [{ input: "studio", minutesFromStart: -90 }] })),
            "schedule",
            { leadMinutes: 90 },
        );
        assert.deepStrictEqual(configIssues(longer), [], "a longer lead makes room for it");
    });

    it("refuses two switches at one instant and two in a row to one input, in any event", () => {
        rejects(
            season((ch) =>
                Object.assign(ch, {
                    extraInputs: [STUDIO],
                    inputSwitches: [
                        { input: "studio", minutesFromStart: 180 },
                        { input: "contribution", minutesFromEnd: 0 },
                    ],
                }),
            ),
            `${P}.inputSwitches[1].input`,
            /switches at 2026-09-06T01:00:00Z for "opener", the same instant as inputSwitches\[0\]/,
        );
        rejects(
            season((ch) =>
                Object.assign(ch, {
                    extraInputs: [STUDIO],
                    inputSwitches: [
                        { input: "studio", minutesFromStart: -60 },
                        { input: "studio", minutesFromStart: -30 },
                    ],
                }),
            ),
            `${P}.inputSwitches[1].input`,
            /switches to studio again right after inputSwitches\[0\] did/,
        );
    });
});
