import { Cursor } from "./cursor";
import { allowListProblem } from "./network";
import { CHANNEL, EXTRA_INPUT, INPUT_FAILOVER } from "./schema/channel";
import { Agree, Parsed } from "./schema/nodes";
import { keysOf, readNode, readObject } from "./schema/read";
import { ContributionConfig } from "./types";
import { EXTRA_INPUT_ROLES, EXTRA_INPUT_TYPES, FAILOVER_PREFERENCES, MAX_INPUTS } from "./enums";
import type { ExtraInputRole, ExtraInputType, FailoverPreference } from "./enums";

export { EXTRA_INPUT_ROLES, EXTRA_INPUT_TYPES, FAILOVER_PREFERENCES };
export type { ExtraInputRole, ExtraInputType, FailoverPreference };

/**
 * A channel's inputs beside the venue contribution (`channels[].extraInputs`): a studio feed the
 * schedule switches to (pregame, halftime, post-game), or a backup of the venue feed that MediaLive
 * fails over to on its own (automatic input failover). The rules cite the MediaLive User Guide.
 */

/** The attachment name of the venue feed (`channels[].contribution`), as MediaLive shows it. */
export const CONTRIBUTION_ATTACHMENT = "contribution";

/** Automatic input failover settings of a backup (AutomaticInputFailoverSettings on the venue's attachment). */
export interface InputFailoverConfig {
    /** PRIMARY_INPUT_PREFERRED (back to the venue once it is healthy) or EQUAL_INPUT_PREFERENCE. */
    preference: FailoverPreference;
    /** InputLossSettings.InputLossThresholdMsec. */
    inputLossMs: number;
    /** ErrorClearTimeMsec: how long a recovered input must stay clean to count as healthy. */
    errorClearMs: number;
    /** VideoBlackSettings.VideoBlackThresholdMsec, when black video should also fail over. */
    videoBlackMs?: number;
    /** AudioSilenceSettings.AudioSilenceThresholdMsec (on the first audio track's selector). */
    audioSilenceMs?: number;
}

export interface ExtraInputConfig {
    /** Slug; the MediaLive input attachment name the schedule switches to. */
    name: string;
    role: ExtraInputRole;
    type: ExtraInputType;
    /** rtp-push: the sender's public range, the only addresses allowed to push. */
    allowedCidr?: string;
    /** mediaconnect: per region, the flow of pipeline A then B (flows you run; OnAir only attaches them). */
    flowArns?: Record<string, string[]>;
    /** backup only. */
    failover?: InputFailoverConfig;
}

const REGION_KEY = /^[a-z]{2}(-[a-z]+)+-\d$/;
const FLOW_ARN = /^arn:aws:mediaconnect:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):flow:[^:\s]+:[^:\s]+$/;

/**
 * MediaLive input categories (User Guide, "Push and pull AWS Cloud inputs"): MediaConnect and RTP
 * are push inputs, an SRT caller input is a pull input.
 */
export type MediaLiveInputType = "MEDIACONNECT" | "RTP_PUSH" | "SRT_CALLER";

export function venueInputType(c: ContributionConfig): MediaLiveInputType {
    if (c.via === "mediaconnect") return "MEDIACONNECT";
    return c.protocol === "srt-caller" ? "SRT_CALLER" : "RTP_PUSH";
}

export function extraInputType(x: ExtraInputConfig): MediaLiveInputType {
    return x.type === "mediaconnect" ? "MEDIACONNECT" : "RTP_PUSH";
}

const PUSH: readonly MediaLiveInputType[] = ["MEDIACONNECT", "RTP_PUSH"];

export function isPush(t: MediaLiveInputType): boolean {
    return PUSH.includes(t);
}

/**
 * "You can attach 0 to 2 push inputs to a channel", and up to 20 inputs in all (User Guide,
 * "AWS Elemental MediaLive feature rules and limits", Input number, push inputs / pull inputs).
 */
export const MAX_PUSH_INPUTS = 2;
export { MAX_INPUTS };

/** Default ErrorClearTimeMsec: a recovered input counts as healthy after 30 s clean (User Guide, "Starting the channel", failback). */
export const DEFAULT_ERROR_CLEAR_MS = INPUT_FAILOVER.fields.errorClearMs.default;
/** Default input-loss threshold: one second without content, well past a burst of lost packets. */
export const DEFAULT_INPUT_LOSS_MS = INPUT_FAILOVER.fields.inputLossMs.default;

export function readExtraInputs(c: Cursor, venue: ContributionConfig | undefined, pipelines: number): ExtraInputConfig[] {
    const inputs = c.list((x) => readExtraInput(x, pipelines), CHANNEL.fields.extraInputs);
    const raw = Array.isArray(c.value) ? (c.value as Record<string, unknown>[]) : [];
    raw.forEach((r, i) => {
        if (r && r["name"] === CONTRIBUTION_ATTACHMENT)
            c.index(i)
                .at("name")
                .fail(`"${CONTRIBUTION_ATTACHMENT}" names the venue feed (channels[].contribution); give this input another name, e.g. studio or backup`);
    });
    c.unique(
        inputs.map((x) => x.name),
        "input name",
    );
    if (venue) checkPairing(c, inputs, venue, raw);
    return inputs;
}

function readExtraInput(c: Cursor, pipelines: number): ExtraInputConfig | undefined {
    if (!c.object(keysOf(EXTRA_INPUT.fields))) return undefined;
    const name = readNode(c.at("name"), EXTRA_INPUT.fields.name);
    const role = readNode(c.at("role"), EXTRA_INPUT.fields.role);
    const type = readType(c.at("type"));
    let allowedCidr: string | undefined;
    let flowArns: Record<string, string[]> | undefined;
    if (type === "rtp-push") {
        allowedCidr = readCidr(c.at("allowedCidr"));
        if (c.at("flowArns").present) c.at("flowArns").fail(`applies to type: mediaconnect only; an rtp-push input takes allowedCidr`);
    } else if (type === "mediaconnect") {
        flowArns = readFlowArns(c.at("flowArns"), pipelines);
        if (c.at("allowedCidr").present) c.at("allowedCidr").fail(`applies to type: rtp-push only; a MediaConnect flow has its own allow-list on its source`);
    }
    let failover: InputFailoverConfig | undefined;
    if (role === "backup") {
        failover = readFailover(c.at("failover"));
    } else if (c.at("failover").present) {
        c.at("failover").fail(`applies to role: backup only; a studio input is switched to by inputSwitches, not by automatic failover`);
    }
    if (name === undefined || role === undefined || type === undefined) return undefined;
    if ((type === "rtp-push" && !allowedCidr) || (type === "mediaconnect" && !flowArns) || (role === "backup" && !failover)) return undefined;
    const out: ExtraInputConfig = { name, role, type };
    if (allowedCidr) out.allowedCidr = allowedCidr;
    if (flowArns) out.flowArns = flowArns;
    if (failover) out.failover = failover;
    return out;
}

function readType(c: Cursor): ExtraInputType | undefined {
    if (c.value === "hls-pull" || c.value === "hls") {
        // OnAir channels are epoch-locked; "the channel can't include HLS inputs. If the channel
        // includes an HLS input, MediaLive stops attempting to lock pipelines in the channel"
        // (User Guide, "Input and output requirements" for output locking).
        return c.fail(
            `cannot be used: an HLS input stops MediaLive's epoch locking for the whole channel, even after it switches away, so the two regions would no longer serve identical segments; bring the studio feed in as rtp-push or through a MediaConnect flow (type: mediaconnect)`,
        );
    }
    return c.oneOf(EXTRA_INPUT_TYPES);
}

function readCidr(c: Cursor): string | undefined {
    const text = c.string({ patternHint: "the sender's IPv4 CIDR, such as 203.0.113.32/28" });
    if (text === undefined) return undefined;
    const problem = allowListProblem(text);
    return problem ? c.fail(problem) : text;
}

/**
 * A STANDARD channel needs two sources in each input (DescribeInput InputClass: "If the ChannelClass
 * is STANDARD, [a SINGLE_PIPELINE input] is not valid because the channel requires two sources"):
 * two flows per region, pipeline A then B, in the availability zones of the channel's own flows
 * (User Guide, "Setting up automatic input failover with MediaConnect inputs").
 */
function readFlowArns(c: Cursor, pipelines: number): Record<string, string[]> | undefined {
    const hint = `a map of region to [pipeline A, pipeline B] flow ARNs, e.g. { us-east-1: [arn:aws:mediaconnect:us-east-1:123456789012:flow:1-abc:studio-a, ...], us-west-2: [...] }`;
    if (!c.present) return c.fail(`is required for type: mediaconnect; set ${hint}`);
    if (c.value === null || typeof c.value !== "object" || Array.isArray(c.value)) return c.fail(`must be ${hint}`);
    const out: Record<string, string[]> = {};
    for (const region of Object.keys(c.value as object)) {
        const r = c.at(region);
        if (!REGION_KEY.test(region)) {
            r.fail(`is not a region code; name the region whose channel reads these flows, e.g. us-east-1`);
            continue;
        }
        const arns = r.list(
            (a) => {
                const arn = a.string({ pattern: FLOW_ARN, patternHint: "a MediaConnect flow ARN (arn:aws:mediaconnect:<region>:<account>:flow:<id>:<name>)" });
                if (arn !== undefined && FLOW_ARN.exec(arn)![1] !== region)
                    return a.fail(`is a flow in ${FLOW_ARN.exec(arn)![1]}; a MediaLive input reads flows of its own region (${region})`);
                return arn;
            },
            { min: pipelines, max: pipelines, what: pipelines === 2 ? "flows (pipeline A and pipeline B)" : "flows (one pipeline)" },
        );
        r.unique(arns, "flow");
        if (arns.length === pipelines) out[region] = arns;
    }
    return Object.keys(out).length > 0 ? out : undefined;
}

function readFailover(c: Cursor): InputFailoverConfig | undefined {
    return readObject(c, INPUT_FAILOVER);
}

/**
 * What MediaLive can attach together:
 *  - at most two push inputs per channel, the venue's included (feature rules and limits);
 *  - "You can set up two push inputs as an automatic input failover pair. You can't set up pull
 *    inputs as a failover pair. The failover pair uses up your maximum number of push inputs"
 *    (feature rules and limits, Input types - in automatic input failover);
 *  - the two inputs of a pair are of the same type ("Make sure that the input type for the sources
 *    is the same. For example, two RTMP inputs", User Guide, "Setting up automatic input failover
 *    with RTMP and RTP inputs"; MediaConnect pairs are two MediaConnect inputs, "... with
 *    MediaConnect inputs");
 *  - one pair per channel: the venue is the primary input, so there is one backup at most.
 */
function checkPairing(c: Cursor, inputs: ExtraInputConfig[], venue: ContributionConfig, raw: Record<string, unknown>[]): void {
    const venueType = venueInputType(venue);
    const at = (x: ExtraInputConfig) =>
        c.index(
            Math.max(
                0,
                raw.findIndex((r) => r && r["name"] === x.name),
            ),
        );
    const backups = inputs.filter((x) => x.role === "backup");
    backups
        .slice(1)
        .forEach((x) =>
            at(x)
                .at("role")
                .fail(`makes a second backup; the venue feed is the primary of one automatic input failover pair, so a channel has one backup at most`),
        );
    const backup = backups[0];
    if (backup) {
        const t = extraInputType(backup);
        if (!isPush(venueType)) {
            at(backup)
                .at("role")
                .fail(
                    `cannot pair with this venue feed: its ${venue.protocol} contribution lands on an SRT caller input, a pull input, and MediaLive pairs only push inputs for automatic input failover; bring the venue in through MediaConnect (contribution.via: mediaconnect) to have a backup`,
                );
        } else if (t !== venueType) {
            const want = venueType === "MEDIACONNECT" ? "mediaconnect" : "rtp-push";
            at(backup)
                .at("type")
                .fail(
                    `is ${backup.type} (${t}) but the venue feed is a ${venueType} input; both inputs of an automatic input failover pair must be of the same type, so use type: ${want}`,
                );
        }
    }
    let push = isPush(venueType) ? 1 : 0;
    for (const x of inputs) {
        if (!isPush(extraInputType(x))) continue;
        push++;
        if (push <= MAX_PUSH_INPUTS) continue;
        const why =
            backup && x !== backup
                ? `the venue feed and its backup are an automatic input failover pair, which uses up both push inputs MediaLive allows per channel`
                : `MediaLive attaches at most ${MAX_PUSH_INPUTS} push inputs to a channel${isPush(venueType) ? ` and the venue's ${venueType} input is one of them` : ""}`;
        at(x).at("type").fail(`would be push input number ${push} (${x.type}): ${why}; remove it or attach it to another channel`);
    }
}

/** Season-wide: a mediaconnect input names flows for exactly the season's regions. */
export function checkExtraInputRegions(channelsCursor: Cursor, channels: { extraInputs: ExtraInputConfig[] }[], regions: string[]): void {
    channels.forEach((ch, ci) => {
        ch.extraInputs.forEach((x, xi) => {
            if (!x.flowArns) return;
            const at = channelsCursor.index(ci).at("extraInputs").index(xi).at("flowArns");
            for (const r of Object.keys(x.flowArns)) if (!regions.includes(r)) at.at(r).fail(`is not a region of this season; use ${regions.join(", ")}`);
            for (const r of regions)
                if (!x.flowArns[r]) at.fail(`has no flows for ${r}; every region's channel reads its own flows, so add ${r}: [pipeline A, pipeline B]`);
        });
    });
}

const _failover: Agree<Parsed<typeof INPUT_FAILOVER.fields>, InputFailoverConfig> = true;
void _failover;
