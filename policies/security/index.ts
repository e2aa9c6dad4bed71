// Entry for `pulumi preview --policy-pack policies/security`. It only builds the pack: the rules
// live in plain modules that tests and the offline plan import without starting a gRPC server.
import { PolicyPack } from "@pulumi/policy";
import { securityPack } from "./pack";

new PolicyPack(securityPack.name, {
    description: securityPack.description,
    enforcementLevel: securityPack.enforcementLevel,
    policies: securityPack.policies,
});
