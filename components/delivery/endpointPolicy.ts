import type * as pulumi from "@pulumi/pulumi";
import type { DeepInput } from "../deepInput";
import { PolicyDocument } from "../media/iam";

/**
 * MediaPackage v2 origin endpoint policy for origin access control: only this distribution may
 * read, by GET (the selected origin) and HEAD (the quality probe CloudFront sends the other origin
 * of a media-quality-based group). The ARNs are leaves, so the rest is known during preview.
 */
export function endpointPolicy(endpointArn: pulumi.Input<string>, distributionArn: pulumi.Input<string>): DeepInput<PolicyDocument> {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowCloudFrontOriginAccessControl",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: ["mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"],
                Resource: endpointArn,
                Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
            },
        ],
    };
}
