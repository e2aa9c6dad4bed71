import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { QuotaSettings } from "../config/quotas";
import { RegionProviders } from "../providers";
import { QUOTA_BY_ID } from "./catalog";

/**
 * With `onair:season.quotas.requestIncreases`, every declared increase is also managed as an
 * `aws.servicequotas.ServiceQuota`: `pulumi up` files the request (AWS approves it, often after a
 * person looks at it), and the plan checks the stack against the declared value meanwhile. The
 * quota's code is looked up by service and name (Service Quotas GetServiceQuota / ListServiceQuotas)
 * where no AWS document prints it.
 */
export function serviceQuotaRequests(
    settings: QuotaSettings,
    providers: Record<string, RegionProviders>,
    global: RegionProviders,
    parent?: pulumi.Resource,
): aws.servicequotas.ServiceQuota[] {
    if (!settings.requestIncreases) return [];
    const out: aws.servicequotas.ServiceQuota[] = [];
    for (const [id, perRegion] of Object.entries(settings.increases).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const q = QUOTA_BY_ID.get(id)!;
        for (const [region, value] of Object.entries(perRegion).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            const provider = (providers[region] ?? global).aws;
            const opts = { provider, ...(parent ? { parent } : {}) };
            const quotaCode = q.code ?? aws.servicequotas.getServiceQuotaOutput({ serviceCode: q.service, quotaName: q.name }, opts).quotaCode;
            out.push(new aws.servicequotas.ServiceQuota(`quota-${id}-${region}`, { serviceCode: q.service, quotaCode, value }, opts));
        }
    }
    return out;
}
