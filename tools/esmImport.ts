/**
 * A real dynamic `import()` from CommonJS TypeScript, for ES modules (the QoE Lambda handler, the
 * `mermaid` package): ts-node and the plan launcher compile `import()` written here to require(),
 * which cannot load an ES module on Node 20. A Function-made import() is not rewritten.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant body, the one way to keep import() from being compiled to require()
export const esmImport = new Function("specifier", "return import(specifier)") as <T = Record<string, unknown>>(specifier: string) => Promise<T>;
