import { disallowOpenCidr } from "../../../../../policies/broadcast/medialive/inputsecuritygroup/onair-medialive-inputsecuritygroup-disallow-open-cidr";
import { assertNotApplicableToOtherTypes, assertOneViolation, assertPasses } from "../../../../helpers/policyAssertions";
import { inputSecurityGroup } from "../../../fixtures/medialive/inputsecuritygroup";

// An input security group's whitelistRules are CIDRs allowed to push to the input.
// https://docs.aws.amazon.com/medialive/latest/ug/working-with-input-security-groups.html
describe("onair-medialive-inputsecuritygroup-disallow-open-cidr", () => {
    it("passes the venue's ranges", async () => {
        await assertPasses(disallowOpenCidr, [inputSecurityGroup()]);
    });
    it("flags 0.0.0.0/0", async () => {
        await assertOneViolation(disallowOpenCidr, [inputSecurityGroup("0.0.0.0/0")], /allows 0.0.0.0\/0, which opens the input to the whole internet/);
    });
    it("flags ranges broader than the configured prefix", async () => {
        await assertPasses(disallowOpenCidr, [inputSecurityGroup("10.0.0.0/12")]);
        await assertOneViolation(disallowOpenCidr, [inputSecurityGroup("10.0.0.0/12")], /10\.0\.0\.0\/12/, { minPrefixLength: 16 });
    });
    it("is not applicable to other types", async () => {
        await assertNotApplicableToOtherTypes(disallowOpenCidr);
    });
});
