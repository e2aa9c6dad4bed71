/**
 * The season schema: `onair:season` as one tree of the section tables. The README configuration
 * tables are generated from it (tools/configDocs.ts), and every object's known keys come from it.
 */
import { MEDIA_REGIONS, REGION_COUNT } from "../enums";
import { REGION_ROLES } from "../types";
import { ADS } from "./ads";
import { CHANNEL } from "./channel";
import { DELIVERY } from "./delivery";
import { bool, custom, int, list, object, oneOf, string } from "./nodes";
import { OBSERVABILITY } from "./observability";
import { COST_RATES, OPERATIONS, QOE, SCHEDULE } from "./operations";
import { SECURITY } from "./security";

export const REGION = object(
    {
        region: oneOf(MEDIA_REGIONS, { typeDoc: "AWS region with MediaConnect, MediaLive and MediaPackage v2", doc: "where the chain runs" }),
        role: oneOf(REGION_ROLES, { doc: "exactly one primary: forced 404s and Origin Shield live there" }),
        availabilityZones: custom({ typeDoc: "two AZs of the region", defaultDoc: "`<region>a`, `<region>b`", doc: "one per pipeline" }),
    },
    { doc: "a region" },
);

export const QUOTA_SETTINGS = object(
    {
        otherStacks: int({
            min: 0,
            max: 50,
            default: 0,
            unit: "stacks",
            doc: "other stacks of this size in the same account: their share of per-account and per-Region quotas (channel groups, flows, MediaLive channels, distributions) is counted",
        }),
        increases: custom({
            typeDoc: "map of quota (OnAir id such as `mediapackagev2-channel-groups`, or its Service Quotas name) to a value, or to `{ <region>: value }`",
            defaultDoc: "none",
            doc: "the account's approved increases: the plan checks against them and shards are sized from them; only adjustable quotas, only above AWS's default",
        }),
        requestIncreases: bool({
            default: false,
            doc: "also file each declared increase as an `aws.servicequotas.ServiceQuota` request in its region (the code is looked up by name at deploy time)",
        }),
    },
    { optional: true, doc: "the account's raised service quotas and who else shares it" },
);

export const SEASON = object(
    {
        name: string({
            pattern: /^[a-z][a-z0-9-]{1,23}$/,
            hint: "a lowercase slug of 2-24 characters such as rsn-2026-27",
            typeDoc: "slug, 2-24",
            doc: "season id; MediaPackage channel group name, resource prefix (`{stack}` becomes the stack's name)",
        }),
        regions: list(REGION, { min: REGION_COUNT.min, max: REGION_COUNT.max, what: "regions", doc: "where a full chain runs" }),
        channels: list(CHANNEL, { min: 1, max: 60, what: "channels", doc: "the season's live channels" }),
        delivery: DELIVERY,
        security: SECURITY,
        observability: OBSERVABILITY,
        schedule: SCHEDULE,
        costRates: custom({ defaultDoc: "none", doc: COST_RATES.doc, fields: COST_RATES.fields }),
        ads: custom({ typeDoc: 'see "Server-side ads"', defaultDoc: "none", doc: ADS.doc }),
        operations: OPERATIONS,
        qoe: QOE,
        quotas: QUOTA_SETTINGS,
        tags: custom({
            typeDoc: "map of tag key to value",
            defaultDoc: "`{}`",
            doc: "extra tags on every resource (provider default tags); keys up to 128 characters, not `aws:`, values up to 256",
        }),
    },
    { doc: "the season" },
);
