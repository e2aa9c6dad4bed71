import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../contracts/repoRoot";

export const VIEWER_REQUEST_SOURCE = path.join(REPO_ROOT, "components", "delivery", "edge", "viewer-request.js");

/** The function code exactly as CloudFront runs it (and as the tests load it). */
export function viewerRequestCode(): string {
    return fs.readFileSync(VIEWER_REQUEST_SOURCE, "utf8");
}

/** KeyValueStore key under which the function finds the HS256 key for a `kid`. */
export function signingKeyEntry(kid: string): string {
    return `k:${kid}`;
}
