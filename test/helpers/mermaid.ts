/**
 * The `mermaid` package's own parser (what GitHub's renderer runs), in Node: mermaid sanitizes
 * labels with DOMPurify, which needs a DOM window, so a jsdom window is installed first. mermaid is
 * an ES module; it is loaded with a real dynamic import (ts-node would turn `import()` into require).
 */
import { esmImport } from "../../tools/esmImport";

let loaded: Promise<{ parse(text: string): Promise<unknown> }> | undefined;

export function mermaidParser(): Promise<{ parse(text: string): Promise<unknown> }> {
    loaded ??= (async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- jsdom is loaded only by the tests that parse Mermaid
        const { JSDOM } = require("jsdom") as { JSDOM: new (html: string) => { window: { document: unknown } } };
        const dom = new JSDOM("<!doctype html><html><body></body></html>");
        const g = globalThis as Record<string, unknown>;
        g["window"] ??= dom.window;
        g["document"] ??= dom.window.document;
        return (await esmImport<{ default: { parse(text: string): Promise<unknown> } }>("mermaid")).default;
    })();
    return loaded;
}

/** The Mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
    return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}
