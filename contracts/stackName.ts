/** Stack names as Pulumi takes them, which also keeps `Pulumi.<stack>.yaml` inside the project folder. */
export function stackNameProblem(stack: string): string | undefined {
    return /^[A-Za-z0-9_.-]+$/.test(stack) && !/^\.+$/.test(stack)
        ? undefined
        : `--stack ${JSON.stringify(stack)} is not a stack name; use letters, digits, _, . and -`;
}
