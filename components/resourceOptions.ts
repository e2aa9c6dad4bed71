import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config/errors";
import { PROTECT_KEY } from "./config/season";

/**
 * Resource options decided per resource type, in one place: which resources a season cannot lose
 * mid-season (protected) and which must delete before they replace (a fixed, create-only name).
 * ADR "season resources that cannot vanish" records the reasoning.
 */

/**
 * What breaks if the resource is deleted or replaced during a season. `protect` makes Pulumi refuse
 * both: a preview or update that would replace one of these fails, naming it, before anything is
 * touched. Retain-on-delete would be the wrong tool here: it lets the replacement go ahead and only
 * orphans the old copy.
 */
export const SEASON_CRITICAL: Readonly<Record<string, string>> = {
    "aws-native:mediaconnect:Flow": "venue encoders send to its listener address and port (or it calls theirs); a new flow means new addresses at every venue",
    "aws-native:mediaconnect:FlowSource": "the second ISP's source on a flow: its ingest port and allow-list are venue-facing",
    "aws:medialive/input:Input":
        "the input the channel is attached to; a new one forces a channel update, which MediaLive allows only while the channel is idle",
    "pulumi-nodejs:dynamic/medialive:Input": "a direct push or listener input: its destination addresses are venue-facing",
    "pulumi-nodejs:dynamic/medialive:Channel": "the encoder: a new channel has a new id, so schedules, alarms and the runbook's commands point at nothing",
    "aws-native:mediapackagev2:ChannelGroup": "its egress domain is the origin every CloudFront origin group reads",
    "aws-native:mediapackagev2:Channel": "the CMAF ingest endpoints MediaLive pushes to",
    "aws-native:mediapackagev2:OriginEndpoint": "the manifests and segments viewers play, with the start-over window behind them",
    "aws-native:cloudfront:Distribution": "its domain name is what the season's DNS aliases point at",
    "aws-native:cloudfront:KeyValueStore": "holds the token revocations operators write during games",
    "aws-native:wafv2:IpSet": "holds the re-streamer addresses operators add during games (the program ignores them)",
};

/**
 * aws-native types OnAir names itself whose name is create-only together with another property the
 * program can change (CloudFormation registry schemas, `createOnlyProperties`). Changing that other
 * property replaces the resource under the same name, which Pulumi's default create-then-delete
 * cannot do: the create fails on the name still in use. Deleting first lets the replacement run on
 * stacks that allow it (protected stacks refuse the replacement outright).
 *
 * Types whose only varying create-only property is the name itself (ChannelGroup, KeyValueStore,
 * Function, RealtimeLogConfig, WAF IPSet and WebACL, whose Scope is always CLOUDFRONT, and
 * MediaTailor PlaybackConfiguration) replace only under a new name, so create-then-delete works and
 * stays: deleting first would take an associated function, store or web ACL off the distribution.
 */
export const DELETE_BEFORE_REPLACE: Readonly<Record<string, string>> = {
    // AWS::MediaConnect::Flow createOnlyProperties: Name, AvailabilityZone, Source/Name.
    "aws-native:mediaconnect:Flow": "a new availability zone or source name replaces the flow under the same name",
    // AWS::MediaConnect::FlowSource createOnlyProperties: FlowArn, Name, Protocol.
    "aws-native:mediaconnect:FlowSource": "a new protocol replaces the source under the same name within its flow",
    // AWS::MediaPackageV2::Channel createOnlyProperties: ChannelGroupName, ChannelName, InputType, OutputLockingMode.
    "aws-native:mediapackagev2:Channel": "a new input type or output locking mode replaces the channel under the same name in its group",
    // AWS::MediaTailor::PrefetchSchedule createOnlyProperties: Name, PlaybackConfigurationName, Consumption, Retrieval, RecurringPrefetchConfiguration, ScheduleType, StreamId.
    "aws-native:mediatailor:PrefetchSchedule": "a new prefetch window replaces the schedule under the same name",
};

/** The config key that turns protection on (prod) or off (stacks that are destroyed on purpose). */
export { PROTECT_KEY };

export interface SeasonProtection {
    /** Protect the SEASON_CRITICAL resources. */
    protect: boolean;
}

/**
 * Reads `onair:protect` (default true: a stack someone forgets to configure is safe, and says so
 * on `pulumi destroy`). Rehearsal and review stacks set it to false because Pulumi Deployments
 * destroys them on a timer or when the pull request closes.
 */
export function seasonProtection(config: pulumi.Config): SeasonProtection {
    const raw = config.get(PROTECT_KEY);
    if (raw === undefined) return { protect: true };
    if (raw !== "true" && raw !== "false") {
        throw new ConfigError([
            {
                path: `${config.name}:${PROTECT_KEY}`,
                message: `${JSON.stringify(raw)} is not a boolean; set true for a season stack, false for a stack that is destroyed on purpose (rehearsal, review)`,
            },
        ]);
    }
    return { protect: raw === "true" };
}

/** The options a resource of `type` gets on top of what its component set. */
export function optionsFor(type: string, protection: SeasonProtection): Pick<pulumi.CustomResourceOptions, "protect" | "deleteBeforeReplace"> {
    return {
        ...(protection.protect && type in SEASON_CRITICAL ? { protect: true } : {}),
        ...(type in DELETE_BEFORE_REPLACE ? { deleteBeforeReplace: true } : {}),
    };
}

/**
 * A transformation for the season's components: every resource created under them gets the options
 * of its type. Components keep building their resources as before; an option a component sets
 * itself wins.
 */
export function seasonResourceOptions(protection: SeasonProtection): pulumi.ResourceTransformation {
    return ({ type, props, opts }) => {
        const extra = optionsFor(type, protection);
        if (Object.keys(extra).length === 0) return undefined;
        const merged: pulumi.CustomResourceOptions = { ...opts };
        if (extra.protect !== undefined && merged.protect === undefined) merged.protect = extra.protect;
        if (extra.deleteBeforeReplace !== undefined && (merged as pulumi.CustomResourceOptions).deleteBeforeReplace === undefined)
            merged.deleteBeforeReplace = extra.deleteBeforeReplace;
        return { props, opts: merged };
    };
}
