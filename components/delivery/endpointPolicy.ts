import { PolicyDocument } from "../media/iam";

/**
 * MediaPackage v2 origin endpoint policy for origin access control: only this distribution may
 * read, by GET (the selected origin) and HEAD (the quality probe CloudFront sends the other origin
 * of a media-quality-based group).
 */
export function endpointPolicy(endpointArn: string, distributionArn: string): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{
            Sid: "AllowCloudFrontOriginAccessControl",
            Effect: "Allow",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Action: ["mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"],
            Resource: endpointArn,
            Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
        }],
    };
}
