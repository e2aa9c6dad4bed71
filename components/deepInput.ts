import * as pulumi from "@pulumi/pulumi";

/**
 * A plain object (or list) whose leaves may be Outputs. Pulumi serializes such a value leaf by leaf,
 * so during preview only the leaves that come from resources not yet created are unknown and
 * everything the program set itself stays readable by the policy packs. One `apply` over the
 * whole object would make all of it unknown instead.
 */
export type DeepInput<T> = T extends string | number | boolean | null | undefined
    ? pulumi.Input<T>
    : T extends readonly (infer E)[]
      ? DeepInput<E>[]
      : T extends object
        ? { [K in keyof T]: DeepInput<T[K]> }
        : pulumi.Input<T>;
