/** Schema of `schedule`, `costRates`, `operations` and `qoe`: when channels run and what game day watches. */
import { DEFAULT_ACCOUNT_LAMBDA_CONCURRENCY } from "../../observability/qoe/sizing";
import { bool, int, number, object, string } from "./nodes";

export const SCHEDULE = object(
    {
        // An hour covers a MediaLive start (a few minutes) and the line-up checks with the venue.
        leadMinutes: int({ min: 5, max: 360, default: 60, unit: "minutes", doc: "channels start this long before each game" }),
        tailMinutes: int({ min: 0, max: 360, default: 30, unit: "minutes", doc: "and stop this long after it (overtime, post-game)" }),
    },
    { optional: true, doc: "when channels start and stop around their event windows" },
);

const rate = (doc: string) => number({ min: 0, max: 10000, what: "a rate", doc });

export const COST_RATES = object(
    {
        currency: string({ default: "USD", pattern: /^[A-Z]{3}$/, hint: "an ISO 4217 code such as USD", doc: "currency of the rates" }),
        medialivePipelineHour: object(
            {
                uhd: rate("per UHD pipeline-hour"),
                hd: rate("per HD pipeline-hour"),
            },
            { doc: "encoding, per pipeline-hour by ladder" },
        ),
        mediaconnectFlowHour: rate("contribution, per flow-hour"),
        mediapackageIngestPerGb: rate("packaging, per ingested GB"),
    },
    { doc: 'your planning rates for the cost estimate (see "Season operations"); not fetched from AWS' },
);

export const OPERATIONS = object(
    {
        hold: object(
            {
                // Two hours past end + tail covers multiple overtimes and a rain delay at the finish; beyond
                // that an operator stops the channel by hand.
                maxOverrunMinutes: int({
                    min: 5,
                    max: 720,
                    default: 120,
                    unit: "minutes",
                    typeDoc: "5-720, a multiple of `recheckMinutes`",
                    doc: "the longest a hold keeps a channel past its scheduled stop",
                }),
                // Five minutes: a released hold stops the channel within five minutes, in few state transitions.
                recheckMinutes: int({ min: 1, max: 60, default: 5, unit: "minutes", doc: "how often a waiting stop re-reads the hold" }),
                whileInputLive: bool({
                    default: false,
                    doc: "also keep running, without a hold, while the channel's input-lost alarm is OK (off: venues often keep sending after the game)",
                }),
            },
            { optional: true, doc: "the overtime hold on scheduled stops ([ADR 013](docs/adr/013-overtime-hold.md))" },
        ),
    },
    { optional: true, doc: "game-day operations" },
);

export const QOE = object(
    {
        // New accounts may start below the default (Lambda quotas: "reduced concurrency"); tens of thousands on request.
        accountLambdaConcurrency: int({
            min: 1,
            max: 1_000_000,
            default: DEFAULT_ACCOUNT_LAMBDA_CONCURRENCY,
            unit: "concurrent executions",
            doc: "the account's Lambda concurrent executions in us-east-1 (Service Quotas `L-B99A9384`); a QoE consumer needing more at the peak is refused. `qoe.expectedPeakViewers` was removed: the consumer follows `delivery.audience.peakViewers`",
        }),
        alarms: object(
            {
                // 1% of segment requests starving is already one visible stall per viewer every few minutes.
                rebufferingPercent: int({
                    min: 1,
                    max: 100,
                    default: 1,
                    unit: "percent",
                    doc: "alarm when more than this share of a channel's media requests report buffer starvation (CMCD `bs`)",
                }),
                errorRatePercent: int({
                    min: 1,
                    max: 100,
                    default: 2,
                    unit: "percent",
                    doc: "alarm when more than this share of a channel's requests fail (5xx, 404, 410)",
                }),
                minRequestsPerMinute: int({
                    min: 1,
                    max: 1_000_000,
                    default: 300,
                    unit: "requests",
                    doc: "below this many requests a minute (estimated from the log sample) a channel's ratios are too noisy to alarm on",
                }),
            },
            { optional: true, doc: "per-channel viewer-side alarms" },
        ),
    },
    { optional: true, doc: "real-time quality of experience: log consumer sizing and alarm thresholds ([ADR 014](docs/adr/014-qoe-pipeline.md))" },
);
