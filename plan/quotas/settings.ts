import { ConfigIssue } from "../../components/config/errors";
import { Cursor, isPlainObject } from "../../components/config/cursor";
import { DEFAULT_QUOTAS, QuotaSettings, readQuotas } from "../../components/config/quotas";
import { readRegions } from "../../components/config/regions";
import { SEASON_KEY } from "../../components/config/season";
import { StackConfig } from "../../components/config/stackConfig";

/**
 * The quota settings of the stack's `onair:season.quotas`, read with the validator the program
 * uses (it has already refused a bad one); AWS's defaults for a program without a season.
 */
export function quotaSettingsOf(stack: StackConfig): QuotaSettings {
    const key = Object.keys(stack.config).find((k) => k.endsWith(`:${SEASON_KEY}`));
    if (!key) return DEFAULT_QUOTAS;
    let raw: unknown;
    try {
        raw = JSON.parse(stack.config[key]!);
    } catch {
        return DEFAULT_QUOTAS;
    }
    if (!isPlainObject(raw)) return DEFAULT_QUOTAS;
    const issues: ConfigIssue[] = [];
    const root = new Cursor(key, raw, issues);
    const regions = readRegions(root.at("regions"));
    return readQuotas(root.at("quotas"), regions) ?? DEFAULT_QUOTAS;
}
