import { SeasonConfig } from "../config/types";

/**
 * The sections of the season the delivery layer reads: its channels and regions (origins, origin
 * groups, behaviours), delivery, security and ads settings, and the log settings. Not its schedule,
 * operations, QoE, quotas (the layout arrives as shards) or tags (provider default tags).
 */
export type DeliverySeason = Pick<SeasonConfig, "name" | "channels" | "regions" | "delivery" | "security" | "ads" | "observability">;
