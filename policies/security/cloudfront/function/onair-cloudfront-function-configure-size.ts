import { resourcePolicy } from "../../../lib/policy";
import { field, str } from "../../../lib/props";

interface Config {
    maxBytes: number;
}

const TYPES = ["aws-native:cloudfront:Function", "aws:cloudfront/function:Function"];

/**
 * CloudFront rejects function code above 10 KB at deploy time; OnAir keeps a
 * tighter budget so every viewer request stays cheap.
 */
export const configureSize = resourcePolicy<Config>(
    {
        name: "onair-cloudfront-function-configure-size",
        description: "CloudFront Function code must stay within the configured size budget (at most CloudFront's 10 KB limit).",
        rationale:
            "The token check runs on every viewer request of every game. CloudFront refuses code over 10 KB, and a small function keeps per-request compute (and the cost of a token rule change) low.",
        severity: "medium",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html",
        remediationSteps: "Shorten the function (comments count towards the limit) or move work to the URL vending hook.",
        appliesTo: TYPES,
        configSchema: {
            properties: {
                maxBytes: { type: "integer", minimum: 1, maximum: 10240, default: 10240, description: "Largest accepted function code, in bytes." },
            },
        },
    },
    (props, args, report, config) => {
        const code = str(field(props, "functionCode")) ?? str(field(props, "code"));
        if (code === undefined) return;
        const bytes = Buffer.byteLength(code);
        if (bytes > config.maxBytes)
            report(`CloudFront Function "${args.name}" is ${bytes} bytes; keep it within ${config.maxBytes} bytes (CloudFront rejects code over 10240).`);
    },
);
