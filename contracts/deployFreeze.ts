/**
 * How long before a window's lead a deploy must not start: a deploy started later may still be
 * running when the channel starts. The AWS SDKs wait up to 35 minutes for a CloudFront
 * distribution to reach Deployed (the DistributionDeployed waiter: 35 checks, 60 s apart); ten
 * more cover the MediaLive and MediaConnect updates of the same `pulumi up`. Shared by the freeze
 * check (stacks/automation/freeze.ts) and the planner's change-impact report (plan/impact).
 */
export const DEFAULT_MARGIN_MINUTES = 45;
