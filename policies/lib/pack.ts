import { EnforcementLevel } from "@pulumi/policy";
import { OnAirPolicy } from "./policy";

/** A pack as plain data: the CLI entry (`index.ts`) and the offline harness both build from it. */
export interface PackDefinition {
    /** Pack name as published, e.g. `onair-broadcast`. */
    name: string;
    /** Directory name under `policies/`, e.g. `broadcast`. */
    dir: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    policies: OnAirPolicy[];
}
