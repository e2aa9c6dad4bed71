import type { ScheduleAction } from "@aws-sdk/client-medialive";
import * as pulumi from "@pulumi/pulumi";
import { mediaLiveScheduleProvider } from "./provider";
import { sdkApiFactory } from "./sdkApi";

export interface MediaLiveScheduleArgs {
    region: pulumi.Input<string>;
    channelId: pulumi.Input<string>;
    /** Fixed-time actions (input switches), API shape. */
    actions: pulumi.Input<ScheduleAction[]>;
    /** Names OnAir owns; other actions in the schedule (manual switches) are never touched. */
    ownedPrefix: pulumi.Input<string>;
}

export const SCHEDULE_TYPE = "pulumi-nodejs:dynamic/medialive:Schedule";

const provider = mediaLiveScheduleProvider(sdkApiFactory());

/**
 * A MediaLive channel's schedule actions as one resource, over BatchUpdateSchedule and
 * DescribeSchedule (docs/adr/027-input-switching.md). Type token
 * `pulumi-nodejs:dynamic/medialive:Schedule`; its id is the channel id. Actions past or running
 * are never deleted or re-created; actions beyond MediaLive's 14-day limit wait for a later update.
 */
export class MediaLiveSchedule extends pulumi.dynamic.Resource {
    declare readonly scheduled: pulumi.Output<ScheduleAction[]>;
    declare readonly missed: pulumi.Output<string[]>;
    declare readonly deferred: pulumi.Output<string[]>;
    declare readonly appliedAt: pulumi.Output<string>;

    constructor(name: string, args: MediaLiveScheduleArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, scheduled: undefined, missed: undefined, deferred: undefined, appliedAt: undefined }, opts, "medialive", "Schedule");
    }
}
