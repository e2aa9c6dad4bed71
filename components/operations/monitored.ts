/**
 * What monitoring needs to know about the season. `S` is `string` for dashboards (JSON needs
 * resolved values) and may be a Pulumi output for alarms, whose dimensions take outputs.
 */
export interface MonitoredChannel<S = string> {
    id: string;
    name: string;
    mediaLiveChannelId: S;
    mediaLiveChannelArn: S;
    pipelines: number;
    flowArns: S[];
    /** The channel's MediaPackage channel group when the season has several (docs/adr/026); else the region's. */
    channelGroup?: string;
}

export interface MonitoredRegion<S = string> {
    region: string;
    role: string;
    channelGroup: string;
    channels: MonitoredChannel<S>[];
}

/** The CMAF Ingest output group's name: MinMQCS is reported per output group. */
export const CMAF_GROUP = "cmaf-ingest-mediapackage";
export const ENDPOINT = "cmaf";
