// Entry for `pulumi preview --policy-pack policies/broadcast`. It only builds the pack: the rules
// live in plain modules that tests and the offline plan import without starting a gRPC server.
import { PolicyPack } from "@pulumi/policy";
import { broadcastPack } from "./pack";

new PolicyPack(broadcastPack.name, {
    description: broadcastPack.description,
    enforcementLevel: broadcastPack.enforcementLevel,
    policies: broadcastPack.policies,
});
