/**
 * The part of the repository's package-lock.json a pack needs: every package its dependencies pull
 * in, at the same install paths and with the same resolved URLs and integrity hashes. Shipped as
 * the pack's npm-shrinkwrap.json (npm includes that file in `npm pack`, unlike package-lock.json),
 * so the install Pulumi Cloud runs for a published pack gets exactly the versions the repository
 * tested, and an install from the local npm cache needs no registry metadata.
 * @see https://docs.npmjs.com/cli/v11/configuring-npm/npm-shrinkwrap-json
 */
export interface LockEntry {
    version?: string;
    resolved?: string;
    integrity?: string;
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    [key: string]: unknown;
}

export interface Lockfile {
    name?: string;
    version?: string;
    lockfileVersion: number;
    requires?: boolean;
    packages: Record<string, LockEntry>;
}

export class ShrinkwrapError extends Error {}

/** Where Node's resolution finds `name` for a package installed at `from` (nested first, then up). */
export function resolveInLock(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
    let base = from;
    for (;;) {
        const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
        if (packages[candidate]) return candidate;
        if (!base) return undefined;
        const i = base.lastIndexOf("/node_modules/");
        base = i < 0 ? "" : base.slice(0, i);
    }
}

/**
 * A lockfile for a package named `name`@`version` depending on `dependencies` (exact versions
 * that must equal the repository's), holding the closure of those dependencies taken from `root`.
 */
export function shrinkwrapFor(root: Lockfile, name: string, version: string, dependencies: Record<string, string>): Lockfile {
    if (root.lockfileVersion < 2) throw new ShrinkwrapError(`package-lock.json has lockfileVersion ${root.lockfileVersion}; regenerate it with npm 7 or later`);
    const P = root.packages;
    const keep = new Set<string>();
    const queue: string[] = [];
    for (const [dep, wanted] of Object.entries(dependencies)) {
        const at = `node_modules/${dep}`;
        const entry = P[at];
        if (!entry)
            throw new ShrinkwrapError(`${name} depends on ${dep}, which the repository's package-lock.json does not install; add it to the root package.json`);
        if (entry.version !== wanted)
            throw new ShrinkwrapError(
                `${name} pins ${dep} ${wanted}, but the repository installs ${entry.version}; pin the version the repository tests (${entry.version})`,
            );
        queue.push(at);
    }
    while (queue.length > 0) {
        const at = queue.shift()!;
        if (keep.has(at)) continue;
        keep.add(at);
        const e = P[at]!;
        // What npm installs for a package: its dependencies, its non-optional peers, and the
        // optional dependencies this platform has (the others are absent from the lock's tree too).
        const required = new Set(Object.keys(e.dependencies ?? {}));
        for (const peer of Object.keys(e.peerDependencies ?? {})) if (!e.peerDependenciesMeta?.[peer]?.optional) required.add(peer);
        for (const dep of required) {
            const found = resolveInLock(P, at, dep);
            if (!found) throw new ShrinkwrapError(`${at} needs ${dep}, which package-lock.json does not resolve from there`);
            queue.push(found);
        }
        for (const dep of Object.keys(e.optionalDependencies ?? {})) {
            const found = resolveInLock(P, at, dep);
            if (found) queue.push(found);
        }
    }
    const packages: Record<string, LockEntry> = { "": { name, version, dependencies } };
    for (const at of [...keep].sort()) {
        // Dependency-type flags describe the repository's tree (these are dev tools there); npm
        // recomputes them for the pack's tree, where every one of them is a runtime dependency.
        const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = P[at]! as LockEntry & { dev?: boolean; devOptional?: boolean; peer?: boolean };
        packages[at] = entry;
    }
    return { name, version, lockfileVersion: 3, requires: true, packages };
}
