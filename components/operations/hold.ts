import { PolicyDocument } from "../media/iam";

/**
 * The operator hold: one SSM String parameter per channel and region. `off` means "stop on
 * schedule"; any other value holds the channel past its scheduled stop and is quoted in the NOC
 * notifications (so a note such as "OT 2" or the operator's name travels with it). Parameter
 * Store is regional and Step Functions' SDK integrations call their own region, so each
 * region's runner reads its own region's copy; the runbook's one command sets every region.
 */
export const HOLD_OFF = "off";

/** `/onair/<season>/hold/<channel>`. */
export function holdParameterName(season: string, channelId: string): string {
    return `/onair/${season}/hold/${channelId}`;
}

/** Prefix of every hold parameter of the season (operators' policy and the runbook use it). */
export function holdParameterPrefix(season: string): string {
    return `/onair/${season}/hold/`;
}

/** Parameter Store ARNs omit the leading slash of a hierarchical name. */
export function holdParameterArn(region: string, account: string, season: string, channelId: string): string {
    return `arn:aws:ssm:${region}:${account}:parameter${holdParameterName(season, channelId)}`;
}

/**
 * The signal for "the input is still live": an action-less alarm per channel and region that
 * is OK while at least one pipeline receives its input, ALARM (or INSUFFICIENT_DATA) once every
 * pipeline has lost it.
 */
export function inputLostAlarmName(season: string, channelId: string, region: string): string {
    return `onair-${season}-${channelId}-${region}-input-lost`;
}

/**
 * The narrow policy operators (the NOC's role) get: read and set the season's hold parameters in
 * the season's regions, nothing else. No DeleteParameter: a deleted parameter reads as "no hold"
 * and Pulumi would recreate it at `off`.
 */
export function holdOperatorPolicy(season: string, regions: string[], account: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "SetSeasonHolds",
                Effect: "Allow",
                Action: ["ssm:GetParameter", "ssm:PutParameter"],
                Resource: regions.map((r) => `arn:aws:ssm:${r}:${account}:parameter${holdParameterPrefix(season)}*`),
            },
        ],
    };
}
