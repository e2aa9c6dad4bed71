/**
 * Tags the program sets on resources and the policy packs read back: the program declares intent
 * (this distribution's rights are territorial, this channel is premium) and a rule holds the
 * resource to it. One copy, so a renamed tag cannot silently switch a rule off.
 */

/** On a CloudFront distribution whose content is licensed for named territories only. */
export const GEO_REQUIRED_TAG = "onair:geo-restriction";
/** The value of GEO_REQUIRED_TAG that requires a geo restriction. */
export const GEO_REQUIRED_VALUE = "required";

/** On a MediaPackage v2 channel whose rights require DRM (OnAir sets it from `premium: true`). */
export const PREMIUM_TAG = "onair:premium";
/** The value of PREMIUM_TAG that marks the channel premium. */
export const PREMIUM_VALUE = "true";
