import * as pulumi from "@pulumi/pulumi";

/**
 * The URN's value without its dependency on the parent: an input that depends on a component
 * waits for all of the component's children, this resource among them (a deadlock).
 */
export function urnValue(urn: pulumi.Output<string>): pulumi.Output<string> {
    return pulumi.output(new Promise<string>((resolve) => urn.apply(resolve)));
}
