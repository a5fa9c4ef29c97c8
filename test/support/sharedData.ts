// Locates the shared public data folder (../shared/data beside the repository root) for golden-file tests.
import { existsSync, readFileSync } from "fs";
import path from "path";

function findRepoRoot(start: string): string | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

const repoRoot = findRepoRoot(__dirname);
const candidate = repoRoot ? path.resolve(repoRoot, "../shared/data") : null;

/** The shared data folder, or null when this checkout does not have it. */
export const SHARED_DATA: string | null = candidate && existsSync(candidate) ? candidate : null;

/** The text of a file under the shared data folder (only call inside {@link describeWithSharedData}). */
export function readSharedData(relativePath: string): string {
  if (SHARED_DATA === null) throw new Error("shared data folder not found");
  return readFileSync(path.join(SHARED_DATA, relativePath), "utf8");
}

/**
 * `describe` when ../shared/data exists, else a skipped test whose name says why. The body is not run at all then:
 * Jest collects a skipped `describe`'s body, and bodies read the files while collecting.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  if (SHARED_DATA) describe(name, body);
  else it.skip(`${name} [skipped: ../shared/data not found beside the repository]`, () => undefined);
}
